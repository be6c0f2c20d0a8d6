// The department's deadlines across modules: one row per obligation, fed by every module's
// DueDateSource (src/modules.ts), so a list of "what is due, for whom, by when" never queries
// another module's tables. Overdue is a question of today, so it is decided when read.
import type { DueDateChange, DueDateSource } from '../src/automation/contracts.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { ReadModelDatabase } from './database.ts';
import { keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'deadlines' | 'deadline_parties';

export type DeadlineRow = {
  id: string;
  module: string;
  kind: string;
  title: string;
  due_on: string;
  entity_type: string;
  entity_id: string;
  unit: string | null;
  assignee: string | null;
  status: 'open' | 'done';
  done_on: string | null;
  position: string;
};

export function deadlinesProjection(sources: readonly DueDateSource[]): ProjectionDefinition<Table> {
  const byType = new Map<string, DueDateSource[]>();
  for (const source of sources) for (const type of source.eventTypes) byType.set(type, [...(byType.get(type) ?? []), source]);
  return {
    name: 'deadlines',
    version: 1,
    tables: ['deadlines', 'deadline_parties'],
    eventTypes: [...byType.keys()],
    open(db, { deadlines, deadline_parties: parties }: TableNames<Table>) {
      db.exec(`CREATE TABLE IF NOT EXISTS ${deadlines} (
          id TEXT PRIMARY KEY, module TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL, due_on TEXT NOT NULL,
          entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, unit TEXT, assignee TEXT,
          status TEXT NOT NULL CHECK (status IN ('open', 'done')), done_on TEXT, position TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ${deadlines}_due ON ${deadlines} (due_on, id);
        CREATE TABLE IF NOT EXISTS ${parties} (entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, unit TEXT, assignee TEXT, PRIMARY KEY (entity_type, entity_id));`);
      const party = db.prepare<[string, string], { unit: string | null; assignee: string | null }>(
        `SELECT unit, assignee FROM ${parties} WHERE entity_type = ? AND entity_id = ?`,
      );
      const statements = {
        concerns: db.prepare(`INSERT INTO ${parties} (entity_type, entity_id, unit, assignee) VALUES (@entityType, @entityId, @unit, @assignee)
          ON CONFLICT (entity_type, entity_id) DO UPDATE SET unit = excluded.unit, assignee = excluded.assignee`),
        due: db.prepare(`INSERT INTO ${deadlines} (id, module, kind, title, due_on, entity_type, entity_id, unit, assignee, status, done_on, position)
          VALUES (@key, @module, @kind, @title, @dueOn, @entityType, @entityId, @unit, @assignee, 'open', NULL, @position)
          ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, title = excluded.title, due_on = excluded.due_on, unit = excluded.unit,
            assignee = excluded.assignee, status = 'open', done_on = NULL, position = excluded.position`),
        done: db.prepare(`UPDATE ${deadlines} SET status = 'done', done_on = @on, position = @position WHERE id = @key`),
        dropped: db.prepare(`DELETE FROM ${deadlines} WHERE id = @key`),
      };
      function change(source: DueDateSource, c: DueDateChange, position: string): void {
        switch (c.action) {
          case 'concerns':
            statements.concerns.run({ entityType: c.entityType, entityId: c.entityId, unit: c.unit ?? null, assignee: c.assignee ?? null });
            return;
          case 'due': {
            const known = party.get(c.entityType, c.entityId);
            statements.due.run({ ...c, module: source.module, unit: c.unit ?? known?.unit ?? null, assignee: c.assignee ?? known?.assignee ?? null, position });
            return;
          }
          case 'done':
            statements.done.run({ key: c.key, on: c.on, position });
            return;
          case 'dropped':
            statements.dropped.run({ key: c.key });
        }
      }
      return {
        apply(event) {
          const position = encodePosition(event.position);
          for (const source of byType.get(event.type) ?? []) for (const c of source.changes(event)) change(source, c, position);
        },
      };
    },
  };
}

export type DeadlineFilter = {
  from?: string | null;
  to?: string | null;
  unit?: string | null;
  kind?: string | null;
  /** Open and due before `today` (true), or not (false). */
  overdue?: boolean | null;
  done?: boolean | null;
};

export function createDeadlineQueries(db: ReadModelDatabase) {
  return {
    page(filter: DeadlineFilter, today: string, request: PageRequest): { rows: DeadlineRow[]; hasMore: boolean } {
      const conditions: Conditions = { where: [], params: [] };
      const where = (sql: string, ...params: unknown[]) => (conditions.where.push(sql), conditions.params.push(...params));
      if (filter.from) where('due_on >= ?', filter.from);
      if (filter.to) where('due_on <= ?', filter.to);
      if (filter.unit) where('unit = ?', filter.unit);
      if (filter.kind) where('kind = ?', filter.kind);
      if (filter.overdue === true) where("status = 'open' AND due_on < ?", today);
      if (filter.overdue === false) where("NOT (status = 'open' AND due_on < ?)", today);
      if (filter.done != null) where(filter.done ? "status = 'done'" : "status = 'open'");
      return keysetPage(db, 'deadlines', conditions, 'due_on', request, (row) => row as DeadlineRow);
    },
    /** Open deadlines due on or before `lastDay`, earliest first. */
    openUntil: (lastDay: string, unit: string | undefined): DeadlineRow[] =>
      db
        .prepare<unknown[], DeadlineRow>(`SELECT * FROM deadlines WHERE status = 'open' AND due_on <= ? ${unit ? 'AND unit = ?' : ''} ORDER BY due_on, id`)
        .all(lastDay, ...(unit ? [unit] : [])),
  };
}
export type DeadlineQueries = ReturnType<typeof createDeadlineQueries>;
