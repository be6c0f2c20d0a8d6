// The register of corrective actions: one row per action, with what raised it, its owner and due
// date, where it stands, and whether the clock has recorded it overdue.
import { z } from 'zod';
import {
  correctiveActionCategory,
  correctiveActionEventSchemas,
  correctiveActionEventTypes,
  correctiveActionSource,
  correctiveActionStatus,
  type CorrectiveActionEvent,
} from '../src/domain/corrective-actions.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { inList, keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'corrective_actions';

const dataOf = (event: RecordedEvent): CorrectiveActionEvent =>
  ({ type: event.type, data: correctiveActionEventSchemas[event.type as CorrectiveActionEvent['type']].parse(event.data) }) as CorrectiveActionEvent;

export const correctiveActionsProjection: ProjectionDefinition<Table> = {
  name: 'corrective-actions',
  version: 1,
  tables: ['corrective_actions'],
  eventTypes: correctiveActionEventTypes,
  open(db, { corrective_actions: table }: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
        id TEXT PRIMARY KEY, source TEXT NOT NULL, source_id TEXT NOT NULL, problem TEXT NOT NULL, root_cause TEXT NOT NULL,
        action TEXT NOT NULL, owner TEXT NOT NULL, owner_unit TEXT NOT NULL, planned_on TEXT NOT NULL, due_on TEXT NOT NULL,
        status TEXT NOT NULL, overdue_on TEXT, started_on TEXT, completed_on TEXT, evidence TEXT,
        effective INTEGER, conclusion TEXT, verified_on TEXT, cancelled_on TEXT, cancellation_reason TEXT,
        planned_position INTEGER NOT NULL, revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS ${table}_due ON ${table} (due_on, id);
      CREATE INDEX IF NOT EXISTS ${table}_source ON ${table} (source_id);`);
    const insert = db.prepare(`INSERT INTO ${table} (id, source, source_id, problem, root_cause, action, owner, owner_unit, planned_on, due_on, status,
      planned_position, revision, position, updated_at) VALUES (@id, @source, @sourceId, @problem, @rootCause, @action, @owner, @ownerUnit,
      @plannedOn, @dueOn, 'planned', @commit, @revision, @position, @updatedAt)`);
    const update = (assignments: string) =>
      db.prepare(`UPDATE ${table} SET ${assignments}, revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`);
    const statements = {
      started: update(`status = 'in_progress', started_on = @on`),
      completed: update(`status = 'done', completed_on = @on, evidence = @evidence`),
      verified: update(
        `status = CASE WHEN @effective = 1 THEN 'verified_effective' ELSE 'not_effective' END, effective = @effective, conclusion = @conclusion, verified_on = @on`,
      ),
      cancelled: update(`status = 'cancelled', cancelled_on = @on, cancellation_reason = @reason`),
      overdue: update(`overdue_on = @on`),
    };
    return {
      apply(recorded) {
        const stamp = {
          id: recorded.stream.slice(correctiveActionCategory.length + 1),
          revision: recorded.revision,
          position: encodePosition(recorded.position),
          updatedAt: recorded.recordedAt,
        };
        const event = dataOf(recorded);
        switch (event.type) {
          case 'CorrectiveActionPlanned': {
            const { correctiveActionId: _id, ...d } = event.data;
            insert.run({ ...stamp, ...d, commit: recorded.position.commit });
            return;
          }
          case 'CorrectiveActionStarted':
            statements.started.run({ ...stamp, on: event.data.startedOn });
            return;
          case 'CorrectiveActionCompleted':
            statements.completed.run({ ...stamp, on: event.data.completedOn, evidence: event.data.evidence });
            return;
          case 'CorrectiveActionEffectivenessVerified':
            statements.verified.run({ ...stamp, on: event.data.verifiedOn, effective: event.data.effective ? 1 : 0, conclusion: event.data.conclusion });
            return;
          case 'CorrectiveActionCancelled':
            statements.cancelled.run({ ...stamp, on: event.data.cancelledOn, reason: event.data.reason });
            return;
          case 'CorrectiveActionOverdue':
            statements.overdue.run({ ...stamp, on: event.data.overdueOn });
            return;
        }
      },
    };
  },
};

export const correctiveActionRow = z.object({
  id: z.string(),
  source: correctiveActionSource,
  source_id: z.string(),
  problem: z.string(),
  root_cause: z.string(),
  action: z.string(),
  owner: z.string(),
  owner_unit: z.string(),
  planned_on: z.string(),
  due_on: z.string(),
  status: correctiveActionStatus,
  overdue_on: z.string().nullable(),
  started_on: z.string().nullable(),
  completed_on: z.string().nullable(),
  evidence: z.string().nullable(),
  effective: z.number().nullable(),
  conclusion: z.string().nullable(),
  verified_on: z.string().nullable(),
  cancelled_on: z.string().nullable(),
  cancellation_reason: z.string().nullable(),
  planned_position: z.number(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type CorrectiveActionRow = z.infer<typeof correctiveActionRow>;

export type CorrectiveActionFilter = {
  statuses?: string[] | null;
  source?: string | null;
  sourceId?: string | null;
  ownerUnit?: string | null;
  /** Only actions the clock has recorded overdue and that are still open. */
  overdue?: boolean | null;
  /** Only planned or in-progress actions. */
  open?: boolean | null;
};

export function createCorrectiveActionQueries(db: ReadModelDatabase) {
  const byId = db.prepare<[string], unknown>('SELECT * FROM corrective_actions WHERE id = ?');
  return {
    byIds: (ids: readonly string[]): (CorrectiveActionRow | undefined)[] =>
      ids.map((id) => {
        const row = byId.get(id);
        return row === undefined ? undefined : correctiveActionRow.parse(row);
      }),
    sortKey: (row: CorrectiveActionRow): [string, string] => [row.due_on, row.id],
    /** One page of the register, soonest due first. */
    page(filter: CorrectiveActionFilter, request: PageRequest) {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'status', filter.statuses);
      inList(conditions, 'source', filter.source ? [filter.source] : null);
      inList(conditions, 'source_id', filter.sourceId ? [filter.sourceId] : null);
      inList(conditions, 'owner_unit', filter.ownerUnit ? [filter.ownerUnit] : null);
      if (filter.open != null) conditions.where.push(`status ${filter.open ? '' : 'NOT '}IN ('planned', 'in_progress')`);
      if (filter.overdue != null)
        conditions.where.push(
          filter.overdue
            ? "overdue_on IS NOT NULL AND status IN ('planned', 'in_progress')"
            : "NOT (overdue_on IS NOT NULL AND status IN ('planned', 'in_progress'))",
        );
      return keysetPage(db, 'corrective_actions', conditions, 'due_on', request, (r) => correctiveActionRow.parse(r));
    },
  };
}
export type CorrectiveActionQueries = ReturnType<typeof createCorrectiveActionQueries>;
