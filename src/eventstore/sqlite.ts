// The embedded event store: one SQLite file in WAL mode, owned by one hub process. Appends run in
// BEGIN IMMEDIATE, so positions are handed out in commit order without gaps, and live subscribers
// are woken in-process right after each commit, so nothing polls. Appends made while the store is
// not committing share one transaction and one fsync (group commit, src/eventstore/group-commit.ts),
// committed on this connection, or on a thread of their own for a file opened with commitOn: 'thread'
// (commit-thread.ts).
import Database from 'better-sqlite3';
import { z } from 'zod';
import { openCommitter } from './commit-thread.ts';
import { CorruptEventError, StoreUnavailableError } from './errors.ts';
import { createGroupCommit, type GroupOutcome } from './group-commit.ts';
import { positionOf } from './position.ts';
import { type Appended, type AppendWork, categoryOf, createAppender } from './sqlite-append.ts';
import { configureConnection, type EventRow, migrate, readAllParams, readAllSql, type ReadAllParams, statementsSql } from './sqlite-schema.ts';
import { openWalWriteback } from './wal-writeback.ts';
import type { EventFilter, EventStore, ReadAllOptions, ReadPagesOptions, ReadStreamOptions, RecordedEvent, SubscribeOptions, Subscription } from './types.ts';

const optionsSchema = z.object({
  path: z.string().min(1),
  // FULL by default: an acknowledged command must survive a power cut, not only a process crash.
  synchronous: z.enum(['FULL', 'NORMAL']).default('FULL'),
  // Where a file's groups commit: on this connection, on the event loop (the default), or on the
  // commit thread (commit-thread.ts), which keeps the loop turning while the disk syncs. On a disk
  // whose fsync is short (about 0.2 ms on the machine bench/README.md records) the round trip to the
  // thread costs more than it frees, even with FULL; on a slow disk (network storage, a spinning
  // disk) a FULL commit holds the loop for milliseconds and the thread pays. SAPAT_COMMIT_ON picks.
  commitOn: z.enum(['thread', 'loop']).default('loop'),
});
export type SqliteEventStoreOptions = z.input<typeof optionsSchema>;

/** Rows per query: large enough to amortise the query, small enough that no read holds the log. */
const pageSize = 500;
/** The largest page a bulk reader (readPages) may ask for. */
const maxPageSize = 10_000;
const lastRevision = 2n ** 63n - 1n;

/** A stored event's data or metadata; text that is not JSON names the event and the column. */
function parseStored(text: string, position: bigint, id: string, column: 'data' | 'metadata'): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new CorruptEventError(position.toString(), id, `its ${column} is not JSON (${(error as Error).message})`);
  }
}

const toRecorded = (row: EventRow): RecordedEvent => ({
  id: row.id,
  stream: row.stream,
  revision: row.revision,
  position: positionOf(row.position),
  type: row.type,
  data: parseStored(row.data, row.position, row.id, 'data'),
  metadata: parseStored(row.metadata, row.position, row.id, 'metadata') as RecordedEvent['metadata'],
  recordedAt: row.recorded_at,
});

/** A row of `readAllSql` as an array (`raw`), in its column order: no row object to build and drop per event. */
type RawEventRow = [position: bigint, id: string, stream: string, revision: bigint, type: string, data: string, metadata: string, recorded_at: string];

/**
 * An event of a raw row. With `lazily`, the metadata (three quarters of a stored event's text:
 * actor, command ids, hash chain) is parsed only when first read: a bulk reader folding read models
 * rarely reads it, and parsing it was most of the JSON parsing of a rebuild. Metadata that is not
 * JSON throws the same CorruptEventError, when read.
 */
function rawToRecorded(row: RawEventRow, lazily: boolean): RecordedEvent {
  const [position, id, stream, revision, type, data, text, recordedAt] = row;
  // Two literals rather than a spread: this runs for every event of a replay, and one object per event is the least garbage.
  if (!lazily) {
    return {
      id,
      stream,
      revision,
      position: positionOf(position),
      type,
      data: parseStored(data, position, id, 'data'),
      metadata: parseStored(text, position, id, 'metadata') as RecordedEvent['metadata'],
      recordedAt,
    };
  }
  let metadata: RecordedEvent['metadata'] | undefined;
  return {
    id,
    stream,
    revision,
    position: positionOf(position),
    type,
    data: parseStored(data, position, id, 'data'),
    get metadata(): RecordedEvent['metadata'] {
      metadata ??= parseStored(text, position, id, 'metadata') as RecordedEvent['metadata'];
      return metadata;
    },
    set metadata(value: RecordedEvent['metadata']) {
      metadata = value;
    },
    recordedAt,
  };
}

/** Events one append committed: their positions are consecutive (BEGIN IMMEDIATE + AUTOINCREMENT). */
type CommittedBatch = { first: bigint; last: bigint; events: RecordedEvent[] };

const matches = (filter: EventFilter, event: RecordedEvent): boolean =>
  (!filter.categories?.length || filter.categories.includes(categoryOf(event.stream))) &&
  (!filter.eventTypes?.length || filter.eventTypes.includes(event.type));

/**
 * How long one subscriber may hold the event loop before letting I/O in. Consumers often take event
 * after event without waiting on I/O (a socket that accepts every write, a client already gone, the
 * projection runner), so a long catch-up would otherwise run to the head in one go: no /health, no
 * socket close noticed, no other subscriber served.
 */
const sliceMs = 10;
/** Resolves after the event loop has polled for I/O (setImmediate runs after the poll phase). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How far a live subscriber may fall behind in memory before it goes back to reading the table. */
const liveBufferLimit = 5_000;
/**
 * How long a live subscriber's consumer may leave what it was handed unread before the subscriber
 * stops being handed commits and reads the table when it is read again. Hundreds of SSE streams at
 * the head take the frames of one of them and do not read their own subscriptions while they do
 * (src/http/event-stream.ts); handing each of them every commit cost a filter check and a push per
 * subscriber per event (about 2 % of the hub's CPU under fanout.bench.ts's burst, 0.5 % after).
 */
const unreadLiveMs = 1_000;

export function openSqliteEventStore(options: SqliteEventStoreOptions): EventStore {
  const { path, synchronous, commitOn } = optionsSchema.parse(options);
  const db = new Database(path);
  db.defaultSafeIntegers(true);
  configureConnection(db, synchronous);
  migrate(db);

  const statements = {
    streamForwards: db.prepare<[string, bigint, number], EventRow>(statementsSql.streamForwards),
    streamBackwards: db.prepare<[string, bigint, number], EventRow>(statementsSql.streamBackwards),
    headPosition: db.prepare<[], bigint | null>(statementsSql.headPosition).pluck(),
    lastOfCommand: db.prepare<[string], EventRow>(statementsSql.lastOfCommand),
  };
  const readAllStatements = new Map<string, Database.Statement<[ReadAllParams], RawEventRow>>();
  /** Called synchronously after every commit; live subscribers take the batch from here. */
  const commitListeners = new Set<(batch: CommittedBatch | undefined) => void>();
  const subscriptions = new Set<Subscription>();

  /** Driver faults (busy past the timeout, disk full, closed store) become the port's typed error. */
  const fault = (error: unknown): unknown =>
    error instanceof Database.SqliteError || !db.open ? new StoreUnavailableError(`event store ${path}: ${(error as Error).message}`, { cause: error }) : error;
  function guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw fault(error);
    }
  }

  /**
   * One page of the global log, parsed; `more` when the log may go on after it. A row that is not
   * JSON ends the page before it, so readers get every event up to it, and the next page (which
   * starts with it) throws.
   */
  function readAllPage(filter: EventFilter, after: bigint, limit: number, lazily = false): { events: RecordedEvent[]; more: boolean } {
    const sql = readAllSql(filter);
    let statement = readAllStatements.get(sql);
    if (!statement) {
      statement = db.prepare<[ReadAllParams], RawEventRow>(sql).raw(true);
      readAllStatements.set(sql, statement);
    }
    const rows = statement.all(readAllParams(filter, after, limit));
    const events = new Array<RecordedEvent>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      try {
        events[i] = rawToRecorded(rows[i]!, lazily);
      } catch (error) {
        if (i === 0) throw error;
        events.length = i;
        return { events, more: true };
      }
    }
    return { events, more: rows.length === limit };
  }

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

  async function* pages(options: ReadPagesOptions, lazily: boolean): AsyncGenerator<RecordedEvent[]> {
    const filter = options.filter ?? {};
    const size = Math.max(1, Math.min(options.pageSize ?? pageSize, maxPageSize));
    let after = options.after?.commit ?? 0n;
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const limit = Math.min(size, remaining);
      const { events, more } = guard(() => readAllPage(filter, after, limit, lazily));
      if (events.length > 0) yield events;
      if (!more) return;
      remaining -= events.length;
      after = events[events.length - 1]!.position.commit;
    }
  }

  /** Bulk readers get metadata parsed on first access; readAll parses each event whole, so a damaged row fails where it is read. */
  const readPages = (options: ReadPagesOptions = {}) => pages(options, true);

  async function* readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    for await (const page of pages(options, false)) yield* page;
  }

  /**
   * Catch-up, then live. Catching up reads the table a page at a time. Once it has read up to the
   * head, the subscriber goes live: from then on each commit hands it the committed events directly
   * (positions are consecutive, so a batch that does not start right after the last one seen means
   * something was missed, and the subscriber reads the table again). Hundreds of live subscribers
   * thus cost one JSON parse per commit, not a query each. A subscriber that falls far behind drops
   * its buffer and catches up from the table, so memory stays bounded.
   */
  function subscribe(options: SubscribeOptions = {}): Subscription {
    const filter = options.filter ?? {};
    let closed = false;
    let wake: (() => void) | undefined;
    /** Position of the last event delivered, or scanned past while caught up. */
    let after = options.after?.commit ?? 0n;
    let live = false;
    /** Matching events committed while live and not yet delivered, and the last position they cover. */
    let buffer: RecordedEvent[] = [];
    let tail = 0n;

    /** Whether the consumer waits for the next event (the generator runs only when it does), and when it was last handed one. */
    let reading = true;
    let handedAt = 0;
    const hand = () => {
      reading = false;
      handedAt = performance.now();
    };

    const onCommit = (batch: CommittedBatch | undefined) => {
      if (live && batch) {
        if (batch.first !== tail + 1n || buffer.length > liveBufferLimit) {
          live = false;
          buffer = [];
        } else if (!reading && buffer.length > 0 && performance.now() - handedAt > unreadLiveMs) {
          // Not read for a while: read the table from `after` when it is read again, and until then hand it nothing.
          live = false;
          buffer = [];
          commitListeners.delete(onCommit);
        } else {
          for (const event of batch.events) if (matches(filter, event)) buffer.push(event);
          tail = batch.last;
        }
      }
      wake?.();
    };
    commitListeners.add(onCommit);

    const waitForCommit = async () => {
      await new Promise<void>((resolve) => (wake = resolve));
      sliceStarted = performance.now();
    };
    /** Measured across the consumer's work too: it runs between our yields. */
    let sliceStarted = performance.now();
    const shareTheLoop = async () => {
      if (performance.now() - sliceStarted < sliceMs) return;
      await nextTurn();
      sliceStarted = performance.now();
    };

    async function* deliver(): AsyncGenerator<RecordedEvent> {
      try {
        while (!closed) {
          if (live) {
            const event = buffer.shift();
            if (event) {
              after = event.position.commit;
              hand();
              yield event;
              reading = true;
              await shareTheLoop();
              continue;
            }
            if (tail > after) {
              after = tail;
              options.onCheckpoint?.(positionOf(tail));
            }
            await waitForCommit();
            continue;
          }
          commitListeners.add(onCommit);
          const head = guard(() => statements.headPosition.get()) ?? 0n;
          const { events: page, more } = guard(() => readAllPage(filter, after, pageSize));
          for (const event of page) {
            if (closed) return;
            after = event.position.commit;
            hand();
            yield event;
            reading = true;
            await shareTheLoop();
          }
          if (closed) return;
          if (more) {
            // At least once a page, however fast the consumer, so the bound does not hang on the clock.
            await nextTurn();
            sliceStarted = performance.now();
            continue;
          }
          // Everything up to `head` was scanned; go live only if nothing was committed meanwhile
          // (checked synchronously, so no commit can slip in between the check and going live).
          if (guard(() => statements.headPosition.get() ?? 0n) !== head) continue;
          if (head > after) {
            after = head;
            options.onCheckpoint?.(positionOf(head));
          }
          live = true;
          tail = after;
        }
      } finally {
        commitListeners.delete(onCommit);
        subscriptions.delete(subscription);
      }
    }

    async function close(): Promise<void> {
      closed = true;
      commitListeners.delete(onCommit);
      wake?.();
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

  /** Hands what a group committed to live subscribers: one batch when its positions run on. */
  function announce(outcomes: GroupOutcome<Appended>[]): void {
    if (commitListeners.size === 0) return;
    const batches: CommittedBatch[] = [];
    for (const outcome of outcomes) {
      if (!outcome.ok || outcome.value.committed.length === 0) continue;
      const rows = outcome.value.committed;
      const last = batches.at(-1);
      if (last && rows[0]!.position === last.last + 1n) {
        last.events.push(...rows.map(toRecorded));
        last.last = rows.at(-1)!.position;
      } else batches.push({ first: rows[0]!.position, last: rows.at(-1)!.position, events: rows.map(toRecorded) });
    }
    for (const batch of batches) for (const listener of commitListeners) listener(batch);
  }

  // An in-memory database exists only on this connection, so it never commits on the thread.
  const onThread = path !== ':memory:' && commitOn === 'thread';
  const committer = onThread ? openCommitter(path, synchronous) : undefined;
  const appender = onThread ? undefined : createAppender(db);
  // With NORMAL the WAL's frames are written back in the background (wal-writeback.ts); with FULL
  // every commit has already synced them.
  const writeback = synchronous === 'NORMAL' && path !== ':memory:' ? openWalWriteback(`${path}-wal`) : undefined;
  const group = createGroupCommit<AppendWork, Appended>({
    commit: (works) => (committer ? committer.commit(works) : appender!.runGroup(works)),
    fault,
    committed: (outcomes) => {
      if (writeback) {
        let events = 0;
        for (const outcome of outcomes) if (outcome.ok) events += outcome.value.committed.length;
        writeback.committed(events);
      }
      announce(outcomes);
    },
  });
  let closing = false;

  return {
    kind: 'sqlite',
    async append(stream, events, expected) {
      if (closing || !db.open) throw new StoreUnavailableError(`event store ${path}: it is closed`);
      return (await group.submit({ stream, events, expected })).result;
    },
    readStream,
    readAll,
    readPages,
    subscribe,
    async findCommand(commandId) {
      const row = guard(() => statements.lastOfCommand.get(commandId));
      return row && toRecorded(row);
    },
    async headPosition() {
      const head = guard(() => statements.headPosition.get());
      return head === null || head === undefined ? undefined : positionOf(head);
    },
    async close() {
      // Appends already queued are committed (and answered) before the file is closed; later ones are refused.
      closing = true;
      await group.drain();
      await committer?.close();
      await writeback?.close();
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      if (db.open) db.close();
    },
  };
}
