// The annual rating of teaching staff (regulation 2.1.15, DOMAIN.md "Ratings"): the module's
// commands, events and who may send what. The rules live with their stream kind: the campaign in
// rating-campaigns.ts, a teacher's entry in rating-entries.ts.
//
// Who may do what (the scope rules that depend on the entry, own entry and own unit, are the
// entry decider's):
//   the Rating division's staff (head, methodist, inspector) and the director prepare a campaign;
//   the head of the division and the director (or acting director) open, close, verify, publish,
//   and decide appeals, as the rating commission's decisions;
//   teachers record and submit their own entry; a unit head (faculty, college or chair) records,
//   submits, verifies and returns the entries of their own unit; the department verifies and
//   returns any entry; only the teacher appeals their own results.
//
// Who may read what (applied in SQL by projections/ratings.ts):
//   a campaign (criteria, status, deadlines, counts of entries by status): any signed-in caller;
//   a rating entry (personal data: scores, evidence, total, ranks, appeal): its teacher, the head of
//   its unit, the department (director, acting director, Rating division), the rector and auditors;
//   published aggregates (per unit, and the chair and faculty tables): the same readers of all
//   entries and integrations over every unit, a unit head over their own unit's entries.
//   Integrations never read personal entries; the results table is entries, read as entries.
import type { Role } from './decider.ts';
import { ratingCampaignCommands, ratingCampaignEventTypes, type RatingCampaignCommandName } from './rating-campaigns.ts';
import { ratingDepartmentRoles, ratingEntryCommands, ratingEntryEventTypes, type RatingEntryCommandName } from './rating-entries.ts';

export const ratingsCommands = { ...ratingCampaignCommands, ...ratingEntryCommands } as const;
export type RatingsCommandName = RatingCampaignCommandName | RatingEntryCommandName;

export const ratingsEventTypes = [...ratingCampaignEventTypes, ...ratingEntryEventTypes];

const ratingDecisions: Role[] = ['director', 'acting_director', 'head_of_rating_division'];
const entryAuthors: Role[] = ['teacher', 'unit_head'];
const entryReviewers: Role[] = ['unit_head', ...ratingDepartmentRoles];

export const ratingsPermissions: Record<RatingsCommandName, Role[]> = {
  createRatingCampaign: ratingDepartmentRoles,
  reviseRatingCriteria: ratingDepartmentRoles,
  openRatingCampaign: ratingDecisions,
  extendRatingEntryDeadline: ratingDecisions,
  closeRatingEntries: ratingDecisions,
  startRatingVerification: ratingDecisions,
  publishRatingResults: ratingDecisions,
  closeRatingAppeals: ratingDecisions,
  recordRatingScores: entryAuthors,
  recordRatingEntryProfile: entryAuthors,
  submitRatingEntry: entryAuthors,
  verifyRatingEntry: entryReviewers,
  returnRatingEntry: entryReviewers,
  fileRatingAppeal: ['teacher'],
  resolveRatingAppeal: ratingDecisions,
};

/** Limits that depend on the entry, checked by the entry decider; printed with the permission matrix. */
export const ratingsScopes: Partial<Record<RatingsCommandName, string>> = {
  recordRatingScores: 'a teacher only their own entry, which they start; a unit head only entries of their own unit, once started',
  recordRatingEntryProfile: 'a teacher only their own entry; a unit head only entries of their own unit',
  submitRatingEntry: 'a teacher only their own entry; a unit head only entries of their own unit',
  verifyRatingEntry: 'a unit head only entries of their own unit, never their own; nobody verifies an entry they recorded scores in',
  returnRatingEntry: 'a unit head only entries of their own unit, never their own',
  fileRatingAppeal: 'only the teacher whose entry it is',
};

/** Who reads every rating entry: the department, the rector and auditors. */
export const ratingEntryReadersOfAll: Role[] = [...ratingDepartmentRoles, 'rector', 'auditor'];

/** Who reads the published aggregates of every unit: the readers of all entries and integrations. */
export const ratingAggregateReadersOfAll: Role[] = [...ratingEntryReadersOfAll, 'integration'];
