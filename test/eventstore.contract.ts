// The behaviour every EventStore adapter owes the rest of the hub. Each adapter's test file calls
// eventStoreContract with a factory. A server-backed store keeps data between tests and runs, so
// every test writes to its own category and judges readAll and subscribe relative to a position
// taken when it starts.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventIdConflictError, WrongExpectedRevisionError } from '../src/eventstore/errors.ts';
import { chainEvents, GENESIS_HASH } from '../src/eventstore/hashchain.ts';
import { comparePositions, positionOf, type Position } from '../src/eventstore/position.ts';
import type { EventFilter, EventStore, NewEvent, RecordedEvent } from '../src/eventstore/types.ts';
import { eventMetadata as metadata, newEvent } from './support/events.ts';

export type StoreFactory = () => Promise<{ store: EventStore; dispose: () => Promise<void> }>;

const newCategory = (): string => `c${randomUUID().slice(0, 8)}`;
const newStream = (category: string): string => `${category}-${randomUUID().slice(0, 8)}`;

const numbered = (type: string, count: number, from = 0): NewEvent[] => Array.from({ length: count }, (_, i) => newEvent(type, { n: from + i }));

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

async function rejection(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

const isStrictlyIncreasing = (positions: Position[]): boolean => positions.every((p, i) => i === 0 || comparePositions(positions[i - 1]!, p) < 0);

export function eventStoreContract(name: string, factory: StoreFactory): void {
  describe(`event store contract: ${name}`, () => {
    let store: EventStore;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ store, dispose } = await factory());
    });
    afterAll(async () => {
      await dispose?.();
    });

    const start = async (): Promise<Position> => (await store.headPosition()) ?? positionOf(0);
    const streamIds = async (stream: string) => (await collect(store.readStream(stream))).map((e) => e.id);
    const readCategory = async (after: Position, filter: EventFilter) => collect(store.readAll({ after, filter }));

    async function expectWrongRevision(work: Promise<unknown>, stream: string, actual: bigint | undefined) {
      const error = await rejection(work);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ stream, actual });
    }

    describe('expected state', () => {
      it('no_stream creates a stream at revision 0', async () => {
        const stream = newStream(newCategory());
        const events = numbered('LicenceApplied', 2);
        const result = await store.append(stream, events, 'no_stream');
        expect(result.revision).toBe(1n);
        const read = await collect(store.readStream(stream));
        expect(read.map((e) => [e.id, e.revision])).toEqual([
          [events[0]!.id, 0n],
          [events[1]!.id, 1n],
        ]);
        expect(read[1]!.position).toEqual(result.position);
      });

      it('no_stream refuses a stream that exists and writes nothing', async () => {
        const stream = newStream(newCategory());
        await store.append(stream, numbered('LicenceApplied', 2), 'no_stream');
        await expectWrongRevision(store.append(stream, numbered('LicenceApplied', 1), 'no_stream'), stream, 1n);
        expect(await streamIds(stream)).toHaveLength(2);
      });

      it('exists appends to a stream that has events', async () => {
        const stream = newStream(newCategory());
        await store.append(stream, numbered('LicenceApplied', 1), 'no_stream');
        expect((await store.append(stream, numbered('LicenceApplied', 2), 'exists')).revision).toBe(2n);
      });

      it('exists refuses a missing stream and writes nothing', async () => {
        const stream = newStream(newCategory());
        await expectWrongRevision(store.append(stream, numbered('LicenceApplied', 1), 'exists'), stream, undefined);
        expect(await streamIds(stream)).toEqual([]);
      });

      it('any appends to a missing stream and to an existing one', async () => {
        const stream = newStream(newCategory());
        expect((await store.append(stream, numbered('LicenceApplied', 1), 'any')).revision).toBe(0n);
        expect((await store.append(stream, numbered('LicenceApplied', 3), 'any')).revision).toBe(3n);
      });

      it('an exact revision appends when it is the current one', async () => {
        const stream = newStream(newCategory());
        await store.append(stream, numbered('LicenceApplied', 3), 'no_stream');
        expect((await store.append(stream, numbered('LicenceApplied', 1), 2n)).revision).toBe(3n);
      });

      it('a stale exact revision is refused with the actual revision', async () => {
        const stream = newStream(newCategory());
        await store.append(stream, numbered('LicenceApplied', 3), 'no_stream');
        const error = await rejection(store.append(stream, numbered('LicenceApplied', 1), 1n));
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ stream, expected: 1n, actual: 2n });
        expect(await streamIds(stream)).toHaveLength(3);
      });

      it('an exact revision on a missing stream is refused', async () => {
        const stream = newStream(newCategory());
        await expectWrongRevision(store.append(stream, numbered('LicenceApplied', 1), 0n), stream, undefined);
      });

      it('concurrent appends with the same expected revision: exactly one wins', async () => {
        const stream = newStream(newCategory());
        await store.append(stream, numbered('LicenceApplied', 1), 'no_stream');
        const batches = Array.from({ length: 5 }, () => numbered('ExpertAssigned', 2));
        const outcomes = await Promise.allSettled(batches.map((batch) => store.append(stream, batch, 0n)));
        const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
        expect(winners).toHaveLength(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') {
            expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
            expect(outcome.reason).toMatchObject({ actual: 2n });
          }
        }
        const winner = batches[winners[0]!]!;
        expect((await streamIds(stream)).slice(1)).toEqual(winner.map((e) => e.id));
        expect(await streamIds(stream)).toHaveLength(3);
      });
    });

    describe('idempotent retry', () => {
      it('the same ids and content return the first result and are stored once', async () => {
        const category = newCategory();
        const stream = newStream(category);
        const from = await start();
        const events = numbered('LicenceApplied', 2);
        const first = await store.append(stream, events, 'no_stream');
        const retried = await store.append(
          stream,
          events.map((e) => ({ ...e, data: { ...e.data } })),
          'no_stream',
        );
        expect(retried).toEqual(first);
        expect(await streamIds(stream)).toEqual(events.map((e) => e.id));
        expect(await readCategory(from, { categories: [category] })).toHaveLength(2);
      });

      it('a retry whose expected revision went stale still returns the first result', async () => {
        const stream = newStream(newCategory());
        await store.append(stream, numbered('LicenceApplied', 1), 'no_stream');
        const assigned = [newEvent('ExpertAssigned', { expert: 'e-1' })];
        const first = await store.append(stream, assigned, 0n);
        await store.append(stream, numbered('ConclusionRecorded', 1), 1n);
        expect(await store.append(stream, assigned, 0n)).toEqual(first);
        expect(await streamIds(stream)).toHaveLength(3);
      });

      it('a stored id sent again with different content is a conflict and writes nothing', async () => {
        const stream = newStream(newCategory());
        const [applied] = numbered('LicenceApplied', 1);
        await store.append(stream, [applied!], 'no_stream');
        const error = await rejection(store.append(stream, [{ ...applied!, data: { n: 99 } }], 'any'));
        expect(error).toBeInstanceOf(EventIdConflictError);
        expect(error).toMatchObject({ eventId: applied!.id });
        const read = await collect(store.readStream(stream));
        expect(read.map((e) => e.data)).toEqual([{ n: 0 }]);
      });
    });

    describe('empty append', () => {
      it('reports where an existing stream stands and writes nothing', async () => {
        const stream = newStream(newCategory());
        const written = await store.append(stream, numbered('LicenceApplied', 2), 'no_stream');
        expect(await store.append(stream, [], 1n)).toEqual(written);
        expect(await streamIds(stream)).toHaveLength(2);
      });

      it('reports revision -1 and position 0 for a missing stream and still checks the expected state', async () => {
        const stream = newStream(newCategory());
        expect(await store.append(stream, [], 'no_stream')).toEqual({ revision: -1n, position: positionOf(0) });
        await expectWrongRevision(store.append(stream, [], 'exists'), stream, undefined);
        expect(await streamIds(stream)).toEqual([]);
      });
    });

    describe('readStream', () => {
      it('reads forwards and backwards, from a revision, up to a limit', async () => {
        const stream = newStream(newCategory());
        await store.append(stream, numbered('IndicatorMeasured', 5), 'no_stream');
        const revisions = async (options: Parameters<EventStore['readStream']>[1]) => (await collect(store.readStream(stream, options))).map((e) => e.revision);
        expect(await revisions({})).toEqual([0n, 1n, 2n, 3n, 4n]);
        expect(await revisions({ from: 2n })).toEqual([2n, 3n, 4n]);
        expect(await revisions({ limit: 2 })).toEqual([0n, 1n]);
        expect(await revisions({ from: 1n, limit: 3 })).toEqual([1n, 2n, 3n]);
        expect(await revisions({ from: 5n })).toEqual([]);
        expect(await revisions({ direction: 'backwards' })).toEqual([4n, 3n, 2n, 1n, 0n]);
        expect(await revisions({ direction: 'backwards', from: 3n, limit: 2 })).toEqual([3n, 2n]);
        expect(await revisions({ direction: 'backwards', from: 0n })).toEqual([0n]);
      });

      it('reads a missing stream as empty', async () => {
        expect(await collect(store.readStream(newStream(newCategory())))).toEqual([]);
        expect(await collect(store.readStream(newStream(newCategory()), { direction: 'backwards' }))).toEqual([]);
      });

      it('pages through a stream longer than one page in both directions', async () => {
        const stream = newStream(newCategory());
        for (let batch = 0; batch < 6; batch++) await store.append(stream, numbered('IndicatorMeasured', 200, batch * 200), 'any');
        const forwards = await collect(store.readStream(stream));
        expect(forwards.map((e) => e.data.n)).toEqual(Array.from({ length: 1200 }, (_, i) => i));
        const backwards = await collect(store.readStream(stream, { direction: 'backwards', from: 1100n, limit: 700 }));
        expect(backwards.map((e) => e.revision)).toEqual(Array.from({ length: 700 }, (_, i) => BigInt(1100 - i)));
      });
    });

    describe('readAll', () => {
      it('returns events across streams in append order with strictly increasing positions', async () => {
        const category = newCategory();
        const streams = [newStream(category), newStream(category), newStream(category)];
        const from = await start();
        const appended: { id: string; position: Position }[] = [];
        for (let i = 0; i < 9; i++) {
          const event = newEvent('RatingScored', { i });
          const { position } = await store.append(streams[i % 3]!, [event], 'any');
          appended.push({ id: event.id, position });
        }
        const read = await readCategory(from, { categories: [category] });
        expect(read.map((e) => ({ id: e.id, position: e.position }))).toEqual(appended);
        expect(read.map((e) => e.stream)).toEqual(appended.map((_, i) => streams[i % 3]));
        expect(isStrictlyIncreasing(read.map((e) => e.position))).toBe(true);
      });

      it('is exclusive of its after position', async () => {
        const category = newCategory();
        const stream = newStream(category);
        await store.append(stream, numbered('RatingScored', 1), 'no_stream');
        const second = await store.append(stream, numbered('RatingScored', 1, 1), 0n);
        await store.append(stream, numbered('RatingScored', 1, 2), 1n);
        const read = await readCategory(second.position, { categories: [category] });
        expect(read.map((e) => e.data)).toEqual([{ n: 2 }]);
      });

      it('pages beyond one page and honours a limit across pages', async () => {
        const category = newCategory();
        const streams = [newStream(category), newStream(category)];
        const from = await start();
        const ids: string[] = [];
        for (let batch = 0; batch < 12; batch++) {
          const events = numbered('IndicatorMeasured', 100, batch * 100);
          await store.append(streams[batch % 2]!, events, 'any');
          ids.push(...events.map((e) => e.id));
        }
        const read = await readCategory(from, { categories: [category] });
        expect(read.map((e) => e.id)).toEqual(ids);
        expect(isStrictlyIncreasing(read.map((e) => e.position))).toBe(true);
        const limited = await collect(store.readAll({ after: from, filter: { categories: [category] }, limit: 700 }));
        expect(limited.map((e) => e.id)).toEqual(ids.slice(0, 700));
      });

      it('filters by categories, by event types, and by both', async () => {
        const [licences, ratings] = [newCategory(), newCategory()];
        const [applied, granted, scored] = ['LicenceApplied', 'LicenceGranted', 'RatingScored'].map((t) => `${t}${licences}`);
        const from = await start();
        const licence = newStream(licences);
        const rating = newStream(ratings);
        await store.append(licence, [newEvent(applied!, { k: 1 })], 'no_stream');
        await store.append(rating, [newEvent(scored!, { k: 2 }), newEvent(applied!, { k: 3 })], 'no_stream');
        await store.append(licence, [newEvent(granted!, { k: 4 })], 0n);
        const keys = async (filter: EventFilter) => (await readCategory(from, filter)).map((e) => e.data.k);
        expect(await keys({ categories: [licences] })).toEqual([1, 4]);
        expect(await keys({ categories: [licences, ratings] })).toEqual([1, 2, 3, 4]);
        expect(await keys({ eventTypes: [applied!] })).toEqual([1, 3]);
        expect(await keys({ eventTypes: [applied!, granted!] })).toEqual([1, 3, 4]);
        expect(await keys({ categories: [ratings], eventTypes: [applied!] })).toEqual([3]);
        expect(await keys({ categories: [licences, ratings], eventTypes: [scored!, granted!] })).toEqual([2, 4]);
        expect(await keys({ categories: [], eventTypes: [scored!] })).toEqual([2]);
      });
    });

    describe('recorded events', () => {
      it('round-trip data and metadata and link each stream into a hash chain', async () => {
        const stream = newStream(newCategory());
        const before = Date.now();
        const first: NewEvent = {
          id: randomUUID(),
          type: 'LicenceApplied',
          data: { programme: 'Педагогика', kyrgyz: 'Билим берүү', levels: ['bachelor', 'master'], seats: 120, nested: { ok: true, none: null } },
          metadata: metadata({ actor: { id: 'u-7', name: 'Нурлан', roles: ['planner', 'auditor'], unit: 'QA' }, source: 'import' }),
        };
        const second = newEvent('ExpertAssigned', { expert: 'e-3' });
        await store.append(stream, [first], 'no_stream');
        await store.append(stream, [second], 0n);
        const read = await collect(store.readStream(stream));
        const [chainedFirst] = chainEvents(stream, 0n, GENESIS_HASH, [first]);
        const [chainedSecond] = chainEvents(stream, 1n, chainedFirst!.metadata.hash!, [second]);
        expect(read.map(({ id, stream: s, type, data, metadata: m }) => ({ id, stream: s, type, data, metadata: m }))).toEqual([
          { ...chainedFirst, stream },
          { ...chainedSecond, stream },
        ]);
        expect(read[0]!.metadata.prevHash).toBe(GENESIS_HASH);
        expect(read[1]!.metadata.prevHash).toBe(read[0]!.metadata.hash);
        expect(first.metadata.hash).toBeUndefined();
        for (const event of read) {
          expect(new Date(event.recordedAt).toISOString()).toBe(event.recordedAt);
          expect(Date.parse(event.recordedAt)).toBeGreaterThanOrEqual(before - 5_000);
          expect(Date.parse(event.recordedAt)).toBeLessThanOrEqual(Date.now() + 5_000);
        }
      });

      it('continues the chain across many appends', async () => {
        const stream = newStream(newCategory());
        for (let i = 0; i < 4; i++) await store.append(stream, numbered('IndicatorMeasured', 3, i * 3), 'any');
        const read = await collect(store.readStream(stream));
        expect(read).toHaveLength(12);
        read.forEach((event, i) => {
          expect(event.metadata.prevHash).toBe(i === 0 ? GENESIS_HASH : read[i - 1]!.metadata.hash);
        });
        expect(new Set(read.map((e) => e.metadata.hash)).size).toBe(12);
      });
    });

    describe('subscribe', () => {
      it('catches up, then goes live, delivering every event once and in order while appends continue', async () => {
        const category = newCategory();
        const streams = Array.from({ length: 4 }, () => newStream(category));
        const from = await start();
        const appended: string[] = [];
        const append = async (stream: string, events: NewEvent[]) => {
          await store.append(stream, events, 'any');
          appended.push(...events.map((e) => e.id));
        };
        for (let batch = 0; batch < 30; batch++) await append(streams[batch % 4]!, numbered('IndicatorMeasured', 10, batch * 10));

        const subscription = store.subscribe({ after: from, filter: { categories: [category] } });
        const appender = (async () => {
          for (let batch = 0; batch < 100; batch++) {
            await append(streams[batch % 4]!, numbered('IndicatorMeasured', 3, 300 + batch * 3));
            await new Promise((resolve) => setImmediate(resolve));
          }
        })();
        const received: RecordedEvent[] = [];
        for await (const event of subscription) {
          received.push(event);
          if (received.length === 600) break;
        }
        await appender;
        await subscription.close();

        expect(received.map((e) => e.id)).toEqual(appended);
        expect(isStrictlyIncreasing(received.map((e) => e.position))).toBe(true);
        const log = await readCategory(from, { categories: [category] });
        expect(received.map((e) => e.position)).toEqual(log.map((e) => e.position));
      }, 30_000);

      it('delivers only what its filter selects, starting strictly after its position', async () => {
        const [licences, ratings] = [newCategory(), newCategory()];
        const licence = newStream(licences);
        const rating = newStream(ratings);
        const skipped = await store.append(licence, [newEvent('LicenceApplied', { k: 0 })], 'no_stream');
        await store.append(rating, [newEvent('RatingScored', { k: 1 })], 'no_stream');
        await store.append(licence, [newEvent('ExpertAssigned', { k: 2 })], 0n);

        const subscription = store.subscribe({ after: skipped.position, filter: { categories: [licences] } });
        const received: unknown[] = [];
        const done = (async () => {
          for await (const event of subscription) {
            received.push(event.data.k);
            if (received.length === 3) break;
          }
        })();
        await store.append(rating, [newEvent('RatingScored', { k: 3 })], 0n);
        await store.append(licence, [newEvent('LicenceGranted', { k: 4 }), newEvent('LicenceRegistered', { k: 5 })], 1n);
        await done;
        expect(received).toEqual([2, 4, 5]);
      });

      it('ends iteration when closed while waiting for the next event', async () => {
        const category = newCategory();
        const subscription = store.subscribe({ after: await start(), filter: { categories: [category] } });
        const iterator = subscription[Symbol.asyncIterator]();
        const waiting = iterator.next();
        await new Promise((resolve) => setImmediate(resolve));
        await subscription.close();
        expect(await waiting).toEqual({ done: true, value: undefined });
        await store.append(newStream(category), numbered('LicenceApplied', 1), 'no_stream');
        expect(await iterator.next()).toEqual({ done: true, value: undefined });
      });

      it('ends a pending next() when the consumer calls return(), as GraphQL servers do on unsubscribe', async () => {
        const category = newCategory();
        const subscription = store.subscribe({ after: await start(), filter: { categories: [category] } });
        const iterator = subscription[Symbol.asyncIterator]();
        const waiting = iterator.next();
        await new Promise((resolve) => setImmediate(resolve));
        expect(await iterator.return!()).toEqual({ done: true, value: undefined });
        expect(await waiting).toEqual({ done: true, value: undefined });
      });

      it('ends iteration when closed between events', async () => {
        const category = newCategory();
        const from = await start();
        await store.append(newStream(category), numbered('LicenceApplied', 1), 'no_stream');
        const subscription = store.subscribe({ after: from, filter: { categories: [category] } });
        const iterator = subscription[Symbol.asyncIterator]();
        expect((await iterator.next()).value?.data).toEqual({ n: 0 });
        await subscription.close();
        expect(await iterator.next()).toEqual({ done: true, value: undefined });
      });

      it('ends iteration when the consumer breaks out of for-await', async () => {
        const category = newCategory();
        const stream = newStream(category);
        const from = await start();
        await store.append(stream, numbered('LicenceApplied', 3), 'no_stream');
        const subscription = store.subscribe({ after: from, filter: { categories: [category] } });
        const received: unknown[] = [];
        for await (const event of subscription) {
          received.push(event.data.n);
          if (received.length === 2) break;
        }
        expect(received).toEqual([0, 1]);
        await subscription.close();
      });
    });

    describe('headPosition', () => {
      it('moves to the position of the latest append', async () => {
        const before = await store.headPosition();
        const { position } = await store.append(newStream(newCategory()), numbered('LicenceApplied', 2), 'no_stream');
        if (before) expect(comparePositions(before, position)).toBeLessThan(0);
        const after = await store.headPosition();
        expect(after).toBeDefined();
        expect(comparePositions(after!, position)).toBeGreaterThanOrEqual(0);
      });
    });
  });
}
