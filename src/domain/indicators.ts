// Strategy indicators (DOMAIN.md 2.1 item 2; research/domain.md §6): the passport, targets whose
// revisions keep their history, measurements per period that the department verifies or rejects
// (a correction is a new event, never an edit), and the deviation recorded when a verified value
// puts the indicator off track. The status itself is computed by indicator-status.ts.
import { z } from 'zod';
import type { Reactor } from '../automation/contracts.ts';
import type { Actor, CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError, ForbiddenError } from './errors.ts';
import { assess, indicatorDirection, indicatorStatus, type StatusPassport, type TargetLevel, type YearTarget } from './indicator-status.ts';
import { DEFAULT_REPORTING_DAYS, periodDueOn } from './indicator-periods.ts';
import { planCode, planYear, strategyDecisions, strategyStaff } from './strategic-plan.ts';
import { entityId, isoDate, localDateOf, multilingualName, text, type Labels } from './values.ts';

export const indicatorCategory = 'indicator';

const units = ['percent', 'count', 'ratio', 'score', 'rank_position', 'som', 'usd'] as const;
const frequencies = ['annual', 'semester', 'quarterly'] as const;
const measurementStatuses = ['reported', 'verified', 'rejected'] as const;

export const indicatorUnitLabels: Labels<(typeof units)[number]> = {
  percent: { ky: 'Пайыз', ru: 'Процент', en: 'Percent' },
  count: { ky: 'Саны', ru: 'Количество', en: 'Count' },
  ratio: { ky: 'Катыш', ru: 'Соотношение', en: 'Ratio' },
  score: { ky: 'Балл', ru: 'Балл', en: 'Score' },
  rank_position: { ky: 'Рейтингдеги орун', ru: 'Позиция в рейтинге', en: 'Rank position' },
  som: { ky: 'Сом', ru: 'Сом', en: 'Som' },
  usd: { ky: 'АКШ доллары', ru: 'Доллар США', en: 'US dollar' },
};
export const indicatorFrequencyLabels: Labels<(typeof frequencies)[number]> = {
  annual: { ky: 'Жылына бир жолу', ru: 'Ежегодно', en: 'Annual' },
  semester: { ky: 'Семестр сайын', ru: 'Каждый семестр', en: 'Per semester' },
  quarterly: { ky: 'Чейрек сайын', ru: 'Ежеквартально', en: 'Quarterly' },
};
export const measurementStatusLabels: Labels<(typeof measurementStatuses)[number]> = {
  reported: { ky: 'Берилди, текшерүүдө', ru: 'Представлено, на проверке', en: 'Reported, awaiting verification' },
  verified: { ky: 'Текшерилди', ru: 'Подтверждено', en: 'Verified' },
  rejected: { ky: 'Четке кагылды', ru: 'Отклонено', en: 'Rejected' },
};

export const indicatorUnit = z.enum(units).meta({ id: 'IndicatorUnit', description: 'Unit the indicator is measured in.', labels: indicatorUnitLabels });
export const indicatorFrequency = z.enum(frequencies).meta({
  id: 'IndicatorFrequency',
  description: 'How often the indicator is measured: periods are 2026, 2026-S1 or 2026-Q3.',
  labels: indicatorFrequencyLabels,
});
export type IndicatorFrequency = z.infer<typeof indicatorFrequency>;
export const measurementStatus = z
  .enum(measurementStatuses)
  .meta({ id: 'IndicatorMeasurementStatus', description: 'Whether the department has verified a reported value.', labels: measurementStatusLabels });
export type MeasurementStatus = z.infer<typeof measurementStatus>;

const amount = z.number().min(-1e12, 'must be at least -1e12').max(1e12, 'must be at most 1e12');

/** A period of measurement: a year, a semester of it or a quarter of it. */
export const period = z
  .string()
  .trim()
  .regex(/^(?:20\d\d|2100)(?:-S[12]|-Q[1-4])?$/, 'must be a year (2026), a semester (2026-S1) or a quarter (2026-Q3)');
const periodPattern: Record<IndicatorFrequency, RegExp> = { annual: /^\d{4}$/, semester: /^\d{4}-S[12]$/, quarterly: /^\d{4}-Q[1-4]$/ };
export const yearOfPeriod = (p: string): number => Number(p.slice(0, 4));

const target = z
  .object({
    year: planYear.describe('The plan year the target is for.'),
    value: amount.optional().describe('The value to reach or keep; for every direction but a range.'),
    min: amount.optional().describe('Lower bound, for a range.'),
    max: amount.optional().describe('Upper bound, for a range.'),
  })
  .meta({ id: 'IndicatorTarget', description: 'A target for a year: a value, or for a range its bounds.' });

const thresholds = z
  .object({
    atRisk: z
      .number()
      .min(0, 'must be between 0 and 1')
      .max(1, 'must be between 0 and 1')
      .describe('Achievement ratio below which the indicator is at risk, e.g. 1 or 0.95.'),
    offTrack: z
      .number()
      .min(0, 'must be between 0 and 1')
      .max(1, 'must be between 0 and 1')
      .describe('Achievement ratio below which it is off track, e.g. 0.9.'),
  })
  .refine((t) => t.offTrack < t.atRisk, { path: ['offTrack'], message: 'must be below atRisk' })
  .meta({ id: 'IndicatorThresholds', description: 'Achievement ratios that separate on track, at risk and off track.' });

const baseline = z
  .object({ year: planYear.describe('Year the baseline was measured.'), value: amount.describe('The baseline value.') })
  .meta({ id: 'IndicatorBaseline', description: 'Where the indicator stood before the plan.' });

/** A target of a range needs both bounds in order; any other direction needs a value. */
function targetIssue(direction: z.infer<typeof indicatorDirection>, t: TargetLevel): { field: string; message: string } | undefined {
  if (direction === 'range') {
    if (t.min === undefined) return { field: 'min', message: 'is required for a range' };
    if (t.max === undefined) return { field: 'max', message: 'is required for a range' };
    if (t.max < t.min) return { field: 'max', message: 'must not be below min' };
    return undefined;
  }
  return t.value === undefined ? { field: 'value', message: `is required for the direction ${direction}` } : undefined;
}

const indicatorRef = { indicatorId: entityId('indicator').describe('The indicator acted on.') };

const passportFields = z.object({
  planId: entityId('strategic plan').describe('The strategic plan the indicator belongs to.'),
  goalCode: planCode.describe('Code of the goal in the plan that the indicator measures.'),
  code: planCode.describe('Code of the indicator, e.g. SD2-G1-KPI03.'),
  name: multilingualName.describe('Name of the indicator.'),
  definition: text(4000).describe('What the indicator measures.'),
  formula: text(1000).optional().describe('How it is computed, e.g. numerator / denominator × 100.'),
  unit: indicatorUnit,
  direction: indicatorDirection,
  baseline,
  targets: z.array(target).max(30, 'must have at most 30 targets').describe('Targets per plan year; years without one follow the trajectory.'),
  finalTarget: target.optional().describe('The target at the end of the plan.'),
  thresholds,
  weight: z
    .number()
    .positive('must be positive')
    .max(1000, 'must be at most 1000')
    .describe('Weight of the indicator when its goal, direction and plan are rolled up.'),
  ownerUnit: text(200).describe('The unit responsible for the indicator, which reports its values.'),
  dataSource: text(500).describe('Where the values come from (HR, registrar, Scopus, finance, survey...).'),
  frequency: indicatorFrequency,
  reportingDays: z
    .int('must be a whole number of days')
    .min(0, 'must not be negative')
    .max(366, 'must be at most 366')
    .optional()
    .describe(`Days after a period ends by which its value must be reported and verified (${DEFAULT_REPORTING_DAYS} when not given).`),
  rankingIndicators: z
    .array(text(200))
    .max(20, 'must have at most 20 items')
    .optional()
    .describe('Ranking indicators this one feeds, e.g. QS Faculty/Student.'),
  accreditationCriteria: z.array(text(200)).max(20, 'must have at most 20 items').optional().describe('Accreditation criteria this one evidences.'),
});

export const indicatorCommands = {
  defineIndicator: passportFields.superRefine((c, ctx) => {
    const all: [string, number | undefined, TargetLevel][] = c.targets.map((t, i) => ['targets', i, t]);
    if (c.finalTarget) all.push(['finalTarget', undefined, c.finalTarget]);
    for (const [field, index, t] of all) {
      const issue = targetIssue(c.direction, t);
      if (issue) ctx.addIssue({ code: 'custom', path: index === undefined ? [field, issue.field] : [field, index, issue.field], message: issue.message });
    }
    const years = c.targets.map((t) => t.year);
    const repeated = years.findIndex((y, i) => years.indexOf(y) !== i);
    if (repeated >= 0) ctx.addIssue({ code: 'custom', path: ['targets', repeated, 'year'], message: 'has a target already: one target per year' });
    if (c.unit === 'rank_position' && (c.direction === 'increase' || c.direction === 'at_least')) {
      ctx.addIssue({ code: 'custom', path: ['direction'], message: 'rank positions are lower-is-better: use DECREASE, AT_MOST or RANGE' });
    }
  }),
  reviseIndicatorTarget: z.object({
    ...indicatorRef,
    year: planYear.describe('The year whose target changes; the final target changes too when it is for this year.'),
    value: amount.optional().describe('The new value; for every direction but a range.'),
    min: amount.optional().describe('The new lower bound, for a range.'),
    max: amount.optional().describe('The new upper bound, for a range.'),
    reason: text(2000).describe('Why the target is revised.'),
    revisedOn: isoDate.describe('Date of the decision revising it.'),
  }),
  reportIndicatorMeasurement: z.object({
    ...indicatorRef,
    period: period.describe('The period measured: 2026, 2026-S1 or 2026-Q3, as the indicator’s frequency says.'),
    value: amount.describe('The measured value.'),
    evidence: text(2000).describe('Where the value can be checked: a document, a system extract, a link.'),
    dataRequestId: entityId('data request')
      .optional()
      .describe('The data request whose accepted answer the value comes from, when it was gathered through one (the secretariat’s dataRequests).'),
    reportedOn: isoDate.describe('Date the value was reported.'),
  }),
  correctIndicatorMeasurement: z.object({
    ...indicatorRef,
    period: period.describe('The period whose value is corrected.'),
    value: amount.describe('The corrected value.'),
    evidence: text(2000).describe('Evidence of the corrected value.'),
    dataRequestId: entityId('data request')
      .optional()
      .describe('The data request whose accepted answer the value comes from, when it was gathered through one (the secretariat’s dataRequests).'),
    reason: text(2000).describe('Why the value is corrected.'),
    correctedOn: isoDate.describe('Date of the correction.'),
  }),
  verifyIndicatorMeasurement: z.object({
    ...indicatorRef,
    period: period.describe('The period whose reported value the department has checked.'),
    verifiedOn: isoDate.describe('Date of the verification.'),
  }),
  rejectIndicatorMeasurement: z.object({
    ...indicatorRef,
    period: period.describe('The period whose reported value is rejected.'),
    reason: text(2000).describe('Why the value is rejected, so the unit can correct it.'),
    rejectedOn: isoDate.describe('Date of the rejection.'),
  }),
  recordIndicatorDeviation: z.object({
    ...indicatorRef,
    period: period.describe('The period whose verified value puts the indicator off track.'),
  }),
  recordIndicatorPeriodMissed: z.object({
    ...indicatorRef,
    period: period.describe('The period whose reporting deadline passed (sent by the clock; nothing is recorded when its value is verified).'),
  }),
} as const;

export type IndicatorCommandName = keyof typeof indicatorCommands;
export type IndicatorCommand = {
  [Name in IndicatorCommandName]: { type: Name; indicatorId: string } & z.infer<(typeof indicatorCommands)[Name]>;
}[IndicatorCommandName];

const targetData = z.object({ year: z.number(), value: z.number().optional(), min: z.number().optional(), max: z.number().optional() });
const passportData = passportFields.extend({
  indicatorId: z.string(),
  directionCode: z.string(),
  targets: z.array(targetData),
  finalTarget: targetData.optional(),
  thresholds: z.object({ atRisk: z.number(), offTrack: z.number() }),
});

export const indicatorEventSchemas = {
  IndicatorDefined: passportData,
  IndicatorTargetRevised: z.object({
    indicatorId: z.string(),
    year: z.number(),
    target: targetData,
    previous: targetData.nullable(),
    finalTargetRevised: z.boolean(),
    reason: z.string(),
    revisedOn: isoDate,
  }),
  IndicatorMeasurementReported: z.object({
    indicatorId: z.string(),
    period: z.string(),
    value: z.number(),
    evidence: z.string(),
    /** Added later: values reported before could not name a data request, which is true of them. */
    dataRequestId: z.string().optional(),
    reportedOn: isoDate,
  }),
  IndicatorMeasurementCorrected: z.object({
    indicatorId: z.string(),
    period: z.string(),
    value: z.number(),
    previousValue: z.number(),
    evidence: z.string(),
    dataRequestId: z.string().optional(),
    reason: z.string(),
    correctedOn: isoDate,
  }),
  IndicatorMeasurementVerified: z.object({
    indicatorId: z.string(),
    period: z.string(),
    value: z.number(),
    verifiedOn: isoDate,
    /** The indicator's status in the period's year once this value counts: the deviation reactor reads it. */
    status: indicatorStatus,
    ratio: z.number().nullable(),
  }),
  IndicatorMeasurementRejected: z.object({ indicatorId: z.string(), period: z.string(), reason: z.string(), rejectedOn: isoDate }),
  IndicatorDeviationRecorded: z.object({
    indicatorId: z.string(),
    period: z.string(),
    year: z.number(),
    value: z.number(),
    ratio: z.number(),
    recordedOn: isoDate,
  }),
  /** A period's reporting deadline passed without a verified value: its year shows "no data". */
  IndicatorPeriodMissed: z.object({ indicatorId: z.string(), period: z.string(), year: z.number(), dueOn: isoDate, recordedOn: isoDate }),
} as const;

export type IndicatorEventType = keyof typeof indicatorEventSchemas;
export type IndicatorEvent = {
  [Type in IndicatorEventType]: { type: Type; data: z.infer<(typeof indicatorEventSchemas)[Type]> };
}[IndicatorEventType];
export const indicatorEventTypes = Object.keys(indicatorEventSchemas) as IndicatorEventType[];
export type IndicatorPassport = z.infer<typeof passportData>;

export type Measurement = { value: number; status: MeasurementStatus };

export type IndicatorState =
  | { exists: false }
  | {
      exists: true;
      passport: IndicatorPassport;
      /** Period → its current value and whether it is verified. */
      measurements: Record<string, Measurement>;
      /** Periods a deviation was recorded for. */
      deviations: string[];
      /** Periods whose reporting deadline passed without a verified value. */
      missed: string[];
    };

/** The passport as the status computation reads it. */
export const statusPassportOf = (p: IndicatorPassport): StatusPassport => ({
  direction: p.direction,
  baseline: p.baseline,
  targets: p.targets,
  finalTarget: p.finalTarget,
  thresholds: p.thresholds,
});

/** The latest verified value of `year` and its period: the one the status of the year rests on. */
export function latestVerified(measurements: Record<string, Measurement>, year: number): { period: string; value: number } | undefined {
  const periods = Object.keys(measurements)
    .filter((p) => yearOfPeriod(p) === year && measurements[p]!.status === 'verified')
    .sort();
  const last = periods.at(-1);
  return last === undefined ? undefined : { period: last, value: measurements[last]!.value };
}

function withTarget(passport: IndicatorPassport, revised: YearTarget, finalRevised: boolean): IndicatorPassport {
  const targets = [...passport.targets.filter((t) => t.year !== revised.year), revised].sort((a, b) => a.year - b.year);
  return { ...passport, targets, ...(finalRevised ? { finalTarget: revised } : {}) };
}

function evolve(state: IndicatorState, event: IndicatorEvent): IndicatorState {
  if (event.type === 'IndicatorDefined') return { exists: true, passport: event.data, measurements: {}, deviations: [], missed: [] };
  if (!state.exists) return state;
  const measure = (p: string, m: Measurement) => ({ ...state, measurements: { ...state.measurements, [p]: m } });
  switch (event.type) {
    case 'IndicatorTargetRevised':
      return { ...state, passport: withTarget(state.passport, { ...event.data.target, year: event.data.year }, event.data.finalTargetRevised) };
    case 'IndicatorMeasurementReported':
    case 'IndicatorMeasurementCorrected':
      return measure(event.data.period, { value: event.data.value, status: 'reported' });
    case 'IndicatorMeasurementVerified':
      return measure(event.data.period, { value: event.data.value, status: 'verified' });
    case 'IndicatorMeasurementRejected':
      return measure(event.data.period, { ...state.measurements[event.data.period]!, status: 'rejected' });
    case 'IndicatorDeviationRecorded':
      return { ...state, deviations: [...state.deviations, event.data.period] };
    case 'IndicatorPeriodMissed':
      return { ...state, missed: [...state.missed, event.data.period] };
  }
}

/**
 * Periods of `year` missed and still without a verified value after the latest verified one: while
 * there is one, the year's value is stale and its status "no data".
 */
export function missedAfterLatest(state: Pick<Existing, 'measurements' | 'missed'>, year: number): string[] {
  const latest = latestVerified(state.measurements, year)?.period ?? '';
  return state.missed.filter((p) => yearOfPeriod(p) === year && p > latest && state.measurements[p]?.status !== 'verified').sort();
}

type Existing = Extract<IndicatorState, { exists: true }>;
const rule = (code: string, message: string) => new DomainRuleError(code, message);

const isStaff = (actor: Actor) => actor.roles.some((r) => strategyStaff.includes(r));

/** A unit reports only for the indicators it owns; the department for any. */
function requireReporter(actor: Actor, indicator: Existing): void {
  if (isStaff(actor)) return;
  if (actor.roles.includes('unit_head') && actor.unit === indicator.passport.ownerUnit) return;
  throw new ForbiddenError(`a unit head reports only the indicators their unit owns; this one is owned by ${indicator.passport.ownerUnit}`, 'NOT_OWN_UNIT');
}

function requirePeriodOfFrequency(indicator: Existing, p: string): void {
  const { frequency } = indicator.passport;
  if (!periodPattern[frequency].test(p)) {
    throw rule(
      'PERIOD_NOT_OF_FREQUENCY',
      `period: ${p} is not a period of a ${frequency} indicator (e.g. ${{ annual: '2026', semester: '2026-S1', quarterly: '2026-Q3' }[frequency]})`,
    );
  }
}

function measurementOf(indicator: Existing, p: string): Measurement {
  const m = indicator.measurements[p];
  if (!m) throw rule('MEASUREMENT_NOT_FOUND', `period: no value has been reported for ${p}`);
  return m;
}

function decide(command: IndicatorCommand, state: IndicatorState, context: CommandContext): IndicatorEvent[] {
  if (command.type === 'defineIndicator') {
    if (state.exists) throw rule('INDICATOR_ALREADY_DEFINED', 'this indicator already exists');
    const { type: _type, ...data } = command as Extract<IndicatorCommand, { type: 'defineIndicator' }> & { directionCode: string };
    return [{ type: 'IndicatorDefined', data }];
  }
  if (!state.exists) throw rule('INDICATOR_NOT_FOUND', 'no indicator with this id exists');
  const { indicatorId } = command;
  switch (command.type) {
    case 'reviseIndicatorTarget': {
      const { year, value, min, max } = command;
      const revised: YearTarget = {
        year,
        ...(value !== undefined ? { value } : {}),
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
      };
      const issue = targetIssue(state.passport.direction, revised);
      if (issue) throw rule('TARGET_INCOMPLETE', `${issue.field}: ${issue.message}`);
      const previous = state.passport.targets.find((t) => t.year === year) ?? (state.passport.finalTarget?.year === year ? state.passport.finalTarget : null);
      if (previous && previous.value === revised.value && previous.min === revised.min && previous.max === revised.max) {
        throw rule('TARGET_UNCHANGED', `the target for ${year} already is what the revision gives`);
      }
      const finalTargetRevised = state.passport.finalTarget?.year === year;
      return [
        {
          type: 'IndicatorTargetRevised',
          data: { indicatorId, year, target: revised, previous, finalTargetRevised, reason: command.reason, revisedOn: command.revisedOn },
        },
      ];
    }
    case 'reportIndicatorMeasurement': {
      requireReporter(context.actor, state);
      requirePeriodOfFrequency(state, command.period);
      if (state.measurements[command.period]) {
        throw rule('MEASUREMENT_ALREADY_REPORTED', `period: a value for ${command.period} is already reported; send a correction instead`);
      }
      const { type: _type, ...data } = command;
      return [{ type: 'IndicatorMeasurementReported', data }];
    }
    case 'correctIndicatorMeasurement': {
      requireReporter(context.actor, state);
      const current = measurementOf(state, command.period);
      const { type: _type, ...data } = command;
      return [{ type: 'IndicatorMeasurementCorrected', data: { ...data, previousValue: current.value } }];
    }
    case 'verifyIndicatorMeasurement': {
      const current = measurementOf(state, command.period);
      if (current.status !== 'reported')
        throw rule('MEASUREMENT_NOT_PENDING', `period: the value for ${command.period} is ${current.status}; only a reported value is verified`);
      const year = yearOfPeriod(command.period);
      const after = latestVerified({ ...state.measurements, [command.period]: { value: current.value, status: 'verified' } }, year);
      const { status, ratio } = assess(statusPassportOf(state.passport), year, after?.value);
      return [
        {
          type: 'IndicatorMeasurementVerified',
          data: { indicatorId, period: command.period, value: current.value, verifiedOn: command.verifiedOn, status, ratio },
        },
      ];
    }
    case 'rejectIndicatorMeasurement': {
      const current = measurementOf(state, command.period);
      if (current.status !== 'reported')
        throw rule('MEASUREMENT_NOT_PENDING', `period: the value for ${command.period} is ${current.status}; only a reported value is rejected`);
      const { type: _type, ...data } = command;
      return [{ type: 'IndicatorMeasurementRejected', data }];
    }
    case 'recordIndicatorDeviation': {
      const current = measurementOf(state, command.period);
      if (current.status !== 'verified') throw rule('MEASUREMENT_NOT_VERIFIED', `period: the value for ${command.period} is not verified`);
      if (state.deviations.includes(command.period)) throw rule('DEVIATION_ALREADY_RECORDED', `a deviation for ${command.period} is already recorded`);
      const year = yearOfPeriod(command.period);
      const { status, ratio } = assess(statusPassportOf(state.passport), year, current.value);
      if (status !== 'off_track' || ratio === null)
        throw rule('INDICATOR_NOT_OFF_TRACK', `the value for ${command.period} leaves the indicator ${status.replace('_', ' ')}, not off track`);
      return [
        {
          type: 'IndicatorDeviationRecorded',
          data: { indicatorId, period: command.period, year, value: current.value, ratio, recordedOn: context.now.slice(0, 10) },
        },
      ];
    }
    case 'recordIndicatorPeriodMissed': {
      requirePeriodOfFrequency(state, command.period);
      const today = localDateOf(context.now);
      const dueOn = periodDueOn(command.period, state.passport.reportingDays ?? DEFAULT_REPORTING_DAYS);
      if (today <= dueOn) throw rule('PERIOD_NOT_DUE', `period: the value for ${command.period} is due by ${dueOn}; that day has not passed yet`);
      // The clock asks for every period: one verified in time, or already recorded missed, needs nothing.
      if (state.measurements[command.period]?.status === 'verified' || state.missed.includes(command.period)) return [];
      return [
        {
          type: 'IndicatorPeriodMissed',
          data: { indicatorId, period: command.period, year: yearOfPeriod(command.period), dueOn, recordedOn: today },
        },
      ];
    }
  }
}

export const indicatorDecider: Decider<IndicatorCommand, IndicatorEvent, IndicatorState> = { initialState: { exists: false }, evolve, decide };

const reporters: Role[] = [...strategyStaff, 'unit_head'];
export const indicatorPermissions: Record<IndicatorCommandName, Role[]> = {
  defineIndicator: strategyStaff,
  reviseIndicatorTarget: strategyDecisions,
  reportIndicatorMeasurement: reporters,
  correctIndicatorMeasurement: reporters,
  verifyIndicatorMeasurement: strategyStaff,
  rejectIndicatorMeasurement: strategyStaff,
  recordIndicatorDeviation: strategyStaff,
  recordIndicatorPeriodMissed: strategyStaff,
};
export const indicatorScopes: Partial<Record<IndicatorCommandName, string>> = {
  reportIndicatorMeasurement: 'a unit head only for indicators their unit owns',
  correctIndicatorMeasurement: 'a unit head only for indicators their unit owns',
};

/**
 * A verified value that leaves its indicator off track calls for a deviation to be recorded. The
 * verification carries the status it produced, so the reactor needs no state; the decider checks
 * again when the command arrives.
 */
export const indicatorDeviationReactor: Reactor = {
  name: 'indicator-deviation',
  eventTypes: ['IndicatorMeasurementVerified'],
  react(event) {
    const data = indicatorEventSchemas.IndicatorMeasurementVerified.parse(event.data);
    return data.status === 'off_track' ? [{ command: 'recordIndicatorDeviation', input: { indicatorId: data.indicatorId, period: data.period } }] : [];
  },
};
