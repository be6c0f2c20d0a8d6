// The EventStore port over KurrentDB (formerly EventStoreDB) through @kurrent/kurrentdb-client.
// KurrentDB keeps the log and checks stream revisions; this adapter adds what it lacks: the hash
// chain, linked onto the exact revision it read so a chain can never fork; retried appends answered
// with their first result; subscriptions that survive a dropped connection (kurrentdb-subscription.ts).
import { BACKWARDS, END, FORWARDS, KurrentDBClient, START, StreamNotFoundError, WrongExpectedVersionError, type Filter } from '@kurrent/kurrentdb-client';
import { GENESIS_HASH, chainEvents } from './hashchain.ts';
import {
  checkExpected,
  fromClientPosition,
  planFilter,
  storedBatch,
  toClientPosition,
  toEventData,
  toRecordedEvent,
  toStoreError,
  toStreamState,
  type FilterPlan,
} from './kurrentdb-mapping.ts';
import { subscribeToAll, type SubscriptionTiming } from './kurrentdb-subscription.ts';
import { isAfter, positionOf } from './position.ts';
import type { AppendResult, EventStore, ExpectedState, NewEvent, Position, ReadAllOptions, ReadStreamOptions, RecordedEvent, Subscription } from './types.ts';

/** The client calls this adapter makes; a narrower type than the client so tests can stand in for a server. */
export type KurrentClient = Pick<KurrentDBClient, 'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'>;

/** How many of a stream's latest events an append reads to find its chain link and a retried batch. */
const TAIL_WINDOW = 32;
/** Every read is paged: readAll without maxCount can exhaust the client's memory (client issue #169). */
const PAGE_SIZE = 256;
/** Appends racing other writers on an 'any'/'exists' stream re-read and re-link this many times. */
const APPEND_ATTEMPTS = 5;

export function openKurrentDbEventStore(options: { connectionString: string }): EventStore {
  return kurrentDbEventStore(KurrentDBClient.connectionString(options.connectionString));
}

async function* withStoreErrors<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (error) {
    throw toStoreError(error);
  }
}

export function kurrentDbEventStore(client: KurrentClient, timing?: SubscriptionTiming): EventStore {
  const subscriptions = new Set<Subscription>();

  /** Newest first; a missing stream has none. Reads from the leader, as every read here does, to never see a stale follower. */
  async function latestOf(stream: string, count: number, from: bigint | typeof END = END): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of client.readStream(stream, { direction: BACKWARDS, fromRevision: from, maxCount: count, requiresLeader: true })) {
        if (resolved.event !== undefined) events.push(toRecordedEvent(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  function chainHead(last: RecordedEvent | undefined): string {
    if (last === undefined) return GENESIS_HASH;
    if (typeof last.metadata.hash !== 'string') {
      throw new Error(`stream ${last.stream} revision ${last.revision} has no hash: it was not written by the hub`);
    }
    return last.metadata.hash;
  }

  /**
   * The append result's position is not documented to be the last event's own position for a
   * batch, so it is read back: a fresh append and its retry (answered from a read) then report the
   * same position, and readAll after it starts right after the batch.
   */
  async function positionAt(stream: string, revision: bigint): Promise<Position> {
    const [event] = await latestOf(stream, 1, revision);
    if (event?.revision !== revision) throw new Error(`stream ${stream} revision ${revision} was appended but cannot be read back`);
    return event.position;
  }

  /** An empty batch writes nothing but still answers with where the stream stands. */
  async function standing(stream: string, expected: ExpectedState): Promise<AppendResult> {
    const [last] = await latestOf(stream, 1);
    checkExpected(stream, expected, last?.revision);
    return last === undefined ? { revision: -1n, position: positionOf(0) } : { revision: last.revision, position: last.position };
  }

  async function appendOnce(stream: string, events: NewEvent[], expected: ExpectedState): Promise<AppendResult> {
    for (let attempt = 1; ; attempt += 1) {
      const latest = await latestOf(stream, Math.max(TAIL_WINDOW, events.length));
      const earlier = storedBatch(stream, events, latest);
      if (earlier !== undefined) return earlier;
      const last = latest[0];
      checkExpected(stream, expected, last?.revision);
      const chained = chainEvents(stream, last === undefined ? 0n : last.revision + 1n, chainHead(last), events);
      let revision: bigint;
      try {
        const result = await client.appendToStream(stream, chained.map(toEventData), {
          streamState: toStreamState(last?.revision ?? 'no_stream'),
          requiresLeader: true,
        });
        revision = result.nextExpectedRevision;
      } catch (error) {
        // Someone wrote between our read and our append. The next read tells whether it was this
        // same batch (answered as a retry), a change the caller's exact expectation rejects, or a
        // neighbour on an 'any'/'exists' stream to link after.
        if (!(error instanceof WrongExpectedVersionError) || attempt === APPEND_ATTEMPTS) throw error;
        continue;
      }
      return { revision, position: await positionAt(stream, revision) };
    }
  }

  async function* streamPages(stream: string, { direction = 'forwards', from, limit }: ReadStreamOptions): AsyncGenerator<RecordedEvent> {
    const backwards = direction === 'backwards';
    let next: bigint | typeof START | typeof END = from ?? (backwards ? END : START);
    let remaining = limit ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const maxCount = Math.min(PAGE_SIZE, remaining);
      let count = 0;
      let lastRevision: bigint | undefined;
      try {
        for await (const resolved of client.readStream(stream, {
          direction: backwards ? BACKWARDS : FORWARDS,
          fromRevision: next,
          maxCount,
          requiresLeader: true,
        })) {
          count += 1;
          if (resolved.event === undefined) continue;
          lastRevision = resolved.event.revision;
          remaining -= 1;
          yield toRecordedEvent(resolved.event);
        }
      } catch (error) {
        if (error instanceof StreamNotFoundError) return;
        throw error;
      }
      if (count < maxCount || lastRevision === undefined || (backwards && lastRevision === 0n)) return;
      next = backwards ? lastRevision - 1n : lastRevision + 1n;
    }
  }

  async function* allPages({ after, filter, limit }: ReadAllOptions): AsyncGenerator<RecordedEvent> {
    const plan = planFilter(filter);
    let last = after;
    let remaining = limit ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      // One more than needed: a page that starts at `last` may return the event at `last` itself.
      const maxCount = Math.min(PAGE_SIZE, remaining + 1);
      let count = 0;
      let advanced = false;
      for await (const resolved of client.readAll({
        fromPosition: last === undefined ? START : toClientPosition(last),
        direction: FORWARDS,
        maxCount,
        filter: plan.server,
        requiresLeader: true,
      })) {
        count += 1;
        const event = resolved.event;
        if (event === undefined || !isAfter(event.position, last)) continue;
        last = fromClientPosition(event.position);
        advanced = true;
        if (!plan.accepts(event)) continue;
        remaining -= 1;
        yield toRecordedEvent(event);
        if (remaining === 0) return;
      }
      if (count < maxCount || !advanced) return;
    }
  }

  /** Scans back from the end of the log, page by page, to the newest event `accepts` keeps. */
  async function latestPosition(filter: Filter, accepts: FilterPlan['accepts'] = () => true): Promise<Position | undefined> {
    let before: Position | undefined;
    for (;;) {
      let count = 0;
      let advanced = false;
      for await (const resolved of client.readAll({
        fromPosition: before === undefined ? END : toClientPosition(before),
        direction: BACKWARDS,
        maxCount: TAIL_WINDOW,
        filter,
        requiresLeader: true,
      })) {
        count += 1;
        const event = resolved.event;
        if (event === undefined || (before !== undefined && !isAfter(before, event.position))) continue;
        before = fromClientPosition(event.position);
        advanced = true;
        if (accepts(event)) return before;
      }
      if (count < TAIL_WINDOW || !advanced) return undefined;
    }
  }

  return {
    kind: 'kurrentdb',

    async append(stream, events, expected) {
      try {
        return events.length === 0 ? await standing(stream, expected) : await appendOnce(stream, events, expected);
      } catch (error) {
        throw toStoreError(error, { stream, expected });
      }
    },

    readStream: (stream, options = {}) => withStoreErrors(streamPages(stream, options)),

    readAll: (options = {}) => withStoreErrors(allPages(options)),

    subscribe(options = {}) {
      const subscription = subscribeToAll({ subscribeToAll: (o) => client.subscribeToAll(o), latestPosition: (filter) => latestPosition(filter) }, options, {
        timing,
        onEnd: () => subscriptions.delete(subscription),
      });
      subscriptions.add(subscription);
      return subscription;
    },

    async headPosition() {
      const plan = planFilter();
      try {
        return await latestPosition(plan.server, plan.accepts);
      } catch (error) {
        throw toStoreError(error);
      }
    },

    async close() {
      await Promise.all([...subscriptions].map((s) => s.close()));
      await client.dispose();
    },
  };
}
