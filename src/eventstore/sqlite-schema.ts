// The embedded store's table and the SQL that reads and writes it, in one place so the schema and
// its migrations can be read without the store's behaviour around them.
import type Database from 'better-sqlite3';
import type { EventFilter } from './types.ts';

/** What `PRAGMA user_version` holds once the schema below is in place; bumped with every change. */
export const SCHEMA_VERSION = 2;

const schemaV1 = `
  CREATE TABLE IF NOT EXISTS events (
    -- AUTOINCREMENT: a position is never handed out twice, even after the last row is deleted
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    stream      TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    category    TEXT NOT NULL,
    type        TEXT NOT NULL,
    data        TEXT NOT NULL,
    metadata    TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (stream, revision)
  ) STRICT;
  -- A one-column index is ordered by (column, position), the order a filtered readAll pages in.
  CREATE INDEX IF NOT EXISTS events_by_category ON events (category);
  CREATE INDEX IF NOT EXISTS events_by_type ON events (type);
`;

// v2: the command that stored each event, found by its commandId in any stream, so the command
// side can refuse a commandId reused for another stream before it decides anything.
const commandIdExpression = "json_extract(metadata, '$.commandId')";
const schemaV2 = `CREATE INDEX IF NOT EXISTS events_by_command ON events (${commandIdExpression});`;

/** The pragmas every connection to an events file runs with: the store's own and the commit thread's. */
export function configureConnection(db: Database.Database, synchronous: 'FULL' | 'NORMAL'): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('busy_timeout = 5000');
  // An append writes about seven pages (the row, five indexes, the AUTOINCREMENT counter), so
  // SQLite's default of a checkpoint every 1,000 WAL pages would copy the same hot pages back every
  // ~140 appends. Every 10,000 pages (a WAL of about 40 MB at most) the copy is shared by ~1,400
  // appends. Durability does not depend on it: a commit is durable once its WAL frames are.
  db.pragma('wal_autocheckpoint = 10000');
}

export function migrate(db: Database.Database): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SCHEMA_VERSION) {
    throw new Error(`event database has schema version ${version}; this hub knows up to ${SCHEMA_VERSION}`);
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    db.exec(schemaV1);
    db.exec(schemaV2);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** A stored event as SQLite returns it (integers as bigint: the connection uses safe integers). */
export type EventRow = {
  position: bigint;
  id: string;
  stream: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
};

const columns = 'position, id, stream, revision, type, data, metadata, recorded_at';

export const statementsSql = {
  eventById: `SELECT ${columns} FROM events WHERE id = ?`,
  streamHead: `SELECT revision, position, json_extract(metadata, '$.hash') AS hash
               FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1`,
  insert: `INSERT INTO events (id, stream, revision, category, type, data, metadata, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  streamForwards: `SELECT ${columns} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
  streamBackwards: `SELECT ${columns} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
  headPosition: 'SELECT max(position) FROM events',
  // The same expression as the index, so SQLite uses it.
  lastOfCommand: `SELECT ${columns} FROM events WHERE ${commandIdExpression} = ? ORDER BY position DESC LIMIT 1`,
};

/** Named parameters for `readAllSql`; keys a statement does not use are ignored by better-sqlite3. */
export type ReadAllParams = {
  after: bigint;
  limit: number;
  category: string | undefined;
  categories: string;
  type: string | undefined;
  types: string;
};

export function readAllParams(filter: EventFilter, after: bigint, limit: number): ReadAllParams {
  const categories = filter.categories ?? [];
  const types = filter.eventTypes ?? [];
  return {
    after,
    limit,
    category: categories[0],
    categories: JSON.stringify(categories),
    type: types[0],
    types: JSON.stringify(types),
  };
}

/**
 * One page of the global log after a position. With a single category (or, failing that, a single
 * event type) its index already yields rows in position order. With several values SQLite would
 * gather and sort every later match on each page, quadratic over a long catch-up, so the other
 * columns get a unary `+` (which keeps SQLite off their index) and the log is walked by position.
 */
export function readAllSql(filter: EventFilter): string {
  const categories = filter.categories ?? [];
  const types = filter.eventTypes ?? [];
  const indexed = categories.length === 1 ? 'category' : types.length === 1 ? 'type' : undefined;
  const condition = (column: 'category' | 'type', list: 'categories' | 'types', values: string[]): string[] => {
    if (values.length === 0) return [];
    if (values.length === 1) return [`${column === indexed ? '' : '+'}${column} = @${column}`];
    return [`+${column} IN (SELECT value FROM json_each(@${list}))`];
  };
  const where = ['position > @after', ...condition('category', 'categories', categories), ...condition('type', 'types', types)];
  return `SELECT ${columns} FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT @limit`;
}
