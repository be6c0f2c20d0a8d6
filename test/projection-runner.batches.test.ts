// Catch-up batches far larger than the live ones, with read models that fold their rows in memory
// and write them once per batch: the tables come out exactly as folding and writing event by event
// makes them, and a poison event in the middle of a big batch still stops its read model alone, at
// that event, with everything before it kept.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReadModelDatabase, type ReadModelDatabase } from '../projections/database.ts';
import { deadlinesProjection } from '../projections/deadlines.ts';
import { licensesProjection } from '../projections/licenses.ts';
import { programmesProjection } from '../projections/programmes.ts';
import { physicalTable, tableNames, type ProjectionDefinition } from '../projections/projection.ts';
import { rowCache } from '../projections/row-cache.ts';
import { createProjectionRunner, type ProjectionRunner } from '../projections/runner.ts';
import { comparePositions, encodePosition } from '../src/eventstore/position.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventStore, NewEvent, Position, RecordedEvent } from '../src/eventstore/types.ts';
import { dueDateSources } from '../src/modules.ts';
import { temporaryDirectory } from './support/fixtures.ts';

const metadata = {
  actor: { id: 'u', name: 'U', roles: [] },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
  occurredAt: '2026-11-25T00:00:00.000Z',
  schemaVersion: 2,
};
const event = (type: string, data: Record<string, unknown>): NewEvent => ({ id: randomUUID(), type, data, metadata });

/** The life of licence `i`, step by step: each licence ends differently, and some are renamed or moved. */
function licenceSteps(i: number): NewEvent[] {
  const licenseId = `l${i}`;
  const steps = [
    event('LicenseApplied', {
      licenseId,
      programme: {
        code: String(510000 + (i % 7)),
        name: { ky: `Программа ${i}`, ru: `Программа ${i}`, en: `Programme ${i}` },
        level: ['bachelor', 'master'][i % 2],
        formOfStudy: 'full_time',
        faculty: `Faculty ${i % 3}`,
      },
      requestedCapacity: 20 + i,
      submittedOn: '2020-01-10',
      ...(i % 4 === 0 ? { address: 'Old campus' } : {}),
    }),
    event('ExpertGroupFormed', { licenseId, kind: 'expert_group', members: [{ name: 'Chair', role: 'chair' }], formedOn: '2020-02-01' }),
    event('ExpertConclusionRecorded', { licenseId, outcome: i % 9 === 0 ? 'negative' : 'positive', summary: 'Examined.', concludedOn: '2020-03-01' }),
  ];
  if (i % 9 === 0) return steps;
  steps.push(
    event('LicenseGranted', {
      licenseId,
      licenseNumber: `N-${i}`,
      appendixNumber: `A-${i}`,
      grantedOn: '2020-04-01',
      validUntil: i % 2 === 0 ? '2030-04-01' : null,
      capacity: 30 + i,
    }),
  );
  for (let a = 0; a < i % 5; a++) {
    steps.push(
      event('LicenseAmended', {
        licenseId,
        capacity: a % 2 === 0 ? 40 + a : undefined,
        ...(a === 1 ? { programmeName: { ky: `Жаңы ${i}`, ru: `Новая ${i}`, en: `Renamed ${i}` }, address: 'New campus' } : {}),
        reason: 'Revised.',
        amendedOn: `2021-0${a + 1}-01`,
      }),
    );
  }
  if (i % 6 === 1) steps.push(event('LicenseSuspended', { licenseId, reason: 'Inspection.', suspendedOn: '2022-01-01' }));
  if (i % 12 === 1) steps.push(event('LicenseResumed', { licenseId, resumedOn: '2022-02-01' }));
  if (i % 8 === 3) steps.push(event('LicenseRevoked', { licenseId, reason: 'Breach.', basis: 'Order 7', revokedOn: '2023-01-01' }));
  else if (i % 8 === 6) steps.push(event('LicenseExpired', { licenseId, expiredOn: '2030-04-02' }));
  return steps;
}

/**
 * Appends the licences' steps interleaved, one step per append, so a licence's events spread over
 * several batches and its row is read back from the table in a later one.
 */
async function writeLog(store: EventStore, licences: number): Promise<number> {
  const pending = Array.from({ length: licences }, (_, i) => licenceSteps(i));
  const revisions = new Array<bigint>(licences).fill(-1n);
  let written = 0;
  for (let round = 0; pending.some((steps) => steps.length > 0); round++) {
    for (let i = round % 3; i < licences; i += 1 + (round % 3)) {
      const step = pending[i]!.shift();
      if (!step) continue;
      await store.append(`license-l${i}`, [step], revisions[i] === -1n ? 'no_stream' : revisions[i]!);
      revisions[i]! += 1n;
      written += 1;
    }
  }
  return written;
}

const projections = (): ProjectionDefinition[] => [licensesProjection, programmesProjection, deadlinesProjection(dueDateSources)] as ProjectionDefinition[];

/** Every row of every table of these projections (physical tables), in a stable order. */
function tablesOf(db: ReadModelDatabase, definitions: ProjectionDefinition[]): Record<string, unknown[]> {
  const tables: Record<string, unknown[]> = {};
  for (const definition of definitions) {
    for (const table of definition.tables) {
      const rows = db.prepare(`SELECT * FROM ${physicalTable(table, definition.version)}`).all();
      tables[table] = rows.map((r) => JSON.stringify(r)).sort();
    }
  }
  return tables;
}

/** The read models folded the slow, plain way: one event at a time, each written at once in its own transaction. */
function foldEventByEvent(db: ReadModelDatabase, definitions: ProjectionDefinition[], events: RecordedEvent[]): void {
  for (const definition of definitions) {
    const applier = definition.open(db, tableNames(definition));
    const types = new Set(definition.eventTypes);
    for (const e of events) if (types.has(e.type)) db.transaction(() => applier.apply(e))();
  }
}

/** A licence registry that cannot fold one event, which passes its batches on to the real one otherwise. */
const poisonedLicences = (poisonId: string): ProjectionDefinition => ({
  ...(licensesProjection as ProjectionDefinition),
  open(db, tables) {
    const applier = licensesProjection.open(db, tables as never);
    return {
      ...applier,
      apply(e, options) {
        if (e.id === poisonId) throw new Error('cannot fold this one');
        applier.apply(e, options);
      },
    };
  },
});

describe('catch-up batches with rows folded in memory', () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let store: EventStore;
  let db: ReadModelDatabase;
  let runner: ProjectionRunner | undefined;
  let events: RecordedEvent[];

  /** Follows the log until every read model that is not stopped stands at its head; returns the sizes of the batches. */
  async function catchUp(definitions: ProjectionDefinition[]): Promise<number[]> {
    const batches: number[] = [];
    runner = createProjectionRunner({ store, db, projections: definitions, catchUp: { batchLimit: 2_000, waitMs: 60_000 } });
    runner.onApplied((applied) => batches.push(applied.length));
    await runner.start();
    const head = events.at(-1)!.position;
    await expect
      .poll(() => runner!.status().every((p) => p.state === 'stopped' || (p.position !== null && p.position === encodePosition(head))), { timeout: 30_000 })
      .toBe(true);
    return batches;
  }

  beforeEach(async () => {
    dir = temporaryDirectory();
    store = openSqliteEventStore({ path: join(dir.path, 'events.db'), synchronous: 'NORMAL' });
    db = openReadModelDatabase(join(dir.path, 'read-models.db'));
    await writeLog(store, 700);
    events = [];
    for await (const e of store.readAll()) events.push(e);
  });
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    db.close();
    await store.close();
    dir.remove();
  });

  it('give the same tables as folding and writing event by event', async () => {
    expect(events.length).toBeGreaterThan(4_000);
    const batches = await catchUp(projections());
    // Batches far above the live limit of 500, and more than one, so rows cross from one batch to the next.
    expect(Math.max(...batches)).toBe(2_000);
    expect(batches.length).toBeGreaterThan(1);
    const reference = openReadModelDatabase(join(dir.path, 'reference.db'));
    try {
      foldEventByEvent(reference, projections(), events);
      const expected = tablesOf(reference, projections());
      expect(expected.licenses!.length).toBe(700);
      expect(tablesOf(db, projections())).toEqual(expected);
    } finally {
      reference.close();
    }
  });

  it('stop a read model alone at a poison event in the middle of a big batch, keeping every event before it', async () => {
    const poison = events[3_100]!;
    const definitions = [poisonedLicences(poison.id), ...projections().slice(1)];
    await catchUp(definitions);
    const licences = runner!.status().find((p) => p.name === 'licenses')!;
    expect(licences).toMatchObject({ state: 'stopped', position: encodePosition(events[3_099]!.position) });
    expect(licences.stoppedAt).toMatchObject({ position: encodePosition(poison.position), eventId: poison.id, error: 'cannot fold this one' });
    // The others folded the whole log.
    expect(
      runner!
        .status()
        .filter((p) => p.name !== 'licenses')
        .map((p) => p.state),
    ).toEqual(['live', 'live']);

    const reference = openReadModelDatabase(join(dir.path, 'reference.db'));
    try {
      const before = (p: Position) => comparePositions(p, poison.position) < 0;
      foldEventByEvent(
        reference,
        [licensesProjection as ProjectionDefinition],
        events.filter((e) => before(e.position)),
      );
      foldEventByEvent(reference, projections().slice(1), events);
      expect(tablesOf(db, projections())).toEqual(tablesOf(reference, projections()));
    } finally {
      reference.close();
    }
  });

  it('pin a write that fails only when the batch is written on the event that made it fail', async () => {
    // A tally per licence that may not pass 3: kept in memory, the row only breaks the CHECK when it is written.
    const capped: ProjectionDefinition<'capped'> = {
      name: 'capped',
      version: 1,
      tables: ['capped'],
      eventTypes: ['LicenseApplied', 'ExpertGroupFormed', 'ExpertConclusionRecorded', 'LicenseGranted', 'LicenseAmended'],
      open(database, { capped: table }) {
        database.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, n INTEGER NOT NULL CHECK (n <= 3))`);
        const rows = rowCache<{ id: string; n: number }>(database, { table, key: 'id', columns: ['id', 'n'] });
        return {
          apply(e, options) {
            const row = rows.get(e.stream);
            if (row) row.n += 1;
            else rows.insert(e.stream, { id: e.stream, n: 0 });
            if (!options?.deferWrites) rows.flush();
          },
          flush: rows.flush,
          discard: rows.discard,
        };
      },
    };
    await catchUp([capped as ProjectionDefinition]);
    const status = runner!.status()[0]!;
    expect(status.state).toBe('stopped');
    // The first event anywhere in the log that is the fifth of its licence among the types the tally counts.
    const counts = new Map<string, number>();
    const fifth = events.find((e) => capped.eventTypes.includes(e.type) && (counts.set(e.stream, (counts.get(e.stream) ?? 0) + 1).get(e.stream) ?? 0) === 5)!;
    expect(status.stoppedAt).toMatchObject({ eventId: fifth.id, error: expect.stringContaining('CHECK constraint failed') });
    const index = events.indexOf(fifth);
    expect(status.position).toBe(encodePosition(events[index - 1]!.position));
    const tallies = db.prepare('SELECT id, n FROM capped_v1').all() as { id: string; n: number }[];
    expect(tallies.every((t) => t.n <= 3)).toBe(true);
    expect(tallies.length).toBe(
      new Set(
        events
          .slice(0, index)
          .filter((e) => e.type === 'LicenseApplied')
          .map((e) => e.stream),
      ).size,
    );
  });
});
