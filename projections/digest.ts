// What `npm run replay` compares: a fingerprint of each read model as readers see it, and a rebuild
// of the read models from the log into another database. Read models are disposable because the
// events are the truth; a digest of a rebuild equal to the live one's is the proof of that claim.
import { createHash } from 'node:crypto';
import { eventVersions } from '../src/modules.ts';
import { comparePositions, decodePosition, encodePosition, isAfter } from '../src/eventstore/position.ts';
import { readPages } from '../src/eventstore/pages.ts';
import type { EventStore, Position, RecordedEvent, Subscription } from '../src/eventstore/types.ts';
import { upcastingStore } from '../src/eventstore/upcasting.ts';
import type { ReadModelDatabase } from './database.ts';
import { physicalTable, type ProjectionDefinition } from './projection.ts';
import { createProjectionRunner } from './runner.ts';

export type ReadModelDigest = { name: string; version: number; rows: number; digest: string };

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The version whose tables the read model's views point at: the one readers see. */
function servingVersion(db: ReadModelDatabase, name: string): number {
  const hasCheckpoints = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'projection_checkpoints'").get();
  const row = hasCheckpoints
    ? (db.prepare("SELECT version FROM projection_checkpoints WHERE name = ? AND state = 'live'").get(name) as { version: number } | undefined)
    : undefined;
  if (!row) throw new Error(`read model ${name} has no live version in this database: the projection has never run here`);
  return row.version;
}

/** Primary-key columns in key order, or every column when the table declares no key. */
function orderColumns(db: ReadModelDatabase, table: string): string[] {
  const columns = db.pragma(`table_info(${quote(table)})`) as { name: string; pk: number }[];
  const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  return (key.length > 0 ? key : columns).map((c) => c.name);
}

/**
 * One cell, tagged with its SQLite storage class, so that the integer 1, the real 1.0 and the
 * text '1' never render alike. Integers come as bigint (safeIntegers), reals as number.
 */
function cell(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value === 'bigint') return `i:${value}`;
  if (typeof value === 'number') return `r:${value}`;
  if (typeof value === 'string') return `t:${value}`;
  if (Buffer.isBuffer(value)) return `b:${value.toString('hex')}`;
  throw new Error(`cannot digest a value of type ${typeof value}`);
}

function digestOf(db: ReadModelDatabase, projection: ProjectionDefinition): ReadModelDigest {
  const version = servingVersion(db, projection.name);
  const hash = createHash('sha256');
  let rows = 0;
  for (const table of projection.tables) {
    const order = orderColumns(db, physicalTable(table, version)).map(quote).join(', ');
    const select = db
      .prepare(`SELECT * FROM ${quote(table)} ORDER BY ${order}`)
      .raw(true)
      .safeIntegers(true);
    // JSON lines: a newline inside a value is escaped, so no two renderings run into each other.
    hash.update(`${JSON.stringify({ table, columns: select.columns().map((c) => c.name) })}\n`);
    for (const row of select.iterate() as Iterable<unknown[]>) {
      hash.update(`${JSON.stringify(row.map(cell))}\n`);
      rows += 1;
    }
  }
  return { name: projection.name, version, rows, digest: hash.digest('hex') };
}

/** Digest of every read model of these projections in db, read through their views, rows in primary-key order. */
export function readModelDigests(db: ReadModelDatabase, projections: ProjectionDefinition[]): ReadModelDigest[] {
  // One read transaction: a hub writing meanwhile cannot make one read model newer than another.
  return db.transaction(() => projections.map((p) => digestOf(db, p)))();
}

/**
 * The log as it stood at `head`: subscriptions end after the event at `head`, so a rebuild stops
 * exactly there even while a hub keeps appending to the same store.
 */
function logUpTo(store: EventStore, head: Position | undefined): EventStore {
  return {
    ...store,
    headPosition: async () => head,
    async *readPages(options) {
      if (head === undefined) return;
      for await (const page of readPages(store, options)) {
        if (!isAfter(page.at(-1)!.position, head)) {
          yield page;
          continue;
        }
        const end = page.findIndex((event) => isAfter(event.position, head));
        if (end > 0) yield page.slice(0, end);
        return;
      }
    },
    subscribe(options) {
      const source = store.subscribe(options);
      async function* upToHead(): AsyncGenerator<RecordedEvent> {
        if (head === undefined) return;
        for await (const event of source) {
          if (isAfter(event.position, head)) return;
          yield event;
          if (comparePositions(event.position, head) === 0) return;
        }
      }
      const events = upToHead();
      return { [Symbol.asyncIterator]: () => events, close: () => source.close() } satisfies Subscription;
    },
  };
}

/**
 * Rebuild these projections from position zero into db (an empty read-model database) until the store's head at call time; resolves when done.
 * `store` is the store as written: events are upcast here as the hub does (an event already upcast passes unchanged).
 */
export async function rebuildInto(store: EventStore, db: ReadModelDatabase, projections: ProjectionDefinition[]): Promise<void> {
  const existing = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").get() as { n: number };
  // A database with checkpoints would resume from them: that would not be a rebuild from zero.
  if (existing.n > 0) throw new Error('rebuildInto needs an empty read-model database');
  const head = await store.headPosition();
  let settle!: { resolve: () => void; reject: (error: Error) => void };
  const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const runner = createProjectionRunner({
    store: upcastingStore(logUpTo(store, head), eventVersions),
    db,
    projections,
    onError: (error) => settle.reject(error),
  });
  const headCursor = head && encodePosition(head);
  // Every read model stops exactly at the head (logUpTo); the cursor's text is compared first, once per batch.
  const reachedHead = () =>
    head === undefined ||
    runner.status().every((p) => p.position !== null && (p.position === headCursor || comparePositions(decodePosition(p.position), head) >= 0));
  runner.onApplied(() => {
    if (reachedHead()) settle.resolve();
  });
  try {
    await runner.start();
    if (reachedHead()) settle.resolve();
    await finished;
  } finally {
    await runner.stop();
  }
}
