// Strategic plans and their tree (directions, goals), folded from the plan events. The statuses
// rolled up to goals, directions and the plan come from the indicators read model at query time
// (schema/strategy.ts), through the pure roll-up of src/domain/indicator-status.ts.
import { z } from 'zod';
import {
  strategicPlanCategory,
  strategicPlanEventSchemas,
  strategicPlanEventTypes,
  strategicPlanStatus,
  type StrategicPlanEvent,
} from '../src/domain/strategic-plan.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { keysetPage, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'strategic_plans' | 'strategic_plan_nodes';

const dataOf = (event: RecordedEvent): StrategicPlanEvent =>
  ({ type: event.type, data: strategicPlanEventSchemas[event.type as StrategicPlanEvent['type']].parse(event.data) }) as StrategicPlanEvent;

export const strategicPlansProjection: ProjectionDefinition<Table> = {
  name: 'strategic-plans',
  version: 1,
  tables: ['strategic_plans', 'strategic_plan_nodes'],
  eventTypes: strategicPlanEventTypes,
  open(db, { strategic_plans: plans, strategic_plan_nodes: nodes }: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${plans} (
        id TEXT PRIMARY KEY, title_ky TEXT NOT NULL, title_ru TEXT NOT NULL, title_en TEXT NOT NULL,
        start_year INTEGER NOT NULL, end_year INTEGER NOT NULL, status TEXT NOT NULL, adopted_on TEXT, decision TEXT,
        drafted_position INTEGER NOT NULL, revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${nodes} (
        plan_id TEXT NOT NULL, kind TEXT NOT NULL, code TEXT NOT NULL, direction_code TEXT,
        name_ky TEXT NOT NULL, name_ru TEXT NOT NULL, name_en TEXT NOT NULL, added_position INTEGER NOT NULL,
        PRIMARY KEY (plan_id, code));
      CREATE INDEX IF NOT EXISTS ${plans}_order ON ${plans} (drafted_position, id);`);
    const insertPlan =
      db.prepare(`INSERT INTO ${plans} (id, title_ky, title_ru, title_en, start_year, end_year, status, drafted_position, revision, position, updated_at)
      VALUES (@id, @ky, @ru, @en, @startYear, @endYear, 'draft', @commit, @revision, @position, @updatedAt)`);
    const touch = db.prepare(`UPDATE ${plans} SET revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`);
    const adopt = db.prepare(`UPDATE ${plans} SET status = 'adopted', adopted_on = @adoptedOn, decision = @decision WHERE id = @id`);
    const insertNode = db.prepare(`INSERT INTO ${nodes} (plan_id, kind, code, direction_code, name_ky, name_ru, name_en, added_position)
      VALUES (@id, @kind, @code, @directionCode, @ky, @ru, @en, @commit)`);
    return {
      apply(recorded) {
        const stamp = {
          id: recorded.stream.slice(strategicPlanCategory.length + 1),
          revision: recorded.revision,
          position: encodePosition(recorded.position),
          updatedAt: recorded.recordedAt,
          commit: recorded.position.commit,
        };
        const event = dataOf(recorded);
        switch (event.type) {
          case 'StrategicPlanDrafted': {
            const { title, startYear, endYear } = event.data;
            insertPlan.run({ ...stamp, ...title, startYear, endYear });
            return;
          }
          case 'StrategicDirectionAdded':
            insertNode.run({ ...stamp, kind: 'direction', code: event.data.code, directionCode: null, ...event.data.name });
            break;
          case 'StrategicGoalAdded':
            insertNode.run({ ...stamp, kind: 'goal', code: event.data.code, directionCode: event.data.directionCode, ...event.data.name });
            break;
          case 'StrategicPlanAdopted':
            adopt.run({ id: stamp.id, adoptedOn: event.data.adoptedOn, decision: event.data.decision });
            break;
        }
        touch.run(stamp);
      },
    };
  },
};

export const strategicPlanRow = z.object({
  id: z.string(),
  title_ky: z.string(),
  title_ru: z.string(),
  title_en: z.string(),
  start_year: z.number(),
  end_year: z.number(),
  status: strategicPlanStatus,
  adopted_on: z.string().nullable(),
  decision: z.string().nullable(),
  drafted_position: z.number(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type StrategicPlanRow = z.infer<typeof strategicPlanRow>;

export const planNodeRow = z.object({
  plan_id: z.string(),
  kind: z.enum(['direction', 'goal']),
  code: z.string(),
  direction_code: z.string().nullable(),
  name_ky: z.string(),
  name_ru: z.string(),
  name_en: z.string(),
  added_position: z.number(),
});
export type PlanNodeRow = z.infer<typeof planNodeRow>;

export function createStrategicPlanQueries(db: ReadModelDatabase) {
  const byId = db.prepare<[string], unknown>('SELECT * FROM strategic_plans WHERE id = ?');
  const nodesOf = db.prepare<[string], unknown>('SELECT * FROM strategic_plan_nodes WHERE plan_id = ? ORDER BY added_position, code');
  const goal = db.prepare<[string, string], unknown>("SELECT * FROM strategic_plan_nodes WHERE plan_id = ? AND code = ? AND kind = 'goal'");
  return {
    byIds: (ids: readonly string[]): (StrategicPlanRow | undefined)[] =>
      ids.map((id) => {
        const row = byId.get(id);
        return row === undefined ? undefined : strategicPlanRow.parse(row);
      }),
    nodes: (planId: string): PlanNodeRow[] => nodesOf.all(planId).map((r) => planNodeRow.parse(r)),
    goal: (planId: string, code: string): PlanNodeRow | undefined => {
      const row = goal.get(planId, code);
      return row === undefined ? undefined : planNodeRow.parse(row);
    },
    page: (request: PageRequest) => keysetPage(db, 'strategic_plans', { where: [], params: [] }, 'drafted_position', request, (r) => strategicPlanRow.parse(r)),
  };
}
export type StrategicPlanQueries = ReturnType<typeof createStrategicPlanQueries>;
