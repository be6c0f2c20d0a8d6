// `npm run verify`, `npm run export` and `npm run import` as an auditor runs them: child processes on
// a real data directory, judged by exit status and what they print. Bad usage gets one line naming
// the flag or file, never a stack trace.
import { execFile } from 'node:child_process';
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedKeyFile } from '../src/audit/checkpoint.ts';
import { openHub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectories, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { applicationInput, expertGroupInput, licensingSender } from './support/licensing.ts';
import { APPLY, FORM_GROUP } from './support/licensing-operations.ts';

const { newDir, removeAll: removeDirectories } = temporaryDirectories();

type Run = { code: number; stdout: string; stderr: string };

function cli(name: 'verify' | 'export' | 'import', dataDir: string, ...args: string[]): Promise<Run> {
  const env = { ...process.env, SAPAT_DATA_DIR: dataDir, SAPAT_STORE: 'sqlite', NODE_ENV: 'test', SAPAT_LOG_LEVEL: 'silent', SAPAT_CHECKPOINT_KEY: '' };
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', `src/cli/${name}.ts`, ...args], { env, cwd: process.cwd() }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** Licence A applied and examined, licence B applied: two streams, three events. */
let data: string;
let streams: { A: string; B: string };
let ids: string[];

beforeAll(async () => {
  data = newDir();
  const hub = await openHub(testConfig(data));
  try {
    const yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
    const gql = yogaClient(yoga);
    const token = await tokenFor(director);
    const sendAs = licensingSender(gql, token);
    const send = async (operation: string, input: Record<string, unknown>): Promise<string> => (await sendAs(operation, input)).licenseId;
    const a = await send(APPLY, applicationInput());
    const b = await send(APPLY, applicationInput({ programme: { ...applicationInput().programme, code: '530500' } }));
    await send(FORM_GROUP, expertGroupInput(a));
    streams = { A: `license-${a}`, B: `license-${b}` };
  } finally {
    await hub.close();
  }
  const db = new Database(join(data, 'events.db'), { readonly: true });
  ids = db.prepare('SELECT id FROM events ORDER BY position').pluck().all() as string[];
  db.close();
});
afterAll(() => {
  removeDirectories();
});

const noStackTrace = (run: Run) => expect(run.stderr).not.toMatch(/^\s+at /m);

describe('the audit CLIs on a log the hub wrote', () => {
  it('verify, checkpoint, export, import into another data directory, and verify there', async () => {
    const checkpoint = join(newDir(), 'checkpoint.json');
    const verified = await cli('verify', data, '--write-checkpoint', checkpoint);
    expect(verified.code).toBe(0);
    const keyFingerprint = /signed by (sha256:[0-9a-f]{16})\./.exec(verified.stdout)?.[1];
    expect(verified.stdout).toBe(
      'Log intact: 3 events in 2 streams (head position 3).\nEvery hash chain holds.\n' +
        `Checkpoint written to ${checkpoint}: 2 streams, head position 3, signed by ${keyFingerprint}. Keep it outside the hub's database.\n`,
    );
    expect(statSync(generatedKeyFile(data)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(checkpoint, 'utf8'))).toMatchObject({
      format: 'sapat-checkpoint',
      eventCount: 3,
      streams: { [streams.A]: { revision: 1 }, [streams.B]: { revision: 0 } },
    });

    const file = join(newDir(), 'log.ndjson');
    const exported = await cli('export', data, '--out', file);
    expect(exported).toEqual({ code: 0, stdout: '', stderr: `Exported 3 events of 2 streams (the whole log) from the sqlite store to ${file}.\n` });
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(4);

    const target = newDir();
    const imported = await cli('import', target, '--in', file);
    expect(imported).toEqual({
      code: 0,
      stdout: `Imported 3 events of 2 streams from ${file} into the sqlite store in ${target}, head position 3; every hash the store computed matches the export.\n`,
      stderr: '',
    });
    const [importAgain, verifiedTarget, streamExport] = await Promise.all([
      cli('import', target, '--in', file),
      cli('verify', target, '--checkpoint', checkpoint),
      cli('export', data, '--stream', streams.B),
    ]);
    expect(importAgain.code).toBe(1);
    expect(importAgain.stderr).toBe(
      'Import refused: the target sqlite store is not empty (its log reaches position 3): import only into an empty store, so that revisions and chains come out as exported; nothing was imported\n',
    );
    // The imported copy carries the very hashes the checkpoint of the original vouched for.
    expect(verifiedTarget.code).toBe(0);
    expect(verifiedTarget.stdout).toMatch(
      /Checkpoint of \S+ \(2 streams, head position 3\): signature valid, signed by sha256:[0-9a-f]{16} \(no trusted key given: pass --public-key to pin it\); every stream still reaches its checkpointed head\.\n$/,
    );
    expect(streamExport.code).toBe(0);
    expect(
      streamExport.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).stream),
    ).toEqual([undefined, streams.B]);
  });

  it('verify names the broken link, exits 1, and a checkpoint shows the cut-off tail', async () => {
    const checkpoint = join(newDir(), 'checkpoint.json');
    const copy = newDir();
    expect((await cli('verify', data, '--write-checkpoint', checkpoint)).code).toBe(0);
    copyFileSync(join(data, 'events.db'), join(copy, 'events.db'));
    const tampered = new Database(join(copy, 'events.db'));
    tampered.prepare("UPDATE events SET data = json_set(data, '$.requestedCapacity', 900) WHERE stream = ? AND revision = 0").run(streams.B);
    tampered.prepare('DELETE FROM events WHERE stream = ? AND revision = 1').run(streams.A);
    tampered.close();

    const [human, json] = await Promise.all([cli('verify', copy, '--checkpoint', checkpoint), cli('verify', copy, '--checkpoint', checkpoint, '--json')]);
    expect(human.code).toBe(1);
    const lines = human.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Log BROKEN: 2 events in 2 streams (head position 2).');
    expect(lines[1]).toMatch(
      new RegExp(
        `^First broken link: stream ${streams.B} revision 0 at position 2 \\(event ${ids[1]}\\): content does not match its hash: the event was edited; expected [0-9a-f]{64}, found [0-9a-f]{64}$`,
      ),
    );
    expect(lines.at(-1)).toBe(`  stream ${streams.A}: revision 1 is gone (the stream ends at revision 0): its tail was cut off`);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      intact: false,
      firstBrokenLink: { stream: streams.B, revision: 0, position: '2', problem: 'content_hash_mismatch' },
      checkpoint: { intact: false, discrepancies: [{ stream: streams.A, problem: 'revision_missing', revision: 1, storeRevision: 0 }] },
    });
    const refused = await cli('verify', copy, '--write-checkpoint', join(copy, 'new-checkpoint.json'));
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      `No checkpoint written to ${join(copy, 'new-checkpoint.json')}: the log is not intact, and a checkpoint would vouch for it.`,
    );
  });

  it('answers bad usage with exit 2 and one line naming the flag or file', async () => {
    const runs = await Promise.all([
      cli('verify', data, '--frobnicate'),
      cli('verify', data, '--checkpoint', '/nonexistent/checkpoint.json'),
      cli('verify', newDir()),
      cli('export', data, '--after', 'yesterday'),
      cli('import', newDir()),
      cli('import', newDir(), '--in', '/nonexistent/log.ndjson'),
    ]);
    expect(runs.map((r) => [r.code, r.stdout, r.stderr.trimEnd().split('\n').length])).toEqual(runs.map(() => [2, '', 1]));
    runs.forEach(noStackTrace);
    expect(runs.map((r) => r.stderr.trimEnd())).toEqual([
      "verify: Unknown option '--frobnicate' (npm run verify -- --help shows the options)",
      'verify: --checkpoint /nonexistent/checkpoint.json: cannot read it (ENOENT)',
      expect.stringMatching(/^verify: no event store at \/\S+\/events\.db: point SAPAT_DATA_DIR at the hub's data directory$/),
      'export: --after yesterday: must be a position cursor returned by the hub (digits, or digits:digits)',
      'import: --in <file> is required: the export to import',
      'import: --in /nonexistent/log.ndjson: cannot read it (ENOENT)',
    ]);
  });
});
