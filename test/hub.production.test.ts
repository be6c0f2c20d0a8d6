// Production runs the compiled hub under node, with nothing in between: `npm run build`, then
// `node dist/src/main.js` (what a Dockerfile or systemd starts) or `npm run start:prod`. A process
// manager stops it with SIGTERM, sent to the process it started: the hub must stop gracefully and
// exit 0, and never be left behind holding the port when that process is npm.
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { director, temporaryDirectories, tokenFor } from './support/fixtures.ts';
import { graphqlClient } from './support/graphql.ts';
import { hubEnvironment, listening, repository, spawnHub, type HubProcess } from './support/hub-process.ts';
import { applicationInput } from './support/licensing.ts';
import { APPLY } from './support/licensing-operations.ts';

const { newDir, removeAll } = temporaryDirectories();
// A build and a start each; on a loaded two-core machine either can take most of a minute.
const SLOW = 240_000;
const started: HubProcess[] = [];

beforeAll(async () => {
  await new Promise<void>((resolve, reject) =>
    execFile('npm', ['run', 'build'], { cwd: repository }, (error, stdout, stderr) =>
      error ? reject(new Error(`npm run build failed:\n${stdout}${stderr}`)) : resolve(),
    ),
  );
}, SLOW);

afterAll(async () => {
  for (const hub of started) if (hub.child.exitCode === null && hub.child.signalCode === null) hub.child.kill('SIGKILL');
  await Promise.all(started.map((hub) => hub.exited));
  removeAll();
});

async function stopsCleanly(hub: HubProcess, url: string): Promise<void> {
  hub.child.kill('SIGTERM');
  expect(await hub.exited, hub.output()).toEqual({ code: 0, signal: null });
  expect(hub.logLines().map((e) => e.msg)).toEqual(expect.arrayContaining(['stopping', 'stopped']));
  // Nothing kept the port: the hub itself is gone, not only the process that was signalled.
  await expect(fetch(new URL('/health', url))).rejects.toThrow();
}

describe('the compiled hub', () => {
  it(
    'runs under node from dist/, takes a command, and exits 0 after a graceful stop on SIGTERM',
    async () => {
      const hub = spawnHub(hubEnvironment(newDir()), process.execPath, ['dist/src/main.js']);
      started.push(hub);
      const url = await listening(hub);
      const gql = graphqlClient(fetch, url);
      const applied = await gql(APPLY, { input: applicationInput() }, { token: await tokenFor(director) });
      expect(applied.data!.applyForLicense).toMatchObject({ __typename: 'LicensePayload', license: { status: 'APPLIED' } });
      await stopsCleanly(hub, url);
    },
    SLOW,
  );

  it.each(['start:prod', 'start'])(
    'stops with the npm process (npm run %s) that a process manager signals',
    async (script) => {
      const hub = spawnHub(hubEnvironment(newDir()), 'npm', ['run', script]);
      started.push(hub);
      const url = await listening(hub);
      await stopsCleanly(hub, url);
    },
    SLOW,
  );
});
