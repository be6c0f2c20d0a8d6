// Group commit in the embedded store (src/eventstore/group-commit.ts): appends made together share
// one transaction, each keeps its own outcome. Transactions are counted where they land: the commit
// frames in the WAL file, one per COMMIT, so the count is what reached the disk, not a counter of ours.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventIdConflictError, WrongExpectedRevisionError } from '../src/eventstore/errors.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventStore, RecordedEvent } from '../src/eventstore/types.ts';
import { newEvent } from './support/events.ts';
import { walCommits } from './support/wal.ts';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('group commit in the embedded store', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function openTemp(): Promise<{ store: EventStore; path: string }> {
    const dir = await mkdtemp(join(tmpdir(), 'sapat-group-'));
    const path = join(dir, 'events.db');
    const store = openSqliteEventStore({ path });
    cleanups.push(async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    });
    return { store, path };
  }

  it('commits appends made together in one transaction, and appends awaited one by one in one each', async () => {
    const { store, path } = await openTemp();
    const before = walCommits(path);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(`licence-${i}`, [newEvent('LicenceApplied', { i })], 'no_stream')));
    expect(walCommits(path) - before).toBe(1);
    // Positions follow the order the appends were made in.
    expect(results.map((r) => r.position.commit)).toEqual(Array.from({ length: 20 }, (_, i) => BigInt(i + 1)));

    const between = walCommits(path);
    for (let i = 0; i < 3; i++) await store.append(`licence-${i}`, [newEvent('LicenceGranted')], 0n);
    expect(walCommits(path) - between).toBe(3);

    const stored = await collect(store.readAll());
    expect(stored.map((e) => [e.stream, e.type])).toEqual([
      ...Array.from({ length: 20 }, (_, i) => [`licence-${i}`, 'LicenceApplied']),
      ...Array.from({ length: 3 }, (_, i) => [`licence-${i}`, 'LicenceGranted']),
    ]);
    // The chain runs on across the group: each stream's second event points at its first.
    expect(stored[20]!.metadata.prevHash).toBe(stored[0]!.metadata.hash);
  });

  it('fails a refused append alone and commits the rest of its group, answering a retry with the first result', async () => {
    const { store, path } = await openTemp();
    const first = newEvent('LicenceApplied', { n: 1 });
    const original = await store.append('licence-a', [first], 'no_stream');

    const live: RecordedEvent[] = [];
    const subscription = store.subscribe({ after: original.position });
    const delivered = (async () => {
      for await (const event of subscription) {
        live.push(event);
        if (live.length === 3) break;
      }
    })();

    const before = walCommits(path);
    const outcomes = await Promise.allSettled([
      store.append('licence-b', [newEvent('LicenceApplied')], 'no_stream'),
      // Stale: licence-a is at revision 0.
      store.append('licence-a', [newEvent('LicenceAmended')], 'no_stream'),
      store.append('licence-c', [newEvent('LicenceApplied')], 'no_stream'),
      // The id of licence-a's event, for something else.
      store.append('licence-d', [{ ...newEvent('LicenceApplied'), id: first.id }], 'no_stream'),
      // The same batch sent again with the expected state it was first sent with: a retry.
      store.append('licence-a', [first], 'no_stream'),
      // Two appends creating one stream in one group: the second finds it created.
      store.append('licence-e', [newEvent('LicenceApplied', { n: 1 })], 'no_stream'),
      store.append('licence-e', [newEvent('LicenceApplied', { n: 2 })], 'no_stream'),
    ]);
    expect(walCommits(path) - before).toBe(1);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((outcomes[3] as PromiseRejectedResult).reason).toBeInstanceOf(EventIdConflictError);
    expect((outcomes[6] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((outcomes[4] as PromiseFulfilledResult<unknown>).value).toEqual(original);

    // Positions stay consecutive: the refused appends left no gap behind.
    const stored = await collect(store.readAll());
    expect(stored.map((e) => [e.position.commit, e.stream, e.data])).toEqual([
      [1n, 'licence-a', { n: 1 }],
      [2n, 'licence-b', {}],
      [3n, 'licence-c', {}],
      [4n, 'licence-e', { n: 1 }],
    ]);
    await delivered;
    expect(live.map((e) => e.stream)).toEqual(['licence-b', 'licence-c', 'licence-e']);
  });
});
