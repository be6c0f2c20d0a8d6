// Where each projection version stands in the log, kept in the read-model database beside its rows.
// A checkpoint names the event it stands on (id, stream and revision) besides its position, so that
// a log restored from an older backup, whose positions were handed out again to other events, is
// recognised: the position alone would look valid and the projection would skip the new events.
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { physicalTable, type ProjectionDefinition } from './projection.ts';

export type ServingState = 'live' | 'building';

export type CheckpointRow = {
  name: string;
  version: number;
  position: string | null;
  event_id: string | null;
  stream: string | null;
  revision: string | null;
  state: ServingState;
};

/** The event a checkpoint stands on; null before the first event, and for checkpoints older than these columns. */
export type CheckpointEvent = { id: string; stream: string; revision: bigint };

export const eventOf = (row: CheckpointRow): CheckpointEvent | undefined =>
  row.event_id && row.stream && row.revision !== null ? { id: row.event_id, stream: row.stream, revision: BigInt(row.revision) } : undefined;

export function openCheckpoints(db: ReadModelDatabase) {
  db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name TEXT NOT NULL, version INTEGER NOT NULL, position TEXT,
    state TEXT NOT NULL CHECK (state IN ('live', 'building')), updated_at TEXT NOT NULL,
    PRIMARY KEY (name, version))`);
  const columns = new Set((db.pragma('table_info(projection_checkpoints)') as { name: string }[]).map((c) => c.name));
  // Read-model databases written before checkpoints named their event gain the columns, empty.
  for (const column of ['event_id', 'stream', 'revision']) {
    if (!columns.has(column)) db.exec(`ALTER TABLE projection_checkpoints ADD COLUMN ${column} TEXT`);
  }
  const selectRows = db.prepare<[string], CheckpointRow>(
    'SELECT name, version, position, event_id, stream, revision, state FROM projection_checkpoints WHERE name = ?',
  );
  const insertRow = db.prepare('INSERT INTO projection_checkpoints (name, version, position, state, updated_at) VALUES (?, ?, NULL, ?, ?)');
  const saveRow = db.prepare(
    'UPDATE projection_checkpoints SET position = ?, event_id = ?, stream = ?, revision = ?, updated_at = ? WHERE name = ? AND version = ?',
  );
  const clearRow = db.prepare(
    'UPDATE projection_checkpoints SET position = NULL, event_id = NULL, stream = NULL, revision = NULL, updated_at = ? WHERE name = ? AND version = ?',
  );
  return {
    rowsOf: (name: string): CheckpointRow[] => selectRows.all(name),
    insert: (name: string, version: number, state: ServingState) => insertRow.run(name, version, state, new Date().toISOString()),
    save(definition: ProjectionDefinition, event: RecordedEvent): void {
      saveRow.run(
        encodePosition(event.position),
        event.id,
        event.stream,
        event.revision.toString(),
        new Date().toISOString(),
        definition.name,
        definition.version,
      );
    },
    /** Back to the start of the log with empty tables: the version rebuilds from zero where it stands. */
    reset: db.transaction((definition: ProjectionDefinition) => {
      for (const table of definition.tables) db.exec(`DELETE FROM ${physicalTable(table, definition.version)}`);
      clearRow.run(new Date().toISOString(), definition.name, definition.version);
    }),
  };
}

export type Checkpoints = ReturnType<typeof openCheckpoints>;
