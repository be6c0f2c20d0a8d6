// What a read model is to the runner. Each version of a projection writes its own physical tables
// (`licenses_v2`) and readers query a view with the plain name (`licenses`) that points at the
// version currently serving. That is what lets a new version build beside the old one and take
// over by swapping the view, without a moment where readers see an empty table.
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';

/** Physical table names of one projection version, keyed by the logical (view) name. */
export type TableNames<Table extends string> = Record<Table, string>;

export type ProjectionApplier = {
  /**
   * Apply one event; runs inside the runner's transaction, together with the checkpoint. With
   * `deferWrites`, a read model that folds a row per event may keep the row in memory until `flush`
   * (written once per batch, not once per event); without it, `apply` writes as it goes, so a caller
   * that only knows `apply` (time travel, a wrapper) gets the rows written.
   */
  apply(event: RecordedEvent, options?: { deferWrites?: boolean }): void;
  /** Write the rows kept in memory; the runner calls it inside the same savepoint as the checkpoint. */
  flush?(): void;
  /** Forget the rows kept in memory unwritten: the savepoint they belonged to was rolled back. */
  discard?(): void;
};

export type ProjectionDefinition<Table extends string = string> = {
  name: string;
  /** Bump it when the tables or the way events fold change: the new version rebuilds from zero. */
  version: number;
  /** Logical table names; each becomes a view over this version's physical table. */
  tables: readonly Table[];
  /** Event types the projection reads; the others only move its checkpoint on. */
  eventTypes: readonly string[];
  /** Create this version's tables (idempotently) and prepare what `apply` needs. */
  open(db: ReadModelDatabase, tables: TableNames<Table>): ProjectionApplier;
};

export const physicalTable = (table: string, version: number): string => `${table}_v${version}`;

export function tableNames<Table extends string>(definition: ProjectionDefinition<Table>): TableNames<Table> {
  return Object.fromEntries(definition.tables.map((t) => [t, physicalTable(t, definition.version)])) as TableNames<Table>;
}
