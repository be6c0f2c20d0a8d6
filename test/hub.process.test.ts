// The hub as a process on its data directory: one hub per directory (a second one, or an import,
// is refused with one line naming the directory and the holder's pid), a hub killed with SIGKILL
// leaves no lock behind, a taken port is one line and a non-zero exit, and a hash chain whose newest
// link was edited is reported at start. Real processes, real ports, real files.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDirectory } from '../src/data-directory-lock.ts';
import { openHub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectories, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { hubEnvironment, listening, repository, spawnHub, type HubProcess } from './support/hub-process.ts';
import { applicationInput, licensingSender } from './support/licensing.ts';
import { APPLY } from './support/licensing-operations.ts';

const { newDir, removeAll } = temporaryDirectories();
// Each test starts hubs one after another; on a loaded two-core machine one start can take 20 s.
const SLOW = 180_000;
const started: HubProcess[] = [];

afterAll(async () => {
  for (const hub of started) if (hub.child.exitCode === null && hub.child.signalCode === null) hub.child.kill('SIGKILL');
  await Promise.all(started.map((hub) => hub.exited));
  removeAll();
});

function start(dataDir: string, overrides: Record<string, string> = {}): HubProcess {
  const hub = spawnHub(hubEnvironment(dataDir, overrides));
  started.push(hub);
  return hub;
}

/** The lines a refused start printed: it must be exactly one, a JSON error entry without a stack. */
async function refusal(hub: HubProcess): Promise<string> {
  const exit = await hub.exited;
  expect(exit, hub.output()).toEqual({ code: 1, signal: null });
  const lines = hub.output().trimEnd().split('\n');
  expect(lines, hub.output()).toHaveLength(1);
  const entry = JSON.parse(lines[0]!) as { level: string; msg: string; error?: unknown };
  expect(entry.level).toBe('error');
  expect(entry.error).toBeUndefined();
  return entry.msg;
}

function importInto(dataDir: string): Promise<{ code: number; stderr: string }> {
  const env = { ...process.env, SAPAT_DATA_DIR: dataDir, SAPAT_STORE: 'sqlite', NODE_ENV: 'test' };
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', '--in', 'package.json'], { env, cwd: repository }, (error, _stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stderr }),
    );
  });
}

describe('one hub per data directory', () => {
  it(
    'refuses a second hub and an import while one runs, and a SIGKILLed hub does not block the next',
    async () => {
      const dataDir = newDir();
      const first = start(dataDir);
      const url = await listening(first);

      const second = start(dataDir);
      const { since } = JSON.parse(readFileSync(join(dataDir, 'hub.lock.holder'), 'utf8')) as { since: string };
      expect(await refusal(second)).toBe(
        `the hub could not start: the data directory ${dataDir} is in use by a hub (pid ${first.child.pid} on ${hostname()}, since ${since}): stop it first, or set SAPAT_DATA_DIR to another directory`,
      );
      const imported = await importInto(dataDir);
      expect(imported.code).toBe(2);
      expect(imported.stderr).toMatch(new RegExp(`^import: the data directory ${dataDir} is in use by a hub \\(pid ${first.child.pid} `));
      // The first hub never noticed.
      expect((await fetch(new URL('/ready', url))).status).toBe(200);

      first.child.kill('SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      const third = start(dataDir);
      const thirdUrl = await listening(third);
      expect((await fetch(new URL('/health', thirdUrl))).status).toBe(200);
      third.child.kill('SIGTERM');
      expect(await third.exited).toEqual({ code: 0, signal: null });
      // A clean stop gives the directory back: it can be taken at once.
      lockDataDirectory(dataDir, 'this test').release();
    },
    SLOW,
  );
});

describe('a port already in use', () => {
  it(
    'is one line naming the port and a non-zero exit, and the data directory is given back',
    async () => {
      const holder = start(newDir());
      const port = new URL(await listening(holder)).port;
      const dataDir = newDir();
      const second = start(dataDir, { PORT: port });
      expect(await refusal(second)).toBe(
        `the hub could not start: port ${port} on 127.0.0.1 is already in use: stop what listens there, or set PORT to a free port`,
      );
      lockDataDirectory(dataDir, 'this test').release();
      holder.child.kill('SIGTERM');
      expect(await holder.exited).toEqual({ code: 0, signal: null });
    },
    SLOW,
  );
});

describe('the hash chains at start', () => {
  it(
    'warns in one line when the newest event was edited, and serves all the same',
    async () => {
      const dataDir = newDir();
      const hub = await openHub(testConfig(dataDir));
      let stream: string;
      try {
        const send = licensingSender(yogaClient(createGraphQLHandler(hub, { secret: TEST_SECRET })), await tokenFor(director));
        await send(APPLY, applicationInput());
        stream = `license-${(await send(APPLY, applicationInput({ programme: { ...applicationInput().programme, code: '530500' } }))).licenseId}`;
      } finally {
        await hub.close();
      }
      const clean = start(dataDir);
      await listening(clean);
      clean.child.kill('SIGTERM');
      expect(await clean.exited).toEqual({ code: 0, signal: null });
      expect(clean.logLines().filter((e) => e.level === 'warn')).toEqual([]);

      const db = new Database(join(dataDir, 'events.db'));
      db.prepare("UPDATE events SET data = json_set(data, '$.requestedCapacity', 999) WHERE position = (SELECT max(position) FROM events)").run();
      db.close();
      const edited = start(dataDir);
      const warning = await edited.line((e) => e.level === 'warn');
      expect(warning.msg).toBe(
        `the newest events' hash chains do not verify: 1 broken link(s) among the last 1000 events, the first in stream ${stream} at revision 0 (position 2, content_hash_mismatch); run npm run verify for the whole log`,
      );
      await listening(edited);
      edited.child.kill('SIGTERM');
      expect(await edited.exited).toEqual({ code: 0, signal: null });
    },
    SLOW,
  );
});
