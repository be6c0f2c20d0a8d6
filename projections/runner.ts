// Keeps every read model up to date from one catch-up-then-live subscription to the event log.
// Each batch commits in one transaction, and each projection's part of it in a savepoint of its
// own together with its checkpoint: a crash can neither apply an event twice nor skip one, and a
// projection that cannot fold an event (a poison event, a bug) stops alone on that event while the
// others go on. A projection version seen for the first time builds from position zero beside the
// version that serves reads, and takes over (its view is swapped in) as soon as it has caught up.
// Checkpoints that the log does not back (a restored, older events.db) are rebuilt from zero.
import { z } from 'zod';
import { ReadModelLagError, ReadModelStoppedError } from '../src/domain/errors.ts';
import type { Labels } from '../src/domain/values.ts';
import { comparePositions, decodePosition, encodePosition, isAfter } from '../src/eventstore/position.ts';
import { readPages } from '../src/eventstore/pages.ts';
import type { EventStore, Position, RecordedEvent, Subscription } from '../src/eventstore/types.ts';
import { eventOf, openCheckpoints, type CheckpointRow, type ServingState } from './checkpoints.ts';
import type { ReadModelDatabase } from './database.ts';
import { physicalTable, tableNames, type ProjectionApplier, type ProjectionDefinition } from './projection.ts';

/** The event a projection could not fold, and why; it stays there until an operator acts (docs/operations.md). */
export type StoppedAt = { position: string; eventId: string; eventType: string; stream: string; error: string; at: string };

type Running = {
  definition: ProjectionDefinition;
  applier: ProjectionApplier;
  types: Set<string>;
  state: ServingState;
  position: Position | undefined;
  stopped: StoppedAt | undefined;
};

const readModelStateLabels: Labels<'live' | 'building' | 'stopped'> = {
  live: { ky: 'Иштеп жатат', ru: 'Обслуживает запросы', en: 'Serving reads' },
  building: { ky: 'Жанында курулууда', ru: 'Строится рядом с действующей', en: 'Building beside the serving version' },
  stopped: { ky: 'Окуяда токтоп калды', ru: 'Остановлена на событии', en: 'Stopped on an event' },
};

export const readModelState = z.enum(['live', 'building', 'stopped']).meta({
  id: 'ReadModelState',
  description: 'Whether a projection version serves reads, builds beside the serving one, or has stopped on an event it cannot fold.',
  labels: readModelStateLabels,
});

export type ProjectionStatus = {
  name: string;
  version: number;
  state: z.infer<typeof readModelState>;
  position: string | null;
  stoppedAt: StoppedAt | null;
};

export type ProjectionRunner = {
  /** Prepare tables and checkpoints, rebuild those the log does not back, and follow the log; resolves once following. */
  start(): Promise<void>;
  /**
   * Resolves once every serving read model includes the event at `position`. Rejects with
   * ReadModelStoppedError at once when a read model that folds `eventTypes` has stopped before it,
   * and with ReadModelLagError after `timeoutMs`. `appended` names the event just appended there:
   * if the read models have passed that position with another event, the log was rewound under
   * the hub (a store restored from a backup) and the checkpoints are checked again.
   */
  waitFor(position: Position, timeoutMs: number, revision?: bigint, options?: { eventTypes?: string[]; appended?: { eventId: string } }): Promise<void>;
  /** True once the read models have caught up with the log as it was when the runner (re)started, and none is stopped. */
  isCaughtUp(): boolean;
  status(): ProjectionStatus[];
  /** Called after each committed batch, with the events it applied. */
  onApplied(listener: (events: RecordedEvent[]) => void): () => void;
  /**
   * Called inside the batch's transaction right after the serving version of a read model applied an
   * event, with that read model's name, so the listener reads it as it stood at that event, not at the
   * end of the batch. Read models fold a batch one after another (each isolated from the others), so
   * a listener reads only the read model it is called for. What it reads is only true once the batch
   * commits (onApplied).
   */
  onEachApplied(listener: (event: RecordedEvent, projection: string) => void): () => void;
  /** How many change listeners are attached now (one per shared change feed, not per subscriber). */
  listenerCount(): number;
  /** The failure of the log subscription itself, which stops every read model, if any. */
  failure(): Error | undefined;
  stop(): Promise<void>;
};

const BATCH_LIMIT = 500;
/**
 * While catching up with the log as it stood at start (a rebuild, a new version building), batches
 * are larger: fewer commits, and a row folded many times within a batch is written once. How much
 * larger follows how fast the last batch folded, so that one batch holds the event loop for about
 * CATCH_UP_BATCH_MS (/health answers between batches), between BATCH_LIMIT and this many events.
 */
const CATCH_UP_BATCH_LIMIT = 5_000;
const CATCH_UP_BATCH_MS = 25;
/** How long events read during catch-up may wait in memory for a batch to fill. */
const CATCH_UP_WAIT_MS = 100;
/** Events per page read from the store while catching up; pages are gathered into batches. */
const CATCH_UP_PAGE_SIZE = 500;
/** Resolves after the event loop has polled for I/O (setImmediate runs after the poll phase). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** An error message kept with a stopped projection: enough to find the bug, never a whole dump. */
const ERROR_LENGTH = 500;
/** How many folded events are remembered to tell a fresh append from a rewound log. */
const RECENT_LIMIT = 10_000;

/** A position as a key of the recent events: the number itself when both parts agree (always, in the embedded store), no string built per event. */
const recentKey = (p: Position): bigint | string => (p.commit === p.prepare ? p.commit : encodePosition(p));

type Waiter = { position: Position; eventTypes: string[] | undefined; revision: bigint | undefined; since: number; settle: (error?: Error) => void };

export function createProjectionRunner(options: {
  store: EventStore;
  db: ReadModelDatabase;
  projections: ProjectionDefinition[];
  /** Told of each projection that stops, and of a failed log subscription. */
  onError?: (error: Error) => void;
  /** Batches while catching up: how many events at most, and how long the first may wait for the rest (defaults above). */
  catchUp?: { batchLimit?: number; waitMs?: number };
}): ProjectionRunner {
  const { store, db } = options;
  /** The catch-up batch size: fixed when given, else what folds in about CATCH_UP_BATCH_MS at the last batch's pace. */
  let catchUpLimit = options.catchUp?.batchLimit ?? BATCH_LIMIT;
  function paceCatchUp(events: number, ms: number): void {
    if (options.catchUp?.batchLimit !== undefined || events < BATCH_LIMIT) return;
    catchUpLimit = Math.round(Math.min(CATCH_UP_BATCH_LIMIT, Math.max(BATCH_LIMIT, (events * CATCH_UP_BATCH_MS) / Math.max(ms, 1))));
  }
  const catchUpWaitMs = options.catchUp?.waitMs ?? CATCH_UP_WAIT_MS;
  const checkpoints = openCheckpoints(db);
  const running: Running[] = [];
  const listeners = new Set<(events: RecordedEvent[]) => void>();
  const eachListeners = new Set<(event: RecordedEvent, projection: string) => void>();
  const waiters = new Set<Waiter>();
  let subscription: Subscription | undefined;
  let buffer: RecordedEvent[] = [];
  let flushScheduled: NodeJS.Immediate | undefined;
  /** When the oldest event in `buffer` was read, and the timer that folds it if no more follow. */
  let bufferSince = 0;
  let lateFlush: NodeJS.Timeout | undefined;
  let headAtStart: Position | undefined;
  let failed: Error | undefined;
  let consuming: Promise<void> | undefined;
  /** The catch-up in progress (or the last one); a resync or stop cancels it. */
  let reading: { cancelled: boolean } | undefined;
  let resyncing: Promise<void> | undefined;
  let stopping = false;
  /** The latest position the read models stand on, and the ids of the events lately folded, by position. */
  let lastSeen: Position | undefined;
  const recent = new Map<bigint | string, string>();

  function pointViewsAt(definition: ProjectionDefinition): void {
    for (const table of definition.tables) {
      db.exec(`DROP VIEW IF EXISTS ${table}; CREATE VIEW ${table} AS SELECT * FROM ${physicalTable(table, definition.version)}`);
    }
  }

  function register(definition: ProjectionDefinition): void {
    const rows = checkpoints.rowsOf(definition.name);
    const mine = rows.find((r) => r.version === definition.version);
    const liveElsewhere = rows.some((r) => r.version !== definition.version && r.state === 'live');
    const applier = definition.open(db, tableNames(definition));
    let state: ServingState;
    if (mine) state = mine.state;
    else {
      state = liveElsewhere ? 'building' : 'live';
      checkpoints.insert(definition.name, definition.version, state);
      if (state === 'live') pointViewsAt(definition);
    }
    running.push({
      definition,
      applier,
      types: new Set(definition.eventTypes),
      state,
      position: mine?.position ? decodePosition(mine.position) : undefined,
      stopped: undefined,
    });
  }

  /** The version whose position decides read-your-writes for each read model. */
  const serving = (): Running[] =>
    running.filter((p) => p.state === 'live' || !running.some((o) => o.definition.name === p.definition.name && o.state === 'live'));

  const includes = (p: Running, position: Position) => p.position !== undefined && comparePositions(p.position, position) >= 0;

  const reached = (position: Position): boolean => serving().every((p) => p.stopped !== undefined || includes(p, position));

  /** Serving read models that stopped before `position` and fold one of `eventTypes` (any type when not given). */
  const blockedBy = (position: Position, eventTypes: string[] | undefined): Running[] =>
    serving().filter((p) => p.stopped !== undefined && !includes(p, position) && (eventTypes === undefined || eventTypes.some((t) => p.types.has(t))));

  function settleWaiters(): void {
    for (const waiter of waiters) {
      const blocked = blockedBy(waiter.position, waiter.eventTypes);
      if (blocked.length > 0) waiter.settle(stoppedError(waiter, blocked));
      else if (reached(waiter.position)) waiter.settle();
    }
  }

  const stoppedError = (waiter: Pick<Waiter, 'position' | 'revision'>, blocked: Running[]) =>
    new ReadModelStoppedError(
      encodePosition(waiter.position),
      waiter.revision?.toString() ?? '',
      blocked.map(
        (p) =>
          `${p.definition.name} v${p.definition.version} (${p.stopped ? `stopped at ${p.stopped.eventType}, position ${p.stopped.position}` : 'its subscription to the event log failed'})`,
      ),
    );

  /** A building version takes over once it has passed every other version of its read model. */
  function swapCaughtUp(): void {
    for (const building of running.filter((p) => p.state === 'building' && !p.stopped)) {
      const others = checkpoints.rowsOf(building.definition.name).filter((r) => r.version !== building.definition.version);
      const caughtUp = others.every(
        (r) => r.position === null || (building.position !== undefined && comparePositions(building.position, decodePosition(r.position)) >= 0),
      );
      if (!caughtUp) continue;
      db.transaction(() => {
        pointViewsAt(building.definition);
        for (const old of others) {
          for (const table of building.definition.tables) db.exec(`DROP TABLE IF EXISTS ${physicalTable(table, old.version)}`);
          db.prepare('DELETE FROM projection_checkpoints WHERE name = ? AND version = ?').run(old.name, old.version);
        }
        db.prepare("UPDATE projection_checkpoints SET state = 'live' WHERE name = ? AND version = ?").run(
          building.definition.name,
          building.definition.version,
        );
      })();
      building.state = 'live';
      const retired = new Set(others.map((r) => r.version));
      for (let i = running.length - 1; i >= 0; i--) {
        const p = running[i]!;
        if (p.definition.name === building.definition.name && retired.has(p.definition.version)) running.splice(i, 1);
      }
    }
  }

  type Failure = { index: number; error: unknown };

  /** Runs a function in a savepoint of the batch's transaction (or a transaction of its own). */
  const inSavepoint = db.transaction((run: () => void) => run());
  /** The event the fold in progress has reached: the one to blame when it throws. */
  let reachedIndex = 0;

  /**
   * Folds events[from, to) into one projection in a savepoint. Rows it keeps in memory are written
   * at the end, or with every event when `eachEvent` (a failure is being pinned on one event) or
   * when someone reads the rows as they stood at each event.
   */
  function foldRange(projection: Running, events: RecordedEvent[], from: number, to: number, eachEvent: boolean): void {
    const { applier, types } = projection;
    // Only the serving version's tables are what readers (and so change feeds) see.
    const listening = projection.state === 'live' && eachListeners.size > 0;
    const applyOptions = { deferWrites: !eachEvent && !listening };
    inSavepoint(() => {
      for (let i = from; i < to; i++) {
        reachedIndex = i;
        const event = events[i]!;
        if (types.has(event.type)) applier.apply(event, applyOptions);
        if (listening) for (const listener of eachListeners) listener(event, projection.definition.name);
      }
      // A write kept for the end that fails is blamed on the last event; the event-by-event retry finds the real one.
      reachedIndex = to - 1;
      applier.flush?.();
    });
  }

  /** One projection's share of a batch (events from `from` on) in a savepoint: all of it, or the events before the one that failed. */
  function applyIsolated(projection: Running, events: RecordedEvent[], from: number): Failure | undefined {
    try {
      foldRange(projection, events, from, events.length, false);
      return undefined;
    } catch {
      projection.applier.discard?.();
    }
    // Again event by event, each written at once, so the failure is the poison event's own.
    let failure: Failure;
    try {
      foldRange(projection, events, from, events.length, true);
      return undefined;
    } catch (error) {
      projection.applier.discard?.();
      failure = { index: reachedIndex, error };
    }
    // The events before the poison one fold as they did; only the poison one stops the projection.
    if (failure.index > from) {
      try {
        foldRange(projection, events, from, failure.index, false);
      } catch (again) {
        projection.applier.discard?.();
        return { index: from, error: again };
      }
    }
    return failure;
  }

  /** Index of the first event a projection has not folded yet (events are in log order). */
  function firstUnseen(events: RecordedEvent[], position: Position | undefined): number {
    if (position === undefined || isAfter(events[0]!.position, position)) return 0;
    let index = events.length;
    while (index > 0 && isAfter(events[index - 1]!.position, position)) index--;
    return index;
  }

  type Outcome = { moved: Map<Running, Position>; stopped: Map<Running, StoppedAt> };

  const applyBatch = db.transaction((events: RecordedEvent[]): Outcome => {
    const outcome: Outcome = { moved: new Map(), stopped: new Map() };
    const batchTypes = new Set(events.map((e) => e.type));
    for (const projection of running) {
      if (projection.stopped) continue;
      const from = firstUnseen(events, projection.position);
      if (from === events.length) continue;
      const folds = eachListeners.size > 0 || [...batchTypes].some((t) => projection.types.has(t));
      // A read model none of whose events are in the batch, and no one to call per event: only its checkpoint moves.
      const failure = folds ? applyIsolated(projection, events, from) : undefined;
      const last = failure ? (failure.index > from ? events[failure.index - 1] : undefined) : events.at(-1);
      if (last) {
        checkpoints.save(projection.definition, last);
        outcome.moved.set(projection, last.position);
      }
      if (failure) outcome.stopped.set(projection, stoppedAt(events[failure.index]!, failure.error));
    }
    return outcome;
  });

  const stoppedAt = (event: RecordedEvent, error: unknown): StoppedAt => ({
    position: encodePosition(event.position),
    eventId: event.id,
    eventType: event.type,
    stream: event.stream,
    error: (error instanceof Error ? error.message : String(error)).slice(0, ERROR_LENGTH),
    at: new Date().toISOString(),
  });

  /** Events read before the log's head at start: more are known to follow at once. */
  const catchingUp = (event: RecordedEvent | undefined): boolean => event !== undefined && headAtStart !== undefined && isAfter(headAtStart, event.position);

  function flush(force = true): void {
    flushScheduled = undefined;
    // The store hands the loop a turn while it reads; during catch-up that is no reason to commit a small batch.
    if (!force && buffer.length < catchUpLimit && catchingUp(buffer.at(-1)) && performance.now() - bufferSince < catchUpWaitMs) {
      // Should the rest not come (a log rewound under the hub), what was read is still folded soon.
      lateFlush ??= setTimeout(() => flush(), catchUpWaitMs);
      return;
    }
    clearTimeout(lateFlush);
    lateFlush = undefined;
    if (buffer.length === 0 || failed) return;
    const events = buffer;
    buffer = [];
    let outcome: Outcome;
    try {
      outcome = applyBatch(events);
    } catch (error) {
      // Not a projection's fold (those are caught per projection): the database itself failed.
      fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    for (const [projection, position] of outcome.moved) projection.position = position;
    remember(events);
    for (const [projection, at] of outcome.stopped) {
      projection.stopped = at;
      const { name, version } = projection.definition;
      options.onError?.(
        new Error(`projection ${name} v${version} stopped: it could not apply ${at.eventType} at position ${at.position} (stream ${at.stream}): ${at.error}`),
      );
    }
    swapCaughtUp();
    settleWaiters();
    for (const listener of listeners) listener(events);
  }

  const flushWhenIdle = () => flush(false);

  function remember(events: RecordedEvent[]): void {
    for (const event of events) recent.set(recentKey(event.position), event.id);
    for (const key of recent.keys()) {
      if (recent.size <= RECENT_LIMIT) break;
      recent.delete(key);
    }
    const last = events.at(-1);
    if (last && isAfter(last.position, lastSeen)) lastSeen = last.position;
  }

  /**
   * A position just appended that the read models have already passed with another event (or so
   * long ago it is forgotten) means the log was rewound under the hub; a false alarm only costs a
   * check of the checkpoints and a new subscription.
   */
  const rewound = (position: Position, eventId: string): boolean =>
    lastSeen !== undefined && comparePositions(position, lastSeen) <= 0 && recent.get(recentKey(position)) !== eventId;

  function fail(error: Error): void {
    failed = error;
    options.onError?.(error);
    for (const waiter of waiters) waiter.settle(stoppedError(waiter, serving()));
    void subscription?.close();
  }

  async function consume(sub: Subscription): Promise<void> {
    try {
      for await (const event of sub) {
        if (buffer.length === 0) bufferSince = performance.now();
        buffer.push(event);
        if (buffer.length >= (catchingUp(event) ? catchUpLimit : BATCH_LIMIT)) flush();
        else flushScheduled ??= setImmediate(flushWhenIdle);
      }
    } catch (error) {
      if (!stopping && sub === subscription) fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** True when the log no longer holds the event the checkpoint stands on: it was restored from an older copy. */
  async function unbacked(row: CheckpointRow, head: Position | undefined): Promise<boolean> {
    if (row.position === null) return false;
    const position = decodePosition(row.position);
    if (head === undefined || comparePositions(position, head) > 0) return true;
    const event = eventOf(row);
    if (!event) return false;
    for await (const found of store.readStream(event.stream, { from: event.revision, limit: 1 })) {
      return found.id !== event.id || found.revision !== event.revision || comparePositions(found.position, position) !== 0;
    }
    return true;
  }

  /** Rebuilds from zero every projection version whose checkpoint the log does not back. */
  async function rebuildUnbacked(head: Position | undefined): Promise<void> {
    for (const projection of running) {
      const row = checkpoints.rowsOf(projection.definition.name).find((r) => r.version === projection.definition.version);
      if (!row || !(await unbacked(row, head))) continue;
      const { name, version } = projection.definition;
      options.onError?.(
        new Error(
          `projection ${name} v${version} stood at position ${row.position}, which the event log does not hold (was an older events.db restored?): rebuilding it from zero`,
        ),
      );
      checkpoints.reset(projection.definition);
      projection.position = undefined;
      projection.stopped = undefined;
    }
  }

  /**
   * Catches up with the log as it stood at start (a rebuild, a version building) from plain page
   * reads: one await per page rather than one per event through the live subscription, folded in
   * batches of about CATCH_UP_BATCH_MS of reading and folding, with a turn of the event loop after
   * each so /health and requests are answered meanwhile. Returns the position of the last event read.
   */
  async function catchUp(from: Position | undefined, run: { cancelled: boolean }): Promise<Position | undefined> {
    const head = headAtStart;
    if (head === undefined || (from !== undefined && !isAfter(head, from))) return from;
    let last = from;
    // start() resolves first (it promises to follow, not to have caught up), and a turn goes to I/O.
    await nextTurn();
    let sliceStarted = performance.now();
    const pages = readPages(store, { ...(from ? { after: from } : {}), pageSize: Math.min(CATCH_UP_PAGE_SIZE, catchUpLimit) });
    for await (const page of pages) {
      if (run.cancelled || failed) break;
      buffer = buffer.length === 0 ? page : buffer.concat(page);
      last = page.at(-1)!.position;
      const reachedHead = !isAfter(head, last);
      if (buffer.length >= catchUpLimit || reachedHead) {
        const events = buffer.length;
        flush();
        paceCatchUp(events, performance.now() - sliceStarted);
        if (reachedHead) break;
        await nextTurn();
        sliceStarted = performance.now();
      }
    }
    // A log shorter than its head at start (rewound under the hub) ends the pages early.
    if (!run.cancelled) flush();
    return last;
  }

  async function follow(): Promise<void> {
    headAtStart = await store.headPosition();
    await rebuildUnbacked(headAtStart);
    const positions = running.map((p) => p.position);
    lastSeen = positions.reduce<Position | undefined>((max, p) => (p !== undefined && isAfter(p, max) ? p : max), undefined);
    recent.clear();
    const from = positions.some((p) => p === undefined) ? undefined : (positions as Position[]).reduce((min, p) => (comparePositions(p, min) < 0 ? p : min));
    const run = { cancelled: false };
    reading = run;
    consuming = (async () => {
      let last: Position | undefined;
      try {
        last = await catchUp(from, run);
      } catch (error) {
        if (!stopping && !run.cancelled) fail(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      // Checked synchronously before subscribing: a stop or resync from now on finds the subscription.
      if (stopping || run.cancelled || failed) return;
      const sub = store.subscribe(last ? { after: last } : {});
      subscription = sub;
      await consume(sub);
    })();
  }

  /** The log was rewound while the hub ran (a store restored underneath it): check again and follow anew. */
  function resync(): Promise<void> {
    resyncing ??= (async () => {
      const old = subscription;
      subscription = undefined;
      if (reading) reading.cancelled = true;
      await old?.close();
      await consuming;
      if (flushScheduled) clearImmediate(flushScheduled);
      clearTimeout(lateFlush);
      lateFlush = undefined;
      buffer = [];
      if (!stopping) await follow().catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
    })().finally(() => (resyncing = undefined));
    return resyncing;
  }

  return {
    async start() {
      for (const definition of options.projections) register(definition);
      swapCaughtUp();
      await follow();
    },

    async waitFor(position, timeoutMs, revision, { eventTypes, appended } = {}) {
      if (appended && rewound(position, appended.eventId)) await resync();
      const blocked = blockedBy(position, eventTypes);
      if (blocked.length > 0) throw stoppedError({ position, revision }, blocked);
      if (failed) throw stoppedError({ position, revision }, serving());
      if (reached(position)) return;
      const since = performance.now();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => waiter.settle(new ReadModelLagError(encodePosition(position), revision?.toString() ?? '', Math.round(performance.now() - since))),
          timeoutMs,
        );
        const waiter: Waiter = {
          position,
          eventTypes,
          revision,
          since,
          settle: (error) => {
            clearTimeout(timer);
            waiters.delete(waiter);
            if (error) reject(error);
            else resolve();
          },
        };
        waiters.add(waiter);
      });
    },

    isCaughtUp: () => !failed && running.every((p) => !p.stopped) && (headAtStart === undefined || reached(headAtStart)),

    status: () =>
      running.map((p) => ({
        name: p.definition.name,
        version: p.definition.version,
        state: p.stopped ? 'stopped' : p.state,
        position: p.position ? encodePosition(p.position) : null,
        stoppedAt: p.stopped ?? null,
      })),

    onApplied(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    onEachApplied(listener) {
      eachListeners.add(listener);
      return () => eachListeners.delete(listener);
    },

    listenerCount: () => listeners.size,

    failure: () => failed,

    async stop() {
      stopping = true;
      if (reading) reading.cancelled = true;
      await resyncing?.catch(() => undefined);
      await subscription?.close();
      await consuming;
      if (flushScheduled) clearImmediate(flushScheduled);
      flush();
      for (const waiter of waiters)
        waiter.settle(new ReadModelLagError(encodePosition(waiter.position), waiter.revision?.toString() ?? '', Math.round(performance.now() - waiter.since)));
    },
  };
}
