// Groups of the regulation's staffing that several modules' permission rows share, named once so a
// change of who keeps the department's records is made in one place.
import type { Role } from './decider.ts';

/** The department's own staff who keep its records: the director and acting director, the heads, and their specialists. */
export const departmentStaff: Role[] = [
  'director',
  'acting_director',
  'head_of_accreditation_sector',
  'head_of_rating_division',
  'senior_inspector',
  'specialist',
  'methodist',
];

/** Who records an approval on the university's behalf: the rector, the director and the acting director. */
export const institutionalApprovers: Role[] = ['rector', 'director', 'acting_director'];
