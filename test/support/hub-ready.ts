// The hub as `npm start` runs it, in a child process of its own, for the tests where the process
// boundary is the point: signals, SIGKILL, an event loop the clients do not share. A start is
// awaited on the hub's own signals, its `listening` log line and then /ready answering 200, never
// on a sleep. The ceilings are generous: under tsx on a loaded two-core machine a start can take
// many seconds, and a ceiling is only there to turn a hang into a failure with the hub's output.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_SECRET } from './fixtures.ts';

const repository = fileURLToPath(new URL('../..', import.meta.url));

/** Longest a start, or a stop after SIGTERM, may take before the test gives up on the hub. */
export const PROCESS_CEILING_MS = 120_000;

export type LogLine = { time: string; level: string; msg: string; [field: string]: unknown };

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type HubProcess = {
  child: ChildProcess;
  /** The GraphQL endpoint the hub announced. */
  url: string;
  /** Its origin, for /health, /ready and /metrics. */
  base: string;
  /** Every JSON log line printed on stdout so far. */
  logLines(): LogLine[];
  /** The tail of everything printed, for failure messages. */
  output(): string;
  exited: Promise<Exit>;
};

const parseLine = (line: string): LogLine | undefined => {
  if (!line.trimStart().startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    return undefined;
  }
};

/** Starts `src/main.ts` on `dataDir` at a free port; resolves once it listens and, unless told otherwise, is ready. */
export async function startHubProcess(dataDir: string, env: Record<string, string> = {}, options: { waitForReady?: boolean } = {}): Promise<HubProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repository,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      SAPAT_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      SAPAT_JWT_SECRET: TEST_SECRET,
      // The `listening` line is an info entry: a quieter level would hide the signal waited for.
      SAPAT_LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  let output = '';
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let announced: (url: string) => void = () => {};
  const listening = new Promise<string>((resolve) => (announced = resolve));
  // Both pipes are always drained (a full pipe would stall the hub); only the tail is kept.
  for (const stream of [child.stdout!, child.stderr!]) {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      output = (output + chunk).slice(-20_000);
      const complete = (partial + chunk).split('\n');
      partial = complete.pop() ?? '';
      if (stream !== child.stdout) return;
      for (const text of complete) {
        const line = parseLine(text);
        if (!line) continue;
        lines.push(line);
        if (line.msg === 'listening' && typeof line.url === 'string') announced(line.url);
      }
    });
  }
  const failure = (why: string) => new Error(`${why}; its output:\n${output}`);
  const url = await within(
    Promise.race([listening, exited.then(({ code, signal }) => Promise.reject(failure(`the hub exited (${code ?? signal}) before it was listening`)))]),
    () => failure(`the hub was not listening within ${PROCESS_CEILING_MS / 1000} s`),
    () => child.kill('SIGKILL'),
  );
  const base = new URL(url).origin;
  if (options.waitForReady !== false) {
    await within(
      ready(base, exited),
      () => failure(`the hub was not ready within ${PROCESS_CEILING_MS / 1000} s`),
      () => child.kill('SIGKILL'),
    );
  }
  return { child, url, base, logLines: () => lines, output: () => output, exited };
}

/** Polls /ready until it answers 200: the hub's read models have caught up with its log. */
async function ready(base: string, exited: Promise<Exit>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  while (!gone) {
    const status = await fetch(`${base}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the hub exited before it was ready');
}

async function within<T>(work: Promise<T>, timedOut: () => Error, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const ceiling = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(timedOut());
    }, PROCESS_CEILING_MS);
  });
  try {
    return await Promise.race([work, ceiling]);
  } finally {
    clearTimeout(timer);
  }
}

/** Sends `signal` as a process manager would and waits for the exit; SIGKILL only past the ceiling. */
export async function stopHubProcess(hub: HubProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit> {
  hub.child.kill(signal);
  const timer = setTimeout(() => hub.child.kill('SIGKILL'), PROCESS_CEILING_MS);
  try {
    return await hub.exited;
  } finally {
    clearTimeout(timer);
  }
}
