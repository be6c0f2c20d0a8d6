// Quality development plans: one row per plan, its actions kept as JSON with counts of completed and
// cancelled ones, so a list can show how far each plan has come.
import { z } from 'zod';
import {
  qualityPlanActionStatus,
  qualityPlanCategory,
  qualityPlanEventSchemas,
  qualityPlanEventTypes,
  qualityPlanStatus,
  type QualityPlanEvent,
} from '../src/domain/quality-plans.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { inList, keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'quality_plans';

const dataOf = (event: RecordedEvent): QualityPlanEvent =>
  ({ type: event.type, data: qualityPlanEventSchemas[event.type as QualityPlanEvent['type']].parse(event.data) }) as QualityPlanEvent;

const action = z.object({
  code: z.string(),
  action: z.string(),
  responsibleUnit: z.string(),
  dueOn: z.string(),
  status: qualityPlanActionStatus,
  completedOn: z.string().optional(),
  evidence: z.string().optional(),
  cancelledOn: z.string().optional(),
  reason: z.string().optional(),
});
export type QualityPlanAction = z.infer<typeof action>;

export const qualityPlansProjection: ProjectionDefinition<Table> = {
  name: 'quality-plans',
  version: 1,
  tables: ['quality_plans'],
  eventTypes: qualityPlanEventTypes,
  open(db, { quality_plans: table }: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, start_year INTEGER NOT NULL, end_year INTEGER NOT NULL, basis TEXT NOT NULL,
        status TEXT NOT NULL, adopted_on TEXT, decision TEXT, actions TEXT NOT NULL DEFAULT '[]',
        action_count INTEGER NOT NULL DEFAULT 0, completed_count INTEGER NOT NULL DEFAULT 0, cancelled_count INTEGER NOT NULL DEFAULT 0,
        revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS ${table}_order ON ${table} (start_year, id);`);
    const insert = db.prepare(`INSERT INTO ${table} (id, title, start_year, end_year, basis, status, revision, position, updated_at)
      VALUES (@id, @title, @startYear, @endYear, @basis, 'draft', @revision, @position, @updatedAt)`);
    const actionsOf = db.prepare<[string], { actions: string }>(`SELECT actions FROM ${table} WHERE id = ?`);
    const saveActions = db.prepare(`UPDATE ${table} SET actions = @actions, action_count = @total, completed_count = @completed, cancelled_count = @cancelled,
      revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`);
    const adopt = db.prepare(
      `UPDATE ${table} SET status = 'adopted', adopted_on = @adoptedOn, decision = @decision, revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`,
    );
    return {
      apply(recorded) {
        const stamp = {
          id: recorded.stream.slice(qualityPlanCategory.length + 1),
          revision: recorded.revision,
          position: encodePosition(recorded.position),
          updatedAt: recorded.recordedAt,
        };
        const event = dataOf(recorded);
        const save = (change: (list: QualityPlanAction[]) => QualityPlanAction[]) => {
          const list = change(z.array(action).parse(JSON.parse(actionsOf.get(stamp.id)!.actions)));
          const count = (status: string) => list.filter((a) => a.status === status).length;
          saveActions.run({ ...stamp, actions: JSON.stringify(list), total: list.length, completed: count('completed'), cancelled: count('cancelled') });
        };
        switch (event.type) {
          case 'QualityPlanDrafted': {
            const { qualityPlanId: _id, ...d } = event.data;
            insert.run({ ...stamp, ...d });
            return;
          }
          case 'QualityPlanActionAdded': {
            const { qualityPlanId: _id, ...d } = event.data;
            save((list) => [...list, { ...d, status: 'open' }]);
            return;
          }
          case 'QualityPlanAdopted':
            adopt.run({ ...stamp, adoptedOn: event.data.adoptedOn, decision: event.data.decision });
            return;
          case 'QualityPlanActionCompleted': {
            const { code, completedOn, evidence } = event.data;
            save((list) => list.map((a) => (a.code === code ? { ...a, status: 'completed', completedOn, evidence } : a)));
            return;
          }
          case 'QualityPlanActionCancelled': {
            const { code, cancelledOn, reason } = event.data;
            save((list) => list.map((a) => (a.code === code ? { ...a, status: 'cancelled', cancelledOn, reason } : a)));
            return;
          }
        }
      },
    };
  },
};

export const qualityPlanRow = z.object({
  id: z.string(),
  title: z.string(),
  start_year: z.number(),
  end_year: z.number(),
  basis: z.string(),
  status: qualityPlanStatus,
  adopted_on: z.string().nullable(),
  decision: z.string().nullable(),
  actions: z.string().transform((s) => z.array(action).parse(JSON.parse(s))),
  action_count: z.number(),
  completed_count: z.number(),
  cancelled_count: z.number(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type QualityPlanRow = z.infer<typeof qualityPlanRow>;

export function createQualityPlanQueries(db: ReadModelDatabase) {
  const byId = db.prepare<[string], unknown>('SELECT * FROM quality_plans WHERE id = ?');
  return {
    byIds: (ids: readonly string[]): (QualityPlanRow | undefined)[] =>
      ids.map((id) => {
        const row = byId.get(id);
        return row === undefined ? undefined : qualityPlanRow.parse(row);
      }),
    sortKey: (row: QualityPlanRow): [number, string] => [row.start_year, row.id],
    /** One page of plans, by their first year. */
    page(filter: { statuses?: string[] | null }, request: PageRequest) {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'status', filter.statuses);
      return keysetPage(db, 'quality_plans', conditions, 'start_year', request, (r) => qualityPlanRow.parse(r));
    },
  };
}
export type QualityPlanQueries = ReturnType<typeof createQualityPlanQueries>;
