// The indicators dashboard (DOMAIN.md "Indicators": targets, latest value, progress, status, open
// corrective actions). Each indicator keeps its folded state (the decider's own evolve), and on
// every change its status is computed again for each year of its horizon (from the year after the
// baseline to its last target or measured year), so a revised target or a corrected value
// re-judges every year it touches. Corrective-action events are read too, to count the open actions
// per indicator and to clear "needs a corrective action" once one is opened after a deviation.
import { z } from 'zod';
import { correctiveActionEventSchemas, correctiveActionEventTypes, type CorrectiveActionEvent } from '../src/domain/corrective-actions.ts';
import { assess, indicatorDirection, indicatorStatus } from '../src/domain/indicator-status.ts';
import {
  indicatorCategory,
  indicatorDecider,
  indicatorEventSchemas,
  indicatorEventTypes,
  indicatorFrequency,
  indicatorUnit,
  latestVerified,
  measurementStatus,
  missedAfterLatest,
  statusPassportOf,
  yearOfPeriod,
  type IndicatorEvent,
  type IndicatorState,
} from '../src/domain/indicators.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { inList, keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'indicators' | 'indicator_years' | 'indicator_measurements' | 'indicator_target_revisions' | 'indicator_deviations' | 'indicator_action_links';

const indicatorTypes = new Set<string>(indicatorEventTypes);
const indicatorEventOf = (event: RecordedEvent): IndicatorEvent =>
  ({ type: event.type, data: indicatorEventSchemas[event.type as IndicatorEvent['type']].parse(event.data) }) as IndicatorEvent;
const actionEventOf = (event: RecordedEvent): CorrectiveActionEvent =>
  ({ type: event.type, data: correctiveActionEventSchemas[event.type as CorrectiveActionEvent['type']].parse(event.data) }) as CorrectiveActionEvent;

/** Years an indicator is judged for: after its baseline up to its last target or measured period. */
function horizon(state: Extract<IndicatorState, { exists: true }>): number[] {
  const p = state.passport;
  const measured = Object.keys(state.measurements).map(yearOfPeriod);
  const first = Math.min(p.baseline.year + 1, ...measured);
  const last = Math.max(first, p.finalTarget?.year ?? 0, ...p.targets.map((t) => t.year), ...measured);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export const indicatorsProjection: ProjectionDefinition<Table> = {
  name: 'indicators',
  // 2: missed periods (IndicatorPeriodMissed) and the awaiting-data status; 3: the data request a value came from.
  version: 3,
  tables: ['indicators', 'indicator_years', 'indicator_measurements', 'indicator_target_revisions', 'indicator_deviations', 'indicator_action_links'],
  eventTypes: [...indicatorEventTypes, ...correctiveActionEventTypes],
  open(db, t: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${t.indicators} (
        id TEXT PRIMARY KEY, plan_id TEXT NOT NULL, goal_code TEXT NOT NULL, direction_code TEXT NOT NULL, code TEXT NOT NULL,
        name_ky TEXT NOT NULL, name_ru TEXT NOT NULL, name_en TEXT NOT NULL,
        direction TEXT NOT NULL, unit TEXT NOT NULL, frequency TEXT NOT NULL, owner_unit TEXT NOT NULL, weight REAL NOT NULL,
        passport TEXT NOT NULL, state TEXT NOT NULL,
        needs_corrective_action INTEGER NOT NULL DEFAULT 0, open_corrective_actions INTEGER NOT NULL DEFAULT 0,
        defined_position INTEGER NOT NULL, revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${t.indicator_years} (
        id TEXT NOT NULL, year INTEGER NOT NULL, plan_id TEXT NOT NULL, goal_code TEXT NOT NULL, direction_code TEXT NOT NULL,
        owner_unit TEXT NOT NULL, code TEXT NOT NULL, direction TEXT NOT NULL,
        expected TEXT, value REAL, period TEXT, ratio REAL, progress REAL, status TEXT NOT NULL, missed_periods TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (id, year));
      CREATE TABLE IF NOT EXISTS ${t.indicator_measurements} (
        indicator_id TEXT NOT NULL, period TEXT NOT NULL, value REAL NOT NULL, evidence TEXT NOT NULL, data_request_id TEXT, status TEXT NOT NULL,
        reported_on TEXT NOT NULL, reported_by TEXT NOT NULL, corrections INTEGER NOT NULL DEFAULT 0,
        verified_on TEXT, rejected_on TEXT, rejection_reason TEXT, PRIMARY KEY (indicator_id, period));
      CREATE TABLE IF NOT EXISTS ${t.indicator_target_revisions} (
        indicator_id TEXT NOT NULL, position INTEGER NOT NULL, year INTEGER NOT NULL, target TEXT NOT NULL, previous TEXT,
        final_target_revised INTEGER NOT NULL, reason TEXT NOT NULL, revised_on TEXT NOT NULL,
        revised_by_id TEXT NOT NULL, revised_by_name TEXT NOT NULL, recorded_at TEXT NOT NULL, PRIMARY KEY (indicator_id, position));
      CREATE TABLE IF NOT EXISTS ${t.indicator_deviations} (
        indicator_id TEXT NOT NULL, period TEXT NOT NULL, year INTEGER NOT NULL, value REAL NOT NULL, ratio REAL NOT NULL,
        recorded_on TEXT NOT NULL, PRIMARY KEY (indicator_id, period));
      CREATE TABLE IF NOT EXISTS ${t.indicator_action_links} (action_id TEXT PRIMARY KEY, indicator_id TEXT NOT NULL, open INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS ${t.indicator_years}_year ON ${t.indicator_years} (year, code, id);`);
    const stateOf = db.prepare<[string], { state: string }>(`SELECT state FROM ${t.indicators} WHERE id = ?`);
    const insertIndicator = db.prepare(`INSERT INTO ${t.indicators} (id, plan_id, goal_code, direction_code, code, name_ky, name_ru, name_en,
      direction, unit, frequency, owner_unit, weight, passport, state, defined_position, revision, position, updated_at)
      VALUES (@id, @planId, @goalCode, @directionCode, @code, @ky, @ru, @en, @direction, @unit, @frequency, @ownerUnit, @weight,
      @passport, @state, @commit, @revision, @position, @updatedAt)`);
    const saveState = db.prepare(
      `UPDATE ${t.indicators} SET passport = @passport, state = @state, revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`,
    );
    const deleteYears = db.prepare(`DELETE FROM ${t.indicator_years} WHERE id = ?`);
    const insertYear = db.prepare(`INSERT INTO ${t.indicator_years} (id, year, plan_id, goal_code, direction_code, owner_unit, code, direction,
      expected, value, period, ratio, progress, status, missed_periods) VALUES (@id, @year, @planId, @goalCode, @directionCode, @ownerUnit, @code,
      @direction, @expected, @value, @period, @ratio, @progress, @status, @missedPeriods)`);
    const insertMeasurement =
      db.prepare(`INSERT INTO ${t.indicator_measurements} (indicator_id, period, value, evidence, data_request_id, status, reported_on, reported_by)
      VALUES (@id, @period, @value, @evidence, @dataRequestId, 'reported', @reportedOn, @by)`);
    const correctMeasurement =
      db.prepare(`UPDATE ${t.indicator_measurements} SET value = @value, evidence = @evidence, data_request_id = @dataRequestId, status = 'reported',
      corrections = corrections + 1, verified_on = NULL, rejected_on = NULL, rejection_reason = NULL WHERE indicator_id = @id AND period = @period`);
    const verifyMeasurement = db.prepare(
      `UPDATE ${t.indicator_measurements} SET status = 'verified', verified_on = @verifiedOn WHERE indicator_id = @id AND period = @period`,
    );
    const rejectMeasurement = db.prepare(
      `UPDATE ${t.indicator_measurements} SET status = 'rejected', rejected_on = @rejectedOn, rejection_reason = @reason WHERE indicator_id = @id AND period = @period`,
    );
    const insertRevision =
      db.prepare(`INSERT INTO ${t.indicator_target_revisions} (indicator_id, position, year, target, previous, final_target_revised, reason, revised_on, revised_by_id, revised_by_name, recorded_at)
      VALUES (@id, @commit, @year, @target, @previous, @finalRevised, @reason, @revisedOn, @byId, @byName, @updatedAt)`);
    const insertDeviation = db.prepare(
      `INSERT INTO ${t.indicator_deviations} (indicator_id, period, year, value, ratio, recorded_on) VALUES (@id, @period, @year, @value, @ratio, @recordedOn)`,
    );
    const flagDeviation = db.prepare(`UPDATE ${t.indicators} SET needs_corrective_action = (open_corrective_actions = 0) WHERE id = ?`);
    const insertLink = db.prepare(`INSERT INTO ${t.indicator_action_links} (action_id, indicator_id, open) VALUES (?, ?, 1)`);
    const linkOf = db.prepare<[string], { indicator_id: string; open: number }>(
      `SELECT indicator_id, open FROM ${t.indicator_action_links} WHERE action_id = ?`,
    );
    const closeLink = db.prepare(`UPDATE ${t.indicator_action_links} SET open = 0 WHERE action_id = ?`);
    const actionOpened = db.prepare(
      `UPDATE ${t.indicators} SET open_corrective_actions = open_corrective_actions + 1, needs_corrective_action = 0 WHERE id = ?`,
    );
    const actionClosed = db.prepare(`UPDATE ${t.indicators} SET open_corrective_actions = open_corrective_actions - 1 WHERE id = ?`);

    function judge(id: string, state: Extract<IndicatorState, { exists: true }>): void {
      const p = state.passport;
      deleteYears.run(id);
      for (const year of horizon(state)) {
        const latest = latestVerified(state.measurements, year);
        // Missed periods of the year still without a verified value: without a value the year is
        // "no data" rather than "awaiting data"; after the latest value, that value has gone stale.
        const missed = missedAfterLatest(state, year);
        const a = assess(statusPassportOf(p), year, latest?.value, missed.length > 0);
        const stale = latest !== undefined && missed.length > 0 && a.status !== 'no_target';
        insertYear.run({
          id,
          year,
          planId: p.planId,
          goalCode: p.goalCode,
          directionCode: p.directionCode,
          ownerUnit: p.ownerUnit,
          code: p.code,
          direction: p.direction,
          expected: a.expected ? JSON.stringify(a.expected) : null,
          value: latest?.value ?? null,
          period: latest?.period ?? null,
          ratio: a.ratio,
          progress: a.progress,
          status: stale ? 'no_data' : a.status,
          missedPeriods: JSON.stringify(missed),
        });
      }
    }

    function applyAction(recorded: RecordedEvent): void {
      const event = actionEventOf(recorded);
      const actionId = event.data.correctiveActionId;
      if (event.type === 'CorrectiveActionPlanned') {
        if (event.data.source !== 'indicator' || !stateOf.get(event.data.sourceId)) return;
        insertLink.run(actionId, event.data.sourceId);
        actionOpened.run(event.data.sourceId);
        return;
      }
      const link = linkOf.get(actionId);
      const closes = event.type === 'CorrectiveActionCompleted' || event.type === 'CorrectiveActionCancelled';
      if (!link?.open || !closes) return;
      closeLink.run(actionId);
      actionClosed.run(link.indicator_id);
    }

    return {
      apply(recorded) {
        if (!indicatorTypes.has(recorded.type)) return applyAction(recorded);
        const id = recorded.stream.slice(indicatorCategory.length + 1);
        const stamp = {
          id,
          revision: recorded.revision,
          position: encodePosition(recorded.position),
          updatedAt: recorded.recordedAt,
          commit: recorded.position.commit,
        };
        const event = indicatorEventOf(recorded);
        const stored = stateOf.get(id);
        const before: IndicatorState = stored ? (JSON.parse(stored.state) as IndicatorState) : indicatorDecider.initialState;
        const state = indicatorDecider.evolve(before, event);
        if (!state.exists) return;
        const snapshot = { ...stamp, passport: JSON.stringify(state.passport), state: JSON.stringify(state) };
        switch (event.type) {
          case 'IndicatorDefined': {
            const p = event.data;
            insertIndicator.run({
              ...snapshot,
              planId: p.planId,
              goalCode: p.goalCode,
              directionCode: p.directionCode,
              code: p.code,
              ...p.name,
              direction: p.direction,
              unit: p.unit,
              frequency: p.frequency,
              ownerUnit: p.ownerUnit,
              weight: p.weight,
            });
            break;
          }
          case 'IndicatorTargetRevised': {
            const d = event.data;
            const actor = recorded.metadata.actor;
            insertRevision.run({
              ...stamp,
              year: d.year,
              target: JSON.stringify(d.target),
              previous: d.previous ? JSON.stringify(d.previous) : null,
              finalRevised: d.finalTargetRevised ? 1 : 0,
              reason: d.reason,
              revisedOn: d.revisedOn,
              byId: actor.id,
              byName: actor.name,
            });
            break;
          }
          case 'IndicatorMeasurementReported':
            insertMeasurement.run({
              id,
              period: event.data.period,
              value: event.data.value,
              evidence: event.data.evidence,
              dataRequestId: event.data.dataRequestId ?? null,
              reportedOn: event.data.reportedOn,
              by: recorded.metadata.actor.name,
            });
            break;
          case 'IndicatorMeasurementCorrected':
            correctMeasurement.run({
              id,
              period: event.data.period,
              value: event.data.value,
              evidence: event.data.evidence,
              dataRequestId: event.data.dataRequestId ?? null,
            });
            break;
          case 'IndicatorMeasurementVerified':
            verifyMeasurement.run({ id, period: event.data.period, verifiedOn: event.data.verifiedOn });
            break;
          case 'IndicatorMeasurementRejected':
            rejectMeasurement.run({ id, period: event.data.period, rejectedOn: event.data.rejectedOn, reason: event.data.reason });
            break;
          case 'IndicatorDeviationRecorded': {
            const d = event.data;
            insertDeviation.run({ id, period: d.period, year: d.year, value: d.value, ratio: d.ratio, recordedOn: d.recordedOn });
            flagDeviation.run(id);
            break;
          }
        }
        if (event.type !== 'IndicatorDefined') saveState.run(snapshot);
        judge(id, state);
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Reading

export const indicatorRow = z.object({
  id: z.string(),
  plan_id: z.string(),
  goal_code: z.string(),
  direction_code: z.string(),
  code: z.string(),
  name_ky: z.string(),
  name_ru: z.string(),
  name_en: z.string(),
  direction: indicatorDirection,
  unit: indicatorUnit,
  frequency: indicatorFrequency,
  owner_unit: z.string(),
  weight: z.number(),
  passport: z.string(),
  needs_corrective_action: z.number(),
  open_corrective_actions: z.number(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type IndicatorRow = z.infer<typeof indicatorRow>;

export const indicatorYearRow = z.object({
  id: z.string(),
  year: z.number(),
  plan_id: z.string(),
  goal_code: z.string(),
  direction_code: z.string(),
  owner_unit: z.string(),
  code: z.string(),
  expected: z.string().nullable(),
  value: z.number().nullable(),
  period: z.string().nullable(),
  ratio: z.number().nullable(),
  progress: z.number().nullable(),
  status: indicatorStatus,
  missed_periods: z.string().transform((s) => z.array(z.string()).parse(JSON.parse(s))),
});
export type IndicatorYearRow = z.infer<typeof indicatorYearRow>;

export const measurementRow = z.object({
  indicator_id: z.string(),
  period: z.string(),
  value: z.number(),
  evidence: z.string(),
  data_request_id: z.string().nullable(),
  status: measurementStatus,
  reported_on: z.string(),
  reported_by: z.string(),
  corrections: z.number(),
  verified_on: z.string().nullable(),
  rejected_on: z.string().nullable(),
  rejection_reason: z.string().nullable(),
});
export type MeasurementRow = z.infer<typeof measurementRow>;

export const targetRevisionRow = z.object({
  year: z.number(),
  target: z.string(),
  previous: z.string().nullable(),
  final_target_revised: z.number(),
  reason: z.string(),
  revised_on: z.string(),
  revised_by_id: z.string(),
  revised_by_name: z.string(),
  recorded_at: z.string(),
});
export type TargetRevisionRow = z.infer<typeof targetRevisionRow>;

export const deviationRow = z.object({ period: z.string(), year: z.number(), value: z.number(), ratio: z.number(), recorded_on: z.string() });
export type DeviationRow = z.infer<typeof deviationRow>;

/** An indicator with everything its page shows, read at once (so a past state can be closed after). */
export type IndicatorView = {
  row: IndicatorRow;
  years: IndicatorYearRow[];
  measurements: MeasurementRow[];
  revisions: TargetRevisionRow[];
  deviations: DeviationRow[];
};

export type IndicatorFilter = {
  planId?: string | null;
  strategicDirection?: string | null;
  goal?: string | null;
  ownerUnit?: string | null;
  statuses?: string[] | null;
  directions?: string[] | null;
};

export function createIndicatorQueries(db: ReadModelDatabase) {
  const byId = db.prepare<[string], unknown>('SELECT * FROM indicators WHERE id = ?');
  const yearsOf = db.prepare<[string], unknown>('SELECT * FROM indicator_years WHERE id = ? ORDER BY year');
  const measurementsOf = db.prepare<[string], unknown>('SELECT * FROM indicator_measurements WHERE indicator_id = ? ORDER BY period');
  const revisionsOf = db.prepare<[string], unknown>('SELECT * FROM indicator_target_revisions WHERE indicator_id = ? ORDER BY position');
  const deviationsOf = db.prepare<[string], unknown>('SELECT * FROM indicator_deviations WHERE indicator_id = ? ORDER BY period');
  const ofPlanInYear = db.prepare<[string, number], unknown>('SELECT * FROM indicator_years WHERE plan_id = ? AND year = ? ORDER BY code, id');
  const indicatorsOfPlan = db.prepare<[string], unknown>('SELECT * FROM indicators WHERE plan_id = ? ORDER BY code, id');
  return {
    byIds(ids: readonly string[]): (IndicatorView | undefined)[] {
      return ids.map((id) => {
        const row = byId.get(id);
        if (row === undefined) return undefined;
        return {
          row: indicatorRow.parse(row),
          years: yearsOf.all(id).map((r) => indicatorYearRow.parse(r)),
          measurements: measurementsOf.all(id).map((r) => measurementRow.parse(r)),
          revisions: revisionsOf.all(id).map((r) => targetRevisionRow.parse(r)),
          deviations: deviationsOf.all(id).map((r) => deviationRow.parse(r)),
        };
      });
    },
    /** Every indicator of a plan, and its judgement in `year` where its horizon covers the year. */
    ofPlan(planId: string, year: number): { row: IndicatorRow; judged: IndicatorYearRow | undefined }[] {
      const judged = new Map(
        ofPlanInYear
          .all(planId, year)
          .map((r) => indicatorYearRow.parse(r))
          .map((r) => [r.id, r]),
      );
      return indicatorsOfPlan
        .all(planId)
        .map((r) => indicatorRow.parse(r))
        .map((row) => ({ row, judged: judged.get(row.id) }));
    },
    sortKey: (row: IndicatorYearRow): [string, string] => [row.code, row.id],
    /** One page of the dashboard for `year`, in order of indicator code. */
    page(year: number, filter: IndicatorFilter, request: PageRequest): { rows: IndicatorYearRow[]; hasMore: boolean } {
      const conditions: Conditions = { where: ['year = ?'], params: [year] };
      inList(conditions, 'plan_id', filter.planId ? [filter.planId] : null);
      inList(conditions, 'direction_code', filter.strategicDirection ? [filter.strategicDirection] : null);
      inList(conditions, 'goal_code', filter.goal ? [filter.goal] : null);
      inList(conditions, 'owner_unit', filter.ownerUnit ? [filter.ownerUnit] : null);
      inList(conditions, 'status', filter.statuses);
      inList(conditions, 'direction', filter.directions);
      return keysetPage(db, 'indicator_years', conditions, 'code', request, (r) => indicatorYearRow.parse(r));
    },
  };
}
export type IndicatorQueries = ReturnType<typeof createIndicatorQueries>;
