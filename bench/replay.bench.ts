// The long-log rows of issue 16, on one generated licensing log (bench/licensing-log.ts):
//   - replay: every read model rebuilt from the log into a fresh database (what `npm run replay`
//     does before comparing digests), against the floor of reading the same log (`store.readAll`);
//   - start-up to /ready: the first one on the log (automation.db is built too), then without
//     read-models.db (a rebuild), then with the read models current, sampling /health every 20 ms
//     throughout to see whether the hub answers meanwhile;
//   - /health while one SSE client catches up on CATCH_UP events from the start of the log.
//
//   npx tsx bench/replay.bench.ts        (EVENTS=1000000 CATCH_UP=200000 by default; several minutes)
//   LOG=/tmp/log-1m.db npx tsx bench/replay.bench.ts   keeps the generated log there and reuses it next time
//   HUB=dist npx tsx bench/replay.bench.ts   starts the compiled hub, as `npm run start:prod` does (`npm run build` first)
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createClient } from 'graphql-sse';
import { openReadModelDatabase } from '../projections/database.ts';
import { rebuildInto } from '../projections/digest.ts';
import { signToken } from '../src/auth/tokens.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import { allProjections } from '../src/modules.ts';
import { writeLicensingLog } from './licensing-log.ts';
import { fmt, percentile, SECRET, startHub } from './support.ts';

const EVENTS = Number(process.env.EVENTS ?? 1_000_000);
const CATCH_UP = Number(process.env.CATCH_UP ?? 200_000);
/** A file to keep the generated log in and to take it from next time (writing 1M events takes minutes); it must hold EVENTS events. */
const LOG = process.env.LOG;

/**
 * Polls /health every 20 ms until stopped, from a process of its own: the bench process also parses
 * the SSE stream it measures, and a burst of frames there would delay its own fetches and be counted
 * against the hub. The sampler is plain JavaScript run by node, so it starts in milliseconds.
 */
const SAMPLER = `
const latencies = [];
let running = true;
process.stdin.on('end', () => (running = false)).resume();
(async () => {
  // The first fetch of a process loads its HTTP client (tens of ms): not the hub's time.
  try { await fetch(process.argv[1] + '/health'); } catch {}
  while (running) {
    const sent = performance.now();
    try { await fetch(process.argv[1] + '/health', { signal: AbortSignal.timeout(60000) }); } catch {}
    latencies.push(performance.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  process.stdout.write(JSON.stringify(latencies));
})();`;

function sampleHealth(base: string) {
  const child = spawn(process.execPath, ['-e', SAMPLER, base], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    async stop() {
      child.stdin.end();
      await exited;
      const sorted = (JSON.parse(out || '[]') as number[]).sort((a, b) => a - b);
      return { samples: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
    },
  };
}

/** Waits until every automation consumer's checkpoint is within 500 events of the head (others' checkpoints are saved every 500). */
async function automationCaughtUp(dataDir: string, head: number): Promise<void> {
  for (;;) {
    const db = new Database(join(dataDir, 'automation.db'), { readonly: true, fileMustExist: true });
    const positions = (db.prepare('SELECT position FROM automation_checkpoints').all() as { position: string }[]).map((r) => Number(r.position));
    db.close();
    if (positions.length > 0 && positions.every((p) => p > head - 500)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function waitReady(base: string): Promise<void> {
  for (;;) {
    const response = await fetch(`${base}/ready`).catch(() => undefined);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const health = (h: { samples: number; p50: number; p99: number; max: number }) =>
  `/health p50 ${fmt(h.p50, 1)} ms, p99 ${fmt(h.p99, 1)} ms, max ${fmt(h.max, 1)} ms over ${h.samples} samples`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sapat-replay-bench-'));
  try {
    const path = join(dataDir, 'events.db');
    let started = performance.now();
    if (LOG && existsSync(LOG)) {
      copyFileSync(LOG, path);
      console.log(`Node ${process.version}; log of ${fmt(EVENTS)} licensing events copied from ${LOG}`);
    } else {
      const licences = await writeLicensingLog(path, EVENTS);
      console.log(
        `Node ${process.version}; log of ${fmt(EVENTS)} licensing events (${fmt(licences)} licences) written in ${fmt((performance.now() - started) / 1000, 1)} s`,
      );
      if (LOG) copyFileSync(path, LOG);
    }

    const store = openSqliteEventStore({ path });
    started = performance.now();
    let read = 0;
    for await (const _ of store.readAll()) read++;
    const readRate = read / ((performance.now() - started) / 1000);

    const scratch = mkdtempSync(join(tmpdir(), 'sapat-replay-into-'));
    const db = openReadModelDatabase(join(scratch, 'read-models.db'));
    started = performance.now();
    // As `npm run replay` does: rebuildInto upcasts the log itself.
    await rebuildInto(store, db, allProjections);
    const replayRate = EVENTS / ((performance.now() - started) / 1000);
    db.close();
    rmSync(scratch, { recursive: true, force: true });
    await store.close();
    console.log(
      `replay (every read model from zero): ${fmt(replayRate)} events/s; readAll of the same log: ${fmt(readRate)} events/s; ratio ${fmt(replayRate / readRate, 2)} (target ≥ 100,000 events/s)`,
    );

    // The first start on a log the hub has never seen: besides the read models, the automation
    // (reactors, the clock's feeder) reads the whole log into automation.db, one fsync per event it handles.
    started = performance.now();
    let hubStarting = startHub(dataDir);
    let base = '';
    const first = await (async () => {
      const hub = await hubStarting;
      base = hub.url.replace(/\/graphql$/, '');
      const sampler = sampleHealth(base);
      await waitReady(base);
      const seconds = (performance.now() - started) / 1000;
      const result = await sampler.stop();
      // Let the automation finish its first reading, so the rebuild below is measured on its own.
      await automationCaughtUp(dataDir, EVENTS);
      await hub.stop();
      return { seconds, result };
    })();
    console.log(
      `first start-up (no read-models.db, no automation.db) to /ready: ${fmt(first.seconds, 2)} s; ${health(first.result)} (from the first answer on)`,
    );

    // Start-up without read-models.db (deleted, as an operator would; automation.db kept): the hub
    // rebuilds every read model; /health is sampled from the spawn on.
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `read-models.db${suffix}`), { force: true });
    started = performance.now();
    hubStarting = startHub(dataDir);
    const rebuildHealth = await (async () => {
      const hub = await hubStarting;
      base = hub.url.replace(/\/graphql$/, '');
      const sampler = sampleHealth(base);
      await waitReady(base);
      const seconds = (performance.now() - started) / 1000;
      const result = await sampler.stop();
      await hub.stop();
      return { seconds, result };
    })();
    console.log(
      `start-up without read-models.db (a rebuild) to /ready: ${fmt(rebuildHealth.seconds, 2)} s (target < 10 s); ${health(rebuildHealth.result)} (from the first answer on)`,
    );

    started = performance.now();
    hubStarting = startHub(dataDir);
    const hub = await hubStarting;
    base = hub.url.replace(/\/graphql$/, '');
    await waitReady(base);
    console.log(`start-up with the read models current to /ready: ${fmt((performance.now() - started) / 1000, 2)} s (target < 2 s)`);

    try {
      const integration = await signToken({ secret: SECRET }, { id: 'bench-integration', name: 'Bench Integration', roles: ['integration'] }, '1h');
      const idle = sampleHealth(base);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const idleHealth = await idle.stop();
      const sampler = sampleHealth(base);
      const client = createClient({ url: hub.url, headers: { authorization: `Bearer ${integration}` }, retryAttempts: 0 });
      started = performance.now();
      await new Promise<void>((resolve, reject) => {
        let received = 0;
        const dispose = client.subscribe(
          { query: 'subscription { events { position } }' },
          {
            next: () => {
              if (++received === CATCH_UP) dispose(), resolve();
            },
            error: reject,
            complete: () => resolve(),
          },
        );
      });
      const catchUpSeconds = (performance.now() - started) / 1000;
      const during = await sampler.stop();
      client.dispose();
      console.log(
        `one SSE client catching up on ${fmt(CATCH_UP)} events: ${fmt(catchUpSeconds, 1)} s (${fmt(CATCH_UP / catchUpSeconds)} events/s); ${health(during)}; idle ${health(idleHealth)} (target p99 < 50 ms)`,
      );
    } finally {
      await hub.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
