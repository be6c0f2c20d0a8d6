// Replay: the read models a hub built live are the ones its event log rebuilds from zero, as
// digests of the two databases show; a row changed behind the hub's back is caught and named; the
// digest depends on the rows only, not on how or where they were written; and `npm run replay`
// reports all of this with its exit status.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadModelDatabase } from '../projections/database.ts';
import { readModelDigests, rebuildInto, type ReadModelDigest } from '../projections/digest.ts';
import { licensesProjection } from '../projections/licenses.ts';
import { physicalTable, type ProjectionDefinition } from '../projections/projection.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventStore } from '../src/eventstore/types.ts';
import { openHub } from '../src/hub.ts';
import { allProjections } from '../src/modules.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectories, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { applicationInput, expertGroupInput } from './support/licensing.ts';
import { AMEND, APPLY, CONCLUDE, FORM_GROUP, GRANT, RESUME, REVOKE, SUSPEND } from './support/licensing-operations.ts';

const metadata = {
  actor: { id: 'u', name: 'U', roles: [] },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
  occurredAt: '2026-11-25T00:00:00.000Z',
  schemaVersion: 1,
};

/** A second read model beside the registry, so a mismatch can be shown to name only the one that drifted. */
const licensingTrail: ProjectionDefinition<'licensing_trail'> = {
  name: 'licensing-trail',
  version: 1,
  tables: ['licensing_trail'],
  eventTypes: licensesProjection.eventTypes,
  open(db, { licensing_trail: table }) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (position INTEGER PRIMARY KEY, stream TEXT NOT NULL, type TEXT NOT NULL, recorded_at TEXT NOT NULL)`);
    const insert = db.prepare(`INSERT INTO ${table} (position, stream, type, recorded_at) VALUES (?, ?, ?, ?)`);
    return { apply: (e) => void insert.run(e.position.commit, e.stream, e.type, e.recordedAt) };
  },
};
const projections = [...allProjections, licensingTrail];

/** Programmes keyed by code, with nothing position- or time-dependent in a row. */
const programmes = (version: number): ProjectionDefinition<'programmes'> => ({
  name: 'programmes',
  version,
  tables: ['programmes'],
  eventTypes: ['ProgrammeListed'],
  open(db, { programmes: table }) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (code TEXT PRIMARY KEY, name TEXT NOT NULL, places INTEGER, share)`);
    const insert = db.prepare(`INSERT INTO ${table} (code, name, places, share) VALUES (@code, @name, @places, @share)`);
    return { apply: (e) => void insert.run(e.data) };
  },
});
const listProgramme = (store: EventStore, row: Record<string, unknown>) =>
  store.append(`programme-${String(row.code)}`, [{ id: randomUUID(), type: 'ProgrammeListed', data: row, metadata }], 'no_stream');

const { newDir, removeAll: removeDirectories } = temporaryDirectories();

async function digestsOfRebuild(store: EventStore, definitions: ProjectionDefinition[]): Promise<ReadModelDigest[]> {
  const db = openReadModelDatabase(join(newDir(), 'rebuilt.db'));
  try {
    await rebuildInto(store, db, definitions);
    return readModelDigests(db, definitions);
  } finally {
    db.close();
  }
}

function liveDigests(dataDir: string, definitions = projections): ReadModelDigest[] {
  const db = new Database(join(dataDir, 'read-models.db'), { readonly: true });
  try {
    return readModelDigests(db, definitions);
  } finally {
    db.close();
  }
}

/** A copy of the hub's data directory, so each case can change its own. */
function copyOfData(): string {
  const copy = newDir();
  cpSync(data, copy, { recursive: true });
  return copy;
}

function editRegistryRow(dataDir: string): void {
  const db = new Database(join(dataDir, 'read-models.db'));
  // Behind the hub's back, as a hand-made "fix" or a projection bug would.
  const registry = physicalTable('licenses', licensesProjection.version);
  db.prepare(`UPDATE ${registry} SET capacity = capacity + 1 WHERE id = (SELECT min(id) FROM ${registry})`).run();
  db.close();
}

function replayCli(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, SAPAT_DATA_DIR: dataDir, SAPAT_STORE: 'sqlite', NODE_ENV: 'test', SAPAT_LOG_LEVEL: 'silent' };
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/replay.ts', ...args], { env, cwd: process.cwd() }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

let data: string;

beforeAll(async () => {
  data = newDir();
  const hub = await openHub(testConfig(data), { projections });
  const yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
  const gql = yogaClient(yoga);
  const token = await tokenFor(director);
  const send = async (operation: string, input: Record<string, unknown>) => {
    const res = await gql(operation, { input }, { token });
    const payload = Object.values(res.data ?? {})[0] as { __typename: string; license: { id: string } };
    expect(payload.__typename).toBe('LicensePayload');
    return payload.license.id;
  };
  for (const code of ['580100', '530500', '560001']) {
    const id = await send(APPLY, applicationInput({ programme: { ...applicationInput().programme, code } }));
    await send(FORM_GROUP, expertGroupInput(id));
    await send(CONCLUDE, { licenseId: id, outcome: 'POSITIVE', summary: 'Meets the requirements', concludedOn: '2026-02-20' });
    await send(GRANT, { licenseId: id, licenseNumber: `LS${code}`, appendixNumber: '12', grantedOn: '2026-03-01', validUntil: '2031-02-28' });
    if (code === '560001') continue;
    await send(AMEND, { licenseId: id, capacity: 200, reason: 'New building', amendedOn: '2026-06-01' });
    await send(SUSPEND, { licenseId: id, reason: 'Inspection findings', suspendedOn: '2026-09-01', orderNumber: '41' });
    if (code === '530500') continue;
    await send(RESUME, { licenseId: id, resumedOn: '2026-10-01' });
    await send(REVOKE, { licenseId: id, reason: 'Court decision', basis: 'Court decision 2-117/26', revokedOn: '2026-11-01' });
  }
  await hub.close();
});
afterAll(() => {
  removeDirectories();
});

describe('replay digests', () => {
  it('are equal for the live read models and a rebuild of them from the log', async () => {
    const store = openSqliteEventStore({ path: join(data, 'events.db') });
    const rebuilt = await digestsOfRebuild(store, projections).finally(() => store.close());
    const live = liveDigests(data);
    const sizes = Object.fromEntries(live.map((d) => [d.name, [d.version, d.rows]]));
    expect(sizes).toMatchObject({ licenses: [licensesProjection.version, 3], 'licensing-trail': [1, 18] });
    expect(live.every((d) => /^[0-9a-f]{64}$/.test(d.digest))).toBe(true);
    expect(rebuilt).toEqual(live);
  });

  it('differ for the registry, and only there, once a live row is edited by hand', async () => {
    const copy = copyOfData();
    const before = liveDigests(copy);
    editRegistryRow(copy);
    const after = liveDigests(copy);
    const changed = after.filter((d, i) => d.digest !== before[i]!.digest).map((d) => d.name);
    expect(changed).toEqual(['licenses']);
    expect(after.map((d) => d.rows)).toEqual(before.map((d) => d.rows));
  });

  it('depend on the rows only: not on the order they were written in, nor on the physical tables', async () => {
    const rows = [
      { code: '580100', name: 'Economics\nand management', places: 150, share: 0.25 },
      { code: '530500', name: 'Law', places: null, share: 1.5 },
      { code: '560001', name: 'Pedagogy', places: 30, share: null },
    ];
    const digestOf = async (version: number, order: Record<string, unknown>[]) => {
      const store = openSqliteEventStore({ path: join(newDir(), 'events.db') });
      for (const row of order) await listProgramme(store, row);
      const [digest] = await digestsOfRebuild(store, [programmes(version)]).finally(() => store.close());
      return digest!;
    };
    const inOrder = await digestOf(1, rows);
    const reversed = await digestOf(2, [rows[2]!, rows[0]!, rows[1]!]);
    expect(inOrder).toMatchObject({ version: 1, rows: 3 });
    expect(reversed).toMatchObject({ version: 2, rows: 3, digest: inOrder.digest });
    const changed = await digestOf(1, [rows[0]!, rows[1]!, { ...rows[2]!, places: 31 }]);
    expect(changed.digest).not.toBe(inOrder.digest);
    // `share` has no declared type, so SQLite keeps the text '0.25' as text: readers would see a string.
    const retyped = await digestOf(1, [{ ...rows[0]!, share: '0.25' }, rows[1]!, rows[2]!]);
    expect(retyped.digest).not.toBe(inOrder.digest);
  });

  it('come from a rebuild that stops at the head it read when called, while the log keeps growing', async () => {
    const store = openSqliteEventStore({ path: join(newDir(), 'events.db') });
    const head = await listProgramme(store, { code: '580100', name: 'Economics', places: 1, share: null });
    const db = openReadModelDatabase(join(newDir(), 'rebuilt.db'));
    const rebuilding = rebuildInto(store, db, [programmes(1)]);
    // Appended before the rebuild subscribes to the log: an unbounded rebuild would fold it too.
    await listProgramme(store, { code: '530500', name: 'Law', places: 2, share: null });
    await rebuilding;
    const checkpoint = db.prepare('SELECT position FROM projection_checkpoints').pluck().get();
    const [digest] = readModelDigests(db, [programmes(1)]);
    db.close();
    await store.close();
    expect(checkpoint).toBe(encodePosition(head.position));
    expect(digest!.rows).toBe(1);
  });

  it('stay equal across a rollout of a new projection version through the hub', async () => {
    const copy = copyOfData();
    const next = licensesProjection.version + 1;
    const v2 = { ...licensesProjection, version: next } as ProjectionDefinition;
    const hub = await openHub(testConfig(copy), { projections: [v2] });
    await expect.poll(() => hub.projections.status().map((s) => [s.version, s.state])).toEqual([[next, 'live']]);
    const tables = hub.readModels.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'licenses%'").pluck().all();
    await hub.close();
    expect(tables).toEqual([`licenses_v${next}`]);
    const [live] = liveDigests(copy, [v2]);
    expect(live).toEqual({ ...liveDigests(data).find((d) => d.name === 'licenses'), version: next });
  });
});

describe('npm run replay', () => {
  it('exits 0 when every read model matches its replay', async () => {
    const run = await replayCli(copyOfData());
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(new RegExp(`^licenses v${licensesProjection.version}: 3 rows, digest [0-9a-f]{12}…, matches the replay$`, 'm'));
    expect(run.code).toBe(0);
  });

  it('exits 1 naming the read model whose live rows were edited', async () => {
    const copy = copyOfData();
    editRegistryRow(copy);
    const run = await replayCli(copy, '--json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { readModels: { name: string; outcome: string; message: string }[] };
    const mismatched = report.readModels.filter((r) => r.outcome !== 'match');
    expect(mismatched.map((r) => [r.name, r.outcome])).toEqual([['licenses', 'mismatch']]);
    expect(mismatched[0]!.message).toMatch(
      new RegExp(`^licenses v${licensesProjection.version}: MISMATCH: live 3 rows [0-9a-f]{12}…, replay 3 rows [0-9a-f]{12}…$`),
    );
  });

  it('exits 3 without a verdict when the log has moved past the live read models', async () => {
    const copy = copyOfData();
    const store = openSqliteEventStore({ path: join(copy, 'events.db') });
    await store.append('note-1', [{ id: randomUUID(), type: 'NoteWritten', data: {}, metadata }], 'no_stream');
    await store.close();
    const run = await replayCli(copy);
    expect(run.stdout).toContain(
      `licenses v${licensesProjection.version}: not compared: the live read model is at position 18, but the log's head was position 19 when the replay started; a running hub keeps moving, so stop it`,
    );
    expect(run.stdout).not.toContain('MISMATCH');
    expect(run.code).toBe(3);
  });

  it('exits 2 with a plain message when there is no live read-model database, or a flag is wrong', async () => {
    const empty = await replayCli(newDir());
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^replay: no live read-model database at .*read-models\.db/);
    expect(empty.stderr).not.toMatch(/\n\s+at /);
    const unknown = await replayCli(data, '--frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--frobnicate'");
  });
});
