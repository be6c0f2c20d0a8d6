// Fan-out: many integrations on one hub. Starts the hub as `npm start` does (a child process on a
// temporary data directory) and measures, in one run:
//   1. the baseline: commands/s with no subscriber (BURST licence applications, CONCURRENCY writers);
//   2. the same burst while SUBSCRIBERS concurrent SSE subscriptions to `events(after:)` receive it:
//      commands/s, and the latency from the store's commit (recordedAt) to arrival at each
//      subscriber, as a distribution. The subscribers are lean clients (bench/lean-sse.ts) that read
//      position and recordedAt from the raw frames; CLIENT=graphql-sse uses the real graphql-sse
//      client instead, which costs the bench process several times as much CPU;
//   3. the baseline again once the subscribers are gone (the machine's load drifts; the ratio is
//      taken against the mean of 1 and 3).
// Every subscriber must receive every event of the burst (the positions the writers were answered
// with) once and in order (checked, not assumed). The bench prints its own CPU time during the
// burst with subscribers: it shares the two cores with the hub. The hub's
// /metrics tell how many executions the deliveries took (sapat_subscription_executions_total).
//
//   npx tsx bench/fanout.bench.ts            (SUBSCRIBERS=500 BURST=1000 CONCURRENCY=16 by default)
//   HUB_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npx tsx bench/fanout.bench.ts   (profiles the hub)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-sse';
import { signToken } from '../src/auth/tokens.ts';
import { subscribeLean } from './lean-sse.ts';
import { newProgrammeApplication } from './support.ts';

const SUBSCRIBERS = Number(process.env.SUBSCRIBERS ?? 500);
const BURST = Number(process.env.BURST ?? 1000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const CLIENT = process.env.CLIENT === 'graphql-sse' ? 'graphql-sse' : 'lean';
const SECRET = 'fan-out-benchmark-secret-of-at-least-32-chars';

async function startHub(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const flags = process.env.HUB_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      SAPAT_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      SAPAT_JWT_SECRET: SECRET,
      SAPAT_LOG_LEVEL: 'error',
      SAPAT_RATE_LIMIT_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the hub did not start:\n${output}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/[\d.]+:\d+\/graphql)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function gql(url: string, token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

const APPLY = `mutation($input: ApplyForLicenseInput!) { applyForLicense(input: $input) { __typename ... on LicensePayload { position } } }`;
let applications = 0;
/** Each application is for a programme never applied for, as the hub refuses a second pending one. */
const application = () => newProgrammeApplication(applications++);

/** BURST applications from CONCURRENCY writers as fast as the hub takes them; commands/s, and the positions of the events they appended. */
async function burst(url: string, token: string): Promise<{ seconds: number; perSecond: number; positions: number[] }> {
  const started = performance.now();
  let next = 0;
  const positions: number[] = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < BURST) {
        next++;
        const res = await gql(url, token, APPLY, { input: application() });
        if (res.data?.applyForLicense?.__typename !== 'LicensePayload') throw new Error(`a mutation failed: ${JSON.stringify(res)}`);
        positions.push(Number(res.data.applyForLicense.position));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds, perSecond: BURST / seconds, positions: positions.sort((a, b) => a - b) };
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
  return Number(new RegExp(`^${name} ([\\d.e+-]+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
}

/** A burst, with the hub's CPU time per command (from its /metrics): on a busy machine the rate varies with what else runs, the CPU cost much less. */
async function measured(url: string, token: string, whileRunning?: Promise<unknown>) {
  const cpuBefore = await metric(url, 'process_cpu_seconds_total');
  const ownBefore = process.cpuUsage();
  const result = await burst(url, token);
  await whileRunning;
  const own = process.cpuUsage(ownBefore);
  const cpuMsPerCommand = (((await metric(url, 'process_cpu_seconds_total')) - cpuBefore) * 1000) / BURST;
  return { ...result, cpuMsPerCommand, benchCpuMsPerCommand: (own.user + own.system) / 1000 / BURST };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sapat-fanout-'));
  const hub = await startHub(dataDir);
  try {
    const director = await signToken({ secret: SECRET }, { id: 'bench-director', name: 'Bench Director', roles: ['director'] }, '1h');
    const integration = await signToken({ secret: SECRET }, { id: 'bench-integration', name: 'Bench Integration', roles: ['integration'] }, '1h');
    await gql(hub.url, director, APPLY, { input: application() });
    // Warm-up: compiled code paths and SQLite pages, so the first measured burst is not the slowest.
    await burst(hub.url, director);

    const before = await measured(hub.url, director);
    const seeded = await gql(hub.url, director, APPLY, { input: application() });
    const after = seeded.data.applyForLicense.position as string;

    const QUERY = 'subscription($after: String) { events(after: $after) { position recordedAt } }';
    /** Per subscriber, the positions in the order they arrived; all latencies in one flat array. */
    const arrivals: number[][] = Array.from({ length: SUBSCRIBERS }, () => []);
    const latencies: number[] = [];
    const received = (s: number, position: number, latencyMs: number) => {
      arrivals[s]!.push(position);
      latencies.push(latencyMs);
    };
    const done: Promise<void>[] = [];
    const closers: (() => void)[] = [];
    for (let s = 0; s < SUBSCRIBERS; s++) {
      if (CLIENT === 'lean') {
        const subscription = subscribeLean({
          url: hub.url,
          token: integration,
          query: QUERY,
          variables: { after },
          count: BURST,
          onEvent: (position, latencyMs) => received(s, position, latencyMs),
        });
        done.push(subscription.done);
        closers.push(subscription.close);
        continue;
      }
      const client = createClient({ url: hub.url, headers: { authorization: `Bearer ${integration}` }, retryAttempts: 0 });
      closers.push(() => client.dispose());
      done.push(
        new Promise<void>((resolve, reject) => {
          client.subscribe(
            { query: QUERY, variables: { after } },
            {
              next: (value) => {
                const event = (value.data as { events: { position: string; recordedAt: string } }).events;
                received(s, Number(event.position), Date.now() - Date.parse(event.recordedAt));
                if (arrivals[s]!.length === BURST) resolve();
              },
              error: reject,
              complete: () => resolve(),
            },
          );
        }),
      );
    }
    // Every subscription open on the hub before the burst (they start after `after` anyway).
    while ((await metric(hub.url, 'sapat_live_subscriptions')) < SUBSCRIBERS) await new Promise((resolve) => setTimeout(resolve, 100));
    const executionsBefore = await metric(hub.url, 'sapat_subscription_executions_total');

    const burstStart = performance.now();
    let deliveredMs = 0;
    const during = await measured(
      hub.url,
      director,
      Promise.all(done).then(() => (deliveredMs = performance.now() - burstStart)),
    );
    const executions = (await metric(hub.url, 'sapat_subscription_executions_total')) - executionsBefore;
    for (const close of closers) close();
    while ((await metric(hub.url, 'sapat_live_subscriptions')) > 0) await new Promise((resolve) => setTimeout(resolve, 100));

    const afterwards = await measured(hub.url, director);

    // Exactly the burst's events, in log order: the same sequence as the writers' positions, sorted.
    const expected = during.positions;
    let inOrder = 0;
    for (const positions of arrivals) if (positions.length === expected.length && positions.every((p, i) => p === expected[i])) inOrder++;
    latencies.sort((a, b) => a - b);
    const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
    const baseline = (before.perSecond + afterwards.perSecond) / 2;
    console.log(
      `Node ${process.version}, ${SUBSCRIBERS} SSE subscribers (${CLIENT} client), bursts of ${BURST} applications, ${CONCURRENCY} concurrent writers`,
    );
    console.log(
      `no subscribers: ${Math.round(before.perSecond)} commands/s before, ${Math.round(afterwards.perSecond)} after (baseline ${Math.round(baseline)})`,
    );
    console.log(
      `${SUBSCRIBERS} subscribers: ${Math.round(during.perSecond)} commands/s (burst written in ${during.seconds.toFixed(2)} s; all deliveries done after ${(deliveredMs / 1000).toFixed(2)} s)`,
    );
    console.log(`ratio (with subscribers / baseline): ${(during.perSecond / baseline).toFixed(2)}`);
    const baselineCpu = (before.cpuMsPerCommand + afterwards.cpuMsPerCommand) / 2;
    console.log(
      `hub CPU per command, deliveries included: ${during.cpuMsPerCommand.toFixed(2)} ms with subscribers, ${baselineCpu.toFixed(2)} ms without (ratio ${(baselineCpu / during.cpuMsPerCommand).toFixed(2)})`,
    );
    console.log(
      `bench process CPU per command (writers, and the subscribers' clients): ${during.benchCpuMsPerCommand.toFixed(2)} ms with subscribers, ${before.benchCpuMsPerCommand.toFixed(2)} ms without`,
    );
    console.log(`subscribers that received all ${BURST} events once and in order: ${inOrder}/${SUBSCRIBERS}`);
    console.log(
      `deliveries: ${latencies.length} (${Math.round(latencies.length / (deliveredMs / 1000))}/s), selections executed: ${Number.isNaN(executions) ? 'not reported' : executions}`,
    );
    console.log(
      `latency commit→subscriber (ms): p50 ${percentile(latencies, 50)}  p90 ${percentile(latencies, 90)}  p99 ${percentile(latencies, 99)}  max ${latencies.at(-1)}  mean ${mean.toFixed(1)}`,
    );
    if (inOrder !== SUBSCRIBERS) process.exitCode = 1;
  } finally {
    await hub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
