// What the HTTP benchmarks share: a hub or a baseline server started as a child process on an
// ephemeral port, a GraphQL POST, closed-loop load from N concurrent clients, and percentiles.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const SECRET = 'http-benchmark-secret-of-at-least-32-characters';

/** `cpuSeconds`: the server process's CPU time so far (user + system, from /proc; NaN where there is none). */
export type Server = { url: string; stop: () => Promise<void>; cpuSeconds: () => number };

/** A child's CPU time from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux). */
function cpuSecondsOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** The hub as `npm start` runs it, or with HUB=dist as `npm run start:prod` does (after `npm run build`). */
const hubScript = process.env.HUB === 'dist' ? 'dist/src/main.js' : 'src/main.ts';

/**
 * Starts `node --import tsx <script>` (plain `node` for compiled JavaScript) and waits for the
 * first http://…/graphql URL it prints. HUB_NODE_FLAGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`)
 * go to the hub only, not the baseline.
 */
export async function startServer(script: string, env: Record<string, string> = {}): Promise<Server> {
  const flags = script === hubScript ? (process.env.HUB_NODE_FLAGS?.split(' ').filter(Boolean) ?? []) : [];
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...flags, ...loader, script], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: process.env.BENCH_NODE_ENV ?? 'production', SAPAT_LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/[\d.]+:\d+\/graphql)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
  return {
    url,
    cpuSeconds: () => cpuSecondsOf(child.pid),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The hub on a data directory, with rate limiting out of the way. */
export const startHub = (dataDir: string) =>
  startServer(hubScript, { SAPAT_DATA_DIR: dataDir, SAPAT_JWT_SECRET: SECRET, SAPAT_RATE_LIMIT_PER_MINUTE: '100000000' });

export async function gql(url: string, token: string | undefined, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** `cpuMsPerRequest`: the server's own CPU per answered request, when `load` was given the server. */
export type LoadResult = { perSecond: number; p50: number; p99: number; cpuMsPerRequest: number };

/** Closed loop: `clients` callers each send the next request when the previous one answers. */
export async function load(seconds: number, clients: number, request: (i: number) => Promise<void>, server?: Server): Promise<LoadResult> {
  const cpuBefore = server?.cpuSeconds() ?? Number.NaN;
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const sent = performance.now();
        await request(next++);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const cpuMsPerRequest = (((server?.cpuSeconds() ?? Number.NaN) - cpuBefore) * 1000) / latencies.length;
  return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), cpuMsPerRequest };
}

export const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The `i`-th application for a programme never applied for (the hub refuses a second pending one). */
export const newProgrammeApplication = (i: number) => ({
  programme: {
    code: String(100000 + i),
    name: { ky: 'Программа', ru: 'Программа', en: 'Programme' },
    level: 'BACHELOR',
    formOfStudy: 'FULL_TIME',
    faculty: `Faculty ${i % 12}`,
  },
  requestedCapacity: 50 + (i % 100),
  submittedOn: '2026-01-15',
});
