// The organisation's read models as the hub exposes them: the staffing side (positions, cases,
// acting designations) and the work side (tasks, schedules, time off, motivation proposals).
import type { ReadModelDatabase } from './database.ts';
import { createStaffingQueries } from './organisation-staffing.ts';
import { createOrganisationWorkQueries } from './organisation-work.ts';

export const createOrganisationQueries = (db: ReadModelDatabase) => ({ ...createStaffingQueries(db), ...createOrganisationWorkQueries(db) });
export type OrganisationQueries = ReturnType<typeof createOrganisationQueries>;
