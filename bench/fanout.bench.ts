// Fan-out: many integrations on one hub. Starts the hub as `npm start` does (a child process on a
// temporary data directory), opens SUBSCRIBERS concurrent SSE subscriptions to `events(after:)`
// with the real graphql-sse client, then applies for BURST licences as fast as the hub takes them.
// Every subscriber must receive every event once and in order; the latency from the store's commit
// (recordedAt) to arrival at each subscriber is recorded as a distribution.
//
//   npx tsx bench/fanout.bench.ts            (SUBSCRIBERS=500 BURST=1000 CONCURRENCY=16 by default)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-sse';
import { signToken } from '../src/auth/tokens.ts';

const SUBSCRIBERS = Number(process.env.SUBSCRIBERS ?? 500);
const BURST = Number(process.env.BURST ?? 1000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const SECRET = 'fan-out-benchmark-secret-of-at-least-32-chars';

type Arrival = { position: string; latencyMs: number };

async function startHub(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
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
const application = (i: number) => ({
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sapat-fanout-'));
  const hub = await startHub(dataDir);
  try {
    const director = await signToken({ secret: SECRET }, { id: 'bench-director', name: 'Bench Director', roles: ['director'] }, '1h');
    const integration = await signToken({ secret: SECRET }, { id: 'bench-integration', name: 'Bench Integration', roles: ['integration'] }, '1h');
    const seeded = await gql(hub.url, director, APPLY, { input: application(-1) });
    const after = seeded.data.applyForLicense.position as string;

    const arrivals: Arrival[][] = Array.from({ length: SUBSCRIBERS }, () => []);
    let connected = 0;
    const done: Promise<void>[] = [];
    const clients = Array.from({ length: SUBSCRIBERS }, (_, s) => {
      const client = createClient({ url: hub.url, headers: { authorization: `Bearer ${integration}` }, retryAttempts: 0 });
      done.push(
        new Promise<void>((resolve, reject) => {
          let first = true;
          client.subscribe(
            { query: 'subscription($after: String) { events(after: $after) { position recordedAt } }', variables: { after } },
            {
              next: (value) => {
                const event = (value.data as { events: { position: string; recordedAt: string } }).events;
                if (first) first = false;
                arrivals[s]!.push({ position: event.position, latencyMs: Date.now() - Date.parse(event.recordedAt) });
                if (arrivals[s]!.length === BURST) resolve();
              },
              error: reject,
              complete: () => resolve(),
            },
          );
        }),
      );
      return client;
    });
    // Give the subscriptions a moment to reach the hub before the burst (they start after `after` anyway).
    await new Promise((resolve) => setTimeout(resolve, 2000));
    connected = SUBSCRIBERS;

    const burstStart = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < BURST) {
          const i = next++;
          const res = await gql(hub.url, director, APPLY, { input: application(i) });
          if (res.data?.applyForLicense?.__typename !== 'LicensePayload') throw new Error(`mutation ${i} failed: ${JSON.stringify(res)}`);
        }
      }),
    );
    const burstMs = performance.now() - burstStart;
    await Promise.all(done);
    const deliveredMs = performance.now() - burstStart;
    for (const client of clients) client.dispose();

    let inOrder = 0;
    const latencies: number[] = [];
    for (const list of arrivals) {
      const positions = list.map((a) => Number(a.position));
      if (positions.length === BURST && positions.every((p, i) => i === 0 || p > positions[i - 1]!) && new Set(positions).size === BURST) inOrder++;
      for (const a of list) latencies.push(a.latencyMs);
    }
    latencies.sort((a, b) => a - b);
    const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
    console.log(
      `Node ${process.version}, ${SUBSCRIBERS} SSE subscribers (${connected} connected), burst of ${BURST} events, ${CONCURRENCY} concurrent writers`,
    );
    console.log(
      `burst written in ${(burstMs / 1000).toFixed(2)} s (${Math.round(BURST / (burstMs / 1000))} commands/s); all deliveries done after ${(deliveredMs / 1000).toFixed(2)} s`,
    );
    console.log(`subscribers that received all ${BURST} events once and in order: ${inOrder}/${SUBSCRIBERS}`);
    console.log(`deliveries: ${latencies.length} (${Math.round(latencies.length / (deliveredMs / 1000))}/s)`);
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
