// The KurrentDB adapter's own logic (hash chain on the revision read, retries, paging, resubscribing)
// over an in-memory stand-in for the client, since no server runs here. The real server is
// eventstore.kurrentdb.test.ts's job.
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../src/eventstore/errors.ts';
import { GENESIS_HASH } from '../src/eventstore/hashchain.ts';
import { kurrentDbEventStore, type KurrentClient } from '../src/eventstore/kurrentdb.ts';
import type { SubscriptionTiming } from '../src/eventstore/kurrentdb-subscription.ts';
import { comparePositions, type Position } from '../src/eventstore/position.ts';
import type { EventStore, NewEvent, RecordedEvent } from '../src/eventstore/types.ts';
import { newEvent } from './support/events.ts';
import { eventStoreContract } from './eventstore.contract.ts';
import { fakeKurrentDb, type FakeKurrentDb } from './support/kurrentdb-stand-in.ts';

const timing: SubscriptionTiming = { livenessCheckMs: 15, retryBaseMs: 1, retryMaxMs: 4, maxRetries: 3 };

function openFake(): { store: EventStore; server: FakeKurrentDb } {
  const server = fakeKurrentDb();
  server.writeSystemEvents();
  return { store: kurrentDbEventStore(server as unknown as KurrentClient, timing), server };
}

eventStoreContract('kurrentdb adapter logic over an in-memory stand-in of the client (not a server)', async () => {
  const { store } = openFake();
  return { store, dispose: () => store.close() };
});

const event = (n: number): NewEvent => newEvent('IndicatorMeasured', { n });

async function take(subscription: AsyncIterable<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  if (count === 0) return received;
  for await (const e of subscription) {
    received.push(e);
    if (received.length === count) break;
  }
  return received;
}

describe('kurrentdb adapter: appends racing other writers', () => {
  it('re-reads and links after a neighbour that wrote between its read and its append (any)', async () => {
    const { store, server } = openFake();
    await store.append('kpi-1', [event(0)], 'no_stream');
    server.faults.beforeAppend = async () => void (await store.append('kpi-1', [event(1)], 'any'));
    expect((await store.append('kpi-1', [event(2)], 'any')).revision).toBe(2n);
    const read: RecordedEvent[] = [];
    for await (const e of store.readStream('kpi-1')) read.push(e);
    expect(read.map((e) => e.data.n)).toEqual([0, 1, 2]);
    read.forEach((e, i) => {
      expect(e.metadata.prevHash).toBe(i === 0 ? GENESIS_HASH : read[i - 1]!.metadata.hash);
    });
  });

  it('does not retry an exact expectation: the caller hears the revision it missed', async () => {
    const { store, server } = openFake();
    await store.append('kpi-1', [event(0)], 'no_stream');
    server.faults.beforeAppend = async () => void (await store.append('kpi-1', [event(1)], 0n));
    await expect(store.append('kpi-1', [event(2)], 0n)).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', expected: 0n, actual: 1n });
  });

  it('gives up after a bounded number of races and reports the conflict', async () => {
    const { store, server } = openFake();
    await store.append('kpi-1', [event(0)], 'no_stream');
    let interruptions = 0;
    const interrupt = async () => {
      interruptions += 1;
      await store.append('kpi-1', [event(100 + interruptions)], 'any');
      server.faults.beforeAppend = interrupt;
    };
    server.faults.beforeAppend = interrupt;
    const failure = store.append('kpi-1', [event(1)], 'exists');
    await expect(failure).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(interruptions).toBe(5);
  });

  it('answers with StoreUnavailableError when the server cannot be reached', async () => {
    const { store, server } = openFake();
    server.faults.unreachable = true;
    await expect(store.append('kpi-1', [event(0)], 'any')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(take(store.readAll(), 1)).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

describe('kurrentdb adapter: subscriptions that lose their connection', () => {
  it('resubscribes after the server drops it, from the last event passed, without gaps or duplicates', async () => {
    const { store, server } = openFake();
    server.faults.inclusiveSubscribe = true;
    for (let i = 0; i < 3; i++) await store.append('kpi-1', [event(i)], 'any');
    const subscription = store.subscribe({ filter: { categories: ['kpi'] } });
    const iterator = subscription[Symbol.asyncIterator]();
    const received: RecordedEvent[] = [];
    const next = async () => received.push((await iterator.next()).value as RecordedEvent);
    await next();
    await next();
    server.dropSubscriptions(new Error('leader changed'));
    for (let i = 3; i < 6; i++) await store.append('kpi-1', [event(i)], 'any');
    for (let i = 2; i < 6; i++) await next();
    await subscription.close();
    expect(received.map((e) => e.data.n)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(server.subscribeCalls).toHaveLength(2);
    // Event 2 sat unread in the dropped stream's buffer: the new subscription starts after event 1.
    expect(server.subscribeCalls[1]).toEqual(received[1]!.position);
  });

  it('resubscribes when the subscription falls silent while the log moves on', async () => {
    const { store, server } = openFake();
    const subscription = store.subscribe({ filter: { categories: ['kpi'] } });
    const iterator = subscription[Symbol.asyncIterator]();
    const waiting = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 5));
    server.silenceSubscriptions();
    await store.append('kpi-1', [event(7)], 'no_stream');
    expect((await waiting).value?.data).toEqual({ n: 7 });
    expect(server.subscribeCalls).toHaveLength(2);
    await subscription.close();
  });

  it('gives up with StoreUnavailableError after bounded retries', async () => {
    const { store, server } = openFake();
    server.faults.failSubscribes = 10;
    const subscription = store.subscribe();
    await expect(take(subscription, 1)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(server.subscribeCalls).toHaveLength(timing.maxRetries + 1);
  });

  it('reports checkpoints in order with the events, only forwards', async () => {
    const { store } = openFake();
    for (let i = 0; i < 10; i++) await store.append(`other-${i}`, [event(i)], 'no_stream');
    await store.append('kpi-1', [event(10)], 'no_stream');
    const checkpoints: Position[] = [];
    const seen: Position[] = [];
    const subscription = store.subscribe({ filter: { categories: ['kpi'] }, onCheckpoint: (p) => checkpoints.push(p) });
    for await (const e of subscription) {
      seen.push(e.position);
      expect(checkpoints.every((p) => comparePositions(p, e.position) < 0)).toBe(true);
      break;
    }
    expect(checkpoints.length).toBeGreaterThan(0);
    expect(checkpoints.every((p, i) => i === 0 || comparePositions(checkpoints[i - 1]!, p) < 0)).toBe(true);
  });

  it('is released by the store closing', async () => {
    const { store } = openFake();
    const waiting = store.subscribe()[Symbol.asyncIterator]().next();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.close();
    expect(await waiting).toEqual({ done: true, value: undefined });
  });
});
