// Cooperation plans with ranking organisations: one row per plan (its organisation, agreement,
// whether adopted, counts of its activities) and one per activity, with its responsible person,
// due date, status and whether the clock recorded it overdue.
import { z } from 'zod';
import {
  rankingCooperationActivityStatus,
  rankingCooperationEventSchemas,
  rankingCooperationEventTypes,
  rankingCooperationPlanCategory,
  type RankingCooperationEvent,
} from '../src/domain/ranking-cooperation.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { inList, keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'ranking_cooperation_plans' | 'ranking_cooperation_activities';

const dataOf = (event: RecordedEvent): RankingCooperationEvent =>
  ({ type: event.type, data: rankingCooperationEventSchemas[event.type as RankingCooperationEvent['type']].parse(event.data) }) as RankingCooperationEvent;

export const rankingCooperationPlansProjection: ProjectionDefinition<Table> = {
  name: 'ranking-cooperation-plans',
  version: 1,
  tables: ['ranking_cooperation_plans', 'ranking_cooperation_activities'],
  eventTypes: rankingCooperationEventTypes,
  open(db, t: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${t.ranking_cooperation_plans} (
        id TEXT PRIMARY KEY, organisation_id TEXT NOT NULL, agreement_number TEXT, title TEXT NOT NULL, year INTEGER NOT NULL,
        adopted_on TEXT, decision TEXT, activities INTEGER NOT NULL DEFAULT 0, done INTEGER NOT NULL DEFAULT 0, overdue INTEGER NOT NULL DEFAULT 0,
        revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS ${t.ranking_cooperation_plans}_year ON ${t.ranking_cooperation_plans} (year, id);
      CREATE TABLE IF NOT EXISTS ${t.ranking_cooperation_activities} (
        plan_id TEXT NOT NULL, code TEXT NOT NULL, activity TEXT NOT NULL, responsible TEXT NOT NULL, responsible_unit TEXT,
        due_on TEXT NOT NULL, status TEXT NOT NULL, completed_on TEXT, outcome TEXT, cancelled_on TEXT, cancellation_reason TEXT,
        overdue_on TEXT, added_at TEXT NOT NULL, PRIMARY KEY (plan_id, code));`);
    const a = t.ranking_cooperation_activities;
    const s = {
      plan: db.prepare(`INSERT INTO ${t.ranking_cooperation_plans} (id, organisation_id, agreement_number, title, year, revision, position, updated_at)
        VALUES (@id, @organisationId, @agreementNumber, @title, @year, @revision, @position, @updatedAt)`),
      adopt: db.prepare(`UPDATE ${t.ranking_cooperation_plans} SET adopted_on = @on, decision = @decision WHERE id = @id`),
      activity: db.prepare(`INSERT INTO ${a} (plan_id, code, activity, responsible, responsible_unit, due_on, status, added_at)
        VALUES (@id, @code, @activity, @responsible, @responsibleUnit, @dueOn, 'planned', @updatedAt)`),
      complete: db.prepare(`UPDATE ${a} SET status = 'done', completed_on = ?, outcome = ? WHERE plan_id = ? AND code = ?`),
      cancel: db.prepare(`UPDATE ${a} SET status = 'cancelled', cancelled_on = ?, cancellation_reason = ? WHERE plan_id = ? AND code = ?`),
      overdue: db.prepare(`UPDATE ${a} SET overdue_on = ? WHERE plan_id = ? AND code = ?`),
      // Counts kept on the plan so the list can filter on them; overdue counts only activities still planned.
      counts: db.prepare(`UPDATE ${t.ranking_cooperation_plans} SET
        activities = (SELECT COUNT(*) FROM ${a} WHERE plan_id = @id),
        done = (SELECT COUNT(*) FROM ${a} WHERE plan_id = @id AND status = 'done'),
        overdue = (SELECT COUNT(*) FROM ${a} WHERE plan_id = @id AND status = 'planned' AND overdue_on IS NOT NULL),
        revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`),
    };
    return {
      apply(recorded) {
        const stamp = {
          id: recorded.stream.slice(rankingCooperationPlanCategory.length + 1),
          revision: recorded.revision,
          position: encodePosition(recorded.position),
          updatedAt: recorded.recordedAt,
        };
        const event = dataOf(recorded);
        switch (event.type) {
          case 'RankingCooperationPlanDrafted': {
            const d = event.data;
            s.plan.run({ ...stamp, organisationId: d.rankingOrganisationId, agreementNumber: d.agreementNumber ?? null, title: d.title, year: d.year });
            break;
          }
          case 'RankingCooperationActivityAdded': {
            const d = event.data;
            s.activity.run({
              ...stamp,
              code: d.code,
              activity: d.activity,
              responsible: d.responsible,
              responsibleUnit: d.responsibleUnit ?? null,
              dueOn: d.dueOn,
            });
            break;
          }
          case 'RankingCooperationPlanAdopted':
            s.adopt.run({ id: stamp.id, on: event.data.adoptedOn, decision: event.data.decision });
            break;
          case 'RankingCooperationActivityCompleted':
            s.complete.run(event.data.completedOn, event.data.outcome, stamp.id, event.data.code);
            break;
          case 'RankingCooperationActivityCancelled':
            s.cancel.run(event.data.cancelledOn, event.data.reason, stamp.id, event.data.code);
            break;
          case 'RankingCooperationActivityOverdue':
            s.overdue.run(event.data.overdueOn, stamp.id, event.data.code);
            break;
        }
        s.counts.run(stamp);
      },
    };
  },
};

export const rankingCooperationPlanRow = z.object({
  id: z.string(),
  organisation_id: z.string(),
  agreement_number: z.string().nullable(),
  title: z.string(),
  year: z.number(),
  adopted_on: z.string().nullable(),
  decision: z.string().nullable(),
  activities: z.number(),
  done: z.number(),
  overdue: z.number(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type RankingCooperationPlanRow = z.infer<typeof rankingCooperationPlanRow>;

export const rankingCooperationActivityRow = z.object({
  plan_id: z.string(),
  code: z.string(),
  activity: z.string(),
  responsible: z.string(),
  responsible_unit: z.string().nullable(),
  due_on: z.string(),
  status: rankingCooperationActivityStatus,
  completed_on: z.string().nullable(),
  outcome: z.string().nullable(),
  cancelled_on: z.string().nullable(),
  cancellation_reason: z.string().nullable(),
  overdue_on: z.string().nullable(),
  added_at: z.string(),
});
export type RankingCooperationActivityRow = z.infer<typeof rankingCooperationActivityRow>;

export type CooperationPlanFilter = {
  organisationId?: string | null;
  year?: number | null;
  adopted?: boolean | null;
  /** Only plans with at least one planned activity the clock recorded overdue. */
  overdue?: boolean | null;
};

export function createRankingCooperationQueries(db: ReadModelDatabase) {
  const byId = db.prepare<[string], unknown>('SELECT * FROM ranking_cooperation_plans WHERE id = ?');
  const activities = db.prepare<[string], unknown>('SELECT * FROM ranking_cooperation_activities WHERE plan_id = ? ORDER BY due_on, code');
  return {
    byIds: (ids: readonly string[]): (RankingCooperationPlanRow | undefined)[] =>
      ids.map((id) => {
        const row = byId.get(id);
        return row === undefined ? undefined : rankingCooperationPlanRow.parse(row);
      }),
    activities: (planId: string): RankingCooperationActivityRow[] => activities.all(planId).map((r) => rankingCooperationActivityRow.parse(r)),
    sortKey: (row: RankingCooperationPlanRow): [number, string] => [row.year, row.id],
    /** One page of the plans, earliest year first. */
    page(filter: CooperationPlanFilter, request: PageRequest) {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'organisation_id', filter.organisationId ? [filter.organisationId] : null);
      inList(conditions, 'year', filter.year != null ? [filter.year] : null);
      if (filter.adopted != null) conditions.where.push(`adopted_on IS ${filter.adopted ? 'NOT ' : ''}NULL`);
      if (filter.overdue != null) conditions.where.push(filter.overdue ? 'overdue > 0' : 'overdue = 0');
      return keysetPage(db, 'ranking_cooperation_plans', conditions, 'year', request, (r) => rankingCooperationPlanRow.parse(r));
    },
  };
}
export type RankingCooperationQueries = ReturnType<typeof createRankingCooperationQueries>;
