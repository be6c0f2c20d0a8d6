// An events.db restored from an older backup under newer read models: the log's positions are
// handed out again to new events, so checkpoints past the head, or standing on another event than
// the one they recorded, must be noticed (at start, and when an append shows it while the hub
// runs) and those read models rebuilt from zero. Afterwards they equal a replay of the log, and
// /ready says 200 only once they do.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openReadModelDatabase } from '../projections/database.ts';
import { readModelDigests, rebuildInto } from '../projections/digest.ts';
import { handleCommand } from '../src/commands/handler.ts';
import { entityIdFor } from '../src/commands/ids.ts';
import { licenseCategory, licensingDecider, type LicensingCommand } from '../src/domain/licensing.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventStore } from '../src/eventstore/types.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { allProjections } from '../src/modules.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectories, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { applicationInput } from './support/licensing.ts';
import { APPLY } from './support/licensing-operations.ts';

const { newDir, removeAll } = temporaryDirectories();
afterAll(removeAll);

const LICENCES = `{ licenses(first: 100) { edges { node { requestedCapacity } } } }`;

type Session = { hub: Hub; apply: (capacity: number) => Promise<void>; capacities: () => Promise<number[]>; ready: () => Promise<number> };

async function session(dataDir: string, work: (s: Session) => Promise<void>, store?: EventStore): Promise<void> {
  const hub = await openHub(testConfig(dataDir), store ? { store } : {});
  try {
    const yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
    const gql = yogaClient(yoga);
    const token = await tokenFor(director);
    await work({
      hub,
      async apply(capacity) {
        const res = await gql(APPLY, { input: applicationInput({ requestedCapacity: capacity }) }, { token });
        expect(res.data?.applyForLicense.__typename).toBe('LicensePayload');
      },
      async capacities() {
        const res = await gql(LICENCES, {}, { token });
        return res.data!.licenses.edges.map((e: { node: { requestedCapacity: number } }) => e.node.requestedCapacity).sort();
      },
      ready: async () => (await yoga.fetch('http://hub.test/ready')).status,
    });
  } finally {
    await hub.close();
  }
}

/** A file copy of a closed store, as an operator's backup or restore does it. */
function copyLog(from: string, to: string): void {
  expect(existsSync(`${from}-wal`)).toBe(false);
  cpSync(from, to);
  for (const suffix of ['-wal', '-shm']) rmSync(`${to}${suffix}`, { force: true });
}

/** The read models of the hub against a rebuild of its log from zero, digest by digest. */
async function expectEqualToReplay(hub: Hub): Promise<void> {
  const db = openReadModelDatabase(join(newDir(), 'replayed.db'));
  try {
    await rebuildInto(hub.rawStore, db, allProjections);
    expect(readModelDigests(hub.readModels, allProjections)).toEqual(readModelDigests(db, allProjections));
  } finally {
    db.close();
  }
}

/** A hub's history: two licences, a backup, two more licences after it. */
async function historyWithBackup(): Promise<{ dataDir: string; backup: string }> {
  const dataDir = newDir();
  const backup = join(newDir(), 'events.db');
  await session(dataDir, async ({ apply }) => {
    await apply(101);
    await apply(102);
  });
  copyLog(join(dataDir, 'events.db'), backup);
  await session(dataDir, async ({ apply, capacities }) => {
    await apply(103);
    await apply(104);
    expect(await capacities()).toEqual([101, 102, 103, 104]);
  });
  return { dataDir, backup };
}

const application = (capacity: number, commandId: string): LicensingCommand => ({
  type: 'applyForLicense',
  licenseId: entityIdFor(licenseCategory, commandId),
  programme: { code: '580100', name: { ky: 'Экономика', ru: 'Экономика', en: 'Economics' }, level: 'bachelor', formOfStudy: 'full_time', faculty: 'Economics' },
  requestedCapacity: capacity,
  submittedOn: '2026-01-15',
  // Each application is a new licence of the same programme; the registry's own rules are not what this test is about.
  registry: {},
});

describe('read models over a restored, older event log', () => {
  it('are rebuilt at start when their checkpoints are past the head of the log', async () => {
    const { dataDir, backup } = await historyWithBackup();
    copyLog(backup, join(dataDir, 'events.db'));
    await session(dataDir, async ({ hub, apply, capacities, ready }) => {
      await apply(105);
      await expect.poll(ready).toBe(200);
      expect(await capacities()).toEqual([101, 102, 105]);
      await expectEqualToReplay(hub);
    });
  });

  it('are rebuilt at start when their checkpoints stand on another event than the one they recorded', async () => {
    const { dataDir, backup } = await historyWithBackup();
    copyLog(backup, join(dataDir, 'events.db'));
    // Written without the hub (a tool, or a hub of an older release): the log grows past the checkpoints again.
    const store = openSqliteEventStore({ path: join(dataDir, 'events.db') });
    for (const [i, capacity] of [105, 106, 107].entries()) {
      const commandId = `after-restore-${i}`;
      const command = application(capacity, commandId);
      await handleCommand(store, {
        decider: licensingDecider,
        stream: `${licenseCategory}-${command.licenseId}`,
        command,
        target: { kind: 'new', entity: 'licence', id: command.licenseId },
        actor: director,
        commandId,
        correlationId: commandId,
        now: '2026-11-30T09:00:00.000Z',
      });
    }
    await store.close();
    await session(dataDir, async ({ hub, capacities, ready }) => {
      await expect.poll(ready).toBe(200);
      expect(await capacities()).toEqual([101, 102, 105, 106, 107]);
      await expectEqualToReplay(hub);
    });
  });

  it('are rebuilt when an append shows that the store was restored under the running hub', async () => {
    const { dataDir, backup } = await historyWithBackup();
    const before = openSqliteEventStore({ path: join(dataDir, 'events.db') });
    const restored = openSqliteEventStore({ path: backup });
    let current = before;
    // The store as a remote KurrentDB looks to a hub while an operator restores it from a backup.
    const underneath: EventStore = {
      kind: 'sqlite',
      append: (stream, events, expected) => current.append(stream, events, expected),
      readStream: (stream, options) => current.readStream(stream, options),
      readAll: (options) => current.readAll(options),
      subscribe: (options) => current.subscribe(options),
      findCommand: (commandId) => current.findCommand!(commandId),
      headPosition: () => current.headPosition(),
      close: async () => {
        await before.close();
        await restored.close();
      },
    };
    await session(
      dataDir,
      async ({ hub, apply, capacities, ready }) => {
        await expect.poll(ready).toBe(200);
        expect(await capacities()).toEqual([101, 102, 103, 104]);
        current = restored;
        await apply(105);
        expect(await capacities()).toEqual([101, 102, 105]);
        await expect.poll(ready).toBe(200);
        await expectEqualToReplay(hub);
      },
      underneath,
    );
  });
});
