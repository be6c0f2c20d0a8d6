// The department's structure as the regulation sets it (DOMAIN.md 1.2, 3.3, 4.3): three units and
// the positions of each with their rates. A position is named after the role it gives its holder,
// so "roles follow appointments" is a lookup, not a translation table.
import { z } from 'zod';
import type { Role } from './decider.ts';
import type { Labels } from './values.ts';

const units = ['department', 'accreditation_sector', 'rating_division'] as const;
export type OrganisationUnit = (typeof units)[number];

export const organisationUnitLabels: Labels<OrganisationUnit> = {
  department: { ky: 'Бөлүм (директор)', ru: 'Отдел (директор)', en: 'The department (director)' },
  accreditation_sector: {
    ky: 'Аккредитациялоо жана лицензиялоо сектору',
    ru: 'Сектор аккредитации и лицензирования',
    en: 'Accreditation and Licensing sector',
  },
  rating_division: { ky: 'Рейтинг бөлүмчөсү', ru: 'Отдел рейтинга', en: 'Rating division' },
};

export const organisationUnit = z.enum(units).meta({
  id: 'OrganisationUnit',
  description: 'A unit of the department: the department itself, its sector or its division.',
  labels: organisationUnitLabels,
});

const positions = [
  'director',
  'head_of_accreditation_sector',
  'senior_inspector',
  'specialist',
  'inspector',
  'head_of_rating_division',
  'rating_inspector',
  'methodist',
] as const satisfies readonly Role[];
export type StaffPosition = (typeof positions)[number];

export const staffPositionLabels: Labels<StaffPosition> = {
  director: { ky: 'Директор', ru: 'Директор', en: 'Director' },
  head_of_accreditation_sector: { ky: 'Сектордун башчысы', ru: 'Заведующий сектором', en: 'Head of the sector' },
  senior_inspector: { ky: 'Ага инспектор', ru: 'Старший инспектор', en: 'Senior inspector' },
  specialist: { ky: 'Адис', ru: 'Специалист', en: 'Specialist' },
  inspector: { ky: 'Инспектор (сектор)', ru: 'Инспектор (сектор)', en: 'Inspector (sector)' },
  head_of_rating_division: { ky: 'Рейтинг бөлүмчөсүнүн башчысы', ru: 'Начальник отдела рейтинга', en: 'Head of the Rating division' },
  rating_inspector: { ky: 'Инспектор (рейтинг)', ru: 'Инспектор (рейтинг)', en: 'Inspector (Rating division)' },
  methodist: { ky: 'Методист', ru: 'Методист', en: 'Methodist' },
};

export const staffPosition = z
  .enum(positions)
  .meta({ id: 'StaffPosition', description: 'A position of the staffing table; its holder has the role of the same name.', labels: staffPositionLabels });

/** Which unit each position belongs to. */
export const unitOfPosition: Record<StaffPosition, OrganisationUnit> = {
  director: 'department',
  head_of_accreditation_sector: 'accreditation_sector',
  senior_inspector: 'accreditation_sector',
  specialist: 'accreditation_sector',
  inspector: 'accreditation_sector',
  head_of_rating_division: 'rating_division',
  rating_inspector: 'rating_division',
  methodist: 'rating_division',
};

/** The head of each unit other than the department, who proposes its staff. */
export const headOfUnit: Record<Exclude<OrganisationUnit, 'department'>, StaffPosition> = {
  accreditation_sector: 'head_of_accreditation_sector',
  rating_division: 'head_of_rating_division',
};

/** Rates as the regulation sets them (3.3, 4.3; the director by 1.1). */
export const regulationRates: Record<StaffPosition, number> = {
  director: 1,
  head_of_accreditation_sector: 1,
  senior_inspector: 2,
  specialist: 1,
  inspector: 2,
  head_of_rating_division: 1,
  rating_inspector: 1,
  methodist: 1,
};

export const staffPositions: readonly StaffPosition[] = positions;

/** The heads' positions: proposed by the director, whose proposal is also the consent. */
export const isHeadPosition = (position: StaffPosition): boolean => position === 'head_of_accreditation_sector' || position === 'head_of_rating_division';
