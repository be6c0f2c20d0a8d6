// The hub as an operator runs it: a child process, judged by what it prints and how it exits. Waits
// on what the hub says (its `listening` line, its exit), never on the clock.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_SECRET } from './fixtures.ts';

export const repository = fileURLToPath(new URL('../..', import.meta.url));

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type HubProcess = {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr interleaved. */
  output(): string;
  /** The JSON log lines printed so far. */
  logLines(): Record<string, unknown>[];
  /** Resolves with the first log line that matches (already printed or still to come); rejects if the hub exits first. */
  line(match: (entry: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exited: Promise<Exit>;
};

/** The hub's own environment for a test: its data directory, any free port, the test secret. */
export const hubEnvironment = (dataDir: string, overrides: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  SAPAT_DATA_DIR: dataDir,
  PORT: '0',
  HOST: '127.0.0.1',
  NODE_ENV: 'test',
  SAPAT_JWT_SECRET: TEST_SECRET,
  SAPAT_LOG_LEVEL: 'info',
  ...overrides,
});

/** Starts `command args` (by default the hub from its sources) in the repository. */
export function spawnHub(env: NodeJS.ProcessEnv, command: string = process.execPath, args: string[] = ['--import', 'tsx', 'src/main.ts']): HubProcess {
  const child = spawn(command, args, { cwd: repository, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const entries: Record<string, unknown>[] = [];
  const waiting: { match: (entry: Record<string, unknown>) => boolean; resolve: (entry: Record<string, unknown>) => void }[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      output += chunk;
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as Record<string, unknown>;
        entries.push(entry);
        for (const waiter of waiting.filter((w) => w.match(entry))) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve(entry);
        }
      }
    });
  }
  // 'close' rather than 'exit': by then the output still in the pipes has arrived too.
  const closed = new Promise<Exit>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  return {
    child,
    output: () => output,
    logLines: () => entries,
    line(match) {
      const found = entries.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        waiting.push({ match, resolve });
        void closed.then((exit) => reject(new Error(`the hub exited (${exit.code ?? exit.signal}) before the expected line; its output:\n${output}`)));
      });
    },
    exited: closed,
  };
}

/** The hub's URL once it says it listens. */
export async function listening(hub: HubProcess): Promise<string> {
  const entry = await hub.line((e) => e.msg === 'listening');
  return String(entry.url);
}
