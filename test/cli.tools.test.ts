// The command-line tools as a developer or an operator types them: every one (and the hub itself)
// answers --help without touching any data; `npm run token` signs tokens the hub accepts and is
// refused in production; `verify --print-public-key` prints the key checkpoints are signed with;
// long runs draw a progress line on a terminal and nothing anywhere else.
import { execFile } from 'node:child_process';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../src/auth/tokens.ts';
import { progressLine, withProgress } from '../src/cli/progress.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import { TEST_SECRET, temporaryDirectories } from './support/fixtures.ts';
import { newEvent } from './support/events.ts';
import { repository } from './support/hub-process.ts';

const { newDir, removeAll } = temporaryDirectories();
afterAll(removeAll);
// Several tools start at once, each a node process compiling TypeScript; a loaded machine is slow.
const SLOW = 120_000;

type Run = { code: number; stdout: string; stderr: string };

function run(file: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', file, ...args],
      { cwd: repository, env: { ...process.env, SAPAT_JWT_SECRET: '', SAPAT_CHECKPOINT_KEY: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('--help', () => {
  it(
    'prints the usage of every tool and of the hub, and touches no data',
    async () => {
      const dataDir = join(newDir(), 'never-made');
      const programs = ['verify', 'export', 'import', 'replay', 'permissions', 'token', 'report'].map((tool) => `src/cli/${tool}.ts`).concat('src/main.ts');
      const runs = await Promise.all(programs.map((file) => run(file, ['--help'], { SAPAT_DATA_DIR: dataDir, NODE_ENV: 'production' })));
      for (const [index, outcome] of runs.entries()) {
        expect({ program: programs[index], code: outcome.code, stderr: outcome.stderr }).toEqual({ program: programs[index], code: 0, stderr: '' });
        expect(outcome.stdout).toMatch(/^Usage: npm /);
      }
      expect(existsSync(dataDir)).toBe(false);
    },
    SLOW,
  );
});

describe('npm run token', () => {
  it(
    'signs a teacher token the hub accepts, with the development secret when no secret is set',
    async () => {
      const dataDir = newDir();
      const withSecret = run('src/cli/token.ts', ['--role', 'teacher', '--unit', 'Chair of Economics', '--name', 'Aibek Sadykov'], {
        SAPAT_DATA_DIR: dataDir,
        NODE_ENV: 'development',
        SAPAT_JWT_SECRET: TEST_SECRET,
      });
      const development = run(
        'src/cli/token.ts',
        ['--role', 'unit_head', '--role', 'methodist', '--unit', 'Faculty of Law', '--name', 'Gulzat Osmonova', '--id', 'u-42', '--expires', '30m'],
        { SAPAT_DATA_DIR: dataDir, NODE_ENV: 'development' },
      );
      const [signed, local] = await Promise.all([withSecret, development]);
      expect(signed.code, signed.stderr).toBe(0);
      expect(await createTokenVerifier({ secret: TEST_SECRET })(`Bearer ${signed.stdout.trim()}`)).toEqual({
        id: 'dev-aibek-sadykov',
        name: 'Aibek Sadykov',
        roles: ['teacher'],
        unit: 'Chair of Economics',
      });
      expect(local.code, local.stderr).toBe(0);
      expect(local.stderr).toBe(
        'Token for Gulzat Osmonova (u-42; unit_head, methodist; unit Faculty of Law), valid 30m. Header: {"Authorization": "Bearer <token>"}\n',
      );
      const secret = readFileSync(join(dataDir, 'development-jwt-secret'), 'utf8').trim();
      expect(await createTokenVerifier({ secret })(`Bearer ${local.stdout.trim()}`)).toEqual({
        id: 'u-42',
        name: 'Gulzat Osmonova',
        roles: ['unit_head', 'methodist'],
        unit: 'Faculty of Law',
      });
    },
    SLOW,
  );

  it(
    'is refused in production, and says which flag is wrong',
    async () => {
      const dataDir = newDir();
      const [production, noUnit, badRole] = await Promise.all([
        run('src/cli/token.ts', ['--role', 'director', '--name', 'A'], { SAPAT_DATA_DIR: dataDir, NODE_ENV: 'production', SAPAT_JWT_SECRET: TEST_SECRET }),
        run('src/cli/token.ts', ['--role', 'teacher', '--name', 'A'], { SAPAT_DATA_DIR: dataDir, NODE_ENV: 'development' }),
        run('src/cli/token.ts', ['--role', 'dean', '--name', 'A'], { SAPAT_DATA_DIR: dataDir, NODE_ENV: 'development' }),
      ]);
      expect(production).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'token: refused in production (NODE_ENV=production): tokens there come from the identity provider or whoever keeps SAPAT_JWT_SECRET, not from the server\n',
      });
      expect(noUnit).toEqual({ code: 2, stdout: '', stderr: 'token: --unit is required with --role teacher: the faculty, college or chair they belong to\n' });
      expect(badRole.stderr).toMatch(/^token: --role dean: not a role of the hub; one of rector, director, /);
    },
    SLOW,
  );
});

describe('npm run verify -- --print-public-key', () => {
  it(
    'prints the public half of SAPAT_CHECKPOINT_KEY and its fingerprint',
    async () => {
      const dir = newDir();
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const keyFile = join(dir, 'checkpoint.pem');
      writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
      const printed = await run('src/cli/verify.ts', ['--print-public-key'], { SAPAT_DATA_DIR: dir, NODE_ENV: 'production', SAPAT_CHECKPOINT_KEY: keyFile });
      expect(printed.code, printed.stderr).toBe(0);
      expect(printed.stdout).toBe(publicKey.export({ type: 'spki', format: 'pem' }));
      expect(createPublicKey(printed.stdout).equals(publicKey)).toBe(true);
      expect(printed.stderr).toMatch(new RegExp(`^Public key sha256:[0-9a-f]{16} of ${keyFile}\\.\\n$`));
    },
    SLOW,
  );
});

describe('the progress line', () => {
  const terminal = (isTTY: boolean) => {
    const written: string[] = [];
    return { isTTY, write: (text: string) => written.push(text), written };
  };

  it('redraws in place on a terminal as events are read and appended, and wipes itself at the end', async () => {
    const store = openSqliteEventStore({ path: join(newDir(), 'events.db') });
    let clock = 0;
    const screen = terminal(true);
    const progress = progressLine(screen, 'verify', () => clock);
    const counted = withProgress(store, progress);
    await counted.append('license-1', [newEvent('A'), newEvent('B')], 'no_stream');
    clock = 1000;
    await counted.append('license-2', [newEvent('C')], 'no_stream');
    progress.head(await store.headPosition());
    clock = 2000;
    let read = 0;
    for await (const _event of counted.readAll()) read += 1;
    progress.done();
    await counted.close();
    expect(read).toBe(3);
    // One line per redraw (at most every 200 ms of the clock), then the wipe.
    expect(screen.written).toEqual([
      '\r\x1b[Kverify: 1 events at position 2, 1,000/s',
      '\r\x1b[Kverify: 3 events at position 3, 3/s',
      '\r\x1b[Kverify: 4 events at position 1 of 3, 2/s',
      '\r\x1b[K',
    ]);
  });

  it('writes nothing when stderr is not a terminal', async () => {
    const store = openSqliteEventStore({ path: join(newDir(), 'events.db') });
    const screen = terminal(false);
    const counted = withProgress(store, progressLine(screen, 'export'));
    await counted.append('license-1', [newEvent('A')], 'no_stream');
    for await (const _event of counted.readAll()) void _event;
    await counted.close();
    expect(screen.written).toEqual([]);
  });
});
