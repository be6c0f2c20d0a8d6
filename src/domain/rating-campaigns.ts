// The campaign of the annual rating of teaching staff (regulation 2.1.15, the Rating division is its
// technical secretariat). One stream per year, `ratingCampaign-<id>`, whose id is derived from the
// year, so a second campaign for the same year is the same stream and is refused.
//
// Lifecycle:  draft ──open──► open ──close──► closed_for_entries ──start──► verification ──publish──► published
//   draft               the criteria catalogue (code, name ky/ru/en, group, points rule: points per
//                       unit of quantity, cap, weight, shared authorship, evidence required) and the
//                       caps per group can still be revised; no entries yet. The computation is in
//                       rating-computation.ts.
//   open                teachers and their unit heads record scores and submit entries until the
//                       entry deadline (inclusive); entries are verified or returned as they come.
//   closed_for_entries  no new entries and no fresh scores ("a closed campaign takes no scores");
//                       the one exception is an entry returned for correction, which may still be
//                       corrected and resubmitted. Verification goes on.
//   verification        the final check: entries are only verified or returned. An entry returned
//                       now can no longer be corrected and stays out of the results.
//   published           totals and ranks (per unit and university-wide) are published; appeals are
//                       received until the appeal deadline (inclusive). Publication needs every
//                       submitted entry verified or returned, and at least one verified entry.
//                       When the appeal deadline has passed, the hub's clock (rating-clock.ts)
//                       records the window closed, so history, subscriptions and webhooks see it.
// Deadlines are whole days in Kyrgyzstan time (UTC+6, no daylight saving), so an appeal sent at
// 23:30 in Osh on the last day is in time. "Today" comes from the command context, never a clock.
import { z } from 'zod';
import type { Upcaster } from '../eventstore/upcasting.ts';
import type { CommandContext, Decider } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { entityId, isoDate, localDateOf, multilingualName, text, type IsoDate, type Labels, type MultilingualName } from './values.ts';

export const ratingCampaignCategory = 'ratingCampaign';

const statuses = ['draft', 'open', 'closed_for_entries', 'verification', 'published'] as const;

export const ratingCampaignStatusLabels: Labels<(typeof statuses)[number]> = {
  draft: { ky: 'Долбоор', ru: 'Черновик', en: 'Draft' },
  open: { ky: 'Маалымат кабыл алынууда', ru: 'Приём данных открыт', en: 'Open for entries' },
  closed_for_entries: { ky: 'Маалымат кабыл алуу жабылды', ru: 'Приём данных закрыт', en: 'Closed for entries' },
  verification: { ky: 'Текшерүүдө', ru: 'На проверке', en: 'Under verification' },
  published: { ky: 'Жыйынтыктар жарыяланды', ru: 'Результаты опубликованы', en: 'Results published' },
};

export const ratingCampaignStatus = z
  .enum(statuses)
  .meta({ id: 'RatingCampaignStatus', description: 'Where a rating campaign stands in its yearly cycle.', labels: ratingCampaignStatusLabels });
export type RatingCampaignStatus = z.infer<typeof ratingCampaignStatus>;

export const criterionCode = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9._-]{0,19}$/, 'must be 1-20 capital letters, digits, dots, dashes or underscores, starting with a letter (e.g. PUB-SCOPUS)');

/** Points and weights are decimals with at most two places, so totals can be kept exact. */
const decimal = (max: number, unit = '') => z.number().max(max, `must be at most ${max}${unit}`).multipleOf(0.01, 'must have at most two decimal places');

export const ratingPoints = decimal(10000, ' points').min(0, 'must be zero or more');
/** A quantity scored on a criterion: articles, hours, or points where a unit is a point. */
export const ratingQuantity = decimal(10000).min(0, 'must be zero or more');

const groups = ['teaching', 'research', 'methodical', 'educational', 'social'] as const;

export const ratingCriterionGroupLabels: Labels<(typeof groups)[number]> = {
  teaching: { ky: 'Окуу иши', ru: 'Учебная работа', en: 'Teaching' },
  research: { ky: 'Илимий иш', ru: 'Научная работа', en: 'Research' },
  methodical: { ky: 'Окуу-усулдук иш', ru: 'Учебно-методическая работа', en: 'Methodical work' },
  educational: { ky: 'Тарбия иши', ru: 'Воспитательная работа', en: 'Educational work' },
  social: { ky: 'Коомдук иш', ru: 'Общественная работа', en: 'Social work' },
};

export const ratingCriterionGroup = z.enum(groups).meta({
  id: 'RatingCriterionGroup',
  description: 'The group of work a rating criterion belongs to; a group may cap the points of its criteria together.',
  labels: ratingCriterionGroupLabels,
});
export type RatingCriterionGroup = z.infer<typeof ratingCriterionGroup>;

export const ratingCriterion = z
  .object({
    code: criterionCode.describe('Short stable code of the criterion, e.g. PUB-SCOPUS; scores and appeals name it.'),
    name: multilingualName.describe('Name of the criterion in Kyrgyz, Russian and English.'),
    group: ratingCriterionGroup.optional().describe('The group of work it belongs to; a criterion outside every group is not group-capped.'),
    pointsPerUnit: decimal(10000, ' points')
      .positive('must be more than zero')
      .default(1)
      .describe('Points per unit of quantity (per article, per hour, per certificate); 1 when the quantity is itself points.'),
    maxPoints: decimal(10000, ' points').positive('must be more than zero').describe('Cap: the most points a teacher can score on the criterion.'),
    weight: decimal(100).positive('must be more than zero').default(1).describe('Weight of the criterion in the total (1 unless set): points × weight.'),
    sharedAuthorship: z
      .boolean()
      .default(false)
      .describe('Whether the work can be shared (co-authored): the points are divided by the number of authors the score gives.'),
    evidenceRequired: z.boolean().default(false).describe('Whether a score above zero must say what it rests on.'),
  })
  .meta({
    id: 'RatingCriterion',
    description: 'A criterion of the rating and its points rule: quantity × points per unit, split among co-authors where shared, capped, weighted.',
  });
export type RatingCriterion = z.infer<typeof ratingCriterion>;

export const ratingGroupCap = z
  .object({
    group: ratingCriterionGroup.describe('The group capped.'),
    maxPoints: decimal(100000, ' points').positive('must be more than zero').describe('The most weighted points the group adds to a total.'),
  })
  .meta({ id: 'RatingGroupCap', description: 'A cap on the points a group of criteria adds to a total, together.' });
export type RatingGroupCap = z.infer<typeof ratingGroupCap>;

/** A list whose items carry a code: each repeated code is reported at its own item. */
export const uniqueCodes =
  <Item>(codeOf: (item: Item) => string, field: string | undefined, what: string) =>
  (items: Item[], ctx: z.core.$RefinementCtx<Item[]>) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const code = codeOf(item);
      const first = seen.get(code);
      if (first === undefined) seen.set(code, index);
      else ctx.addIssue({ code: 'custom', path: field ? [index, field] : [index], message: `repeats ${what} ${code} of item ${first}`, input: item });
    });
  };

const criteria = z
  .array(ratingCriterion)
  .min(1, 'must list at least one criterion')
  .max(50, 'must list at most 50 criteria')
  .superRefine(uniqueCodes((c: RatingCriterion) => c.code, 'code', 'the code'))
  .describe('The criteria, each with a unique code.');

const groupCaps = z
  .array(ratingGroupCap)
  .max(groups.length, `must cap at most ${groups.length} groups`)
  .superRefine(uniqueCodes((g: RatingGroupCap) => g.group, 'group', 'the group'))
  .default([])
  .describe('Caps per group of criteria, at most one per group; a group without a cap is not capped.');

const campaignRef = { campaignId: entityId('rating campaign').describe('The rating campaign acted on.') };
const basis = text(300).optional().describe("The decision it rests on, e.g. the rector's order or the commission's protocol number.");

// One schema per command: the GraphQL input, the validation and the decider's input in one place.
export const ratingCampaignCommands = {
  createRatingCampaign: z.object({
    year: z.int().min(2000, 'must be 2000 or later').max(2100, 'must be 2100 or earlier').describe('The year rated; there is one campaign per year.'),
    title: multilingualName.describe('Title of the campaign in Kyrgyz, Russian and English.'),
    criteria,
    groupCaps,
    entriesDue: isoDate.describe('Last day (Kyrgyzstan time) on which entries can be submitted.'),
  }),
  reviseRatingCriteria: z.object({ ...campaignRef, criteria, groupCaps }),
  openRatingCampaign: z.object({ ...campaignRef, basis }),
  extendRatingEntryDeadline: z.object({
    ...campaignRef,
    entriesDue: isoDate.describe('The new last day for entries; later than the current one.'),
    reason: text(1000).optional().describe('Why the deadline is extended.'),
  }),
  closeRatingEntries: z.object({ ...campaignRef }),
  startRatingVerification: z.object({ ...campaignRef }),
  publishRatingResults: z.object({
    ...campaignRef,
    appealsUntil: isoDate.describe('Last day (Kyrgyzstan time) on which teachers can appeal their results.'),
    basis,
  }),
  closeRatingAppeals: z.object({
    ...campaignRef,
    closedOn: isoDate.describe('Day (Kyrgyzstan time) the appeal window is recorded closed: after appealsUntil and not after today.'),
  }),
} as const;

export type RatingCampaignCommandName = keyof typeof ratingCampaignCommands;

/**
 * What the command pipeline counted in the read model, caught up with the log, before a
 * publication: entries submitted but neither verified nor returned, and verified entries.
 */
export type RatingEntryTally = { awaitingVerification: number; verified: number };

export type RatingCampaignCommand = {
  [Name in RatingCampaignCommandName]: { type: Name; campaignId: string } & z.infer<(typeof ratingCampaignCommands)[Name]> &
    (Name extends 'publishRatingResults' ? { tally: RatingEntryTally } : unknown);
}[RatingCampaignCommandName];

// Events are read back as they were stored: their schemas check the shape, not today's input rules
// (a criterion code pattern tightened later must not make a stored campaign unreadable).
// Version 2 of the campaign events carries the points rule and the group caps (see the upcasters).
const storedCriterion = z.object({
  code: z.string(),
  name: multilingualName,
  group: ratingCriterionGroup.optional(),
  pointsPerUnit: z.number(),
  maxPoints: z.number(),
  weight: z.number(),
  sharedAuthorship: z.boolean(),
  evidenceRequired: z.boolean(),
});
const storedGroupCap = z.object({ group: ratingCriterionGroup, maxPoints: z.number() });

export const ratingCampaignEventSchemas = {
  RatingCampaignCreated: z.object({
    campaignId: z.string(),
    year: z.number(),
    title: multilingualName,
    criteria: z.array(storedCriterion),
    groupCaps: z.array(storedGroupCap),
    entriesDue: isoDate,
  }),
  RatingCriteriaRevised: z.object({ campaignId: z.string(), criteria: z.array(storedCriterion), groupCaps: z.array(storedGroupCap) }),
  RatingCampaignOpened: z.object({ campaignId: z.string(), openedOn: isoDate, basis: z.string().optional() }),
  RatingEntryDeadlineExtended: z.object({ campaignId: z.string(), entriesDue: isoDate, previousDue: isoDate, reason: z.string().optional() }),
  RatingEntriesClosed: z.object({ campaignId: z.string(), closedOn: isoDate }),
  RatingVerificationStarted: z.object({ campaignId: z.string(), startedOn: isoDate }),
  RatingResultsPublished: z.object({
    campaignId: z.string(),
    publishedOn: isoDate,
    appealsUntil: isoDate,
    basis: z.string().optional(),
    rankedEntries: z.number(),
  }),
  RatingAppealsClosed: z.object({ campaignId: z.string(), closedOn: isoDate, appealsUntil: isoDate }),
} as const;

export type RatingCampaignEventType = keyof typeof ratingCampaignEventSchemas;
export type RatingCampaignEvent = {
  [Type in RatingCampaignEventType]: { type: Type; data: z.infer<(typeof ratingCampaignEventSchemas)[Type]> };
}[RatingCampaignEventType];
export const ratingCampaignEventTypes = Object.keys(ratingCampaignEventSchemas) as RatingCampaignEventType[];

/**
 * Version history of the campaign events (src/eventstore/upcasting.ts). In v1 a criterion had a
 * maximum and a weight and teachers entered points directly; v2 gives every criterion a points
 * rule and the campaign group caps. A v1 criterion reads as the same rule: one point per unit (the
 * quantity is the points), capped at its maximum, its weight, no group, no sharing, no evidence
 * required; a v1 campaign has no group caps.
 */
const criteriaV1toV2 = (data: Record<string, unknown>) => ({
  ...data,
  criteria: (data.criteria as Record<string, unknown>[]).map((c) => ({ pointsPerUnit: 1, sharedAuthorship: false, evidenceRequired: false, ...c })),
  groupCaps: [],
});
export const ratingCampaignUpcasters: Upcaster[] = [
  { eventType: 'RatingCampaignCreated', fromVersion: 1, upcast: criteriaV1toV2 },
  { eventType: 'RatingCriteriaRevised', fromVersion: 1, upcast: criteriaV1toV2 },
];

/** What a campaign is to the deciders of its entries, which get it with every command. */
export type RatingCampaignFacts = {
  campaignId: string;
  year: number;
  title: MultilingualName;
  status: RatingCampaignStatus;
  criteria: RatingCriterion[];
  groupCaps: RatingGroupCap[];
  entriesDue: IsoDate;
  appealsUntil: IsoDate | null;
  /** Day the appeal window was recorded closed; null while it is open or before publication. */
  appealsClosedOn: IsoDate | null;
};

export type RatingCampaignState = { exists: false } | ({ exists: true } & RatingCampaignFacts);

const initialState: RatingCampaignState = { exists: false };

function evolve(state: RatingCampaignState, event: RatingCampaignEvent): RatingCampaignState {
  if (event.type === 'RatingCampaignCreated') {
    const { campaignId, year, title, criteria: list, groupCaps: caps, entriesDue } = event.data;
    return { exists: true, campaignId, year, title, status: 'draft', criteria: list, groupCaps: caps, entriesDue, appealsUntil: null, appealsClosedOn: null };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'RatingCriteriaRevised':
      return { ...state, criteria: event.data.criteria, groupCaps: event.data.groupCaps };
    case 'RatingCampaignOpened':
      return { ...state, status: 'open' };
    case 'RatingEntryDeadlineExtended':
      return { ...state, entriesDue: event.data.entriesDue };
    case 'RatingEntriesClosed':
      return { ...state, status: 'closed_for_entries' };
    case 'RatingVerificationStarted':
      return { ...state, status: 'verification' };
    case 'RatingResultsPublished':
      return { ...state, status: 'published', appealsUntil: event.data.appealsUntil };
    case 'RatingAppealsClosed':
      return { ...state, appealsClosedOn: event.data.closedOn };
  }
}

/** The campaign as its entries' decider needs it; undefined when it does not exist. */
export function campaignFactsOf(state: RatingCampaignState): RatingCampaignFacts | undefined {
  if (!state.exists) return undefined;
  const { exists: _exists, ...facts } = state;
  return facts;
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

type Existing = Extract<RatingCampaignState, { exists: true }>;

function existing(state: RatingCampaignState): Existing {
  if (!state.exists) throw rule('CAMPAIGN_NOT_FOUND', 'no rating campaign with this id exists');
  return state;
}

/** Criteria and caps compared by content, not by the order of an object's keys. */
const canonical = (criteria: RatingCriterion[], caps: RatingGroupCap[]) =>
  JSON.stringify([
    criteria.map((c) => [
      c.code,
      c.name.ky,
      c.name.ru,
      c.name.en,
      c.group ?? null,
      c.pointsPerUnit,
      c.maxPoints,
      c.weight,
      c.sharedAuthorship,
      c.evidenceRequired,
    ]),
    caps.map((g) => [g.group, g.maxPoints]),
  ]);

/** A cap on a group no criterion belongs to is a mistake in the catalogue, most likely a missing group. */
function requireCappedGroupsUsed(list: RatingCriterion[], caps: RatingGroupCap[]): void {
  caps.forEach((cap, index) => {
    if (!list.some((c) => c.group === cap.group)) {
      throw rule('GROUP_CAP_WITHOUT_CRITERIA', `groupCaps.${index}.group: no criterion belongs to the group ${cap.group}, so its cap caps nothing`);
    }
  });
}

function decide(command: RatingCampaignCommand, state: RatingCampaignState, context: CommandContext): RatingCampaignEvent[] {
  const today = localDateOf(context.now);
  if (command.type === 'createRatingCampaign') {
    if (state.exists) throw rule('CAMPAIGN_ALREADY_EXISTS', `a rating campaign for ${state.year} already exists; there is one campaign per year`);
    if (command.entriesDue < today) throw rule('ENTRY_DEADLINE_IN_PAST', `entriesDue (${command.entriesDue}) is before today (${today})`);
    requireCappedGroupsUsed(command.criteria, command.groupCaps);
    const { type: _type, ...data } = command;
    return [{ type: 'RatingCampaignCreated', data }];
  }
  const campaign = existing(state);
  const { campaignId } = command;
  switch (command.type) {
    case 'reviseRatingCriteria': {
      if (campaign.status !== 'draft') throw rule('CRITERIA_FIXED', 'the criteria are fixed once the campaign is open, because scores are given against them');
      if (canonical(campaign.criteria, campaign.groupCaps) === canonical(command.criteria, command.groupCaps)) {
        throw rule('CRITERIA_UNCHANGED', 'the revision changes nothing: the criteria and group caps are the same');
      }
      requireCappedGroupsUsed(command.criteria, command.groupCaps);
      return [{ type: 'RatingCriteriaRevised', data: { campaignId, criteria: command.criteria, groupCaps: command.groupCaps } }];
    }
    case 'openRatingCampaign': {
      if (campaign.status !== 'draft') throw rule('CAMPAIGN_ALREADY_OPENED', 'the campaign has already been opened');
      if (campaign.entriesDue < today) {
        throw rule('ENTRY_DEADLINE_PASSED', `the entry deadline (${campaign.entriesDue}) has passed; extend it before opening the campaign`);
      }
      return [{ type: 'RatingCampaignOpened', data: { campaignId, openedOn: today, ...(command.basis ? { basis: command.basis } : {}) } }];
    }
    case 'extendRatingEntryDeadline': {
      if (campaign.status !== 'draft' && campaign.status !== 'open') {
        throw rule('CAMPAIGN_CLOSED_FOR_ENTRIES', 'the campaign is closed for entries, so its entry deadline can no longer change');
      }
      if (command.entriesDue <= campaign.entriesDue) {
        throw rule('DEADLINE_NOT_LATER', `entriesDue (${command.entriesDue}) must be after the current deadline (${campaign.entriesDue})`);
      }
      if (command.entriesDue < today) throw rule('ENTRY_DEADLINE_IN_PAST', `entriesDue (${command.entriesDue}) is before today (${today})`);
      const { type: _type, ...data } = command;
      return [{ type: 'RatingEntryDeadlineExtended', data: { ...data, previousDue: campaign.entriesDue } }];
    }
    case 'closeRatingEntries': {
      if (campaign.status === 'draft') throw rule('CAMPAIGN_NOT_OPEN', 'the campaign has not been opened, so there are no entries to close');
      if (campaign.status !== 'open') throw rule('CAMPAIGN_ALREADY_CLOSED', 'the campaign is already closed for entries');
      return [{ type: 'RatingEntriesClosed', data: { campaignId, closedOn: today } }];
    }
    case 'startRatingVerification': {
      if (campaign.status === 'draft' || campaign.status === 'open') {
        throw rule('ENTRIES_NOT_CLOSED', 'close the campaign for entries before the final verification starts');
      }
      if (campaign.status !== 'closed_for_entries') throw rule('VERIFICATION_ALREADY_STARTED', 'the final verification has already started');
      return [{ type: 'RatingVerificationStarted', data: { campaignId, startedOn: today } }];
    }
    case 'publishRatingResults': {
      if (campaign.status === 'published') throw rule('RESULTS_ALREADY_PUBLISHED', 'the results of this campaign are already published');
      if (campaign.status !== 'verification') throw rule('VERIFICATION_NOT_STARTED', 'results can only be published after the final verification has started');
      const { awaitingVerification, verified } = command.tally;
      if (awaitingVerification > 0) {
        throw rule(
          'ENTRIES_AWAITING_VERIFICATION',
          `${awaitingVerification} submitted ${awaitingVerification === 1 ? 'entry is' : 'entries are'} neither verified nor returned yet`,
        );
      }
      if (verified === 0) throw rule('NO_VERIFIED_ENTRIES', 'there is no verified entry, so there are no results to publish');
      if (command.appealsUntil < today) throw rule('APPEAL_DEADLINE_IN_PAST', `appealsUntil (${command.appealsUntil}) is before today (${today})`);
      return [
        {
          type: 'RatingResultsPublished',
          data: {
            campaignId,
            publishedOn: today,
            appealsUntil: command.appealsUntil,
            ...(command.basis ? { basis: command.basis } : {}),
            rankedEntries: verified,
          },
        },
      ];
    }
    case 'closeRatingAppeals': {
      if (campaign.status !== 'published' || campaign.appealsUntil === null) {
        throw rule('RESULTS_NOT_PUBLISHED', 'the results are not published, so there is no appeal window to close');
      }
      if (campaign.appealsClosedOn !== null) throw rule('APPEALS_ALREADY_CLOSED', `the appeal window was already closed on ${campaign.appealsClosedOn}`);
      // Both dates must be past the deadline: the window closes only once the last day is over in Kyrgyzstan.
      if (today <= campaign.appealsUntil) {
        throw rule('APPEAL_WINDOW_STILL_OPEN', `appeals are received until ${campaign.appealsUntil} inclusive; today is ${today}`);
      }
      if (command.closedOn <= campaign.appealsUntil) {
        throw rule('APPEAL_WINDOW_STILL_OPEN', `closedOn (${command.closedOn}) must be after the appeal deadline (${campaign.appealsUntil})`);
      }
      if (command.closedOn > today) throw rule('CLOSING_DATE_IN_FUTURE', `closedOn (${command.closedOn}) is after today (${today})`);
      return [{ type: 'RatingAppealsClosed', data: { campaignId, closedOn: command.closedOn, appealsUntil: campaign.appealsUntil } }];
    }
  }
}

export const ratingCampaignDecider: Decider<RatingCampaignCommand, RatingCampaignEvent, RatingCampaignState> = { initialState, evolve, decide };
