// An in-memory stand-in for the KurrentDB client calls the adapter makes, following the documented
// behaviour: appends checked against streamState, reads from a position inclusive and paged by
// maxCount after the server-side filter, subscriptions exclusive of their position with checkpoints.
// It proves the adapter's own logic, not the server's: only a real node can do that.
import { Readable } from 'node:stream';
import {
  ANY,
  BACKWARDS,
  END,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  STREAM_NAME,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendToStreamOptions,
  type EventData,
  type Filter,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import { comparePositions } from '../../src/eventstore/position.ts';

type Stored = {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  isJson: true;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  position: Position;
};

const resolved = (e: Stored): AllStreamResolvedEvent => ({ event: structuredClone(e) });

function matches(filter: Filter | undefined, e: Stored): boolean {
  if (filter === undefined) return true;
  const subject = filter.filterOn === STREAM_NAME ? e.streamId : e.type;
  return 'regex' in filter ? new RegExp(filter.regex).test(subject) : filter.prefixes.some((p) => subject.startsWith(p));
}

export type FakeKurrentDb = ReturnType<typeof fakeKurrentDb>;

export function fakeKurrentDb() {
  const log: Stored[] = [];
  const live = new Set<{ push: (e: Stored) => void; end: (error?: Error) => void }>();
  let nextPosition = 1000n;
  /**
   * Test hooks: run once before the next append checks its stream state; fail the next subscribes;
   * re-send the event at a subscription's start position; refuse every call.
   */
  const faults = { beforeAppend: undefined as (() => Promise<void>) | undefined, failSubscribes: 0, inclusiveSubscribe: false, unreachable: false };
  const silenced = new WeakSet<object>();
  const subscribeCalls: (Position | 'start')[] = [];

  const streamEvents = (name: string) => log.filter((e) => e.streamId === name);
  const unreachable = () => new UnavailableError(undefined, 'connect ECONNREFUSED 127.0.0.1:2113');

  function record(streamId: string, revision: bigint, event: EventData, commit: bigint): Stored {
    const prepare = nextPosition;
    nextPosition += 37n;
    return {
      streamId,
      id: event.id,
      revision,
      type: event.type,
      created: new Date(),
      isJson: true,
      data: JSON.parse(JSON.stringify(event.data)),
      metadata: JSON.parse(JSON.stringify(event.metadata)),
      position: { commit, prepare },
    };
  }

  return {
    faults,
    subscribeCalls,
    /** A system event and a projection's output, which no reader of the hub may see. */
    writeSystemEvents() {
      for (const [streamId, type] of [
        ['$$licence-1', '$metadata'],
        ['$projections-x-result', 'Result'],
      ] as const) {
        log.push(record(streamId, 0n, { id: crypto.randomUUID(), contentType: 'application/json', type, data: {}, metadata: {} }, nextPosition));
      }
    },
    /** Live subscriptions stop receiving anything but stay open, as on a leader change nobody reported. */
    silenceSubscriptions() {
      for (const subscription of live) silenced.add(subscription);
    },
    /** Ends every live subscription, as a leader change does. */
    dropSubscriptions(error?: Error) {
      for (const subscription of [...live]) subscription.end(error);
    },

    async appendToStream(streamName: string, events: EventData | EventData[], { streamState = ANY }: AppendToStreamOptions = {}) {
      if (faults.unreachable) throw unreachable();
      const hook = faults.beforeAppend;
      faults.beforeAppend = undefined;
      await hook?.();
      const batch = Array.isArray(events) ? events : [events];
      const current = streamEvents(streamName).at(-1)?.revision;
      const ok =
        streamState === ANY ||
        (streamState === NO_STREAM && current === undefined) ||
        (streamState === STREAM_EXISTS && current !== undefined) ||
        streamState === current;
      if (!ok) throw new WrongExpectedVersionError(undefined, { streamName, expected: streamState, current: current ?? NO_STREAM });
      const commit = nextPosition;
      const stored = batch.map((e, i) => record(streamName, (current ?? -1n) + 1n + BigInt(i), e, commit));
      log.push(...stored);
      for (const e of stored) for (const subscription of live) subscription.push(e);
      // Deliberately the batch's commit and first prepare: the adapter must not take it for the last event's position.
      return { success: true, nextExpectedRevision: stored.at(-1)!.revision, position: { commit, prepare: stored[0]!.position.prepare } };
    },

    async *readStream(streamName: string, { direction, fromRevision = START, maxCount = Number.MAX_SAFE_INTEGER }: ReadStreamOptions = {}) {
      if (faults.unreachable) throw unreachable();
      const events = streamEvents(streamName);
      if (events.length === 0) throw new StreamNotFoundError(undefined, streamName);
      const backwards = direction === BACKWARDS;
      const from = fromRevision === START ? 0n : fromRevision === END ? events.at(-1)!.revision : fromRevision;
      const selected = backwards ? events.filter((e) => e.revision <= from).reverse() : events.filter((e) => e.revision >= from);
      for (const e of selected.slice(0, Number(maxCount))) yield resolved(e);
    },

    async *readAll({ direction, fromPosition = START, maxCount = Number.MAX_SAFE_INTEGER, filter }: ReadAllOptions = {}) {
      if (faults.unreachable) throw unreachable();
      const backwards = direction === BACKWARDS;
      const inRange = (e: Stored) => {
        if (fromPosition === START || fromPosition === END) return true;
        const c = comparePositions(e.position, fromPosition);
        return backwards ? c <= 0 : c >= 0;
      };
      const selected = log.filter((e) => inRange(e) && matches(filter, e));
      for (const e of (backwards ? selected.reverse() : selected).slice(0, Number(maxCount))) yield resolved(e);
    },

    subscribeToAll({ fromPosition = START, filter }: SubscribeToAllOptions = {}): AllStreamSubscription {
      subscribeCalls.push(fromPosition === START ? 'start' : (fromPosition as Position));
      const stream = new Readable({ objectMode: true, read() {} }) as unknown as AllStreamSubscription;
      let scanned = 0;
      const deliver = (e: Stored) => {
        if (silenced.has(subscription)) return;
        if (matches(filter, e)) stream.push(resolved(e));
        else if (++scanned % 3 === 0) void filter?.checkpointReached?.(stream, e.position);
      };
      const subscription = {
        push: deliver,
        end: (error?: Error) => {
          live.delete(subscription);
          stream.destroy(error);
        },
      };
      stream.unsubscribe = async () => {
        live.delete(subscription);
      };
      queueMicrotask(() => {
        if (faults.failSubscribes > 0) {
          faults.failSubscribes -= 1;
          stream.destroy(new Error('14 UNAVAILABLE: No connection established'));
          return;
        }
        stream.emit('confirmation');
        const after = (e: Stored) => fromPosition === START || comparePositions(e.position, fromPosition as Position) >= (faults.inclusiveSubscribe ? 0 : 1);
        for (const e of log.filter(after)) deliver(e);
        live.add(subscription);
      });
      return stream;
    },

    async dispose() {
      for (const subscription of [...live]) subscription.end();
    },
  };
}
