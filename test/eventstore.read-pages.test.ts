// The embedded store's page reader (readPages), which rebuilds and replays fold the log with: the same
// events as readAll, in pages of the size asked for, from a position, filtered and limited alike; the
// metadata is parsed only when read, and a damaged one still fails as a CorruptEventError. The
// fallback for a store without a page reader groups its readAll.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorruptEventError } from '../src/eventstore/errors.ts';
import { readPages } from '../src/eventstore/pages.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventStore, RecordedEvent } from '../src/eventstore/types.ts';
import { newEvent } from './support/events.ts';
import { temporaryDirectory } from './support/fixtures.ts';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Events as plain objects, every property read (the lazily parsed metadata included). */
const plain = (events: RecordedEvent[]) => events.map((e) => ({ ...e }));

describe('the embedded store read a page at a time', () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let path: string;
  let store: EventStore;

  beforeEach(async () => {
    dir = temporaryDirectory();
    path = join(dir.path, 'events.db');
    store = openSqliteEventStore({ path, synchronous: 'NORMAL' });
    for (let i = 0; i < 25; i++) {
      await store.append(`alpha-${i}`, [newEvent('AlphaHappened', { i }), newEvent('AlphaAgain', { i })], 'no_stream');
      await store.append(`beta-${i}`, [newEvent('BetaHappened', { i, text: 'Кыргызча текст' })], 'no_stream');
    }
  });
  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  it('gives the events readAll gives, in pages of the size asked for', async () => {
    const all = await collect(store.readAll());
    expect(all).toHaveLength(75);
    const pages = await collect(store.readPages!({ pageSize: 10 }));
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10, 10, 10, 10, 10, 5]);
    expect(plain(pages.flat())).toEqual(plain(all));
    expect(pages.flat()[3]!.metadata).toEqual(all[3]!.metadata);
  });

  it('reads after a position, with a filter and a limit, as readAll does', async () => {
    const all = await collect(store.readAll());
    const after = all[20]!.position;
    for (const options of [
      { after },
      { after, filter: { categories: ['beta'] } },
      { filter: { eventTypes: ['AlphaAgain', 'BetaHappened'] }, limit: 33 },
      { after, filter: { categories: ['alpha'], eventTypes: ['AlphaAgain'] }, limit: 7 },
    ]) {
      const expected = await collect(store.readAll(options));
      const pages = await collect(store.readPages!({ ...options, pageSize: 4 }));
      expect(pages.every((p) => p.length > 0 && p.length <= 4)).toBe(true);
      expect(plain(pages.flat())).toEqual(plain(expected));
    }
  });

  it('parses metadata when it is read: a damaged one fails there, as a CorruptEventError, and readAll fails at the event', async () => {
    const all = await collect(store.readAll());
    const damaged = all[40]!;
    const raw = new Database(path);
    // The commandId index reads every metadata as JSON, so whoever damages one by hand drops it first.
    raw.exec('DROP INDEX events_by_command');
    raw.prepare('UPDATE events SET metadata = ? WHERE id = ?').run('{"actor": ', damaged.id);
    raw.close();

    const events = (await collect(store.readPages!({ pageSize: 100 }))).flat();
    expect(events).toHaveLength(75);
    expect(events[40]!.data).toEqual(damaged.data);
    expect(() => events[40]!.metadata).toThrow(CorruptEventError);
    expect(events[41]!.metadata).toEqual(all[41]!.metadata);

    // readAll still hands over every event before the damaged one, then throws.
    const before: RecordedEvent[] = [];
    await expect(
      (async () => {
        for await (const event of store.readAll()) before.push(event);
      })(),
    ).rejects.toBeInstanceOf(CorruptEventError);
    expect(before.map((e) => e.id)).toEqual(all.slice(0, 40).map((e) => e.id));
  });

  it('serves a store without a page reader from its readAll, grouped', async () => {
    const all = await collect(store.readAll());
    const withoutPages: EventStore = { ...store, readPages: undefined };
    delete withoutPages.readPages;
    const pages = await collect(readPages(withoutPages, { pageSize: 30, filter: { categories: ['alpha'] } }));
    expect(pages.map((p) => p.length)).toEqual([30, 20]);
    expect(plain(pages.flat())).toEqual(plain(all.filter((e) => e.stream.startsWith('alpha-'))));
  });
});
