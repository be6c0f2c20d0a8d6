// A read model whose row is the entity's decider state as its own evolve folds it, kept as JSON, with
// the few columns the list filters and sorts by beside it. The secretariat's registers (data requests,
// meetings, UMO sessions, reports, publications) are records read whole, so one fold serves both the
// decider and the register and the two cannot drift apart.
import type { DomainEvent } from '../src/domain/decider.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';
import { rowCache, type StoredRow } from './row-cache.ts';

/** One entity as a register shows it: its folded state and where its stream stands. */
export type FoldedRow<State> = {
  id: string;
  state: State;
  revision: number;
  position: string;
  updatedAt: string;
  createdAt: string;
  /** The filter and sort columns, for a row's cursor. */
  columns: Record<string, Column>;
};

type Column = string | number | null;

export type FoldedRowsOptions<Event extends DomainEvent, State> = {
  name: string;
  table: string;
  category: string;
  eventTypes: readonly string[];
  parse: (event: RecordedEvent) => Event;
  initialState: State;
  evolve: (state: State, event: Event) => State;
  /** The columns lists filter and sort by, computed from the state after each event. */
  columns: Record<string, (state: State) => Column>;
};

export function foldedRowsProjection<Event extends DomainEvent, State>(options: FoldedRowsOptions<Event, State>): ProjectionDefinition<string> {
  const names = Object.keys(options.columns);
  return {
    name: options.name,
    version: 1,
    tables: [options.table],
    eventTypes: options.eventTypes,
    open(db, tables: TableNames<string>) {
      const table = tables[options.table]!;
      db.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, state TEXT NOT NULL, revision INTEGER NOT NULL, position TEXT NOT NULL,
        updated_at TEXT NOT NULL, created_at TEXT NOT NULL${names.map((n) => `, ${n}`).join('')})`);
      for (const n of names) db.exec(`CREATE INDEX IF NOT EXISTS ${table}_${n} ON ${table} (${n}, id)`);
      // A register's row is read, folded and written back per event: kept in memory during a batch and written once (row-cache.ts).
      const rows = rowCache<Folded<State>>(db, {
        table,
        key: 'id',
        columns: ['id', 'state', 'revision', 'position', 'updated_at', 'created_at', ...names],
        decode: ({ state, ...rest }) => ({ state: JSON.parse(String(state)) as State, rest }),
        encode: ({ state, rest }) => ({ ...rest, state: JSON.stringify(state) }),
      });
      return {
        apply(recorded, deferral) {
          const id = recorded.stream.slice(options.category.length + 1);
          const before = rows.get(id);
          const state = options.evolve(before ? before.state : options.initialState, options.parse(recorded));
          const stamp = { revision: Number(recorded.revision), position: encodePosition(recorded.position), updated_at: recorded.recordedAt };
          const columns = Object.fromEntries(names.map((n) => [n, options.columns[n]!(state)]));
          rows.put(id, { state, rest: { id, created_at: before?.rest.created_at ?? recorded.recordedAt, ...columns, ...stamp } });
          if (!deferral?.deferWrites) rows.flush();
        },
        flush: rows.flush,
        discard: rows.discard,
      };
    },
  };
}

/** A register's row folded in memory: the state parsed, and the other columns as stored. */
type Folded<State> = { state: State; rest: StoredRow };

type Stored = { id: string; state: string; revision: number; position: string; updated_at: string; created_at: string } & Record<string, Column>;

const rowOf = <State>({ id, state, revision, position, updated_at, created_at, ...columns }: Stored): FoldedRow<State> => ({
  id,
  state: JSON.parse(state) as State,
  revision,
  position,
  updatedAt: updated_at,
  createdAt: created_at,
  columns,
});

/** Reads of a folded register: rows by id, and a keyset page in the order of one of its columns. */
export function foldedRowQueries<State>(db: ReadModelDatabase, view: string) {
  const byId = db.prepare<[string], Stored>(`SELECT * FROM ${view} WHERE id = ?`);
  return {
    byIds: (ids: readonly string[]): (FoldedRow<State> | undefined)[] =>
      ids.map((id) => {
        const row = byId.get(id);
        return row === undefined ? undefined : rowOf<State>(row);
      }),
    /** The (sort value, id) of a row in the order of `column`, for its cursor. */
    sortKey: (row: FoldedRow<State>, column: string): [Column, string] => [row.columns[column] ?? null, row.id],
    page: (conditions: Conditions, column: string, request: PageRequest) => keysetPage(db, view, conditions, column, request, (r) => rowOf<State>(r as Stored)),
  };
}
