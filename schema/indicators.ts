// Strategy indicators in GraphQL: the dashboard (`indicators` for a year), one indicator with its
// series, measurements and target revisions (now or `asOf`), a change subscription, and one
// mutation per indicator command. Field shapes of the inputs come from src/domain/indicators.ts.
import { z } from 'zod';
import { createIndicatorQueries, indicatorsProjection, type IndicatorView, type IndicatorYearRow, type MeasurementRow } from '../projections/indicators.ts';
import { foldAsOf } from '../projections/time-travel.ts';
import { correctiveActionsProjection } from '../projections/corrective-actions.ts';
import { correctiveActionCategory } from '../src/domain/corrective-actions.ts';
import { NotFoundError } from '../src/domain/errors.ts';
import { checkCitedDataRequest } from './data-request-citation.ts';
import { DEFAULT_REPORTING_DAYS } from '../src/domain/indicator-periods.ts';
import { indicatorDirection, indicatorStatus, type TargetLevel } from '../src/domain/indicator-status.ts';
import {
  indicatorCategory,
  indicatorCommands,
  indicatorDecider,
  indicatorFrequency,
  indicatorUnit,
  measurementStatus,
  type IndicatorCommandName,
  type IndicatorPassport,
} from '../src/domain/indicators.ts';
import { languageSchema, type Labels, type Language } from '../src/domain/values.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import { AsOfInput, parseAsOf } from './as-of.ts';
import { languageArg } from './language.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { changesOf, endOfChange, type Change } from './changes.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { plainIdOf } from './ids.ts';
import { MultilingualNameRef } from './licensing.ts';
import { runStrategyCommand, type StrategyPayloadShape } from './strategy-command.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

// The strategy and its indicators are the university's own public record: every signed-in caller reads them.
registerStreamKind({ typename: 'Indicator', category: indicatorCategory, personal: false, canRead: (context) => context.actor !== undefined });

export const LanguageEnum = enumFor(languageSchema);
export const IndicatorStatusEnum = enumFor(indicatorStatus);
const IndicatorDirectionEnum = enumFor(indicatorDirection);
const IndicatorUnitEnum = enumFor(indicatorUnit);
const IndicatorFrequencyEnum = enumFor(indicatorFrequency);
const MeasurementStatusEnum = enumFor(measurementStatus);

const labelsOf = (schema: z.ZodType) => z.globalRegistry.get(schema)?.labels as Labels<string>;
/** A `…Label(language:)` field's resolver: the value's label in the language asked for, or the request's. */
export const labelIn = (schema: z.ZodType, value: string, language: Language | null | undefined, context: GraphQLContext): string =>
  labelsOf(schema)[value]?.[language ?? context.language] ?? value;

/** The year dashboards show when none is asked for: the current year in Kyrgyzstan (UTC+6). */
export const currentYear = (): number => new Date(Date.now() + 6 * 3_600_000).getUTCFullYear();

type Target = TargetLevel & { year?: number };
const IndicatorTargetRef = builder.objectRef<Target>('IndicatorTarget').implement({
  description: 'A target: a value to reach or keep, or for a range its bounds.',
  fields: (t) => ({
    year: t.int({ nullable: true, description: 'The plan year it is for (none for an interpolated expectation).', resolve: (x) => x.year ?? null }),
    value: t.float({ nullable: true, description: 'The value; null for a range.', resolve: (x) => x.value ?? null }),
    min: t.float({ nullable: true, description: 'Lower bound of a range.', resolve: (x) => x.min ?? null }),
    max: t.float({ nullable: true, description: 'Upper bound of a range.', resolve: (x) => x.max ?? null }),
  }),
});

export const IndicatorYearRef = builder.objectRef<IndicatorYearRow>('IndicatorYear').implement({
  description: 'An indicator judged in one year: what the trajectory expects, the latest verified value, and the status.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'The year.' }),
    expected: t.field({
      type: IndicatorTargetRef,
      nullable: true,
      description: 'What the plan expects this year: the declared target, or the trajectory between baseline and targets.',
      resolve: (r) => (r.expected ? (JSON.parse(r.expected) as Target) : null),
    }),
    value: t.exposeFloat('value', { nullable: true, description: 'The latest verified value of the year.' }),
    period: t.exposeString('period', { nullable: true, description: 'The period of that value.' }),
    ratio: t.exposeFloat('ratio', { nullable: true, description: 'Achievement ratio against the expected trajectory (1 = exactly as planned).' }),
    progress: t.exposeFloat('progress', {
      nullable: true,
      description: 'Share of the way from the baseline to the final target (increase and decrease only).',
    }),
    status: t.field({ type: IndicatorStatusEnum, description: 'Status in the year.', resolve: (r) => r.status }),
    statusLabel: t.string({
      description: 'The status in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => labelIn(indicatorStatus, r.status, args.language, context),
    }),
    missedPeriods: t.stringList({
      description: 'Periods of the year whose reporting deadline passed without a verified value (after the latest verified one).',
      resolve: (r) => r.missed_periods,
    }),
  }),
});

const IndicatorMeasurementRef = builder.objectRef<MeasurementRow>('IndicatorMeasurement').implement({
  description: 'The current value reported for one period, and whether the department verified it. Corrections are in the history.',
  fields: (t) => ({
    period: t.exposeString('period', { description: 'The period: 2026, 2026-S1 or 2026-Q3.' }),
    value: t.exposeFloat('value', { description: 'The value as last reported or corrected.' }),
    evidence: t.exposeString('evidence', { description: 'Where the value can be checked.' }),
    dataRequestId: t.exposeID('data_request_id', {
      nullable: true,
      description: 'The data request whose accepted answer the value comes from, if it was gathered through one (dataRequest(id:) shows it).',
    }),
    status: t.field({ type: MeasurementStatusEnum, description: 'Reported, verified or rejected.', resolve: (m) => m.status }),
    statusLabel: t.string({
      description: 'The status in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (m, args, context) => labelIn(measurementStatus, m.status, args.language, context),
    }),
    reportedOn: t.field({ type: 'Date', description: 'Date first reported.', resolve: (m) => m.reported_on }),
    reportedBy: t.exposeString('reported_by', { description: 'Who reported it.' }),
    corrections: t.exposeInt('corrections', { description: 'How many times the value was corrected.' }),
    verifiedOn: t.field({ type: 'Date', nullable: true, description: 'Date of verification.', resolve: (m) => m.verified_on }),
    rejectedOn: t.field({ type: 'Date', nullable: true, description: 'Date of rejection.', resolve: (m) => m.rejected_on }),
    rejectionReason: t.exposeString('rejection_reason', { nullable: true, description: 'Why it was rejected.' }),
  }),
});

type Revision = IndicatorView['revisions'][number];
const TargetRevisionRef = builder.objectRef<Revision>('IndicatorTargetRevision').implement({
  description: 'A revision of a target: who made it, when and why, and what it was before.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'The year whose target changed.' }),
    target: t.field({ type: IndicatorTargetRef, description: 'The target after the revision.', resolve: (r) => JSON.parse(r.target) as Target }),
    previous: t.field({
      type: IndicatorTargetRef,
      nullable: true,
      description: 'The target before (null when the year had none).',
      resolve: (r) => (r.previous ? (JSON.parse(r.previous) as Target) : null),
    }),
    finalTargetRevised: t.boolean({ description: 'True when the final target changed with it.', resolve: (r) => r.final_target_revised === 1 }),
    reason: t.exposeString('reason', { description: 'Why the target was revised.' }),
    revisedOn: t.field({ type: 'Date', description: 'Date of the decision.', resolve: (r) => r.revised_on }),
    revisedBy: t.exposeString('revised_by_name', { description: 'Who recorded the revision.' }),
    revisedById: t.exposeString('revised_by_id', { description: 'Id of who recorded it.' }),
    recordedAt: t.field({ type: 'DateTime', description: 'When it was recorded.', resolve: (r) => r.recorded_at }),
  }),
});

type Deviation = IndicatorView['deviations'][number];
const DeviationRef = builder.objectRef<Deviation>('IndicatorDeviation').implement({
  description: 'A verified value that put the indicator off track.',
  fields: (t) => ({
    period: t.exposeString('period', { description: 'The period of the value.' }),
    year: t.exposeInt('year', { description: 'The year it was judged in.' }),
    value: t.exposeFloat('value', { description: 'The verified value.' }),
    ratio: t.exposeFloat('ratio', { description: 'Its achievement ratio.' }),
    recordedOn: t.field({ type: 'Date', description: 'Date the deviation was recorded.', resolve: (d) => d.recorded_on }),
  }),
});

const IndicatorBaselineRef = builder.objectRef<{ year: number; value: number }>('IndicatorBaseline').implement({
  description: 'Where the indicator stood before the plan.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Year of the baseline.' }),
    value: t.exposeFloat('value', { description: 'The baseline value.' }),
  }),
});
const IndicatorThresholdsRef = builder.objectRef<{ atRisk: number; offTrack: number }>('IndicatorThresholds').implement({
  description: 'Achievement ratios that separate on track, at risk and off track.',
  fields: (t) => ({
    atRisk: t.exposeFloat('atRisk', { description: 'Below this ratio the indicator is at risk.' }),
    offTrack: t.exposeFloat('offTrack', { description: 'Below this ratio it is off track.' }),
  }),
});

const passportOf = (v: IndicatorView): IndicatorPassport => JSON.parse(v.row.passport) as IndicatorPassport;

export const Indicator = builder.loadableNode('Indicator', {
  description: 'A strategy indicator: its passport, targets, measurements and status year by year.',
  id: { resolve: (v) => v.row.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.indicators.byIds(ids).map((v) => v ?? null) as IndicatorView[],
  fields: (t) => ({
    indicatorId: t.string({ description: 'The plain id of the indicator (the global `id` wraps it).', resolve: (v) => v.row.id }),
    planId: t.string({ description: 'Plain id of the strategic plan.', resolve: (v) => v.row.plan_id }),
    strategicDirectionCode: t.string({ description: 'Code of the strategic direction.', resolve: (v) => v.row.direction_code }),
    goalCode: t.string({ description: 'Code of the goal it measures.', resolve: (v) => v.row.goal_code }),
    code: t.string({ description: 'Code of the indicator.', resolve: (v) => v.row.code }),
    name: t.field({
      type: MultilingualNameRef,
      description: 'Name of the indicator.',
      resolve: (v) => ({ ky: v.row.name_ky, ru: v.row.name_ru, en: v.row.name_en }),
    }),
    definition: t.string({ description: 'What it measures.', resolve: (v) => passportOf(v).definition }),
    formula: t.string({ nullable: true, description: 'How it is computed.', resolve: (v) => passportOf(v).formula ?? null }),
    unit: t.field({ type: IndicatorUnitEnum, description: 'Unit of measure.', resolve: (v) => v.row.unit }),
    unitLabel: t.string({
      description: 'The unit in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (v, args, context) => labelIn(indicatorUnit, v.row.unit, args.language, context),
    }),
    direction: t.field({ type: IndicatorDirectionEnum, description: 'Which values are better.', resolve: (v) => v.row.direction }),
    directionLabel: t.string({
      description: 'The direction in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (v, args, context) => labelIn(indicatorDirection, v.row.direction, args.language, context),
    }),
    baseline: t.field({ type: IndicatorBaselineRef, description: 'Baseline value and year.', resolve: (v) => passportOf(v).baseline }),
    targets: t.field({ type: [IndicatorTargetRef], description: 'Targets per plan year, as currently in force.', resolve: (v) => passportOf(v).targets }),
    finalTarget: t.field({
      type: IndicatorTargetRef,
      nullable: true,
      description: 'The target at the end of the plan.',
      resolve: (v) => passportOf(v).finalTarget ?? null,
    }),
    thresholds: t.field({ type: IndicatorThresholdsRef, description: 'At-risk and off-track thresholds.', resolve: (v) => passportOf(v).thresholds }),
    weight: t.float({ description: 'Weight in roll-ups.', resolve: (v) => v.row.weight }),
    ownerUnit: t.string({ description: 'The unit responsible for it.', resolve: (v) => v.row.owner_unit }),
    dataSource: t.string({ description: 'Where its values come from.', resolve: (v) => passportOf(v).dataSource }),
    frequency: t.field({ type: IndicatorFrequencyEnum, description: 'How often it is measured.', resolve: (v) => v.row.frequency }),
    reportingDays: t.int({
      description: 'Days after a period ends by which its value is due verified; then the clock records the period missed.',
      resolve: (v) => passportOf(v).reportingDays ?? DEFAULT_REPORTING_DAYS,
    }),
    rankingIndicators: t.stringList({ description: 'Ranking indicators it feeds.', resolve: (v) => passportOf(v).rankingIndicators ?? [] }),
    accreditationCriteria: t.stringList({ description: 'Accreditation criteria it evidences.', resolve: (v) => passportOf(v).accreditationCriteria ?? [] }),
    series: t.field({ type: [IndicatorYearRef], description: 'The indicator judged year by year over its horizon.', resolve: (v) => v.years }),
    assessment: t.field({
      type: IndicatorYearRef,
      nullable: true,
      description: 'The indicator judged in one year (the current one by default); null outside its horizon.',
      args: { year: t.arg.int({ required: false, description: 'The year; the current year in Kyrgyzstan by default.' }) },
      resolve: (v, args) => v.years.find((y) => y.year === (args.year ?? currentYear())) ?? null,
    }),
    measurements: t.field({ type: [IndicatorMeasurementRef], description: 'Values reported per period, oldest period first.', resolve: (v) => v.measurements }),
    targetRevisions: t.field({ type: [TargetRevisionRef], description: 'Every revision of a target, oldest first.', resolve: (v) => v.revisions }),
    deviations: t.field({ type: [DeviationRef], description: 'Off-track values recorded as deviations.', resolve: (v) => v.deviations }),
    needsCorrectiveAction: t.boolean({
      description: 'True after a deviation until a corrective action is opened for it.',
      resolve: (v) => v.row.needs_corrective_action === 1,
    }),
    openCorrectiveActions: t.int({ description: 'Corrective actions for it that are planned or in progress.', resolve: (v) => v.row.open_corrective_actions }),
    revision: t.int({ description: 'Revision of the indicator stream this state reflects; pass it as expectedRevision.', resolve: (v) => v.row.revision }),
    position: t.string({ description: 'Position in the global log of the last event folded into this state.', resolve: (v) => v.row.position }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (v) => v.row.updated_at }),
  }),
});

/** A row of the dashboard: an indicator in the year asked for, with its whole view at hand. */
export type DashboardRowShape = { year: IndicatorYearRow; view: IndicatorView };
export const IndicatorDashboardRowRef = builder.objectRef<DashboardRowShape>('IndicatorDashboardRow').implement({
  description: 'One indicator on the dashboard for a year: target, latest verified value, progress, status and open corrective actions.',
  fields: (t) => ({
    indicator: t.field({ type: Indicator, description: 'The indicator.', resolve: (r) => r.view }),
    year: t.int({ description: 'The year shown.', resolve: (r) => r.year.year }),
    target: t.field({
      type: IndicatorTargetRef,
      nullable: true,
      description: 'The target for the year (declared, or on the trajectory).',
      resolve: (r) => (r.year.expected ? (JSON.parse(r.year.expected) as Target) : null),
    }),
    latestValue: t.float({ nullable: true, description: 'The latest verified value of the year.', resolve: (r) => r.year.value }),
    period: t.string({ nullable: true, description: 'The period of that value.', resolve: (r) => r.year.period }),
    ratio: t.float({ nullable: true, description: 'Achievement ratio against the trajectory.', resolve: (r) => r.year.ratio }),
    progress: t.float({ nullable: true, description: 'Share of the way from the baseline to the final target.', resolve: (r) => r.year.progress }),
    status: t.field({ type: IndicatorStatusEnum, description: 'Status in the year.', resolve: (r) => r.year.status }),
    statusLabel: t.string({
      description: 'The status in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => labelIn(indicatorStatus, r.year.status, args.language, context),
    }),
    valuesByPeriod: t.field({
      type: [IndicatorMeasurementRef],
      description: 'Verified values of every period, oldest first.',
      resolve: (r) => r.view.measurements.filter((m) => m.status === 'verified'),
    }),
    missedPeriods: t.stringList({
      description: 'Periods of the year whose reporting deadline passed without a verified value (after the latest verified one).',
      resolve: (r) => r.year.missed_periods,
    }),
    needsCorrectiveAction: t.boolean({
      description: 'True after a deviation until a corrective action is opened.',
      resolve: (r) => r.view.row.needs_corrective_action === 1,
    }),
    openCorrectiveActions: t.int({ description: 'Corrective actions planned or in progress for it.', resolve: (r) => r.view.row.open_corrective_actions }),
  }),
});

const IndicatorFilterInput = builder.inputType('IndicatorFilter', {
  description: 'Narrows the dashboard; all given conditions must hold.',
  fields: (t) => ({
    planId: t.id({ required: false, description: 'Only indicators of this strategic plan (global or plain id).' }),
    strategicDirection: t.string({ required: false, description: 'Only indicators under this strategic direction code.' }),
    goal: t.string({ required: false, description: 'Only indicators of this goal code.' }),
    ownerUnit: t.string({ required: false, description: 'Only indicators this unit owns.' }),
    statuses: t.field({ type: [IndicatorStatusEnum], required: false, description: 'Any of these statuses in the year.' }),
    directions: t.field({ type: [IndicatorDirectionEnum], required: false, description: 'Any of these directions (increase, decrease, ...).' }),
  }),
});

const indicatorIdOf = (id: string): string => plainIdOf(id, 'Indicator');

builder.queryFields((t) => ({
  indicators: t.connection(
    {
      type: IndicatorDashboardRowRef,
      description: 'The indicators dashboard for a year, in order of indicator code, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: {
        year: t.arg.int({ required: false, description: 'The year shown; the current year in Kyrgyzstan by default.' }),
        filter: t.arg({ type: IndicatorFilterInput, required: false, description: 'Conditions the indicators must meet.' }),
      },
      resolve: (_root, args, context) => {
        const year = args.year ?? currentYear();
        const request = pageRequest(args, `indicators:${year}`);
        const queries = context.hub.indicators;
        const filter = { ...args.filter, planId: args.filter?.planId ? plainIdOf(String(args.filter.planId), 'StrategicPlan') : null };
        const { rows, hasMore } = queries.page(year, filter, request);
        const views = queries.byIds(rows.map((r) => r.id));
        const shaped = rows.map((row, i) => ({ year: row, view: views[i]! }));
        return connectionOf(shaped, hasMore, request, (r) => encodeCursor(`indicators:${year}`, queries.sortKey(r.year)));
      },
    },
    { name: 'IndicatorDashboardConnection', description: 'A page of the indicators dashboard.' },
    { name: 'IndicatorDashboardEdge', description: 'An indicator on a page of the dashboard, with its cursor.' },
  ),
  indicator: t.field({
    type: Indicator,
    nullable: true,
    description: 'One indicator by its global id (or plain indicatorId), now or as it was at `asOf`; null if there is none (then).',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, description: 'Global id, or the plain indicatorId.' }),
      asOf: t.arg({ type: AsOfInput, required: false, description: 'Time travel: the indicator as it was at a moment or a revision.' }),
    },
    resolve: async (_root, args, context) => {
      const id = indicatorIdOf(String(args.id));
      if (!args.asOf) return context.hub.indicators.byIds([id])[0] ?? null;
      const scope = { stream: `${indicatorCategory}-${id}`, categories: [indicatorCategory, correctiveActionCategory] };
      const past = await foldAsOf(context.hub.store, indicatorsProjection, scope, parseAsOf(args.asOf));
      if (!past) return null;
      try {
        return createIndicatorQueries(past).byIds([id])[0] ?? null;
      } finally {
        past.close();
      }
    },
  }),
}));

/** The indicator an applied event changed: its own events, and those of corrective actions it raised (they change its open count). */
function changedIndicatorOf(context: GraphQLContext, event: RecordedEvent): string | undefined {
  const [category, ...rest] = event.stream.split('-');
  const id = rest.join('-');
  if (category === indicatorCategory) return id;
  if (category !== correctiveActionCategory) return undefined;
  const [action] = context.hub.correctiveActions.byIds([id]);
  return action?.source === 'indicator' ? action.source_id : undefined;
}

type IndicatorChangeShape = Change<IndicatorView>;
const IndicatorChange = builder.objectRef<IndicatorChangeShape>('IndicatorChange').implement({
  description: 'An indicator changed: the event that changed it and the indicator as the dashboard showed it once the change was in.',
  fields: (t) => ({
    indicator: t.field({ type: Indicator, description: 'The indicator as it stood right after the change.', resolve: (c) => c.row }),
    eventType: t.exposeString('eventType', { description: 'The event that changed it, e.g. IndicatorMeasurementVerified.' }),
    revision: t.int({
      description: 'Revision of the indicator stream after the change (for a change through a corrective action, the indicator’s current one).',
      resolve: (c) => (c.eventType.startsWith('CorrectiveAction') ? c.row.row.revision : Number(c.revision)),
    }),
    position: t.exposeString('position', { description: 'Position of the event in the global log.' }),
  }),
});

builder.subscriptionField('indicatorChanged', (t) =>
  t.field({
    type: IndicatorChange,
    description: 'Each change to an indicator once the dashboard includes it; pass id to follow one indicator.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: false, description: 'Only this indicator (global id or plain indicatorId).' }) },
    subscribe: (_root, args, context) => {
      const only = args.id ? indicatorIdOf(String(args.id)) : undefined;
      const selection = {
        key: 'indicator',
        // An indicator's own events are read once the dashboard folded them; a corrective action's
        // once the action register (folded after the dashboard) has it too.
        projection: (event: RecordedEvent) => (event.stream.startsWith(`${indicatorCategory}-`) ? indicatorsProjection.name : correctiveActionsProjection.name),
        entityOf: (event: RecordedEvent) => changedIndicatorOf(context, event),
        read: (id: string) => context.hub.indicators.byIds([id])[0],
      };
      return changesOf(context.hub, selection, (id) => only === undefined || id === only);
    },
    resolve: endOfChange,
  }),
);

const IndicatorPayload = builder.objectRef<StrategyPayloadShape>('IndicatorPayload').implement({
  description: 'The indicator after the command, with where the command landed in the log.',
  fields: (t) => ({
    indicator: t.field({
      type: Indicator,
      description: 'The indicator as the dashboard shows it now, including this command.',
      resolve: (p, _args, context) => context.hub.indicators.byIds([p.id])[0]!,
    }),
    revision: t.int({ description: 'Revision of the indicator stream after the command.', resolve: (p) => Number(p.revision) }),
    position: t.exposeString('position', { description: 'Position of the command’s last event in the global log.' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this commandId was handled before and its first answer is returned.' }),
  }),
});

const descriptions: Record<IndicatorCommandName, string> = {
  defineIndicator: 'Defines a strategy indicator under a goal of a strategic plan, with its whole passport.',
  reviseIndicatorTarget: 'Revises the target of a year (and the final target when it is for that year), keeping who, when and why.',
  reportIndicatorMeasurement: 'Reports the value of a period, with its evidence; the department then verifies or rejects it.',
  correctIndicatorMeasurement: 'Corrects a reported value (a new event; the value goes back for verification).',
  verifyIndicatorMeasurement: 'Verifies a reported value: from now on it counts for the status.',
  rejectIndicatorMeasurement: 'Rejects a reported value with the reason, so the unit can correct it.',
  recordIndicatorDeviation: 'Records that a verified value put the indicator off track (sent by the deviation reactor; refused when it is not off track).',
  recordIndicatorPeriodMissed:
    'Records that a period’s reporting deadline passed without a verified value (sent by the clock; refused before the deadline, nothing recorded when the value is verified).',
};

async function runIndicatorCommand(name: IndicatorCommandName, call: CommandCall<Record<string, unknown>>): Promise<StrategyPayloadShape> {
  const { hub } = call.context;
  let extra: Record<string, unknown> | undefined;
  if (name === 'defineIndicator') {
    const planId = String(call.input.planId);
    const goalCode = String(call.input.goalCode);
    if (!hub.strategicPlans.byIds([planId])[0]) throw new NotFoundError('strategic plan', planId);
    const goal = hub.strategicPlans.goal(planId, goalCode);
    if (!goal) throw new NotFoundError('strategic goal', goalCode);
    extra = { directionCode: goal.direction_code };
  }
  if (name === 'reportIndicatorMeasurement' || name === 'correctIndicatorMeasurement') checkCitedDataRequest(hub, call.input);
  return runStrategyCommand({
    name,
    call,
    decider: indicatorDecider,
    category: indicatorCategory,
    idField: 'indicatorId',
    entity: 'indicator',
    creates: name === 'defineIndicator',
    ...(extra ? { extra } : {}),
    current: (id) => hub.indicators.byIds([id])[0]?.row,
  });
}

for (const name of Object.keys(indicatorCommands) as IndicatorCommandName[]) {
  commandMutation({
    name,
    description: descriptions[name],
    schema: indicatorCommands[name],
    payload: IndicatorPayload,
    acceptsExpectedRevision: name !== 'defineIndicator',
    prepare: (raw) => {
      const prepared = typeof raw.indicatorId === 'string' ? { ...raw, indicatorId: indicatorIdOf(raw.indicatorId) } : raw;
      return typeof prepared.planId === 'string' ? { ...prepared, planId: plainIdOf(prepared.planId, 'StrategicPlan') } : prepared;
    },
    run: (call) => runIndicatorCommand(name, call as CommandCall<Record<string, unknown>>),
  });
}
