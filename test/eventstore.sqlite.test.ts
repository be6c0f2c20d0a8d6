import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventIdConflictError, StoreUnavailableError } from '../src/eventstore/errors.ts';
import { GENESIS_HASH } from '../src/eventstore/hashchain.ts';
import { positionOf, type Position } from '../src/eventstore/position.ts';
import { readAllSql, SCHEMA_VERSION, statementsSql } from '../src/eventstore/sqlite-schema.ts';
import { openSqliteEventStore, type SqliteEventStoreOptions } from '../src/eventstore/sqlite.ts';
import type { EventStore } from '../src/eventstore/types.ts';
import { newEvent } from './support/events.ts';
import { eventStoreContract } from './eventstore.contract.ts';

async function tempDatabase(): Promise<{ path: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sapat-events-'));
  return { path: join(dir, 'events.db'), remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A store on a file of its own for the contract suite, removed with it. */
const contractStore = (options: Omit<SqliteEventStoreOptions, 'path'>) => async () => {
  const { path, remove } = await tempDatabase();
  const store = openSqliteEventStore({ path, ...options });
  return {
    store,
    dispose: async () => {
      await store.close();
      await remove();
    },
  };
};

eventStoreContract('sqlite', contractStore({ synchronous: 'NORMAL' }));
// The commit thread is an operator's choice (SAPAT_COMMIT_ON=thread): it keeps every guarantee of the contract.
eventStoreContract('sqlite, committing on its thread', contractStore({ commitOn: 'thread' }));

const event = newEvent;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('sqlite event store', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function openTemp(): Promise<{ store: EventStore; path: string; reopen: () => EventStore }> {
    const { path, remove } = await tempDatabase();
    const opened: EventStore[] = [];
    const reopen = () => {
      const store = openSqliteEventStore({ path, synchronous: 'NORMAL' });
      opened.push(store);
      return store;
    };
    cleanups.push(async () => {
      for (const store of opened) await store.close();
      await remove();
    });
    return { store: reopen(), path, reopen };
  }

  function rawConnection(path: string): Database.Database {
    const db = new Database(path);
    db.defaultSafeIntegers(true);
    cleanups.push(async () => void db.close());
    return db;
  }

  it('keeps events across close and reopen and continues the stream and its chain', async () => {
    const { store, reopen } = await openTemp();
    await store.append('licence-1', [event('LicenceApplied'), event('ExpertAssigned')], 'no_stream');
    await store.close();
    const reopened = reopen();
    expect(await reopened.append('licence-1', [event('LicenceGranted')], 1n)).toEqual({ revision: 2n, position: positionOf(3) });
    const read = await collect(reopened.readStream('licence-1'));
    expect(read.map((e) => e.type)).toEqual(['LicenceApplied', 'ExpertAssigned', 'LicenceGranted']);
    expect(read[0]!.metadata.prevHash).toBe(GENESIS_HASH);
    expect(read[2]!.metadata.prevHash).toBe(read[1]!.metadata.hash);
  });

  it('never hands out a position twice, even after the last row is deleted', async () => {
    const { store, path, reopen } = await openTemp();
    const { position } = await store.append('licence-1', [event('A'), event('B'), event('C')], 'no_stream');
    expect(position).toEqual(positionOf(3));
    await store.close();
    rawConnection(path).prepare('DELETE FROM events WHERE position = 3').run();
    const reopened = reopen();
    expect(await reopened.headPosition()).toEqual(positionOf(2));
    expect(await reopened.append('licence-1', [event('D')], 1n)).toEqual({ revision: 2n, position: positionOf(4) });
  });

  it('refuses a duplicate event id or stream revision written behind its back', async () => {
    const { store, path } = await openTemp();
    const stored = event('LicenceApplied');
    await store.append('licence-1', [stored], 'no_stream');
    const insert = rawConnection(path).prepare(
      `INSERT INTO events (id, stream, revision, category, type, data, metadata, recorded_at) VALUES (?, ?, ?, 'licence', 'X', '{}', '{}', '')`,
    );
    expect(() => insert.run(stored.id, 'licence-2', 0)).toThrow(/UNIQUE constraint failed: events\.id/);
    expect(() => insert.run(randomUUID(), 'licence-1', 0)).toThrow(/UNIQUE constraint failed: events\.stream, events\.revision/);
  });

  it('runs in WAL mode with its schema version and filter indexes', async () => {
    const { path } = await openTemp();
    const db = rawConnection(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(BigInt(SCHEMA_VERSION));
    const plan = (sql: string) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all({ after: 0, limit: 1, category: 'a', categories: '["a","b"]', type: 't', types: '["t","u"]' })
        .map((row) => (row as { detail: string }).detail)
        .join('; ');
    expect(plan(readAllSql({ categories: ['a'], eventTypes: ['t', 'u'] }))).toMatch(/USING INDEX events_by_category \(category=\? AND rowid>\?\)/);
    expect(plan(readAllSql({ categories: ['a', 'b'], eventTypes: ['t'] }))).toMatch(/USING INDEX events_by_type \(type=\? AND rowid>\?\)/);
    expect(plan(readAllSql({ categories: ['a', 'b'], eventTypes: ['t', 'u'] }))).toMatch(/USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(plan(readAllSql({}))).not.toMatch(/TEMP B-TREE/);
  });

  it('finds the last event a command stored, in whichever stream, through an index on the commandId', async () => {
    const { store, path } = await openTemp();
    const command = (type: string, commandId: string) => ({ ...event(type), metadata: { ...event(type).metadata, commandId } });
    await store.append('licence-1', [command('A', 'cmd-1'), command('B', 'cmd-1')], 'no_stream');
    await store.append('licence-2', [command('C', 'cmd-2')], 'no_stream');
    expect(await store.findCommand!('cmd-1')).toMatchObject({ stream: 'licence-1', revision: 1n, type: 'B' });
    expect(await store.findCommand!('cmd-2')).toMatchObject({ stream: 'licence-2', revision: 0n });
    expect(await store.findCommand!('never-sent')).toBeUndefined();
    const plan = rawConnection(path).prepare(`EXPLAIN QUERY PLAN ${statementsSql.lastOfCommand}`).all('cmd-1') as { detail: string }[];
    expect(plan.map((r) => r.detail).join('; ')).toMatch(/USING INDEX events_by_command/);
  });

  it('reads the whole log without a start position and reports an empty log as having no head', async () => {
    const { store } = await openTemp();
    expect(await store.headPosition()).toBeUndefined();
    expect(await collect(store.readAll())).toEqual([]);
    await store.append('licence-1', [event('A')], 'no_stream');
    const { position } = await store.append('rating-1', [event('B')], 'no_stream');
    expect(await store.headPosition()).toEqual(position);
    expect((await collect(store.readAll())).map((e) => [e.stream, e.position.commit])).toEqual([
      ['licence-1', 1n],
      ['rating-1', 2n],
    ]);
  });

  it('wakes a live subscriber on commit without any timer', async () => {
    const { store } = await openTemp();
    vi.useFakeTimers();
    try {
      const iterator = store.subscribe()[Symbol.asyncIterator]();
      const waiting = iterator.next();
      await Promise.resolve();
      expect(vi.getTimerCount()).toBe(0);
      await store.append('licence-1', [event('LicenceApplied', { k: 1 })], 'no_stream');
      expect((await waiting).value?.data).toEqual({ k: 1 });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  }, 2_000);

  it('lets the event loop in during a long catch-up, and stops reading as soon as it is closed', async () => {
    const { store } = await openTemp();
    const total = 5_000;
    for (let i = 0; i < total / 1000; i++)
      await store.append(
        `licence-${i}`,
        Array.from({ length: 1000 }, () => event('LicenceAmended')),
        'no_stream',
      );
    // A consumer that never waits on I/O, like a socket that accepts every write at once: only the
    // store's own turns let the timer phase and I/O run.
    const subscription = store.subscribe();
    let delivered = 0;
    let deliveredWhenTheLoopRan: number | undefined;
    setImmediate(() => {
      deliveredWhenTheLoopRan = delivered;
      void subscription.close();
    });
    for await (const _ of subscription) delivered++;
    expect(deliveredWhenTheLoopRan).toBeDefined();
    expect(deliveredWhenTheLoopRan!).toBeLessThan(total);
    // Closed from the outside between two events: not one more is read.
    expect(delivered).toBe(deliveredWhenTheLoopRan);
  });

  it('reports checkpoints past filtered-out events once caught up', async () => {
    const { store } = await openTemp();
    const ratings = async (count: number): Promise<Position> => {
      const events = Array.from({ length: count }, () => event('RatingScored'));
      return (await store.append(`rating-${randomUUID()}`, events, 'no_stream')).position;
    };
    const checkpoints: Position[] = [];
    const caughtUp = await ratings(3);
    const subscription = store.subscribe({ filter: { categories: ['licence'] }, onCheckpoint: (p) => checkpoints.push(p) });
    const iterator = subscription[Symbol.asyncIterator]();
    const first = iterator.next();
    await store.append('licence-1', [event('LicenceApplied')], 'no_stream');
    expect((await first).value?.position).toEqual(positionOf(4));
    expect(checkpoints).toEqual([caughtUp]);

    // Committed in one synchronous run, so the subscriber sees both at once: nothing to checkpoint.
    const both = [ratings(1), store.append('licence-1', [event('ExpertAssigned')], 0n)];
    await Promise.all(both);
    expect((await iterator.next()).value?.position).toEqual(positionOf(6));
    expect(checkpoints).toEqual([caughtUp]);

    const sparse = await ratings(1);
    const waiting = iterator.next();
    await nextTurn();
    expect(checkpoints).toEqual([caughtUp, sparse]);
    await subscription.close();
    expect(await waiting).toEqual({ done: true, value: undefined });
  });

  it('releases a waiting subscriber when the store closes, and refuses work afterwards', async () => {
    const { store } = await openTemp();
    const waiting = store.subscribe()[Symbol.asyncIterator]().next();
    await nextTurn();
    await store.close();
    expect(await waiting).toEqual({ done: true, value: undefined });
    await expect(store.append('licence-1', [event('A')], 'any')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('treats a batch that reuses an id in another stream, another arrangement or twice as a conflict', async () => {
    const { store } = await openTemp();
    const [a, b, c] = [event('A'), event('B'), event('C')];
    await store.append('licence-1', [a, b], 'no_stream');
    await expect(store.append('licence-2', [a], 'no_stream')).rejects.toMatchObject({ name: 'EventIdConflictError', eventId: a.id });
    await expect(store.append('licence-1', [a, c], 'any')).rejects.toMatchObject({ name: 'EventIdConflictError', eventId: a.id });
    await expect(store.append('licence-1', [b, a], 'any')).rejects.toBeInstanceOf(EventIdConflictError);
    await expect(store.append('licence-1', [c, a], 'any')).rejects.toMatchObject({ name: 'EventIdConflictError', eventId: a.id });
    await expect(store.append('licence-3', [c, c], 'no_stream')).rejects.toMatchObject({ name: 'EventIdConflictError', eventId: c.id });
    expect(await store.append('licence-1', [a], 'no_stream')).toEqual({ revision: 0n, position: positionOf(1) });
    expect((await collect(store.readAll())).map((e) => e.type)).toEqual(['A', 'B']);
  });

  it('works in memory and refuses an unknown synchronous mode', async () => {
    const store = openSqliteEventStore({ path: ':memory:' });
    cleanups.push(() => store.close());
    expect(await store.append('licence-1', [event('A')], 'no_stream')).toEqual({ revision: 0n, position: positionOf(1) });
    expect(() => openSqliteEventStore({ path: ':memory:', synchronous: 'OFF' as 'FULL' })).toThrow(/synchronous/);
  });
});
