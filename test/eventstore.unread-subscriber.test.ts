// A live subscriber whose consumer leaves what it was handed unread (an SSE stream that takes
// another's frames does) stops being handed commits after a while, and reads the table from where
// it stood once it is read again. Counted through the filter: the store looks at a live
// subscriber's filter for every event it hands it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventStore } from '../src/eventstore/types.ts';
import { newEvent } from './support/events.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sqlite event store: a live subscriber left unread', () => {
  let store: EventStore | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is no longer handed commits, and gets every event once and in order when read again', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sapat-unread-'));
    store = openSqliteEventStore({ path: join(dir, 'events.db'), synchronous: 'NORMAL' });
    let looks = 0;
    const filter = {
      get categories() {
        looks++;
        return ['licence'];
      },
    };
    const iterator = store.subscribe({ filter })[Symbol.asyncIterator]();
    const first = iterator.next();
    await store.append('licence-0', [newEvent('Applied')], 'no_stream');
    expect((await first).value?.stream).toBe('licence-0');
    // Handed, then left unread: the next commit is buffered; after a second, one more finds it unread.
    await store.append('licence-1', [newEvent('Applied')], 'no_stream');
    await sleep(1_100);
    await store.append('licence-2', [newEvent('Applied')], 'no_stream');

    const looksBefore = looks;
    for (let i = 3; i < 103; i++) await store.append(`licence-${i}`, [newEvent('Applied')], 'no_stream');
    // Handed every commit, it would have looked at its filter at least once per event.
    expect(looks - looksBefore).toBe(0);

    const streams: string[] = [];
    for (let i = 1; i < 103; i++) streams.push(((await iterator.next()).value as { stream: string }).stream);
    expect(streams).toEqual(Array.from({ length: 102 }, (_, i) => `licence-${i + 1}`));

    // Read again, it is live again: a new commit reaches it without another read of the table.
    const next = iterator.next();
    await store.append('licence-103', [newEvent('Applied')], 'no_stream');
    expect(((await next).value as { stream: string }).stream).toBe('licence-103');
    await iterator.return?.();
  });
});
