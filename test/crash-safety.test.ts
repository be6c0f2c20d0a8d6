// The hub as `npm start` runs it, in a child process, killed with SIGKILL at random moments while
// several clients send licensing mutations; restarted on the same data each time. After each
// restart every acknowledged mutation's event is in the log exactly once, with the revision and
// position the client was given; the log has no duplicate and no gap in any stream; mutations
// that were in flight at the kill are in the log at most once, and sending them again either
// replays the stored answer or stores them once; and the read models, once the hub has stopped
// cleanly, equal a fresh replay of the log.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadModelDatabase } from '../projections/database.ts';
import { readModelDigests, rebuildInto } from '../projections/digest.ts';
import { entityIdFor, eventIdFor } from '../src/commands/ids.ts';
import { licenseCategory } from '../src/domain/licensing.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import { allProjections } from '../src/modules.ts';
import { director, temporaryDirectory, tokenFor } from './support/fixtures.ts';
import { PROCESS_CEILING_MS, startHubProcess, stopHubProcess, type HubProcess } from './support/hub-ready.ts';
import { applicationInput, expertGroupInput } from './support/licensing.ts';
import { AMEND, APPLY, CONCLUDE, FORM_GROUP, GRANT, RESUME, SUSPEND } from './support/licensing-operations.ts';

const SEED = Number(process.env.SAPAT_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ROUNDS = 5;
/** A round starts and stops the hub up to twice on a possibly loaded machine: a ceiling for a hang, not an expectation. */
const ROUND_CEILING_MS = 3 * PROCESS_CEILING_MS;
const CLIENTS = 4;

/**
 * mulberry32: small and seedable. The seed fixes when each round's kill comes and what each client
 * chooses to send; which command is in flight at the kill is still up to the scheduler.
 */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}
/** Kill delays come from here, one draw per round, so the seed fixes them. */
const killSchedule = prng(SEED);

// ---------------------------------------------------------------------------------------------
// The hub in a child process.

type RunningHub = HubProcess;

async function startHub(dataDir: string): Promise<RunningHub> {
  // Four clients as one director, as fast as the hub answers: more than a person's allowance.
  return startHubProcess(dataDir, { SAPAT_RATE_LIMIT_PER_MINUTE: '0' });
}

async function stopGracefully(hub: RunningHub): Promise<void> {
  expect(await stopHubProcess(hub), `the hub did not stop cleanly on SIGTERM; its output:\n${hub.output()}`).toEqual({ code: 0, signal: null });
}

// ---------------------------------------------------------------------------------------------
// The clients: each licence goes through its lifecycle, one command at a time.

type Sent = { commandId: string; operation: string; input: Record<string, unknown>; licenseId: string; licence: Licence };
type Acknowledged = Sent & { revision: number; position: string; replayed: boolean };
type Licence = { id: string; steps: number; revision: number; busy: boolean };

const licences: Licence[] = [];
const acknowledged: Acknowledged[] = [];
/** Mutations whose answer never came (in flight at a kill), waiting to be checked and sent again. */
let inFlight: Sent[] = [];
let sequence = 0;

/** The next command of a licence's lifecycle: group, conclusion, grant, then amend / suspend / resume in turn. */
function nextCommand(licence: Licence): { operation: string; input: Record<string, unknown> } {
  const licenseId = licence.id;
  const step = licence.steps;
  if (step === 1) return { operation: FORM_GROUP, input: expertGroupInput(licenseId) };
  if (step === 2) return { operation: CONCLUDE, input: { licenseId, outcome: 'POSITIVE', summary: 'Meets the requirements', concludedOn: '2026-02-20' } };
  if (step === 3)
    return { operation: GRANT, input: { licenseId, licenseNumber: `LS-${licenseId}`, appendixNumber: '1', grantedOn: '2026-03-01', validUntil: '2036-02-28' } };
  const phase = (step - 4) % 3;
  if (phase === 0) return { operation: AMEND, input: { licenseId, capacity: 100 + step, reason: 'Capacity changed', amendedOn: '2026-06-01' } };
  if (phase === 1) return { operation: SUSPEND, input: { licenseId, reason: 'Inspection', suspendedOn: '2026-06-01' } };
  return { operation: RESUME, input: { licenseId, resumedOn: '2026-06-01' } };
}

async function send(hub: RunningHub, token: string, operation: string, input: Record<string, unknown>) {
  const response = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: operation, variables: { input } }),
    // A ceiling for a hang only: the kill itself ends a request at once.
    signal: AbortSignal.timeout(PROCESS_CEILING_MS),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  return { status: response.status, body, payload: Object.values(body.data ?? {})[0] as Record<string, any> | undefined };
}

/** Any answer but a first-time success payload, and any lost answer before the kill: each one fails the round. */
const surprises: string[] = [];

async function client(hub: RunningHub, token: string, round: number, index: number, killed: () => boolean, onAck: () => void): Promise<void> {
  const random = prng(SEED + round * 101 + index);
  while (!killed()) {
    const idle = licences.filter((l) => !l.busy);
    // Mostly follow-ups, so that licences get past their grant to amendments, suspensions and resumptions.
    const applying = idle.length === 0 || random.next() < 0.15;
    const commandId = `crash-${SEED}-r${round}-c${index}-${++sequence}`;
    let licence: Licence;
    let command: { operation: string; input: Record<string, unknown> };
    if (applying) {
      licence = { id: entityIdFor(licenseCategory, commandId), steps: 0, revision: -1, busy: true };
      command = { operation: APPLY, input: applicationInput({ programme: { ...applicationInput().programme, code: String(100000 + sequence) } }) };
    } else {
      licence = idle[random.int(0, idle.length - 1)]!;
      licence.busy = true;
      command = nextCommand(licence);
      if (random.next() < 0.5) command.input = { ...command.input, expectedRevision: licence.revision };
    }
    const sent: Sent = { commandId, operation: command.operation, input: { ...command.input, commandId }, licenseId: licence.id, licence };
    try {
      const { status, payload, body } = await send(hub, token, sent.operation, sent.input);
      // Every command here is valid for its licence and no other client touches that licence meanwhile.
      if (status !== 200 || payload?.__typename !== 'LicensePayload' || payload.replayed) {
        surprises.push(`${commandId}: ${status} ${JSON.stringify(body)}`);
        continue;
      }
      acknowledged.push({ ...sent, revision: payload.revision, position: payload.position, replayed: payload.replayed });
      settle(licence, payload.revision);
      onAck();
    } catch (error) {
      // No answer: the hub was killed while this one was in flight (or before it connected).
      if (!killed()) surprises.push(`${commandId}: ${(error as Error).message}`);
      inFlight.push(sent);
    }
  }
}

/** The licence's command is in the log: it moves one step on. */
function settle(licence: Licence, revision: number): void {
  if (licence.steps === 0 && !licences.includes(licence)) licences.push(licence);
  licence.steps += 1;
  licence.revision = revision;
  licence.busy = false;
}

// ---------------------------------------------------------------------------------------------
// What must hold after a restart.

type EventRow = { position: bigint; id: string; stream: string; revision: bigint; commandId: string };

function readLog(dataDir: string): EventRow[] {
  const db = new Database(join(dataDir, 'events.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare("SELECT position, id, stream, revision, json_extract(metadata, '$.commandId') AS commandId FROM events ORDER BY position")
      .safeIntegers(true)
      .all() as EventRow[];
  } finally {
    db.close();
  }
}

function checkLog(dataDir: string): Map<string, EventRow[]> {
  const log = readLog(dataDir);
  const ids = new Set<string>();
  const heads = new Map<string, bigint>();
  const byCommand = new Map<string, EventRow[]>();
  let previous = 0n;
  for (const event of log) {
    expect(ids.has(event.id), `event id ${event.id} stored twice`).toBe(false);
    ids.add(event.id);
    expect(event.position > previous, `position ${event.position} after ${previous}`).toBe(true);
    previous = event.position;
    // Streams grow by one revision at a time: no gap and no repeat.
    const expected = (heads.get(event.stream) ?? -1n) + 1n;
    expect(event.revision, `${event.stream} at position ${event.position}`).toBe(expected);
    heads.set(event.stream, event.revision);
    const events = byCommand.get(event.commandId) ?? [];
    expect(event.id, `event ${events.length} of command ${event.commandId}`).toBe(eventIdFor(event.commandId, events.length));
    events.push(event);
    byCommand.set(event.commandId, events);
  }
  for (const ack of acknowledged) {
    const events = byCommand.get(ack.commandId) ?? [];
    expect(events.length, `acknowledged ${ack.commandId} is in the log ${events.length} times`).toBe(1);
    const [event] = events;
    expect({ stream: event!.stream, revision: Number(event!.revision), position: String(event!.position) }, ack.commandId).toEqual({
      stream: `${licenseCategory}-${ack.licenseId}`,
      revision: ack.revision,
      position: ack.position,
    });
  }
  return byCommand;
}

/** Each mutation that got no answer: in the log at most once; sent again, it is replayed or stored once. */
async function resendInFlight(hub: RunningHub, token: string, byCommand: Map<string, EventRow[]>): Promise<{ stored: number; resent: number }> {
  let stored = 0;
  for (const sent of inFlight) {
    const before = byCommand.get(sent.commandId) ?? [];
    expect(before.length, `in-flight ${sent.commandId} is in the log ${before.length} times`).toBeLessThanOrEqual(1);
    const { status, payload, body } = await send(hub, token, sent.operation, sent.input);
    expect({ status, typename: payload?.__typename }, `re-sent ${sent.commandId}: ${JSON.stringify(body)}`).toEqual({
      status: 200,
      typename: 'LicensePayload',
    });
    if (before.length === 1) {
      stored += 1;
      expect({ replayed: payload!.replayed, revision: payload!.revision, position: payload!.position }, sent.commandId).toEqual({
        replayed: true,
        revision: Number(before[0]!.revision),
        position: String(before[0]!.position),
      });
    } else {
      expect(payload!.replayed, sent.commandId).toBe(false);
    }
    acknowledged.push({ ...sent, revision: payload!.revision, position: payload!.position, replayed: payload!.replayed });
    settle(sent.licence, payload!.revision);
  }
  const resent = inFlight.length;
  inFlight = [];
  return { stored, resent };
}

/** With the hub stopped: the read models as it left them equal a rebuild from the log. */
async function compareWithReplay(dataDir: string): Promise<number> {
  const live = openReadModelDatabase(join(dataDir, 'read-models.db'));
  const fresh = openReadModelDatabase(':memory:');
  const store = openSqliteEventStore({ path: join(dataDir, 'events.db') });
  try {
    await rebuildInto(store, fresh, allProjections);
    const liveDigests = readModelDigests(live, allProjections);
    expect(liveDigests).toEqual(readModelDigests(fresh, allProjections));
    return liveDigests.reduce((sum, d) => sum + d.rows, 0);
  } finally {
    await store.close();
    fresh.close();
    live.close();
  }
}

// ---------------------------------------------------------------------------------------------

describe(`crash safety: the hub under load, killed with SIGKILL ${ROUNDS} times (seed ${SEED}; SAPAT_CRASH_SEED=${SEED} repeats the schedule)`, () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let token: string;
  let running: RunningHub | undefined;

  beforeAll(async () => {
    console.log(`crash-safety seed ${SEED}`);
    dir = temporaryDirectory();
    token = await tokenFor(director);
  });
  afterAll(async () => {
    if (running && running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
    await running?.exited;
    dir?.remove();
  });

  /** Restart after a kill: the log holds, in-flight mutations are settled, the read models equal a replay. */
  async function recover(round: number): Promise<void> {
    running = await startHub(dir.path);
    const byCommand = checkLog(dir.path);
    const { stored, resent } = await resendInFlight(running, token, byCommand);
    checkLog(dir.path);
    await stopGracefully(running);
    const rows = await compareWithReplay(dir.path);
    console.log(
      `after kill ${round}: ${acknowledged.length} acknowledged in all, ${resent} in flight at the kill (${stored} of them stored), ${rows} read-model rows equal to a replay`,
    );
  }

  for (let round = 1; round <= ROUNDS; round++) {
    it(
      `round ${round}: mutations from ${CLIENTS} clients, then SIGKILL at a random moment`,
      async () => {
        if (round > 1) await recover(round - 1);
        running = await startHub(dir.path);
        const hub = running;
        const acksBefore = acknowledged.length;
        const killAfterMs = killSchedule.int(0, 800);
        let killed = false;
        let firstAck!: () => void;
        const started = new Promise<void>((resolve) => (firstAck = resolve));
        const clients = Array.from({ length: CLIENTS }, (_, i) =>
          client(
            hub,
            token,
            round,
            i,
            () => killed,
            () => firstAck(),
          ),
        );
        // A few commands in first, so that every round's kill lands among live mutations.
        await started;
        await new Promise((resolve) => setTimeout(resolve, killAfterMs));
        killed = true;
        hub.child.kill('SIGKILL');
        expect((await hub.exited).signal).toBe('SIGKILL');
        await Promise.all(clients);
        expect(surprises, hub.output()).toEqual([]);
        console.log(
          `round ${round}: killed ${killAfterMs} ms after the first answer; ${acknowledged.length - acksBefore} acknowledged, ${inFlight.length} in flight`,
        );
        expect(acknowledged.length).toBeGreaterThan(acksBefore);
      },
      ROUND_CEILING_MS,
    );
  }

  it(
    `after the last kill: every acknowledged mutation once, in-flight ones settled, read models equal a replay`,
    async () => {
      await recover(ROUNDS);
      expect(
        licences.some((l) => l.steps > 4),
        'some licence went past its grant',
      ).toBe(true);
    },
    ROUND_CEILING_MS,
  );
});
