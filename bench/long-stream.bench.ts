// A command on a long stream (issue 16, item 6): a licence amended 10,000 times against one with
// 10 events, through the command pipeline on the embedded store, in process. The pipeline remembers
// each stream's folded state (src/commands/stream-states.ts), so after the first command it reads
// only what was appended since; the first, cold command on each stream shows the whole-stream fold.
//
//   npx tsx bench/long-stream.bench.ts     (LONG=10000 COMMANDS=500 by default)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleCommand } from '../src/commands/handler.ts';
import { licensingDecider, type LicensingCommand } from '../src/domain/licensing.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventStore } from '../src/eventstore/types.ts';
import { writeLicensingLog } from './licensing-log.ts';
import { fmt, median } from './support.ts';

const LONG = Number(process.env.LONG ?? 10_000);
const COMMANDS = Number(process.env.COMMANDS ?? 500);
const director = { id: 'bench-director', name: 'Bench Director', roles: ['director' as const] };
let sent = 0;

/** Milliseconds per amendLicense on `licenseId`: the first (cold) one, and the median of the rest. */
async function amend(store: EventStore, licenseId: string): Promise<{ cold: number; warm: number }> {
  const times: number[] = [];
  for (let i = 0; i < COMMANDS; i++) {
    const command: LicensingCommand = { type: 'amendLicense', licenseId, capacity: 200 + (i % 2), reason: 'bench', amendedOn: '2026-01-01' };
    const started = performance.now();
    await handleCommand(store, {
      decider: licensingDecider,
      stream: `license-${licenseId}`,
      command,
      target: { kind: 'existing', entity: 'licence', id: licenseId },
      actor: director,
      commandId: `bench-${sent++}`,
      correlationId: 'bench',
      now: '2026-11-30T09:00:00.000Z',
    });
    times.push(performance.now() - started);
  }
  return { cold: times[0]!, warm: median(times.slice(1)) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sapat-long-stream-'));
  try {
    // Two logs of one licence each: one long, one short, so each stream is `bench00000000`.
    await writeLicensingLog(join(dir, 'long.db'), LONG, LONG);
    await writeLicensingLog(join(dir, 'short.db'), 10, 10);
    const long = openSqliteEventStore({ path: join(dir, 'long.db') });
    const short = openSqliteEventStore({ path: join(dir, 'short.db') });
    const onShort = await amend(short, 'bench00000000');
    const onLong = await amend(long, 'bench00000000');
    console.log(`Node ${process.version}; ${COMMANDS} amendLicense commands per stream, synchronous=FULL`);
    console.log(`stream of 10 events: first ${fmt(onShort.cold, 2)} ms, then median ${fmt(onShort.warm, 3)} ms per command`);
    console.log(`stream of ${fmt(LONG)} events: first ${fmt(onLong.cold, 2)} ms (the whole fold), then median ${fmt(onLong.warm, 3)} ms per command`);
    console.log(`long / short, after the first command: ${fmt(onLong.warm / onShort.warm, 2)} (1.0 = the stream's length costs nothing)`);
    await Promise.all([long.close(), short.close()]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
