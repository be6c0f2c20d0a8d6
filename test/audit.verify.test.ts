// Tamper evidence: a log written by the real hub verifies; an event edited, a hash changed or an
// event deleted directly in the SQLite file is reported as the first broken link of its stream,
// exactly; a tail cut off, which leaves a consistent chain, is caught only by a signed checkpoint,
// and only a trusted key stops a checkpoint re-signed by whoever cut it. Also the GraphQL queries.
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CheckpointInputError,
  checkpointText,
  generatedKeyFile,
  keyFingerprint,
  loadSigningKey,
  parseCheckpoint,
  signCheckpoint,
  type Checkpoint,
} from '../src/audit/checkpoint.ts';
import { verifyLog, type IntegrityReport } from '../src/audit/verify.ts';
import type { Actor } from '../src/domain/decider.ts';
import { eventHash } from '../src/eventstore/hashchain.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import { openHub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, teacher, TEST_SECRET, temporaryDirectories, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { applicationInput, expertGroupInput, licensingSender } from './support/licensing.ts';
import { APPLY, CONCLUDE, FORM_GROUP, GRANT } from './support/licensing-operations.ts';

const auditor: Actor = { id: 'u-auditor', name: 'Ainura Mamatova', roles: ['auditor'] };
const { newDir, removeAll: removeDirectories } = temporaryDirectories();

/** Licences A, B and C, their commands interleaved so that log order and stream order differ. */
async function recordLicensing(dataDir: string): Promise<void> {
  const hub = await openHub(testConfig(dataDir));
  try {
    const yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
    const gql = yogaClient(yoga);
    const token = await tokenFor(director);
    const sendAs = licensingSender(gql, token);
    const send = async (operation: string, input: Record<string, unknown>): Promise<string> => (await sendAs(operation, input)).id;
    const apply = (code: string) => send(APPLY, applicationInput({ programme: { ...applicationInput().programme, code } }));
    const a = await apply('580100');
    const b = await apply('530500');
    await send(FORM_GROUP, expertGroupInput(a));
    await send(FORM_GROUP, expertGroupInput(b));
    await send(CONCLUDE, { licenseId: a, outcome: 'POSITIVE', summary: 'Meets the requirements', concludedOn: '2026-02-20' });
    await send(GRANT, { licenseId: a, licenseNumber: 'LS240001', appendixNumber: '12', grantedOn: '2026-03-01', validUntil: '2031-02-28' });
    await apply('560001');
  } finally {
    await hub.close();
  }
}

let original: string;
/** The log as written, in position order. */
let log: RecordedEvent[];
let A: string;
let B: string;
let C: string;
const at = (stream: string, revision: number): RecordedEvent => log.find((e) => e.stream === stream && e.revision === BigInt(revision))!;

/** Another hub's key, and the key the tests treat as the hub's. */
const hubKey: KeyObject = generateKeyPairSync('ed25519').privateKey;
const otherKey: KeyObject = generateKeyPairSync('ed25519').privateKey;

beforeAll(async () => {
  original = newDir();
  await recordLicensing(original);
  const store = openSqliteEventStore({ path: join(original, 'events.db') });
  log = [];
  for await (const event of store.readAll()) log.push(event);
  await store.close();
  [A, B, C] = [...new Set(log.map((e) => e.stream))] as [string, string, string];
});
afterAll(() => {
  removeDirectories();
});

/** A copy of the event database, to be tampered with behind the hub's back. */
function copyOfLog(): string {
  const dir = newDir();
  copyFileSync(join(original, 'events.db'), join(dir, 'events.db'));
  return dir;
}

function tamper(dir: string, sql: string, ...params: unknown[]): void {
  const db = new Database(join(dir, 'events.db'));
  try {
    expect(db.prepare(sql).run(...params).changes).toBeGreaterThan(0);
  } finally {
    db.close();
  }
}

async function verifyDir(dir: string, options: Parameters<typeof verifyLog>[1] = {}) {
  const store = openSqliteEventStore({ path: join(dir, 'events.db') });
  try {
    return await verifyLog(store, options);
  } finally {
    await store.close();
  }
}

async function checkpointOf(dir: string, key = hubKey): Promise<Checkpoint> {
  const { report, heads } = await verifyDir(dir);
  return signCheckpoint({ heads, headPosition: report.headPosition, eventCount: report.eventsChecked }, key);
}

describe('the log as the hub wrote it', () => {
  it('is made of the seven commands, interleaved across three licences', () => {
    expect(log.map((e) => [e.stream, Number(e.revision), encodePosition(e.position)])).toEqual([
      [A, 0, '1'],
      [B, 0, '2'],
      [A, 1, '3'],
      [B, 1, '4'],
      [A, 2, '5'],
      [A, 3, '6'],
      [C, 0, '7'],
    ]);
  });

  it('verifies intact', async () => {
    const { report, heads } = await verifyDir(copyOfLog());
    expect(report).toEqual({
      intact: true,
      eventsChecked: 7,
      streamsChecked: 3,
      headPosition: '7',
      firstBrokenLink: null,
      brokenStreams: [],
      checkpoint: null,
      unreadable: null,
    } satisfies IntegrityReport);
    expect(heads.get(A)).toEqual({ revision: 3n, hash: at(A, 3).metadata.hash });
  });
});

describe('verify finds the first broken link of an event changed in the SQLite file', () => {
  it('names the event whose data was edited, and nothing after it in its stream', async () => {
    const dir = copyOfLog();
    tamper(dir, "UPDATE events SET data = json_set(data, '$.formedOn', '2026-01-31') WHERE stream = ? AND revision = 1", A);
    const { report } = await verifyDir(dir);
    const edited = { ...at(A, 1), data: { ...at(A, 1).data, formedOn: '2026-01-31' } };
    const link = {
      stream: A,
      revision: 1n,
      position: '3',
      eventId: at(A, 1).id,
      problem: 'content_hash_mismatch',
      expected: eventHash(edited, at(A, 0).metadata.hash!),
      found: at(A, 1).metadata.hash,
    };
    expect(report).toMatchObject({ intact: false, eventsChecked: 7, streamsChecked: 3, firstBrokenLink: link, brokenStreams: [link] });
    expect(link.expected).not.toBe(link.found);
  });

  it('names the event whose stored hash was changed', async () => {
    const dir = copyOfLog();
    const forged = 'f'.repeat(64);
    tamper(dir, "UPDATE events SET metadata = json_set(metadata, '$.hash', ?) WHERE stream = ? AND revision = 2", forged, A);
    const { report } = await verifyDir(dir);
    expect(report.brokenStreams).toEqual([
      { stream: A, revision: 2n, position: '5', eventId: at(A, 2).id, problem: 'content_hash_mismatch', expected: at(A, 2).metadata.hash, found: forged },
    ]);
  });

  it('names the event after a deleted middle event: its revision is out of sequence', async () => {
    const dir = copyOfLog();
    tamper(dir, 'DELETE FROM events WHERE stream = ? AND revision = 1', A);
    const { report } = await verifyDir(dir);
    expect(report.firstBrokenLink).toEqual({
      stream: A,
      revision: 2n,
      position: '5',
      eventId: at(A, 2).id,
      problem: 'revision_out_of_sequence',
      expected: '1',
      found: '2',
    });
    expect(report.eventsChecked).toBe(6);
  });

  it('names the event whose prevHash was changed to splice the chain', async () => {
    const dir = copyOfLog();
    tamper(dir, "UPDATE events SET metadata = json_set(metadata, '$.prevHash', ?) WHERE stream = ? AND revision = 1", at(B, 0).metadata.hash, A);
    const { report } = await verifyDir(dir);
    expect(report.firstBrokenLink).toMatchObject({
      stream: A,
      revision: 1n,
      problem: 'previous_hash_mismatch',
      expected: at(A, 0).metadata.hash,
      found: at(B, 0).metadata.hash,
    });
  });

  it('reports the first broken link per stream, and the earliest in the log as the first overall', async () => {
    const dir = copyOfLog();
    tamper(dir, "UPDATE events SET data = json_set(data, '$.requestedCapacity', 999) WHERE stream = ? AND revision = 0", C);
    tamper(dir, "UPDATE events SET data = json_set(data, '$.summary', 'Rewritten') WHERE stream = ? AND revision = 2", A);
    const { report } = await verifyDir(dir);
    expect(report.brokenStreams.map((b) => [b.stream, b.revision, b.position, b.problem])).toEqual([
      [A, 2n, '5', 'content_hash_mismatch'],
      [C, 0n, '7', 'content_hash_mismatch'],
    ]);
    expect(report.firstBrokenLink).toBe(report.brokenStreams[0]);
  });

  it('reports a row whose JSON was damaged instead of failing', async () => {
    const dir = copyOfLog();
    tamper(dir, "UPDATE events SET data = '{broken' WHERE stream = ? AND revision = 0", C);
    const { report } = await verifyDir(dir);
    expect(report).toMatchObject({ intact: false, eventsChecked: 6, unreadable: { afterPosition: '6' } });
  });
});

describe('a signed checkpoint', () => {
  it('catches a cut-off tail that leaves every chain consistent', async () => {
    const dir = copyOfLog();
    const checkpoint = await checkpointOf(dir);
    tamper(dir, 'DELETE FROM events WHERE stream = ? AND revision = 3', A);
    expect((await verifyDir(dir)).report).toMatchObject({ intact: true, eventsChecked: 6, brokenStreams: [] });
    const { report } = await verifyDir(dir, { checkpoint });
    expect(report.intact).toBe(false);
    expect(report.brokenStreams).toEqual([]);
    expect(report.checkpoint).toEqual({
      intact: false,
      signatureValid: true,
      signerTrusted: undefined,
      signerFingerprint: keyFingerprint(hubKey),
      createdAt: checkpoint.createdAt,
      headPosition: '7',
      streamsChecked: 3,
      discrepancies: [{ stream: A, problem: 'revision_missing', revision: 3n, expectedHash: at(A, 3).metadata.hash, foundHash: null, storeRevision: 2n }],
    });
  });

  it('catches history rewritten with every hash recomputed, and a stream removed', async () => {
    const dir = copyOfLog();
    const checkpoint = await checkpointOf(dir);
    const rewritten = { ...at(A, 3), data: { ...at(A, 3).data, licenseNumber: 'LS999999' } };
    const hash = eventHash(rewritten, at(A, 2).metadata.hash!);
    const metadata = JSON.stringify({ ...at(A, 3).metadata, hash });
    tamper(dir, 'UPDATE events SET data = ?, metadata = ? WHERE stream = ? AND revision = 3', JSON.stringify(rewritten.data), metadata, A);
    tamper(dir, 'DELETE FROM events WHERE stream = ?', C);
    expect((await verifyDir(dir)).report.intact).toBe(true);
    const { report } = await verifyDir(dir, { checkpoint });
    // In the checkpoint's order, which is by stream name.
    expect(report.checkpoint?.discrepancies).toEqual(
      [
        { stream: A, problem: 'hash_differs', revision: 3n, expectedHash: at(A, 3).metadata.hash, foundHash: hash, storeRevision: 3n },
        { stream: C, problem: 'stream_missing', revision: 0n, expectedHash: at(C, 0).metadata.hash, foundHash: null, storeRevision: null },
      ].sort((x, y) => (x.stream < y.stream ? -1 : 1)),
    );
  });

  it('is refused when edited after signing to match a cut-off tail (a forged signature)', async () => {
    const dir = copyOfLog();
    const checkpoint = await checkpointOf(dir);
    tamper(dir, 'DELETE FROM events WHERE stream = ? AND revision = 3', A);
    const edited: Checkpoint = { ...checkpoint, streams: { ...checkpoint.streams, [A]: { revision: 2, hash: at(A, 2).metadata.hash! } } };
    const { report } = await verifyDir(dir, { checkpoint: parseCheckpoint(checkpointText(edited)) });
    expect(report.checkpoint).toMatchObject({ intact: false, signatureValid: false, discrepancies: [] });
    expect(report.intact).toBe(false);
  });

  it('re-signed by another key passes only while no trusted key is pinned', async () => {
    const dir = copyOfLog();
    tamper(dir, 'DELETE FROM events WHERE stream = ? AND revision = 3', A);
    const resigned = await checkpointOf(dir, otherKey);
    const unpinned = (await verifyDir(dir, { checkpoint: resigned })).report;
    expect(unpinned.checkpoint).toMatchObject({ intact: true, signatureValid: true, signerTrusted: undefined });
    const pinned = (await verifyDir(dir, { checkpoint: resigned, trustedKey: createPublicKey(hubKey) })).report;
    expect(pinned.checkpoint).toMatchObject({ intact: false, signatureValid: true, signerTrusted: false, signerFingerprint: keyFingerprint(otherKey) });
    expect(pinned.intact).toBe(false);
    const own = (await verifyDir(copyOfLog(), { checkpoint: await checkpointOf(original), trustedKey: hubKey })).report;
    expect(own).toMatchObject({ intact: true, checkpoint: { intact: true, signerTrusted: true, discrepancies: [] } });
  });

  it('names the field of a malformed checkpoint file', () => {
    const valid = checkpointText(signCheckpoint({ heads: new Map([[A, { revision: 3n, hash: 'a'.repeat(64) }]]), headPosition: '7', eventCount: 7 }, hubKey));
    expect(() => parseCheckpoint(valid.replace('a'.repeat(64), 'xyz'))).toThrow(
      new CheckpointInputError(`checkpoint streams.${A}.hash: must be a SHA-256 hash: 64 lowercase hex characters`),
    );
    expect(() => parseCheckpoint(valid.replace('"version": 1', '"version": 2'))).toThrow('checkpoint version: Invalid input: expected 1');
    expect(() => parseCheckpoint('{"format":')).toThrow(/^checkpoint is not JSON/);
    const garbledKey = valid.replace(/-----BEGIN PUBLIC KEY-----\\n[^\\]+/, '-----BEGIN PUBLIC KEY-----\\nAAAA');
    expect(garbledKey).not.toBe(valid);
    expect(() => parseCheckpoint(garbledKey)).toThrow(new CheckpointInputError('checkpoint publicKey is not a PEM public key'));
  });

  it('is signed with a key made once in the data directory (mode 0600) outside production, required in production', () => {
    const dataDir = newDir();
    const first = loadSigningKey({ keyFile: undefined, dataDir, production: false });
    expect(statSync(generatedKeyFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(keyFingerprint(loadSigningKey({ keyFile: undefined, dataDir, production: false }))).toBe(keyFingerprint(first));
    expect(() => loadSigningKey({ keyFile: undefined, dataDir, production: true })).toThrow(/SAPAT_CHECKPOINT_KEY is required in production/);
    const rsa = join(dataDir, 'rsa.pem');
    writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(() => loadSigningKey({ keyFile: rsa, dataDir, production: true })).toThrow(
      `SAPAT_CHECKPOINT_KEY (${rsa}) is a rsa key; checkpoints are signed with Ed25519`,
    );
    expect(keyFingerprint(loadSigningKey({ keyFile: generatedKeyFile(dataDir), dataDir, production: true }))).toBe(keyFingerprint(first));
    expect(readFileSync(generatedKeyFile(dataDir), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });
});

describe('verifyIntegrity and signedCheckpoint in GraphQL', () => {
  const REPORT = `query($checkpoint: String) { verifyIntegrity(checkpoint: $checkpoint) {
    intact eventsChecked streamsChecked headPosition
    firstBrokenLink { stream revision position eventId problem expected found }
    brokenStreams { stream revision }
    checkpoint { intact signatureValid signerTrusted streamsChecked discrepancies { stream problem revision storeRevision } }
  } }`;

  async function hubOn(dir: string) {
    const hub = await openHub(testConfig(dir));
    const yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
    return { hub, gql: yogaClient(yoga) };
  }

  it('gives an auditor the report and a checkpoint that later shows a cut-off tail', async () => {
    const dir = copyOfLog();
    const { hub, gql } = await hubOn(dir);
    const token = await tokenFor(auditor);
    let checkpoint: string;
    try {
      const intact = await gql(REPORT, {}, { token });
      expect(intact.data?.verifyIntegrity).toEqual({
        intact: true,
        eventsChecked: 7,
        streamsChecked: 3,
        headPosition: '7',
        firstBrokenLink: null,
        brokenStreams: [],
        checkpoint: null,
      });
      const signed = await gql('{ signedCheckpoint }', {}, { token });
      checkpoint = signed.data?.signedCheckpoint as string;
      expect(parseCheckpoint(checkpoint)).toMatchObject({
        headPosition: '7',
        eventCount: 7,
        streams: { [A]: { revision: 3 }, [B]: { revision: 1 }, [C]: { revision: 0 } },
      });
    } finally {
      await hub.close();
    }
    tamper(dir, 'DELETE FROM events WHERE stream = ? AND revision = 3', A);
    tamper(dir, "UPDATE events SET data = json_set(data, '$.requestedCapacity', 999) WHERE stream = ? AND revision = 0", B);
    const reopened = await hubOn(dir);
    try {
      const res = await reopened.gql(REPORT, { checkpoint }, { token });
      expect(res.data?.verifyIntegrity).toEqual({
        intact: false,
        eventsChecked: 6,
        streamsChecked: 3,
        headPosition: '7',
        firstBrokenLink: {
          stream: B,
          revision: 0,
          position: '2',
          eventId: at(B, 0).id,
          problem: 'CONTENT_HASH_MISMATCH',
          expected: expect.stringMatching(/^[0-9a-f]{64}$/),
          found: at(B, 0).metadata.hash,
        },
        brokenStreams: [{ stream: B, revision: 0 }],
        checkpoint: {
          intact: false,
          signatureValid: true,
          signerTrusted: null,
          streamsChecked: 3,
          discrepancies: [{ stream: A, problem: 'REVISION_MISSING', revision: 3, storeRevision: 2 }],
        },
      });
      const refused = await reopened.gql('{ signedCheckpoint }', {}, { token });
      expect(refused.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^the log is not intact/), extensions: { code: 'LOG_NOT_INTACT' } });
      const bad = await reopened.gql(REPORT, { checkpoint: '{"format":"sapat-checkpoint"}' }, { token });
      expect(bad.errors?.[0]).toMatchObject({ message: 'checkpoint version: Invalid input: expected 1', extensions: { code: 'BAD_USER_INPUT' } });
    } finally {
      await reopened.hub.close();
    }
  });

  it('refuses a teacher and an anonymous caller', async () => {
    const { hub, gql } = await hubOn(copyOfLog());
    try {
      for (const query of [REPORT, '{ signedCheckpoint }']) {
        const asTeacher = await gql(query, {}, { token: await tokenFor(teacher) });
        expect(asTeacher.data).toBeNull();
        expect(asTeacher.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        const anonymous = await gql(query);
        expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    } finally {
      await hub.close();
    }
  });
});
