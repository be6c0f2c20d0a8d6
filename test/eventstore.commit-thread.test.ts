// A file store commits on its commit thread (src/eventstore/commit-thread.ts). Shown by holding
// the write lock from another connection: the store's COMMIT has to wait for it. Committed on the
// event loop, that wait would hold the loop (better-sqlite3 sleeps in busy_timeout) and the append
// would fail after five seconds before anything else ran; on the commit thread the loop goes on,
// the append stays pending, and it commits once the lock is released. Appends made meanwhile
// gather into the next group, counted as commit frames in the WAL file.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventStore } from '../src/eventstore/types.ts';
import { newEvent } from './support/events.ts';
import { walCommits } from './support/wal.ts';

describe('the commit thread of the embedded store', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function openTemp(): Promise<{ store: EventStore; path: string }> {
    const dir = await mkdtemp(join(tmpdir(), 'sapat-commit-thread-'));
    const path = join(dir, 'events.db');
    const store = openSqliteEventStore({ path, commitOn: 'thread' });
    cleanups.push(async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    });
    return { store, path };
  }

  /** Another connection holding the write lock until `release` is called. */
  function holdWriteLock(path: string): { release: () => void } {
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    return {
      release: () => {
        other.exec('COMMIT');
        other.close();
      },
    };
  }

  it('keeps the event loop turning while a commit waits, and gathers the appends made meanwhile into one group', async () => {
    const { store, path } = await openTemp();
    // The thread and its connection are ready before the lock is taken.
    await store.append('licence-0', [newEvent('LicenceApplied')], 'no_stream');
    const before = walCommits(path);

    const lock = holdWriteLock(path);
    let settled = false;
    const first = store.append('licence-1', [newEvent('LicenceApplied')], 'no_stream').finally(() => (settled = true));
    // The group is handed over after the loop has polled once; these turns run while it waits for the lock.
    for (let turn = 0; turn < 20; turn++) await nextTurn();
    expect(settled).toBe(false);

    const meanwhile = Array.from({ length: 10 }, (_, i) => store.append(`licence-${i + 2}`, [newEvent('LicenceApplied', { i })], 'no_stream'));
    for (let turn = 0; turn < 20; turn++) await nextTurn();
    lock.release();

    const results = await Promise.all([first, ...meanwhile]);
    // Nothing was lost or reordered: positions run on in the order the appends were made.
    expect(results.map((r) => r.position.commit)).toEqual(Array.from({ length: 11 }, (_, i) => BigInt(i + 2)));
    // The first group, then everything that arrived while it waited, as one.
    expect(walCommits(path) - before).toBe(2);
  });
});
