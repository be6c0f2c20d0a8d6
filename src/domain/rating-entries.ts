// A teacher's entry in a rating campaign: one stream per campaign × teacher, `ratingEntry-<id>`,
// whose id is derived from the campaign and the teacher's user id, so a teacher has exactly one
// entry per campaign however many times scores are recorded.
//
// Entry lifecycle:  draft ──submit──► submitted ──verify──► verified ──(published)──► appeal
//                                         └──return──► returned ──correct, resubmit──► submitted
// - Scores (a quantity per criterion, with the number of authors where the criterion is shared and
//   evidence notes; the points follow from the criterion's rule, rating-computation.ts) and the
//   teacher's profile (faculty, chair, position, degree, staff rate: what ranks and normalisation
//   read) are recorded by the teacher themself or by the head of their unit, and submitted by
//   either; submission needs a score on every criterion and the profile. The entry's unit is the `unit` claim of the
//   teacher's own token, fixed when the teacher starts the entry: the hub learns a teacher's unit
//   only from the teacher, so a unit head cannot start an entry (and so cannot enrol any id into
//   their unit). Once the staff directory exists (the organisation issue), it will say the unit
//   and heads may start entries for the teachers it lists.
// - Verification or return is by the head of the entry's unit or by the department (the Rating
//   division and the director). Nobody reviews their own entry, and four eyes see every score:
//   whoever recorded scores in an entry does not verify it (they may still return it).
// - A submitted or verified entry is locked; returning it reopens it for correction.
// - After publication the teacher may appeal once, naming the contested criteria, until the appeal
//   deadline. The department upholds it (correcting scores of contested criteria; totals and ranks
//   are recomputed by the read model) or rejects it.
// Scope rules that depend on who the caller is (own entry, own unit) throw ForbiddenError with a
// stable code; rules of the regulation throw DomainRuleError. The campaign comes with every command
// (RatingCampaignFacts, read from its stream by the pipeline), so the decider stays pure.
import { z } from 'zod';
import type { Actor, CommandContext, Decider, Role } from './decider.ts';
import type { Upcaster } from '../eventstore/upcasting.ts';
import { DomainRuleError, ForbiddenError } from './errors.ts';
import { computeEntry, type Quantity } from './rating-computation.ts';
import { criterionCode, ratingQuantity, uniqueCodes, type RatingCampaignFacts, type RatingCriterion, type RatingGroupCap } from './rating-campaigns.ts';
import { entityId, isoDate, localDateOf, text, type Labels } from './values.ts';

export const ratingEntryCategory = 'ratingEntry';

const statuses = ['draft', 'submitted', 'verified', 'returned'] as const;
const appealStatuses = ['under_review', 'upheld', 'rejected'] as const;
const levels = ['unit', 'department'] as const;
const submitters = ['teacher', 'unit_head'] as const;

export const ratingEntryStatusLabels: Labels<(typeof statuses)[number]> = {
  draft: { ky: 'Толтурулууда', ru: 'Заполняется', en: 'Being filled in' },
  submitted: { ky: 'Тапшырылды', ru: 'Подана', en: 'Submitted' },
  verified: { ky: 'Текшерилди', ru: 'Проверена', en: 'Verified' },
  returned: { ky: 'Оңдоого кайтарылды', ru: 'Возвращена на доработку', en: 'Returned for correction' },
};

export const ratingAppealStatusLabels: Labels<(typeof appealStatuses)[number]> = {
  under_review: { ky: 'Каралууда', ru: 'На рассмотрении', en: 'Under review' },
  upheld: { ky: 'Канааттандырылды', ru: 'Удовлетворена', en: 'Upheld' },
  rejected: { ky: 'Четке кагылды', ru: 'Отклонена', en: 'Rejected' },
};

export const ratingReviewLevelLabels: Labels<(typeof levels)[number]> = {
  unit: { ky: 'Түзүмдүк бөлүмдүн жетекчиси', ru: 'Руководитель подразделения', en: 'Head of the unit' },
  department: { ky: 'Рейтинг бөлүмү', ru: 'Отдел рейтинга', en: 'Rating division' },
};

export const ratingSubmitterLabels: Labels<(typeof submitters)[number]> = {
  teacher: { ky: 'Окутуучунун өзү', ru: 'Сам преподаватель', en: 'The teacher' },
  unit_head: { ky: 'Түзүмдүк бөлүмдүн жетекчиси', ru: 'Руководитель подразделения', en: 'Head of the unit' },
};

export const ratingEntryStatus = z
  .enum(statuses)
  .meta({ id: 'RatingEntryStatus', description: "Where a teacher's rating entry stands.", labels: ratingEntryStatusLabels });
export type RatingEntryStatus = z.infer<typeof ratingEntryStatus>;

export const ratingAppealStatus = z
  .enum(appealStatuses)
  .meta({ id: 'RatingAppealStatus', description: 'Where an appeal against published results stands.', labels: ratingAppealStatusLabels });

export const ratingReviewLevel = z.enum(levels).meta({
  id: 'RatingReviewLevel',
  description: 'Who verified or returned an entry: the head of its unit or the department.',
  labels: ratingReviewLevelLabels,
});

export const ratingSubmitter = z
  .enum(submitters)
  .meta({ id: 'RatingSubmitter', description: 'Who submitted an entry: the teacher or the head of their unit.', labels: ratingSubmitterLabels });

export const ratingAppealDecision = z.enum(['upheld', 'rejected']).meta({
  id: 'RatingAppealDecision',
  description: 'The decision on an appeal: upheld (scores corrected) or rejected.',
  labels: {
    upheld: { ky: 'Канааттандырылды', ru: 'Удовлетворена', en: 'Upheld' },
    rejected: { ky: 'Четке кагылды', ru: 'Отклонена', en: 'Rejected' },
  },
});

/** The department's staff who review entries: the Rating division and the director. */
const positions = ['professor', 'associate_professor', 'senior_lecturer', 'lecturer', 'assistant'] as const;
const degrees = ['none', 'candidate', 'doctor', 'phd'] as const;

export const ratingPositionLabels: Labels<(typeof positions)[number]> = {
  professor: { ky: 'Профессор', ru: 'Профессор', en: 'Professor' },
  associate_professor: { ky: 'Доцент', ru: 'Доцент', en: 'Associate professor' },
  senior_lecturer: { ky: 'Улук окутуучу', ru: 'Старший преподаватель', en: 'Senior lecturer' },
  lecturer: { ky: 'Окутуучу', ru: 'Преподаватель', en: 'Lecturer' },
  assistant: { ky: 'Ассистент', ru: 'Ассистент', en: 'Assistant' },
};

export const ratingDegreeLabels: Labels<(typeof degrees)[number]> = {
  none: { ky: 'Илимий даражасы жок', ru: 'Без учёной степени', en: 'No academic degree' },
  candidate: { ky: 'Илимдердин кандидаты', ru: 'Кандидат наук', en: 'Candidate of sciences' },
  doctor: { ky: 'Илимдердин доктору', ru: 'Доктор наук', en: 'Doctor of sciences' },
  phd: { ky: 'PhD доктору', ru: 'Доктор PhD', en: 'PhD' },
};

export const ratingPosition = z.enum(positions).meta({
  id: 'RatingPosition',
  description: "The teacher's position; teachers are also ranked within their position group.",
  labels: ratingPositionLabels,
});
export type RatingPosition = z.infer<typeof ratingPosition>;

export const ratingDegree = z.enum(degrees).meta({ id: 'RatingDegree', description: "The teacher's academic degree.", labels: ratingDegreeLabels });

/** Staff rates the regulation knows: 0.25 to 1.5 in steps of 0.25. */
export const ratingStaffRate = z
  .number()
  .min(0.25, 'must be at least 0.25')
  .max(1.5, 'must be at most 1.5')
  .multipleOf(0.25, 'must be a step of 0.25 (0.25, 0.5, 0.75, 1, 1.25 or 1.5)');

export const ratingProfile = z
  .object({
    faculty: text(200).describe('The faculty or college the teacher works in.'),
    chair: text(200).describe('The chair (department) or subject-cycle commission.'),
    position: ratingPosition,
    degree: ratingDegree,
    rate: ratingStaffRate.describe('The staff rate the teacher holds, 0.25 to 1.5; scores are compared per full rate (total / rate).'),
  })
  .meta({ id: 'RatingProfile', description: 'Where a ranked teacher works and on what terms: what the ranks and the normalisation read.' });
export type RatingProfile = z.infer<typeof ratingProfile>;

export const ratingDepartmentRoles: Role[] = ['director', 'acting_director', 'head_of_rating_division', 'methodist', 'rating_inspector'];

export const ratingScore = z
  .object({
    criterionCode: criterionCode.describe('Code of the criterion scored.'),
    quantity: ratingQuantity.describe(
      'How much of the criterion: articles, hours, certificates, or points where the criterion counts one point per unit; at most two decimal places.',
    ),
    authorCount: z
      .int()
      .min(1, 'must be at least 1 (a sole author)')
      .max(500, 'must be at most 500')
      .optional()
      .describe('For a criterion with shared authorship: how many authors share the work, the teacher included; the points are divided by it.'),
    evidence: text(2000).optional().describe('What the points rest on: publications, certificates, links to documents.'),
  })
  .meta({ id: 'RatingScore', description: 'The quantity on one criterion, with the number of authors where shared and the evidence.' });
export type RatingScore = z.infer<typeof ratingScore>;

const scores = (what: string) =>
  z
    .array(ratingScore)
    .min(1, `must give at least one ${what}`)
    .max(50, `must give at most 50 ${what}s`)
    .superRefine(uniqueCodes((s: RatingScore) => s.criterionCode, 'criterionCode', 'the criterion'));

const ratingTeacher = z
  .object({
    id: text(100).describe("The teacher's user id (the `sub` claim of their token)."),
    name: text(200).describe("The teacher's full name."),
  })
  .meta({ id: 'RatingTeacher', description: 'The teacher a rating entry is for.' });

const entryRef = { entryId: entityId('rating entry').describe('The rating entry acted on.') };

// One schema per command: the GraphQL input, the validation and the decider's input in one place.
export const ratingEntryCommands = {
  recordRatingScores: z.object({
    campaignId: entityId('rating campaign').describe('The campaign the entry belongs to.'),
    teacher: ratingTeacher
      .optional()
      .describe(
        'The teacher the scores are for; omit for your own entry, which this starts. A unit head names a teacher of their unit who has started their entry.',
      ),
    scores: scores('score').describe('Scores to record; criteria not listed keep their points. Starts the entry if there is none.'),
  }),
  recordRatingEntryProfile: z.object({ ...entryRef, profile: ratingProfile.describe("The teacher's faculty, chair, position, degree and staff rate.") }),
  submitRatingEntry: z.object({ ...entryRef }),
  verifyRatingEntry: z.object({ ...entryRef, note: text(2000).optional().describe("The reviewer's note.") }),
  returnRatingEntry: z.object({ ...entryRef, reason: text(2000).describe('What must be corrected.') }),
  fileRatingAppeal: z.object({
    ...entryRef,
    criteria: z
      .array(criterionCode)
      .min(1, 'must name at least one contested criterion')
      .max(50, 'must name at most 50 criteria')
      .superRefine(uniqueCodes((c: string) => c, undefined, 'the criterion'))
      .describe('Codes of the criteria whose scores are contested.'),
    reason: text(4000).describe('Why the scores are wrong, with the evidence.'),
  }),
  resolveRatingAppeal: z
    .object({
      ...entryRef,
      decision: ratingAppealDecision,
      response: text(4000).describe("The department's answer to the teacher."),
      corrections: scores('correction')
        .optional()
        .describe('Corrected scores of contested criteria; required when the appeal is upheld, not allowed when it is rejected.'),
    })
    .refine((c) => (c.decision === 'upheld') === (c.corrections !== undefined), {
      path: ['corrections'],
      message: 'must give corrected scores when the appeal is upheld, and none when it is rejected',
    }),
} as const;

export type RatingEntryCommandName = keyof typeof ratingEntryCommands;

/** A command as the decider sees it: the validated input, the entry, and its campaign. */
export type RatingEntryCommand = {
  [Name in RatingEntryCommandName]: { type: Name; entryId: string; campaign: RatingCampaignFacts } & z.infer<(typeof ratingEntryCommands)[Name]>;
}[RatingEntryCommandName];

// Events are read back as they were stored: their schemas check the shape, not today's input rules.
const storedScore = z.object({ criterionCode: z.string(), quantity: z.number(), authorCount: z.number().optional(), evidence: z.string().optional() });
const correction = storedScore.extend({ previousQuantity: z.number(), previousAuthorCount: z.number().optional() });
const storedProfile = z.object({ faculty: z.string(), chair: z.string(), position: ratingPosition, degree: ratingDegree, rate: z.number() });

export const ratingEntryEventSchemas = {
  RatingEntryStarted: z.object({
    entryId: z.string(),
    campaignId: z.string(),
    teacher: z.object({ id: z.string(), name: z.string() }),
    unit: z.string(),
  }),
  RatingScoresRecorded: z.object({
    entryId: z.string(),
    campaignId: z.string(),
    scores: z.array(storedScore),
    recordedBy: z.object({ id: z.string(), name: z.string() }),
  }),
  RatingEntryProfileRecorded: z.object({ entryId: z.string(), campaignId: z.string(), profile: storedProfile }),
  RatingEntrySubmitted: z.object({ entryId: z.string(), campaignId: z.string(), submittedAs: ratingSubmitter }),
  RatingEntryVerified: z.object({ entryId: z.string(), campaignId: z.string(), level: ratingReviewLevel, note: z.string().optional() }),
  RatingEntryReturned: z.object({ entryId: z.string(), campaignId: z.string(), level: ratingReviewLevel, reason: z.string() }),
  RatingAppealFiled: z.object({ entryId: z.string(), campaignId: z.string(), criteria: z.array(z.string()), reason: z.string(), filedOn: isoDate }),
  RatingAppealUpheld: z.object({
    entryId: z.string(),
    campaignId: z.string(),
    response: z.string(),
    decidedOn: isoDate,
    corrections: z.array(correction),
  }),
  RatingAppealRejected: z.object({ entryId: z.string(), campaignId: z.string(), response: z.string(), decidedOn: isoDate }),
} as const;

export type RatingEntryEventType = keyof typeof ratingEntryEventSchemas;
export type RatingEntryEvent = {
  [Type in RatingEntryEventType]: { type: Type; data: z.infer<(typeof ratingEntryEventSchemas)[Type]> };
}[RatingEntryEventType];
export const ratingEntryEventTypes = Object.keys(ratingEntryEventSchemas) as RatingEntryEventType[];

/**
 * Version history of rating entry events (src/eventstore/upcasting.ts). RatingScoresRecorded v1
 * left who recorded the scores to the event's metadata; v2 says it in the data, where the
 * four-eyes rule of verification reads it. RatingScoresRecorded v2 and RatingAppealUpheld v1
 * recorded points entered directly; since criteria have a points rule, scores are quantities, and
 * an old campaign's criteria read as one point per unit (see ratingCampaignUpcasters), so the old
 * points are the quantity.
 */
type Stored = Record<string, unknown>;
export const ratingEntryUpcasters: Upcaster[] = [
  {
    eventType: 'RatingScoresRecorded',
    fromVersion: 1,
    upcast: (data, event) => ({ ...data, recordedBy: { id: event.metadata.actor.id, name: event.metadata.actor.name } }),
  },
  {
    eventType: 'RatingScoresRecorded',
    fromVersion: 2,
    upcast: (data) => ({ ...data, scores: (data.scores as Stored[]).map(({ points, ...rest }) => ({ ...rest, quantity: points })) }),
  },
  {
    eventType: 'RatingAppealUpheld',
    fromVersion: 1,
    upcast: (data) => ({
      ...data,
      corrections: (data.corrections as Stored[]).map(({ points, previousPoints, ...rest }) => ({
        ...rest,
        quantity: points,
        previousQuantity: previousPoints,
      })),
    }),
  },
];

export type ScoreValue = Quantity & { evidence?: string };

type ScoreInput = { criterionCode: string; quantity: number; authorCount?: number | undefined; evidence?: string | undefined };

/**
 * Scores after recording `list`: a recorded score replaces the criterion's quantity, number of
 * authors and evidence; a correction on appeal replaces the quantity and number of authors and
 * keeps the evidence unless it brings new evidence.
 */
export function scoresAfter(
  current: Readonly<Record<string, ScoreValue>>,
  list: readonly ScoreInput[],
  mode: 'record' | 'correct',
): Record<string, ScoreValue> {
  const next = { ...current };
  for (const s of list) {
    const evidence = s.evidence ?? (mode === 'correct' ? current[s.criterionCode]?.evidence : undefined);
    next[s.criterionCode] = {
      quantity: s.quantity,
      ...(s.authorCount !== undefined ? { authorCount: s.authorCount } : {}),
      ...(evidence !== undefined ? { evidence } : {}),
    };
  }
  return next;
}

export type RatingEntryState =
  | { exists: false }
  | {
      exists: true;
      entryId: string;
      campaignId: string;
      teacher: { id: string; name: string };
      unit: string;
      status: RatingEntryStatus;
      scores: Record<string, ScoreValue>;
      profile: RatingProfile | null;
      /** Ids of everyone who recorded scores in the entry: none of them verifies it. */
      scoredBy: string[];
      appeal: { status: z.infer<typeof ratingAppealStatus>; criteria: string[] } | null;
    };

const initialState: RatingEntryState = { exists: false };

function evolve(state: RatingEntryState, event: RatingEntryEvent): RatingEntryState {
  if (event.type === 'RatingEntryStarted') {
    const { entryId, campaignId, teacher, unit } = event.data;
    return { exists: true, entryId, campaignId, teacher, unit, status: 'draft', scores: {}, profile: null, scoredBy: [], appeal: null };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'RatingScoresRecorded': {
      const by = event.data.recordedBy.id;
      return {
        ...state,
        scores: scoresAfter(state.scores, event.data.scores, 'record'),
        scoredBy: state.scoredBy.includes(by) ? state.scoredBy : [...state.scoredBy, by],
      };
    }
    case 'RatingEntryProfileRecorded':
      return { ...state, profile: event.data.profile };
    case 'RatingEntrySubmitted':
      return { ...state, status: 'submitted' };
    case 'RatingEntryVerified':
      return { ...state, status: 'verified' };
    case 'RatingEntryReturned':
      return { ...state, status: 'returned' };
    case 'RatingAppealFiled':
      return { ...state, appeal: { status: 'under_review', criteria: event.data.criteria } };
    case 'RatingAppealUpheld':
      return { ...state, scores: scoresAfter(state.scores, event.data.corrections, 'correct'), appeal: state.appeal && { ...state.appeal, status: 'upheld' } };
    case 'RatingAppealRejected':
      return { ...state, appeal: state.appeal && { ...state.appeal, status: 'rejected' } };
  }
}

/** The criteria of a campaign as rules of the computation (rating-computation.ts). */
export const pointsRulesOf = (criteria: readonly RatingCriterion[]) => criteria.map((c) => ({ ...c, group: c.group ?? null }));

/** The total of `scores` in exact units of 1/10 000 of a point, with the campaign's rules and caps. */
export const totalUnitsOf = (
  scores: Readonly<Record<string, ScoreValue>>,
  criteria: readonly RatingCriterion[],
  groupCaps: readonly RatingGroupCap[],
): number => computeEntry(pointsRulesOf(criteria), groupCaps, scores).totalUnits;
export { UNITS_PER_POINT as TOTAL_UNITS_PER_POINT } from './rating-computation.ts';

/** The caller may not act on this entry; `code` says which scope rule refused it. */
export class RatingScopeError extends ForbiddenError {
  constructor(
    override readonly code: 'NOT_OWN_ENTRY' | 'NOT_OWN_UNIT',
    message: string,
  ) {
    super(message, code);
  }
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

type Existing = Extract<RatingEntryState, { exists: true }>;

const isDepartment = (actor: Actor) => actor.roles.some((r) => ratingDepartmentRoles.includes(r));
const isOwn = (actor: Actor, entry: Existing) => actor.id === entry.teacher.id;
const headsUnit = (actor: Actor, unit: string) => actor.roles.includes('unit_head') && actor.unit === unit;

function existing(state: RatingEntryState, campaign: RatingCampaignFacts): Existing {
  if (!state.exists) throw rule('ENTRY_NOT_FOUND', 'no rating entry with this id exists');
  if (state.campaignId !== campaign.campaignId) throw rule('ENTRY_CAMPAIGN_MISMATCH', 'the entry belongs to another campaign');
  return state;
}

/** Scores are written by the teacher or the head of the entry's unit. */
function requireAuthor(actor: Actor, entry: Existing): 'teacher' | 'unit_head' {
  if (isOwn(actor, entry)) return 'teacher';
  if (headsUnit(actor, entry.unit)) return 'unit_head';
  if (actor.roles.includes('unit_head')) throw new RatingScopeError('NOT_OWN_UNIT', 'a unit head acts only for the entries of their own unit');
  throw new RatingScopeError('NOT_OWN_ENTRY', 'a teacher may change only their own rating entry');
}

/** Entries are reviewed by the department, or by the head of their unit; never by their teacher. */
function requireReviewer(actor: Actor, entry: Existing): 'unit' | 'department' {
  if (isOwn(actor, entry)) throw rule('SELF_REVIEW', 'nobody may verify, return or decide on their own rating entry');
  if (isDepartment(actor)) return 'department';
  if (headsUnit(actor, entry.unit)) return 'unit';
  throw new RatingScopeError('NOT_OWN_UNIT', 'a unit head reviews only the entries of their own unit');
}

/**
 * Whether the campaign takes scores (and submissions) for an entry in `status` (undefined: a new
 * entry) today. A returned entry may be corrected after the deadline and after the close.
 */
function requireScoresAccepted(campaign: RatingCampaignFacts, status: RatingEntryStatus | undefined, today: string): void {
  if (campaign.status === 'draft') throw rule('CAMPAIGN_NOT_OPEN', 'the campaign is not open for entries yet');
  const correction = status === 'returned';
  if (campaign.status === 'verification' || campaign.status === 'published' || (campaign.status === 'closed_for_entries' && !correction)) {
    throw rule('CAMPAIGN_CLOSED_FOR_ENTRIES', 'the campaign is closed for entries and takes no scores');
  }
  if (campaign.status === 'open' && !correction && today > campaign.entriesDue) {
    throw rule('ENTRY_DEADLINE_PASSED', `the entry deadline (${campaign.entriesDue}) has passed`);
  }
}

/**
 * Every score names a criterion of the campaign and follows its rule: a number of authors exactly
 * where authorship is shared, evidence where the criterion requires it and the quantity is above
 * zero (`current`: a correction may keep the evidence already given). A quantity above the cap is
 * not an error: the points are capped. Errors name the field.
 */
function requireValidScores(list: RatingScore[], campaign: RatingCampaignFacts, field: string, current: Record<string, ScoreValue> = {}): void {
  list.forEach((s, index) => {
    const criterion = campaign.criteria.find((c) => c.code === s.criterionCode);
    if (!criterion) throw rule('UNKNOWN_CRITERION', `${field}.${index}.criterionCode: the campaign has no criterion ${s.criterionCode}`);
    if (criterion.sharedAuthorship && s.authorCount === undefined) {
      throw rule(
        'AUTHOR_COUNT_REQUIRED',
        `${field}.${index}.authorCount: criterion ${criterion.code} is shared among co-authors; say how many authors there are (1 for a sole author)`,
      );
    }
    if (!criterion.sharedAuthorship && s.authorCount !== undefined) {
      throw rule('AUTHOR_COUNT_NOT_SHARED', `${field}.${index}.authorCount: criterion ${criterion.code} is not shared among co-authors; leave authorCount out`);
    }
    if (criterion.evidenceRequired && s.quantity > 0 && (s.evidence ?? current[s.criterionCode]?.evidence) === undefined) {
      throw rule('EVIDENCE_REQUIRED', `${field}.${index}.evidence: criterion ${criterion.code} requires evidence for a quantity above zero`);
    }
  });
}

/** Whether recording `list` would change any score (quantity, authors or evidence). */
const changesScores = (current: Record<string, ScoreValue>, list: RatingScore[]) => {
  const next = scoresAfter(current, list, 'record');
  return list.some((s) => JSON.stringify(next[s.criterionCode]) !== JSON.stringify(current[s.criterionCode]));
};

function decide(command: RatingEntryCommand, state: RatingEntryState, context: CommandContext): RatingEntryEvent[] {
  const { actor } = context;
  const { campaign, entryId } = command;
  const { campaignId } = campaign;
  const today = localDateOf(context.now);

  if (command.type === 'recordRatingScores') {
    const recordedBy = { id: actor.id, name: actor.name };
    if (!state.exists) {
      const teacher = command.teacher ?? { id: actor.id, name: actor.name };
      const own = teacher.id === actor.id;
      if (!own && !actor.roles.includes('unit_head')) throw new RatingScopeError('NOT_OWN_ENTRY', 'a teacher may record scores only in their own rating entry');
      if (!own) {
        throw rule(
          'TEACHER_UNIT_UNKNOWN',
          "the hub knows a teacher's unit only from the teacher's own sign-in: the teacher starts the entry by recording their first scores, then the head of their unit may record and submit in it",
        );
      }
      if (!actor.unit) throw rule('UNIT_UNKNOWN', `the caller's token carries no unit claim, so the entry's unit is unknown`);
      requireScoresAccepted(campaign, undefined, today);
      requireValidScores(command.scores, campaign, 'scores');
      return [
        { type: 'RatingEntryStarted', data: { entryId, campaignId, teacher, unit: actor.unit } },
        { type: 'RatingScoresRecorded', data: { entryId, campaignId, scores: command.scores, recordedBy } },
      ];
    }
    const entry = existing(state, campaign);
    requireAuthor(actor, entry);
    requireScoresAccepted(campaign, entry.status, today);
    if (entry.status === 'submitted' || entry.status === 'verified') {
      throw rule('ENTRY_LOCKED', `the entry is ${entry.status}; it can be changed only after it is returned for correction`);
    }
    requireValidScores(command.scores, campaign, 'scores');
    if (!changesScores(entry.scores, command.scores)) return [];
    return [{ type: 'RatingScoresRecorded', data: { entryId, campaignId, scores: command.scores, recordedBy } }];
  }

  const entry = existing(state, campaign);
  switch (command.type) {
    case 'recordRatingEntryProfile': {
      requireAuthor(actor, entry);
      requireScoresAccepted(campaign, entry.status, today);
      if (entry.status === 'submitted' || entry.status === 'verified') {
        throw rule('ENTRY_LOCKED', `the entry is ${entry.status}; it can be changed only after it is returned for correction`);
      }
      const { faculty, chair, position, degree, rate } = command.profile;
      const profile = { faculty, chair, position, degree, rate };
      if (JSON.stringify(profile) === JSON.stringify(entry.profile)) return [];
      return [{ type: 'RatingEntryProfileRecorded', data: { entryId, campaignId, profile } }];
    }
    case 'submitRatingEntry': {
      const submittedAs = requireAuthor(actor, entry);
      if (entry.status === 'submitted') throw rule('ENTRY_ALREADY_SUBMITTED', 'the entry is already submitted');
      if (entry.status === 'verified') throw rule('ENTRY_ALREADY_VERIFIED', 'the entry is already verified');
      requireScoresAccepted(campaign, entry.status, today);
      const missing = campaign.criteria.filter((c) => entry.scores[c.code] === undefined).map((c) => c.code);
      if (missing.length > 0) throw rule('SCORES_INCOMPLETE', `every criterion needs a score (zero is a score); missing: ${missing.join(', ')}`);
      if (entry.profile === null) {
        throw rule('PROFILE_MISSING', "record the teacher's faculty, chair, position, degree and staff rate (recordRatingEntryProfile) before submitting");
      }
      return [{ type: 'RatingEntrySubmitted', data: { entryId, campaignId, submittedAs } }];
    }
    case 'verifyRatingEntry': {
      const level = requireReviewer(actor, entry);
      if (campaign.status === 'published') throw rule('RESULTS_PUBLISHED', 'the results are published; entries change only through appeals');
      if (entry.status === 'verified') throw rule('ENTRY_ALREADY_VERIFIED', 'the entry is already verified');
      if (entry.status !== 'submitted')
        throw rule(
          'ENTRY_NOT_SUBMITTED',
          `the entry is ${entry.status === 'draft' ? 'still being filled in' : 'returned for correction'}; only a submitted entry can be verified`,
        );
      if (entry.scoredBy.includes(actor.id)) {
        throw rule(
          'SCORES_ENTERED_BY_REVIEWER',
          'you recorded scores in this entry, so another reviewer (the department, or the head of its unit) must verify it',
        );
      }
      return [{ type: 'RatingEntryVerified', data: { entryId, campaignId, level, ...(command.note ? { note: command.note } : {}) } }];
    }
    case 'returnRatingEntry': {
      const level = requireReviewer(actor, entry);
      if (campaign.status === 'published') throw rule('RESULTS_PUBLISHED', 'the results are published; entries change only through appeals');
      if (entry.status !== 'submitted' && entry.status !== 'verified') {
        throw rule(
          'ENTRY_NOT_SUBMITTED',
          `the entry is ${entry.status === 'draft' ? 'still being filled in' : 'already returned for correction'}; only a submitted or verified entry can be returned`,
        );
      }
      return [{ type: 'RatingEntryReturned', data: { entryId, campaignId, level, reason: command.reason } }];
    }
    case 'fileRatingAppeal': {
      if (!isOwn(actor, entry)) throw new RatingScopeError('NOT_OWN_ENTRY', 'a teacher may appeal only their own results');
      if (campaign.status !== 'published') throw rule('APPEAL_BEFORE_PUBLICATION', 'results can be appealed only after they are published');
      // The recorded closing wins over the dates: it is what history and webhooks have told everyone.
      if (campaign.appealsClosedOn !== null) throw rule('APPEAL_WINDOW_CLOSED', `the appeal window was closed on ${campaign.appealsClosedOn}`);
      if (campaign.appealsUntil !== null && today > campaign.appealsUntil) {
        throw rule('APPEAL_WINDOW_CLOSED', `appeals were received until ${campaign.appealsUntil}`);
      }
      if (entry.status !== 'verified') throw rule('ENTRY_NOT_IN_RESULTS', 'the entry was not verified, so it is not among the published results');
      if (entry.appeal !== null) throw rule('APPEAL_ALREADY_FILED', 'the results of an entry can be appealed once');
      command.criteria.forEach((code, index) => {
        if (!campaign.criteria.some((c) => c.code === code)) throw rule('UNKNOWN_CRITERION', `criteria.${index}: the campaign has no criterion ${code}`);
      });
      return [{ type: 'RatingAppealFiled', data: { entryId, campaignId, criteria: command.criteria, reason: command.reason, filedOn: today } }];
    }
    case 'resolveRatingAppeal': {
      requireReviewer(actor, entry);
      if (entry.appeal?.status !== 'under_review') throw rule('NO_APPEAL_UNDER_REVIEW', 'the entry has no appeal under review');
      if (command.decision === 'rejected') {
        return [{ type: 'RatingAppealRejected', data: { entryId, campaignId, response: command.response, decidedOn: today } }];
      }
      const corrections = command.corrections ?? [];
      const contested = entry.appeal.criteria;
      requireValidScores(corrections, campaign, 'corrections', entry.scores);
      corrections.forEach((s, index) => {
        if (!contested.includes(s.criterionCode)) {
          throw rule(
            'CRITERION_NOT_APPEALED',
            `corrections.${index}.criterionCode: criterion ${s.criterionCode} was not contested in the appeal (${contested.join(', ')})`,
          );
        }
      });
      const same = (s: RatingScore) => entry.scores[s.criterionCode]?.quantity === s.quantity && entry.scores[s.criterionCode]?.authorCount === s.authorCount;
      if (corrections.every(same)) {
        throw rule('CORRECTION_CHANGES_NOTHING', 'an upheld appeal must change the quantity or the number of authors of at least one contested criterion');
      }
      return [
        {
          type: 'RatingAppealUpheld',
          data: {
            entryId,
            campaignId,
            response: command.response,
            decidedOn: today,
            corrections: corrections.map((s) => {
              const previous = entry.scores[s.criterionCode];
              return {
                ...s,
                previousQuantity: previous?.quantity ?? 0,
                ...(previous?.authorCount !== undefined ? { previousAuthorCount: previous.authorCount } : {}),
              };
            }),
          },
        },
      ];
    }
  }
}

export const ratingEntryDecider: Decider<RatingEntryCommand, RatingEntryEvent, RatingEntryState> = { initialState, evolve, decide };
