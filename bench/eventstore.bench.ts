// The embedded event store against the floor it is built on: a bare better-sqlite3 table with the
// same pragmas. Run by hand: `npx tsx bench/eventstore.bench.ts`. See bench/README.md.
// Appends are measured twice: one writer awaiting each append (the floor's own shape), and
// `WRITERS` writers appending at once, as concurrent commands do, which the store commits in
// groups (src/eventstore/group-commit.ts); the bare table commits each insert on its own either way.
// The store commits on the event loop by default (src/eventstore/sqlite.ts); COMMIT_ON=thread puts
// every row's commits on its commit thread, to compare the two.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import { WrongExpectedRevisionError } from '../src/eventstore/errors.ts';
import type { ExpectedState, NewEvent } from '../src/eventstore/types.ts';

type Synchronous = 'FULL' | 'NORMAL';

const appendCount = Number(process.env.APPENDS ?? 5_000);
/** Concurrent writers for the group-commit rows. */
const writers = Number(process.env.WRITERS ?? 10);
const streamCount = 200;
const readCount = 100_000;
/** Each append measurement runs this many times, interleaved store/bare, and the median is kept. */
const rounds = Number(process.env.ROUNDS ?? 5);
const commitOn = process.env.COMMIT_ON === 'loop' || process.env.COMMIT_ON === 'thread' ? process.env.COMMIT_ON : undefined;

const dir = mkdtempSync(join(tmpdir(), 'sapat-bench-'));
let fileCount = 0;
const freshPath = (): string => join(dir, `bench-${++fileCount}.db`);

const newEvent = (i: number): NewEvent => ({
  id: randomUUID(),
  type: 'IndicatorMeasured',
  data: { indicator: `kpi-${i % 40}`, value: i * 0.5, unit: 'percent', period: '2026-Q4' },
  metadata: {
    actor: { id: 'u-1', name: 'Aigul Mamatova', roles: ['planner'] },
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: '2026-11-25T09:00:00.000Z',
    schemaVersion: 1,
  },
});
const streamOf = (i: number): string => `indicator-${i % streamCount}`;
const perSecond = (count: number, started: number): number => count / ((performance.now() - started) / 1000);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The command pipeline's shape: one event per append, each with the expected revision it read.
 * `concurrency` writers take the next event as soon as their last append is acknowledged; two of
 * them may hold events of one stream, and the one that loses the race reads the head and retries,
 * as the command handler does.
 */
async function storeAppends(synchronous: Synchronous, events: NewEvent[], concurrency: number): Promise<number> {
  const store = openSqliteEventStore({ path: freshPath(), synchronous, ...(commitOn ? { commitOn } : {}) });
  const revisions = new Map<string, bigint>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < events.length) {
        const i = next++;
        const stream = streamOf(i);
        for (;;) {
          const expected: ExpectedState = revisions.get(stream) ?? 'no_stream';
          try {
            revisions.set(stream, (await store.append(stream, [events[i]!], expected)).revision);
            break;
          } catch (error) {
            if (!(error instanceof WrongExpectedRevisionError)) throw error;
            if (error.actual !== undefined) revisions.set(stream, error.actual);
          }
        }
      }
    }),
  );
  const rate = perSecond(events.length, started);
  await store.close();
  return rate;
}

function openBare(synchronous: Synchronous): Database.Database {
  const db = new Database(freshPath());
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(`CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT, stream TEXT NOT NULL, revision INTEGER NOT NULL,
    type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream, revision))`);
  return db;
}

function bareAppends(synchronous: Synchronous, events: NewEvent[]): number {
  const db = openBare(synchronous);
  const insert = db.prepare('INSERT INTO events (stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?)');
  const insertOne = db.transaction((stream: string, revision: number, event: NewEvent) =>
    insert.run(stream, revision, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata)),
  );
  const revisions = new Map<string, number>();
  const started = performance.now();
  for (const [i, event] of events.entries()) {
    const stream = streamOf(i);
    const revision = (revisions.get(stream) ?? -1) + 1;
    insertOne(stream, revision, event);
    revisions.set(stream, revision);
  }
  const rate = perSecond(events.length, started);
  db.close();
  return rate;
}

async function storeReads(): Promise<number> {
  const store = openSqliteEventStore({ path: freshPath(), synchronous: 'NORMAL' });
  for (let batch = 0; batch < readCount / 500; batch++) {
    await store.append(
      streamOf(batch),
      Array.from({ length: 500 }, (_, i) => newEvent(batch * 500 + i)),
      'any',
    );
  }
  const started = performance.now();
  let count = 0;
  for await (const _event of store.readAll()) count++;
  const rate = perSecond(count, started);
  await store.close();
  if (count !== readCount) throw new Error(`store read ${count} events, expected ${readCount}`);
  return rate;
}

/** The bare read parses both JSON columns too: any reader of an event has to. */
function bareReads(): number {
  const db = openBare('NORMAL');
  const insert = db.prepare('INSERT INTO events (stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?)');
  const hash = 'f'.repeat(64);
  db.transaction(() => {
    for (let i = 0; i < readCount; i++) {
      const event = newEvent(i);
      const metadata = { ...event.metadata, prevHash: hash, hash };
      insert.run(streamOf(Math.floor(i / 500)), i, event.type, JSON.stringify(event.data), JSON.stringify(metadata));
    }
  })();
  const select = db.prepare<[], { data: string; metadata: string }>('SELECT position, stream, revision, type, data, metadata FROM events ORDER BY position');
  const started = performance.now();
  let count = 0;
  for (const row of select.iterate()) {
    JSON.parse(row.data);
    JSON.parse(row.metadata);
    count++;
  }
  const rate = perSecond(count, started);
  db.close();
  return rate;
}

type Result = { workload: string; unit: string; store: number; bare: number };

async function appendResult(synchronous: Synchronous, concurrency: number): Promise<Result> {
  const store: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < rounds; round++) {
    store.push(
      await storeAppends(
        synchronous,
        Array.from({ length: appendCount }, (_, i) => newEvent(i)),
        concurrency,
      ),
    );
    bare.push(
      bareAppends(
        synchronous,
        Array.from({ length: appendCount }, (_, i) => newEvent(i)),
      ),
    );
  }
  const who = concurrency === 1 ? 'one writer' : `${concurrency} writers`;
  return { workload: `append, synchronous=${synchronous}, ${who}`, unit: 'appends/s', store: median(store), bare: median(bare) };
}

function print(results: Result[]): void {
  const rows = results.map((r) => [
    r.workload,
    r.unit,
    Math.round(r.store).toLocaleString('en'),
    Math.round(r.bare).toLocaleString('en'),
    (r.store / r.bare).toFixed(2),
  ]);
  const header = ['workload', 'unit', 'store', 'bare table', 'store/bare'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(
    `\nNode ${process.version}, ${appendCount} appends over ${streamCount} streams (median of ${rounds}), readAll over ${readCount} events, commits on the ${commitOn === 'thread' ? 'commit thread' : 'event loop'}`,
  );
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const r of results.filter((result) => result.unit === 'appends/s')) {
    console.log(`target, ${r.workload}: store at least half the bare table's rate: ${r.store / r.bare >= 0.5 ? 'met' : 'NOT met'}`);
  }
}

try {
  const results: Result[] = [];
  for (const synchronous of ['FULL', 'NORMAL'] as const) {
    for (const concurrency of [1, writers]) results.push(await appendResult(synchronous, concurrency));
  }
  results.push({ workload: 'readAll', unit: 'events/s', store: await storeReads(), bare: bareReads() });
  print(results);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
