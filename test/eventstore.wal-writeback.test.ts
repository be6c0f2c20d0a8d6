// Background write-back of the WAL (src/eventstore/wal-writeback.ts): a store with
// synchronous=NORMAL has its WAL fdatasync'ed off the event loop every so many committed events,
// one at a time; a FULL store syncs on every commit and starts none. Counted, not timed.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventStore, RecordedEvent } from '../src/eventstore/types.ts';
import { openWalWriteback, walWritebackTotals, writebackEveryEvents } from '../src/eventstore/wal-writeback.ts';
import { newEvent } from './support/events.ts';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('WAL write-back in the background', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function openTemp(synchronous: 'FULL' | 'NORMAL', commitOn: 'loop' | 'thread' = 'loop'): Promise<{ store: EventStore; path: string }> {
    const dir = await mkdtemp(join(tmpdir(), 'sapat-writeback-'));
    const path = join(dir, 'events.db');
    const store = openSqliteEventStore({ path, synchronous, commitOn });
    cleanups.push(async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    });
    return { store, path };
  }

  async function appendOneByOne(store: EventStore, count: number): Promise<void> {
    for (let i = 0; i < count; i++) await store.append(`licence-${i % 7}`, [newEvent('LicenceApplied', { i })], 'any');
  }

  for (const commitOn of ['loop', 'thread'] as const) {
    it(`writes the WAL of a NORMAL store back every ${writebackEveryEvents} events, and closes only once it is done (commits on the ${commitOn})`, async () => {
      const { store, path } = await openTemp('NORMAL', commitOn);
      const before = { ...walWritebackTotals };
      await appendOneByOne(store, writebackEveryEvents * 3);
      const started = walWritebackTotals.started - before.started;
      // Each is due after 64 events; one still running when the next is due is skipped.
      expect(started).toBeGreaterThanOrEqual(1);
      expect(started).toBeLessThanOrEqual(3);
      await store.close();
      expect(walWritebackTotals.finished - before.finished).toBe(started);
      const reopened = openSqliteEventStore({ path, synchronous: 'NORMAL' });
      const read = await collect(reopened.readAll());
      await reopened.close();
      expect(read.map((e) => e.data.i)).toEqual(Array.from({ length: writebackEveryEvents * 3 }, (_, i) => i));
    });
  }

  it('starts none for a FULL store, whose every commit already synced its frames', async () => {
    const { store } = await openTemp('FULL');
    const before = walWritebackTotals.started;
    await appendOneByOne(store, writebackEveryEvents * 2);
    expect(walWritebackTotals.started - before).toBe(0);
  });

  it('runs one write-back at a time and none once closed', async () => {
    const { store, path } = await openTemp('NORMAL');
    await store.append('licence-1', [newEvent('LicenceApplied')], 'no_stream');
    expect(existsSync(`${path}-wal`)).toBe(true);
    const writeback = openWalWriteback(`${path}-wal`, 4);
    writeback.committed(3);
    expect(writeback.stats).toEqual({ started: 0, finished: 0 });
    writeback.committed(1);
    expect(writeback.stats).toEqual({ started: 1, finished: 0 });
    // Due again, but the first is still running (it finishes on the thread pool, after this turn).
    writeback.committed(10);
    expect(writeback.stats).toEqual({ started: 1, finished: 0 });
    await writeback.close();
    expect(writeback.stats).toEqual({ started: 1, finished: 1 });
    writeback.committed(100);
    expect(writeback.stats).toEqual({ started: 1, finished: 1 });
  });

  it('leaves a store whose WAL cannot be opened as it was: its appends commit and read back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sapat-writeback-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const writeback = openWalWriteback(join(dir, 'missing-wal'), 1);
    writeback.committed(5);
    expect(writeback.stats).toEqual({ started: 0, finished: 0 });
    await writeback.close();

    const { store } = await openTemp('NORMAL');
    await appendOneByOne(store, writebackEveryEvents + 1);
    const read: RecordedEvent[] = await collect(store.readAll());
    expect(read.map((e) => e.data.i)).toEqual(Array.from({ length: writebackEveryEvents + 1 }, (_, i) => i));
  });
});
