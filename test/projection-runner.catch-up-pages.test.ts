// Catching up with the log (a rebuild, a version building beside the live one) reads the store a page
// at a time with plain reads, not event by event through the live subscription, which is opened only
// at the head the runner started at; the event loop gets a turn between batches, so the hub answers
// meanwhile. Counted through a real embedded store wrapped to see which path each event took.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReadModelDatabase, type ReadModelDatabase } from '../projections/database.ts';
import type { ProjectionDefinition } from '../projections/projection.ts';
import { createProjectionRunner, type ProjectionRunner } from '../projections/runner.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventStore, RecordedEvent, Subscription } from '../src/eventstore/types.ts';
import { newEvent } from './support/events.ts';
import { temporaryDirectory } from './support/fixtures.ts';

const tally: ProjectionDefinition<'tally'> = {
  name: 'tally',
  version: 1,
  tables: ['tally'],
  eventTypes: ['Counted'],
  open(db, { tally: table }) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (position TEXT PRIMARY KEY)`);
    const insert = db.prepare(`INSERT INTO ${table} (position) VALUES (?)`);
    return { apply: (event) => void insert.run(encodePosition(event.position)) };
  },
};

/** The store, counting the events handed over by page reads and by subscriptions. */
function counting(store: EventStore) {
  const counts = { paged: 0, pages: 0, subscribed: 0 };
  const wrapped: EventStore = {
    ...store,
    async *readPages(options) {
      for await (const page of store.readPages!(options)) {
        counts.pages += 1;
        counts.paged += page.length;
        yield page;
      }
    },
    subscribe(options) {
      const source = store.subscribe(options);
      async function* counted(): AsyncGenerator<RecordedEvent> {
        for await (const event of source) {
          counts.subscribed += 1;
          yield event;
        }
      }
      const events = counted();
      return { [Symbol.asyncIterator]: () => events, close: () => source.close() } satisfies Subscription;
    },
  };
  return { counts, store: wrapped };
}

describe('projection runner catch-up', () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let store: EventStore;
  let db: ReadModelDatabase;
  let runner: ProjectionRunner | undefined;

  beforeEach(async () => {
    dir = temporaryDirectory();
    store = openSqliteEventStore({ path: join(dir.path, 'events.db'), synchronous: 'NORMAL' });
    db = openReadModelDatabase(join(dir.path, 'read-models.db'));
    for (let i = 0; i < 60; i++)
      await store.append(
        `count-${i}`,
        Array.from({ length: 20 }, () => newEvent('Counted')),
        'no_stream',
      );
  });
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    db.close();
    await store.close();
    dir.remove();
  });

  it('reads the log up to its head in pages, gives the event loop turns between batches, and goes live by subscription only after', async () => {
    const { counts, store: wrapped } = counting(store);
    runner = createProjectionRunner({ store: wrapped, db, projections: [tally], catchUp: { batchLimit: 100 } });
    let batches = 0;
    runner.onApplied(() => (batches += 1));
    // Which batch the folding had reached at each turn the event loop took.
    const seenAtTurns = new Set<number>();
    let turning = true;
    const turn = () => {
      seenAtTurns.add(batches);
      if (turning) setImmediate(turn);
    };
    setImmediate(turn);
    await runner.start();
    const head = (await store.headPosition())!;
    await expect.poll(() => runner!.status()[0]!.position, { timeout: 20_000 }).toBe(encodePosition(head));
    turning = false;
    expect(runner.isCaughtUp()).toBe(true);
    expect(counts).toMatchObject({ paged: 1_200, subscribed: 0 });
    expect(counts.pages).toBeGreaterThan(1);
    expect(batches).toBe(12);
    // The loop ran between batches, not only before the first and after the last.
    expect([...seenAtTurns].filter((b) => b > 0 && b < 12).length).toBeGreaterThan(5);

    const appended = await store.append('count-new', [newEvent('Counted'), newEvent('Counted')], 'no_stream');
    await runner.waitFor(appended.position, 5_000);
    expect(counts).toMatchObject({ paged: 1_200, subscribed: 2 });
    expect((db.prepare('SELECT count(*) AS n FROM tally').get() as { n: number }).n).toBe(1_202);
  });
});
