// Keeps every read model up to date from one catch-up-then-live subscription to the event log.
// Each batch of events is applied to all projections in ONE transaction that also moves their
// checkpoints, so a crash can neither apply an event twice nor skip one. A projection version seen
// for the first time builds from position zero beside the version that serves reads, and takes
// over (its view is swapped in) as soon as it has caught up.
import { ReadModelLagError } from '../src/domain/errors.ts';
import { comparePositions, decodePosition, encodePosition, isAfter } from '../src/eventstore/position.ts';
import type { EventStore, Position, RecordedEvent, Subscription } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { physicalTable, tableNames, type ProjectionApplier, type ProjectionDefinition } from './projection.ts';

type Running = {
  definition: ProjectionDefinition;
  applier: ProjectionApplier;
  types: Set<string>;
  state: 'live' | 'building';
  position: Position | undefined;
};

type CheckpointRow = { name: string; version: number; position: string | null; state: 'live' | 'building' };

export type ProjectionStatus = { name: string; version: number; state: 'live' | 'building'; position: string | null };

export type ProjectionRunner = {
  /** Prepare tables and checkpoints and start following the log; resolves once following. */
  start(): Promise<void>;
  /** Resolves once every serving read model includes the event at `position`. */
  waitFor(position: Position, timeoutMs: number, revision?: bigint): Promise<void>;
  /** True once the read models have caught up with the log as it was when the runner started. */
  isCaughtUp(): boolean;
  status(): ProjectionStatus[];
  /** Called after each committed batch, with the events it applied. */
  onApplied(listener: (events: RecordedEvent[]) => void): () => void;
  /**
   * Called inside the batch's transaction right after each event is applied, so the listener reads
   * the read models as they stood at that event, not at the end of the batch. What it reads is
   * only true once the batch commits (onApplied).
   */
  onEachApplied(listener: (event: RecordedEvent) => void): () => void;
  /** How many change listeners are attached now (one per shared change feed, not per subscriber). */
  listenerCount(): number;
  /** The failure that stopped the runner, if any. */
  failure(): Error | undefined;
  stop(): Promise<void>;
};

const BATCH_LIMIT = 500;

export function createProjectionRunner(options: {
  store: EventStore;
  db: ReadModelDatabase;
  projections: ProjectionDefinition[];
  onError?: (error: Error) => void;
}): ProjectionRunner {
  const { store, db } = options;
  const running: Running[] = [];
  const listeners = new Set<(events: RecordedEvent[]) => void>();
  const eachListeners = new Set<(event: RecordedEvent) => void>();
  const waiters = new Set<{ position: Position; resolve: () => void; reject: () => void }>();
  let subscription: Subscription | undefined;
  let buffer: RecordedEvent[] = [];
  let flushScheduled: NodeJS.Immediate | undefined;
  let headAtStart: Position | undefined;
  let failed: Error | undefined;
  let consuming: Promise<void> | undefined;

  db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name TEXT NOT NULL, version INTEGER NOT NULL, position TEXT,
    state TEXT NOT NULL CHECK (state IN ('live', 'building')), updated_at TEXT NOT NULL,
    PRIMARY KEY (name, version))`);
  const selectRows = db.prepare<[string], CheckpointRow>('SELECT name, version, position, state FROM projection_checkpoints WHERE name = ?');
  const insertRow = db.prepare('INSERT INTO projection_checkpoints (name, version, position, state, updated_at) VALUES (?, ?, NULL, ?, ?)');
  const saveCheckpoint = db.prepare('UPDATE projection_checkpoints SET position = ?, updated_at = ? WHERE name = ? AND version = ?');

  function pointViewsAt(definition: ProjectionDefinition): void {
    for (const table of definition.tables) {
      db.exec(`DROP VIEW IF EXISTS ${table}; CREATE VIEW ${table} AS SELECT * FROM ${physicalTable(table, definition.version)}`);
    }
  }

  function register(definition: ProjectionDefinition): void {
    const rows = selectRows.all(definition.name);
    const mine = rows.find((r) => r.version === definition.version);
    const liveElsewhere = rows.some((r) => r.version !== definition.version && r.state === 'live');
    const applier = definition.open(db, tableNames(definition));
    let state: Running['state'];
    if (mine) state = mine.state;
    else {
      state = liveElsewhere ? 'building' : 'live';
      insertRow.run(definition.name, definition.version, state, new Date().toISOString());
      if (state === 'live') pointViewsAt(definition);
    }
    running.push({
      definition,
      applier,
      types: new Set(definition.eventTypes),
      state,
      position: mine?.position ? decodePosition(mine.position) : undefined,
    });
  }

  /** The version whose position decides read-your-writes for each read model. */
  const serving = (): Running[] =>
    running.filter((p) => p.state === 'live' || !running.some((o) => o.definition.name === p.definition.name && o.state === 'live'));

  const reached = (position: Position): boolean => serving().every((p) => p.position !== undefined && comparePositions(p.position, position) >= 0);

  /** A building version takes over once it has passed every other version of its read model. */
  function swapCaughtUp(): void {
    for (const building of running.filter((p) => p.state === 'building')) {
      const others = selectRows.all(building.definition.name).filter((r) => r.version !== building.definition.version);
      const caughtUp = others.every((r) => r.position === null || (building.position !== undefined && comparePositions(building.position, decodePosition(r.position)) >= 0));
      if (!caughtUp) continue;
      db.transaction(() => {
        pointViewsAt(building.definition);
        for (const old of others) {
          for (const table of building.definition.tables) db.exec(`DROP TABLE IF EXISTS ${physicalTable(table, old.version)}`);
          db.prepare('DELETE FROM projection_checkpoints WHERE name = ? AND version = ?').run(old.name, old.version);
        }
        db.prepare("UPDATE projection_checkpoints SET state = 'live' WHERE name = ? AND version = ?").run(building.definition.name, building.definition.version);
      })();
      building.state = 'live';
      const retired = new Set(others.map((r) => r.version));
      for (let i = running.length - 1; i >= 0; i--) {
        const p = running[i]!;
        if (p.definition.name === building.definition.name && retired.has(p.definition.version)) running.splice(i, 1);
      }
    }
  }

  /** A fold that throws names itself and the event, so an operator knows where to look. */
  function applyOne(projection: Running, event: RecordedEvent): void {
    try {
      projection.applier.apply(event);
    } catch (error) {
      const { name, version } = projection.definition;
      throw new Error(
        `projection ${name} v${version} could not apply ${event.type} at position ${encodePosition(event.position)} (stream ${event.stream}, revision ${event.revision}): ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }

  const applyBatch = db.transaction((events: RecordedEvent[]) => {
    const moved = new Map<Running, Position>();
    for (const event of events) {
      for (const projection of running) {
        if (!isAfter(event.position, projection.position)) continue;
        if (projection.types.has(event.type)) applyOne(projection, event);
        moved.set(projection, event.position);
      }
      for (const listener of eachListeners) listener(event);
    }
    const now = new Date().toISOString();
    for (const [projection, position] of moved) {
      saveCheckpoint.run(encodePosition(position), now, projection.definition.name, projection.definition.version);
    }
    return moved;
  });

  function flush(): void {
    flushScheduled = undefined;
    if (buffer.length === 0 || failed) return;
    const events = buffer;
    buffer = [];
    try {
      const moved = applyBatch(events);
      for (const [projection, position] of moved) projection.position = position;
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    swapCaughtUp();
    for (const waiter of waiters) if (reached(waiter.position)) waiter.resolve();
    for (const listener of listeners) listener(events);
  }

  function fail(error: Error): void {
    failed = error;
    options.onError?.(error);
    for (const waiter of waiters) waiter.reject();
    void subscription?.close();
  }

  async function consume(sub: Subscription): Promise<void> {
    try {
      for await (const event of sub) {
        buffer.push(event);
        if (buffer.length >= BATCH_LIMIT) flush();
        else flushScheduled ??= setImmediate(flush);
      }
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  return {
    async start() {
      for (const definition of options.projections) register(definition);
      swapCaughtUp();
      headAtStart = await store.headPosition();
      const positions = running.map((p) => p.position);
      const from = positions.some((p) => p === undefined)
        ? undefined
        : (positions as Position[]).reduce((min, p) => (comparePositions(p, min) < 0 ? p : min));
      subscription = store.subscribe(from ? { after: from } : {});
      consuming = consume(subscription);
    },

    waitFor(position, timeoutMs, revision) {
      if (reached(position)) return Promise.resolve();
      const lag = () => new ReadModelLagError(encodePosition(position), revision?.toString() ?? '', timeoutMs);
      if (failed) return Promise.reject(lag());
      return new Promise<void>((resolve, reject) => {
        const waiter = {
          position,
          resolve: () => settle(resolve),
          reject: () => settle(() => reject(lag())),
        };
        const timer = setTimeout(() => waiter.reject(), timeoutMs);
        function settle(done: () => void) {
          clearTimeout(timer);
          waiters.delete(waiter);
          done();
        }
        waiters.add(waiter);
      });
    },

    isCaughtUp: () => !failed && (headAtStart === undefined || reached(headAtStart)),

    status: () =>
      running.map((p) => ({
        name: p.definition.name,
        version: p.definition.version,
        state: p.state,
        position: p.position ? encodePosition(p.position) : null,
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
      await subscription?.close();
      await consuming;
      if (flushScheduled) clearImmediate(flushScheduled);
      flush();
      for (const waiter of waiters) waiter.reject();
    },
  };
}
