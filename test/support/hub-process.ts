// The hub as `npm start` runs it, in a child process: started on a data directory, found by the
// URL it prints, ready once /ready answers 200; stopped with SIGTERM (or killed by the test).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { TEST_SECRET } from './fixtures.ts';

const repository = fileURLToPath(new URL('../..', import.meta.url));

export type RunningHub = { child: ChildProcess; url: string; base: string; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

/** The URL in a startup line, plain text or a JSON log entry (a `url` field, or a `port`). */
function urlIn(line: string): string | undefined {
  const plain = /(https?:\/\/[^\s"'()]+\/graphql)\b/.exec(line)?.[1];
  if (plain) return plain;
  if (!line.trimStart().startsWith('{')) return undefined;
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    const port = entry.port ?? (entry.address as Record<string, unknown> | undefined)?.port;
    if (typeof port === 'number' && port > 0) return `http://127.0.0.1:${port}/graphql`;
  } catch {
    // not JSON after all
  }
  return undefined;
}

/** `npm start` on `dataDir`, resolved once it answers /ready; `env` adds or overrides settings. */
export async function startHub(dataDir: string, env: Record<string, string> = {}): Promise<RunningHub> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repository,
    env: {
      ...process.env,
      SAPAT_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      SAPAT_JWT_SECRET: TEST_SECRET,
      // The line that carries the URL ('listening') is an info entry: a quieter level would hide it.
      SAPAT_LOG_LEVEL: 'info',
      // Four clients as one director, as fast as the hub answers: more than a person's allowance.
      SAPAT_RATE_LIMIT_PER_MINUTE: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Always drained (a full pipe would stall the hub); the tail is kept for failure messages.
  let output = '';
  const keep = (text: string) => {
    output = (output + text).slice(-20_000);
  };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the hub printed no URL within 60 s; its output:\n${output}`)), 60_000);
    for (const stream of [child.stdout!, child.stderr!]) {
      let partial = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        keep(chunk);
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          const found = urlIn(line);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        }
      });
    }
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the hub exited (${code ?? signal}) before printing its URL; its output:\n${output}`));
    });
  });
  const base = new URL(url).origin;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${base}/ready`).then((r) => r.status === 200, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the hub was not ready within 60 s; its output:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, url, base, output: () => output, exited };
}

export async function stopGracefully(hub: RunningHub): Promise<void> {
  hub.child.kill('SIGTERM');
  const timeout = setTimeout(() => hub.child.kill('SIGKILL'), 15_000);
  const { code, signal } = await hub.exited;
  clearTimeout(timeout);
  expect({ code, signal }, `the hub did not stop cleanly on SIGTERM; its output:\n${hub.output()}`).toEqual({ code: 0, signal: null });
}
