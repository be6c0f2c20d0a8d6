// The embedded event store: one SQLite file in WAL mode, owned by one hub process. Appends run in
// BEGIN IMMEDIATE, so positions are handed out in commit order without gaps, and live subscribers
// are woken in-process right after each commit, so nothing polls.
import Database from 'better-sqlite3';
import { z } from 'zod';
import { EventIdConflictError, StoreUnavailableError, WrongExpectedRevisionError } from './errors.ts';
import { chainEvents, GENESIS_HASH, sameEventContent } from './hashchain.ts';
import { positionOf } from './position.ts';
import { type EventRow, migrate, readAllParams, readAllSql, type ReadAllParams, statementsSql } from './sqlite-schema.ts';
import type {
  AppendResult,
  EventFilter,
  EventStore,
  ExpectedState,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from './types.ts';

const optionsSchema = z.object({
  path: z.string().min(1),
  // FULL by default: an acknowledged command must survive a power cut, not only a process crash.
  synchronous: z.enum(['FULL', 'NORMAL']).default('FULL'),
});
export type SqliteEventStoreOptions = z.input<typeof optionsSchema>;

/** Rows per query: large enough to amortise the query, small enough that no read holds the log. */
const pageSize = 500;
const lastRevision = 2n ** 63n - 1n;

const categoryOf = (stream: string): string => stream.split('-', 1)[0] ?? stream;

function expectedStateHolds(expected: ExpectedState, actual: bigint | undefined): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === undefined;
  if (expected === 'exists') return actual !== undefined;
  return actual === expected;
}

const toRecorded = (row: EventRow): RecordedEvent => ({
  id: row.id,
  stream: row.stream,
  revision: row.revision,
  position: positionOf(row.position),
  type: row.type,
  data: JSON.parse(row.data) as RecordedEvent['data'],
  metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
  recordedAt: row.recorded_at,
});

/** One promise per "next commit", shared by every waiting subscriber and replaced once it fires. */
function commitSignal() {
  let pending: { fired: Promise<void>; fire: () => void } | undefined;
  return {
    next(): Promise<void> {
      if (!pending) {
        let fire = (): void => {};
        const fired = new Promise<void>((resolve) => (fire = resolve));
        pending = { fired, fire };
      }
      return pending.fired;
    },
    notify(): void {
      pending?.fire();
      pending = undefined;
    },
  };
}

export function openSqliteEventStore(options: SqliteEventStoreOptions): EventStore {
  const { path, synchronous } = optionsSchema.parse(options);
  const db = new Database(path);
  db.defaultSafeIntegers(true);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const statements = {
    eventById: db.prepare<[string], EventRow>(statementsSql.eventById),
    streamHead: db.prepare<[string], { revision: bigint; position: bigint; hash: string | null }>(statementsSql.streamHead),
    insert: db.prepare<[string, string, bigint, string, string, string, string, string]>(statementsSql.insert),
    streamForwards: db.prepare<[string, bigint, number], EventRow>(statementsSql.streamForwards),
    streamBackwards: db.prepare<[string, bigint, number], EventRow>(statementsSql.streamBackwards),
    headPosition: db.prepare<[], bigint | null>(statementsSql.headPosition).pluck(),
  };
  const readAllStatements = new Map<string, Database.Statement<[ReadAllParams], EventRow>>();
  const commits = commitSignal();
  const subscriptions = new Set<Subscription>();

  /** Driver faults (busy past the timeout, disk full, closed store) become the port's typed error. */
  function guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof Database.SqliteError || !db.open) {
        throw new StoreUnavailableError(`event store ${path}: ${(error as Error).message}`, { cause: error });
      }
      throw error;
    }
  }

  function readAllPage(filter: EventFilter, after: bigint, limit: number): EventRow[] {
    const sql = readAllSql(filter);
    let statement = readAllStatements.get(sql);
    if (!statement) {
      statement = db.prepare<[ReadAllParams], EventRow>(sql);
      readAllStatements.set(sql, statement);
    }
    return statement.all(readAllParams(filter, after, limit));
  }

  /**
   * A re-sent batch (a retried command) is recognised by its first event id and answered with the
   * original result, but only if the whole batch is stored as it was sent: same stream, consecutive
   * revisions, same content. Anything else reuses an id for something new, which is refused.
   */
  function originalResult(stream: string, events: NewEvent[]): AppendResult | undefined {
    const [first] = events;
    const firstStored = first && statements.eventById.get(first.id);
    if (!first || !firstStored) return undefined;
    let last = firstStored;
    for (const [i, event] of events.entries()) {
      const stored = i === 0 ? firstStored : statements.eventById.get(event.id);
      const same =
        stored !== undefined &&
        stored.revision === firstStored.revision + BigInt(i) &&
        sameEventContent({ stream, type: event.type, data: event.data }, { ...stored, data: JSON.parse(stored.data) });
      if (!same) throw new EventIdConflictError(stored ? event.id : first.id);
      last = stored;
    }
    return { revision: last.revision, position: positionOf(last.position) };
  }

  function insert(stream: string, revision: bigint, event: NewEvent, recordedAt: string): bigint {
    try {
      const { data, metadata } = event;
      const row = [event.id, stream, revision, categoryOf(stream), event.type, JSON.stringify(data), JSON.stringify(metadata), recordedAt] as const;
      return statements.insert.run(...row).lastInsertRowid as bigint;
    } catch (error) {
      // The stream head was read inside this transaction, so only the event id can collide.
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') throw new EventIdConflictError(event.id);
      throw error;
    }
  }

  const appendInTransaction = db.transaction((stream: string, events: NewEvent[], expected: ExpectedState): AppendResult => {
    // Before the expected state: a retry whose expected revision has gone stale must still succeed.
    const original = originalResult(stream, events);
    if (original) return original;
    const head = statements.streamHead.get(stream);
    if (!expectedStateHolds(expected, head?.revision)) throw new WrongExpectedRevisionError(stream, expected, head?.revision);
    // An empty append writes nothing and reports where the stream stands (-1 and 0 when it is missing).
    let revision = head?.revision ?? -1n;
    let position = head?.position ?? 0n;
    const recordedAt = new Date().toISOString();
    for (const event of chainEvents(stream, revision + 1n, head?.hash ?? GENESIS_HASH, events)) {
      revision += 1n;
      position = insert(stream, revision, event, recordedAt);
    }
    return { revision, position: positionOf(position) };
  });

  async function* readStream(stream: string, options: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let next = options.from ?? (backwards ? lastRevision : 0n);
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    while (remaining > 0 && next >= 0n) {
      const size = Math.min(pageSize, remaining);
      const rows = guard(() => (backwards ? statements.streamBackwards : statements.streamForwards).all(stream, next, size));
      for (const row of rows) yield toRecorded(row);
      if (rows.length < size) return;
      remaining -= rows.length;
      next = rows[rows.length - 1]!.revision + (backwards ? -1n : 1n);
    }
  }

  async function* readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    const filter = options.filter ?? {};
    let after = options.after?.commit ?? 0n;
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const size = Math.min(pageSize, remaining);
      const rows = guard(() => readAllPage(filter, after, size));
      for (const row of rows) yield toRecorded(row);
      if (rows.length < size) return;
      remaining -= rows.length;
      after = rows[rows.length - 1]!.position;
    }
  }

  function subscribe(options: SubscribeOptions = {}): Subscription {
    const filter = options.filter ?? {};
    let closed = false;
    let resume: (() => void) | undefined;

    async function* deliver(): AsyncGenerator<RecordedEvent> {
      let after = options.after?.commit ?? 0n;
      try {
        while (!closed) {
          // Taken before the read, so a commit landing after the read still wakes this subscriber.
          const committed = commits.next();
          const head = guard(() => statements.headPosition.get()) ?? 0n;
          const rows = guard(() => readAllPage(filter, after, pageSize));
          for (const row of rows) {
            if (closed) return;
            after = row.position;
            yield toRecorded(row);
          }
          if (closed) return;
          if (rows.length === pageSize) continue;
          // Caught up: everything up to `head` has been scanned, matched or not.
          if (head > after) {
            after = head;
            options.onCheckpoint?.(positionOf(head));
          }
          await new Promise<void>((wake) => {
            resume = wake;
            void committed.then(wake);
          });
        }
      } finally {
        subscriptions.delete(subscription);
      }
    }

    async function close(): Promise<void> {
      closed = true;
      resume?.();
      subscriptions.delete(subscription);
    }

    const events = deliver();
    // GraphQL servers call return() while a next() is still waiting; a bare generator would queue it
    // behind that next() until the next matching event, so return() closes first.
    const iterator: AsyncIterableIterator<RecordedEvent> = {
      next: () => events.next(),
      return: async () => {
        await close();
        return events.return(undefined);
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    const subscription: Subscription = { [Symbol.asyncIterator]: () => iterator, close };
    subscriptions.add(subscription);
    return subscription;
  }

  return {
    kind: 'sqlite',
    async append(stream, events, expected) {
      const result = guard(() => appendInTransaction.immediate(stream, events, expected));
      // A retry or an empty append wakes subscribers for nothing; that costs one empty read.
      commits.notify();
      return result;
    },
    readStream,
    readAll,
    subscribe,
    async headPosition() {
      const head = guard(() => statements.headPosition.get());
      return head === null || head === undefined ? undefined : positionOf(head);
    },
    async close() {
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      if (db.open) db.close();
    },
  };
}
