// One edition of a ranking (DOMAIN.md §4.1; research §4.7): the year, the data-collection window
// and the publication date, the edition's indicator dictionary, the university's data submission
// and the published result with the improvement measures decided on it. They share one stream
// because their rules meet there: only indicators of the dictionary take values and scores, the
// submission is approved once every value the university supplies is verified, and measures are
// decided on a recorded result.
//
// The submission: a unit (or the division) records a value per indicator, with breakdowns and
// evidence, optionally naming the data request it answers; the division verifies it or returns it;
// once every submitted indicator is verified the director approves the data set; the division
// sends it and records the organisation's acknowledgement. Indicators the organisation computes
// itself (bibliometric, surveys, public data) take no value: ARWU and Webometrics need no
// submission at all.
import { z } from 'zod';
import type { Actor, CommandContext, Decider } from './decider.ts';
import { DomainRuleError, ForbiddenError } from './errors.ts';
import { isRankingDepartment } from './ranking-roles.ts';
import { entityId, isoDate, multilingualName, text, type IsoDate, type Labels } from './values.ts';

export const rankingEditionCategory = 'rankingEdition';

const sources = ['submitted', 'survey', 'bibliometric', 'public'] as const;
export const rankingIndicatorSourceLabels: Labels<(typeof sources)[number]> = {
  submitted: { ky: 'Университет берет', ru: 'Представляет университет', en: 'Submitted by the university' },
  survey: { ky: 'Сурамжылоо', ru: 'Опрос', en: 'Survey' },
  bibliometric: { ky: 'Библиометрия', ru: 'Библиометрия', en: 'Bibliometric' },
  public: { ky: 'Ачык маалымат', ru: 'Открытые данные', en: 'Public data' },
};
export const rankingIndicatorSource = z.enum(sources).meta({
  id: 'RankingIndicatorSource',
  description: 'Where the ranking takes an indicator’s data from: the university’s submission, or its own survey, bibliometric or public data.',
  labels: rankingIndicatorSourceLabels,
});

const valueStatuses = ['recorded', 'verified', 'returned'] as const;
export const rankingValueStatusLabels: Labels<(typeof valueStatuses)[number]> = {
  recorded: { ky: 'Киргизилди', ru: 'Внесено', en: 'Recorded' },
  verified: { ky: 'Текшерилди', ru: 'Проверено', en: 'Verified' },
  returned: { ky: 'Кайтарылды', ru: 'Возвращено', en: 'Returned' },
};
export const rankingValueStatus = z
  .enum(valueStatuses)
  .meta({ id: 'RankingValueStatus', description: 'Where a submitted value stands in the division’s check.', labels: rankingValueStatusLabels });
export type RankingValueStatus = z.infer<typeof rankingValueStatus>;

const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/, 'must be a short code of letters, digits, dots, dashes or underscores, e.g. FSR')
  .describe('Code of the indicator in the edition’s dictionary, e.g. FSR.');

export const rankingIndicatorDefinition = z
  .object({
    code,
    name: multilingualName.describe('Name of the indicator in Kyrgyz, Russian and English.'),
    weight: z.number().min(0, 'must be 0 or more').max(100, 'must be at most 100').describe('Weight in the overall score, in per cent.'),
    unit: text(50).describe('Unit of its value, e.g. FTE, ratio, %, count.'),
    computation: text(2000).describe('How the ranking computes it, as its methodology says.'),
    source: rankingIndicatorSource,
  })
  .meta({ id: 'RankingIndicatorDefinition', description: 'One indicator of an edition’s dictionary.' });
export type RankingIndicatorDefinition = z.infer<typeof rankingIndicatorDefinition>;

export const rankingBreakdown = z
  .object({
    name: text(100).describe('What the part counts, e.g. full-time, international, female.'),
    value: z.number().describe('Its value.'),
  })
  .meta({ id: 'RankingBreakdown', description: 'One part of a submitted value (e.g. full-time / part-time, international, by gender).' });

export const rankingIndicatorScore = z
  .object({ indicatorCode: code, score: z.number().describe('The score the ranking published for the indicator.') })
  .meta({ id: 'RankingIndicatorScore', description: 'The published score of one indicator.' });

/** A band as rankings publish it: "801-1000", or open-ended "1001+". */
const bandPattern = /^(\d{1,5})\s*[-–]\s*(\d{1,5})$|^(\d{1,5})\+$/;
export function parseBand(band: string): { lower: number; upper: number | null } {
  const m = bandPattern.exec(band)!;
  return m[3] ? { lower: Number(m[3]), upper: null } : { lower: Number(m[1]), upper: Number(m[2]) };
}
const band = z
  .string()
  .trim()
  .regex(bandPattern, 'must be a band written like 801-1000 or 1001+')
  .refine((b) => !bandPattern.test(b) || (parseBand(b).upper ?? Infinity) >= parseBand(b).lower, 'must not end before it starts')
  .describe('The band the university was placed in, e.g. 801-1000 or 1001+.');

const editionRef = { rankingEditionId: entityId('ranking edition').describe('The ranking edition acted on.') };
const indicatorCode = code.describe('The indicator of the edition’s dictionary.');

const announceFields = z.object({
  rankingOrganisationId: entityId('ranking organisation').describe('The organisation that publishes the ranking.'),
  year: z.int().min(2000, 'must be 2000 or later').max(2100, 'must be 2100 or earlier').describe('The edition’s year, as the ranking names it (QS WUR 2026).'),
  title: text(300).describe('Title of the edition.'),
  collectionOpensOn: isoDate.optional().describe('First day of the data-collection window, when the ranking collects data.'),
  collectionClosesOn: isoDate.optional().describe('Last day of the data-collection window.'),
  publicationOn: isoDate.optional().describe('Date the results are (to be) published.'),
  indicators: z
    .array(rankingIndicatorDefinition)
    .min(1, 'must list at least one indicator')
    .max(60, 'must list at most 60 indicators')
    .describe('The edition’s indicator dictionary, in the ranking’s order.'),
});

const valueFields = z.object({
  ...editionRef,
  indicatorCode,
  value: z.number().describe('The value, in the indicator’s unit.'),
  breakdowns: z.array(rankingBreakdown).max(40, 'must list at most 40 parts').optional().describe('Parts of the value, each by name.'),
  evidence: text(2000).describe('What proves it: a document, an export, a link.'),
  supplyingUnit: text(200).describe('The unit that supplied it; a unit head records values of their own unit only.'),
  dataRequestId: entityId('data request')
    .optional()
    .describe('The data request whose accepted answer the value comes from, when it was gathered through one (the secretariat’s dataRequests).'),
});

const resultFields = z.object({
  ...editionRef,
  publishedOn: isoDate.describe('Date the ranking published the result.'),
  rank: z.int().min(1, 'must be 1 or more').optional().describe('The exact overall rank, when the ranking gives one.'),
  band: band.optional(),
  score: z.number().optional().describe('The overall score, when published.'),
  indicatorScores: z.array(rankingIndicatorScore).max(60, 'must list at most 60 scores').optional().describe('Published scores per indicator.'),
  regionalRank: z.int().min(1, 'must be 1 or more').optional().describe('Rank in the region or country, when published.'),
});

/** A result's own rules, the same whether it is recorded or corrected. */
const publishedResult = <Fields extends typeof resultFields>(fields: Fields) =>
  fields
    .refine((c) => c.rank !== undefined || c.band !== undefined, { path: ['rank'], message: 'give the rank or the band the university was placed in' })
    .refine((c) => new Set((c.indicatorScores ?? []).map((s) => s.indicatorCode)).size === (c.indicatorScores ?? []).length, {
      path: ['indicatorScores'],
      message: 'must not repeat an indicator code',
    });

export const rankingEditionCommands = {
  announceRankingEdition: announceFields
    .refine((c) => !c.collectionOpensOn || !c.collectionClosesOn || c.collectionClosesOn >= c.collectionOpensOn, {
      path: ['collectionClosesOn'],
      message: 'must not be before collectionOpensOn',
    })
    .refine((c) => new Set(c.indicators.map((i) => i.code)).size === c.indicators.length, {
      path: ['indicators'],
      message: 'must not repeat an indicator code',
    })
    .refine((c) => c.indicators.reduce((sum, i) => sum + i.weight, 0) <= 100.0001, {
      path: ['indicators'],
      message: 'weights must add up to at most 100 per cent',
    }),
  recordRankingDataValue: valueFields.refine((c) => new Set((c.breakdowns ?? []).map((b) => b.name)).size === (c.breakdowns ?? []).length, {
    path: ['breakdowns'],
    message: 'must not repeat a part’s name',
  }),
  verifyRankingDataValue: z.object({ ...editionRef, indicatorCode, verifiedOn: isoDate.describe('Date the division checked it.') }),
  returnRankingDataValue: z.object({
    ...editionRef,
    indicatorCode,
    returnedOn: isoDate.describe('Date it was returned.'),
    reason: text(2000).describe('What is wrong with it and what to correct.'),
  }),
  approveRankingSubmission: z.object({
    ...editionRef,
    approvedOn: isoDate.describe('Date the director approved the data set.'),
    decision: text(200).optional().describe('The order or note approving it.'),
  }),
  submitRankingData: z.object({
    ...editionRef,
    submittedOn: isoDate.describe('Date the data set was sent to the ranking organisation.'),
    channel: text(200).describe('How it was sent, e.g. QS HUB, THE Data Collection Portal, e-mail.'),
  }),
  acknowledgeRankingSubmission: z.object({
    ...editionRef,
    acknowledgedOn: isoDate.describe('Date the organisation confirmed it received the data.'),
    reference: text(200).optional().describe('Its reference or message.'),
  }),
  recordRankingResult: publishedResult(resultFields),
  // A result recorded wrongly (a typo, a rank the ranking itself later revised) is corrected by a new
  // event with the whole result as it should read and why; the first record stays in the history.
  correctRankingResult: publishedResult(
    resultFields.extend({
      reason: text(2000).describe('Why the recorded result is corrected.'),
      correctedOn: isoDate.describe('Date of the correction.'),
    }),
  ),
  decideRankingImprovementMeasure: z.object({
    ...editionRef,
    code: code.describe('Code of the measure within the edition, e.g. M1.'),
    measure: text(2000).describe('What will be done to improve the position.'),
    responsibleUnit: text(200).describe('The unit responsible.'),
    decidedOn: isoDate.describe('Date it was decided.'),
    dueOn: isoDate.optional().describe('Date by which it is to be done.'),
    indicatorCode: indicatorCode.optional().describe('The ranking indicator it aims at.'),
    strategyIndicatorId: z.string().trim().min(1).max(100).optional().describe('The strategy indicator (global or plain id) it serves.'),
  }),
} as const;

export type RankingEditionCommandName = keyof typeof rankingEditionCommands;
export type RankingEditionCommand = {
  [Name in RankingEditionCommandName]: { type: Name; rankingEditionId: string } & z.infer<(typeof rankingEditionCommands)[Name]>;
}[RankingEditionCommandName];

const id = { rankingEditionId: z.string() };
/** A published result as stored, recorded or corrected. */
const publishedResultEvent = z.object({
  ...id,
  publishedOn: isoDate,
  rank: z.int().optional(),
  band: z.string().optional(),
  score: z.number().optional(),
  indicatorScores: z.array(z.object({ indicatorCode: z.string(), score: z.number() })).optional(),
  regionalRank: z.int().optional(),
});
export const rankingEditionEventSchemas = {
  RankingEditionAnnounced: announceFields.extend(id),
  // Values recorded before data requests were checked cited them as free text; those events stay readable.
  RankingDataValueRecorded: valueFields.extend({ ...id, dataRequestId: z.string().optional(), recordedBy: z.string() }),
  RankingDataValueVerified: z.object({ ...id, indicatorCode: z.string(), verifiedOn: isoDate }),
  RankingDataValueReturned: z.object({ ...id, indicatorCode: z.string(), returnedOn: isoDate, reason: z.string() }),
  RankingSubmissionApproved: z.object({ ...id, approvedOn: isoDate, decision: z.string().optional() }),
  RankingDataSubmitted: z.object({ ...id, submittedOn: isoDate, channel: z.string() }),
  RankingSubmissionAcknowledged: z.object({ ...id, acknowledgedOn: isoDate, reference: z.string().optional() }),
  RankingResultRecorded: publishedResultEvent,
  RankingResultCorrected: publishedResultEvent.extend({ reason: z.string(), correctedOn: isoDate }),
  RankingImprovementMeasureDecided: z.object({
    ...id,
    code: z.string(),
    measure: z.string(),
    responsibleUnit: z.string(),
    decidedOn: isoDate,
    dueOn: isoDate.optional(),
    indicatorCode: z.string().optional(),
    strategyIndicatorId: z.string().optional(),
  }),
} as const;
export type RankingEditionEventType = keyof typeof rankingEditionEventSchemas;
export type RankingEditionEvent = {
  [Type in RankingEditionEventType]: { type: Type; data: z.infer<(typeof rankingEditionEventSchemas)[Type]> };
}[RankingEditionEventType];
export const rankingEditionEventTypes = Object.keys(rankingEditionEventSchemas) as RankingEditionEventType[];

type Value = { status: RankingValueStatus; unit: string; recordedBy: string };
export type RankingEditionState =
  | { exists: false }
  | {
      exists: true;
      /** Each indicator's source, by code. */
      indicators: Record<string, RankingIndicatorDefinition['source']>;
      values: Record<string, Value>;
      approvedOn: IsoDate | undefined;
      submittedOn: IsoDate | undefined;
      acknowledged: boolean;
      resultRecorded: boolean;
      measures: string[];
    };

function evolve(state: RankingEditionState, event: RankingEditionEvent): RankingEditionState {
  if (event.type === 'RankingEditionAnnounced') {
    const indicators = Object.fromEntries(event.data.indicators.map((i) => [i.code, i.source]));
    return { exists: true, indicators, values: {}, approvedOn: undefined, submittedOn: undefined, acknowledged: false, resultRecorded: false, measures: [] };
  }
  if (!state.exists) return state;
  const setValue = (code: string, change: Partial<Value>) => ({ ...state, values: { ...state.values, [code]: { ...state.values[code]!, ...change } } });
  switch (event.type) {
    case 'RankingDataValueRecorded':
      return {
        ...state,
        values: {
          ...state.values,
          [event.data.indicatorCode]: { status: 'recorded', unit: event.data.supplyingUnit, recordedBy: event.data.recordedBy },
        },
      };
    case 'RankingDataValueVerified':
      return setValue(event.data.indicatorCode, { status: 'verified' });
    case 'RankingDataValueReturned':
      return setValue(event.data.indicatorCode, { status: 'returned' });
    case 'RankingSubmissionApproved':
      return { ...state, approvedOn: event.data.approvedOn };
    case 'RankingDataSubmitted':
      return { ...state, submittedOn: event.data.submittedOn };
    case 'RankingSubmissionAcknowledged':
      return { ...state, acknowledged: true };
    case 'RankingResultRecorded':
      return { ...state, resultRecorded: true };
    case 'RankingResultCorrected':
      return state;
    case 'RankingImprovementMeasureDecided':
      return { ...state, measures: [...state.measures, event.data.code] };
  }
}

type Existing = Extract<RankingEditionState, { exists: true }>;
const rule = (code: string, message: string) => new DomainRuleError(code, message);

/** The indicators whose values the university supplies: those the submission is made of. */
export const submittedIndicators = (state: Existing): string[] => Object.keys(state.indicators).filter((c) => state.indicators[c] === 'submitted');

function requireIndicator(state: Existing, code: string, field = 'indicatorCode'): void {
  if (!(code in state.indicators)) throw rule('RANKING_INDICATOR_NOT_IN_EDITION', `${field}: the edition’s dictionary has no indicator ${code}`);
}

function requireOpenSubmission(state: Existing): void {
  if (state.approvedOn) throw rule('RANKING_SUBMISSION_ALREADY_APPROVED', `the data set was approved on ${state.approvedOn}; its values no longer change`);
}

function requireValue(state: Existing, code: string): Value {
  requireIndicator(state, code);
  const value = state.values[code];
  if (!value) throw rule('RANKING_VALUE_NOT_RECORDED', `indicatorCode: no value has been recorded for ${code}`);
  return value;
}

/** The division records any unit's value; a unit head only their own unit's. */
function requireSupplier(actor: Actor, unit: string): void {
  if (isRankingDepartment(actor)) return;
  if (actor.roles.includes('unit_head') && actor.unit === unit) return;
  throw new ForbiddenError(`a unit head records values supplied by their own unit only (${actor.unit ?? 'no unit'}), not by ${unit}`);
}

function decide(command: RankingEditionCommand, state: RankingEditionState, context: CommandContext): RankingEditionEvent[] {
  if (command.type === 'announceRankingEdition') {
    if (state.exists) throw rule('RANKING_EDITION_ALREADY_ANNOUNCED', 'this ranking edition already exists');
    const { type: _type, ...data } = command;
    return [{ type: 'RankingEditionAnnounced', data }];
  }
  if (!state.exists) throw rule('RANKING_EDITION_NOT_FOUND', 'no ranking edition with this id exists');
  const { rankingEditionId } = command;
  switch (command.type) {
    case 'recordRankingDataValue': {
      requireSupplier(context.actor, command.supplyingUnit);
      requireIndicator(state, command.indicatorCode);
      if (state.indicators[command.indicatorCode] !== 'submitted')
        throw rule(
          'RANKING_INDICATOR_NOT_SUBMITTED',
          `indicatorCode: the ranking takes ${command.indicatorCode} from its own ${state.indicators[command.indicatorCode]} data`,
        );
      requireOpenSubmission(state);
      const { type: _type, ...data } = command;
      return [{ type: 'RankingDataValueRecorded', data: { ...data, recordedBy: context.actor.id } }];
    }
    case 'verifyRankingDataValue': {
      const value = requireValue(state, command.indicatorCode);
      if (value.status !== 'recorded')
        throw rule('RANKING_VALUE_NOT_RECORDED', `indicatorCode: the value of ${command.indicatorCode} is ${value.status}, not awaiting a check`);
      if (value.recordedBy === context.actor.id) throw rule('RANKING_VALUE_VERIFIED_BY_RECORDER', 'nobody verifies a value they recorded themselves');
      return [{ type: 'RankingDataValueVerified', data: { rankingEditionId, indicatorCode: command.indicatorCode, verifiedOn: command.verifiedOn } }];
    }
    case 'returnRankingDataValue': {
      const value = requireValue(state, command.indicatorCode);
      requireOpenSubmission(state);
      if (value.status === 'returned') throw rule('RANKING_VALUE_ALREADY_RETURNED', `indicatorCode: the value of ${command.indicatorCode} is already returned`);
      return [
        {
          type: 'RankingDataValueReturned',
          data: { rankingEditionId, indicatorCode: command.indicatorCode, returnedOn: command.returnedOn, reason: command.reason },
        },
      ];
    }
    case 'approveRankingSubmission': {
      const needed = submittedIndicators(state);
      if (needed.length === 0)
        throw rule('RANKING_EDITION_NEEDS_NO_SUBMISSION', 'the ranking takes every indicator from its own data; there is nothing to submit');
      requireOpenSubmission(state);
      const unverified = needed.filter((c) => state.values[c]?.status !== 'verified');
      if (unverified.length > 0)
        throw rule('RANKING_VALUES_NOT_VERIFIED', `every submitted indicator must be verified first; not yet: ${unverified.join(', ')}`);
      const { type: _type, ...data } = command;
      return [{ type: 'RankingSubmissionApproved', data }];
    }
    case 'submitRankingData':
      if (!state.approvedOn) throw rule('RANKING_SUBMISSION_NOT_APPROVED', 'the director approves the data set before it is sent');
      if (state.submittedOn) throw rule('RANKING_DATA_ALREADY_SUBMITTED', `the data set was sent on ${state.submittedOn}`);
      if (command.submittedOn < state.approvedOn)
        throw rule('RANKING_SUBMITTED_BEFORE_APPROVAL', `submittedOn: the data set was approved on ${state.approvedOn}`);
      return [{ type: 'RankingDataSubmitted', data: { rankingEditionId, submittedOn: command.submittedOn, channel: command.channel } }];
    case 'acknowledgeRankingSubmission': {
      if (!state.submittedOn) throw rule('RANKING_DATA_NOT_SUBMITTED', 'only a data set that was sent can be acknowledged');
      if (state.acknowledged) throw rule('RANKING_SUBMISSION_ALREADY_ACKNOWLEDGED', 'the organisation’s acknowledgement is already recorded');
      if (command.acknowledgedOn < state.submittedOn)
        throw rule('RANKING_ACKNOWLEDGED_BEFORE_SUBMITTED', `acknowledgedOn: the data set was sent on ${state.submittedOn}`);
      const { type: _type, ...data } = command;
      return [{ type: 'RankingSubmissionAcknowledged', data }];
    }
    case 'recordRankingResult': {
      if (state.resultRecorded) throw rule('RANKING_RESULT_ALREADY_RECORDED', 'the edition’s result is already recorded; correct it with correctRankingResult');
      for (const s of command.indicatorScores ?? []) requireIndicator(state, s.indicatorCode, 'indicatorScores');
      const { type: _type, ...data } = command;
      return [{ type: 'RankingResultRecorded', data }];
    }
    case 'correctRankingResult': {
      if (!state.resultRecorded) throw rule('RANKING_RESULT_TO_CORRECT_NOT_RECORDED', 'only a recorded result can be corrected');
      for (const s of command.indicatorScores ?? []) requireIndicator(state, s.indicatorCode, 'indicatorScores');
      const { type: _type, ...data } = command;
      return [{ type: 'RankingResultCorrected', data }];
    }
    case 'decideRankingImprovementMeasure': {
      if (!state.resultRecorded) throw rule('RANKING_RESULT_NOT_RECORDED', 'improvement measures are decided on a recorded result');
      if (state.measures.includes(command.code)) throw rule('RANKING_MEASURE_CODE_TAKEN', `code: the edition already has a measure ${command.code}`);
      if (command.indicatorCode !== undefined) requireIndicator(state, command.indicatorCode);
      if (command.dueOn !== undefined && command.dueOn < command.decidedOn)
        throw rule('RANKING_MEASURE_DUE_BEFORE_DECIDED', 'dueOn: must not be before decidedOn');
      const { type: _type, ...data } = command;
      return [{ type: 'RankingImprovementMeasureDecided', data }];
    }
  }
}

export const rankingEditionDecider: Decider<RankingEditionCommand, RankingEditionEvent, RankingEditionState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

const submissionStatuses = ['not_required', 'not_started', 'collecting', 'verified', 'approved', 'submitted', 'acknowledged'] as const;
export const rankingSubmissionStatusLabels: Labels<(typeof submissionStatuses)[number]> = {
  not_required: { ky: 'Маалымат талап кылынбайт', ru: 'Данные не требуются', en: 'No data required' },
  not_started: { ky: 'Башталган жок', ru: 'Не начато', en: 'Not started' },
  collecting: { ky: 'Маалымат чогултулууда', ru: 'Сбор данных', en: 'Collecting data' },
  verified: { ky: 'Баары текшерилди', ru: 'Всё проверено', en: 'All verified' },
  approved: { ky: 'Директор бекитти', ru: 'Утверждено директором', en: 'Approved by the director' },
  submitted: { ky: 'Жөнөтүлдү', ru: 'Отправлено', en: 'Submitted' },
  acknowledged: { ky: 'Уюм кабыл алды', ru: 'Получение подтверждено', en: 'Acknowledged' },
};
export const rankingSubmissionStatus = z.enum(submissionStatuses).meta({
  id: 'RankingSubmissionStatus',
  description: 'Where an edition’s data submission stands, from collecting values to the organisation’s acknowledgement.',
  labels: rankingSubmissionStatusLabels,
});
export type RankingSubmissionStatus = z.infer<typeof rankingSubmissionStatus>;

const trends = ['improved', 'declined', 'unchanged', 'first_result'] as const;
export const rankingTrendLabels: Labels<(typeof trends)[number]> = {
  improved: { ky: 'Жакшырды', ru: 'Улучшилась', en: 'Improved' },
  declined: { ky: 'Төмөндөдү', ru: 'Ухудшилась', en: 'Declined' },
  unchanged: { ky: 'Өзгөргөн жок', ru: 'Без изменений', en: 'Unchanged' },
  first_result: { ky: 'Мурунку жылы жыйынтык жок', ru: 'Нет результата за прошлый год', en: 'No result last year' },
};
export const rankingTrend = z.enum(trends).meta({
  id: 'RankingTrend',
  description: 'How a result compares with the same ranking’s result of the year before (a lower rank or band is better).',
  labels: rankingTrendLabels,
});
export type RankingTrend = z.infer<typeof rankingTrend>;

/** A result's place for comparison: the exact rank, else the top of its band. */
export const comparablePosition = (r: { rank: number | null; band_lower: number | null }): number | null => r.rank ?? r.band_lower;

/** How a result compares with last year's; bands compare by their upper ends when both are bands. */
export function trendOf(
  current: { rank: number | null; band_lower: number | null; band_upper: number | null },
  previous: { rank: number | null; band_lower: number | null; band_upper: number | null } | undefined,
): RankingTrend {
  const now = comparablePosition(current);
  const before = previous ? comparablePosition(previous) : null;
  if (now === null || before === null) return 'first_result';
  if (now < before) return 'improved';
  if (now > before) return 'declined';
  // Same rank, or bands starting at the same place: a narrower band is not an improvement by itself.
  return 'unchanged';
}
