// The embedded store does not look event ids up before its INSERT (src/eventstore/sqlite-append.ts):
// the UNIQUE index answers on the INSERT. These are the outcomes that path decides, beyond the
// contract suite's: a retry whose expected state still holds, an id taken further into a batch,
// and a retried batch changed after its first event. On the event loop and on the commit thread.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventIdConflictError } from '../src/eventstore/errors.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventStore } from '../src/eventstore/types.ts';
import { newEvent } from './support/events.ts';

async function streamTypes(store: EventStore, stream: string): Promise<string[]> {
  const types: string[] = [];
  for await (const event of store.readStream(stream)) types.push(event.type);
  return types;
}

for (const commitOn of ['loop', 'thread'] as const) {
  describe(`event ids on append, committing on the ${commitOn}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    async function openTemp(): Promise<EventStore> {
      const dir = await mkdtemp(join(tmpdir(), 'sapat-ids-'));
      const store = openSqliteEventStore({ path: join(dir, 'events.db'), commitOn });
      cleanups.push(async () => {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      });
      return store;
    }

    it('answers a retry whose expected state still holds with the first result, storing nothing twice', async () => {
      const store = await openTemp();
      const batch = [newEvent('LicenceApplied'), newEvent('ExpertAssigned')];
      const first = await store.append('licence-1', batch, 'any');
      expect(await store.append('licence-1', batch, 'any')).toEqual(first);
      expect(await store.append('licence-1', batch, 'exists')).toEqual(first);
      expect(await streamTypes(store, 'licence-1')).toEqual(['LicenceApplied', 'ExpertAssigned']);
      expect(await store.headPosition()).toEqual(first.position);
    });

    it('refuses a batch whose later event reuses a stored id, writing none of it', async () => {
      const store = await openTemp();
      const stored = newEvent('LicenceApplied');
      await store.append('licence-1', [stored], 'no_stream');
      const error = await store.append('licence-2', [newEvent('LicenceApplied'), { ...stored }], 'no_stream').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventIdConflictError);
      expect(error).toMatchObject({ eventId: stored.id });
      expect(await streamTypes(store, 'licence-2')).toEqual([]);
      // The positions the refused batch would have taken are not skipped.
      const next = await store.append('licence-2', [newEvent('LicenceApplied')], 'no_stream');
      expect(next.position.commit).toBe(2n);
    });

    it('refuses a retried batch changed after its first event, naming the changed event', async () => {
      const store = await openTemp();
      const batch = [newEvent('LicenceApplied', { n: 1 }), newEvent('ExpertAssigned', { n: 2 })];
      await store.append('licence-1', batch, 'no_stream');
      const changed = [batch[0]!, { ...batch[1]!, data: { n: 3 } }];
      for (const expected of ['no_stream', 'any'] as const) {
        const error = await store.append('licence-1', changed, expected).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(EventIdConflictError);
        expect(error).toMatchObject({ eventId: batch[1]!.id });
      }
      expect(await streamTypes(store, 'licence-1')).toEqual(['LicenceApplied', 'ExpertAssigned']);
    });
  });
}
