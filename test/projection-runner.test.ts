// The checkpointed projection runner against real SQLite files: catch-up then live, resuming from
// the checkpoint without applying anything twice, atomic batches, rebuilds of a new version beside
// the old one, and the bounded read-your-writes wait.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReadModelDatabase, type ReadModelDatabase } from '../projections/database.ts';
import type { ProjectionDefinition } from '../projections/projection.ts';
import { createProjectionRunner, type ProjectionRunner } from '../projections/runner.ts';
import { ReadModelLagError, ReadModelStoppedError } from '../src/domain/errors.ts';
import { encodePosition, positionOf } from '../src/eventstore/position.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventStore, NewEvent, Position } from '../src/eventstore/types.ts';
import { temporaryDirectory } from './support/fixtures.ts';

const metadata = {
  actor: { id: 'u', name: 'U', roles: [] },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
  occurredAt: '2026-11-25T00:00:00.000Z',
  schemaVersion: 1,
};
const note = (text: string, type = 'NoteWritten'): NewEvent => ({ id: randomUUID(), type, data: { text }, metadata });

/** A read model of notes; the PRIMARY KEY on position makes any double application fail loudly. */
const notes = (version: number, options: { failOn?: string; transform?: (s: string) => string } = {}): ProjectionDefinition<'notes'> => ({
  name: 'notes',
  version,
  tables: ['notes'],
  eventTypes: ['NoteWritten'],
  open(db, { notes: table }) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (position TEXT PRIMARY KEY, text TEXT NOT NULL)`);
    const insert = db.prepare(`INSERT INTO ${table} (position, text) VALUES (?, ?)`);
    return {
      apply(event) {
        const text = String(event.data.text);
        if (text === options.failOn) throw new Error(`cannot fold ${text}`);
        insert.run(encodePosition(event.position), options.transform ? options.transform(text) : text);
      },
    };
  },
});

/** Counts every event of any type: a read model beside notes that must not stop when notes does. */
const tally: ProjectionDefinition<'tally'> = {
  name: 'tally',
  version: 1,
  tables: ['tally'],
  eventTypes: ['NoteWritten', 'SomethingElse'],
  open(db, { tally: table }) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (position TEXT PRIMARY KEY)`);
    const insert = db.prepare(`INSERT INTO ${table} (position) VALUES (?)`);
    return { apply: (event) => void insert.run(encodePosition(event.position)) };
  },
};

describe('projection runner', () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let store: EventStore;
  let db: ReadModelDatabase;
  const runners: ProjectionRunner[] = [];

  const run = async (projections: ProjectionDefinition[]) => {
    const runner = createProjectionRunner({ store, db, projections: projections as ProjectionDefinition[] });
    runners.push(runner);
    await runner.start();
    return runner;
  };
  const texts = () => (db.prepare('SELECT text FROM notes ORDER BY CAST(position AS INTEGER)').all() as { text: string }[]).map((r) => r.text);
  const counted = () => (db.prepare('SELECT count(*) AS n FROM tally').get() as { n: number }).n;
  const append = async (...texts: string[]) =>
    (
      await store.append(
        `note-${randomUUID()}`,
        texts.map((t) => note(t)),
        'no_stream',
      )
    ).position;
  const checkpoint = (version: number) =>
    (db.prepare('SELECT position FROM projection_checkpoints WHERE name = ? AND version = ?').get('notes', version) as { position: string | null } | undefined)
      ?.position;

  beforeEach(() => {
    dir = temporaryDirectory();
    store = openSqliteEventStore({ path: join(dir.path, 'events.db') });
    db = openReadModelDatabase(join(dir.path, 'read-models.db'));
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    db.close();
    await store.close();
    dir.remove();
  });

  it('catches up with the existing log, then follows it live', async () => {
    await append('a', 'b');
    await store.append('other-1', [note('ignored', 'SomethingElse')], 'no_stream');
    const runner = await run([notes(1)]);
    await runner.waitFor(positionOf(3), 2000);
    expect(texts()).toEqual(['a', 'b']);
    expect(checkpoint(1)).toBe('3');
    expect(runner.isCaughtUp()).toBe(true);
    const live = await append('c');
    await runner.waitFor(live, 2000);
    expect(texts()).toEqual(['a', 'b', 'c']);
  });

  it('resumes from its checkpoint after a restart and applies nothing twice', async () => {
    const first = await run([notes(1)]);
    await first.waitFor(await append('a', 'b'), 2000);
    await first.stop();
    const later = await append('c');
    const second = await run([notes(1)]);
    await second.waitFor(later, 2000);
    expect(texts()).toEqual(['a', 'b', 'c']);
    expect(second.failure()).toBeUndefined();
    expect(checkpoint(1)).toBe(encodePosition(later));
  });

  it('stops a projection alone on an event it cannot fold, keeping what came before it, while the others go on', async () => {
    const runner = await run([notes(1, { failOn: 'poison' }), tally]);
    await runner.waitFor(await append('a'), 2000);
    const poisoned = await append('b', 'poison', 'c');
    const error = await runner.waitFor(poisoned, 2000, 2n, { eventTypes: ['NoteWritten'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadModelStoppedError);
    expect(error).toMatchObject({ position: encodePosition(poisoned), revision: '2', readModels: ['notes v1 (stopped at NoteWritten, position 3)'] });
    expect(texts()).toEqual(['a', 'b']);
    expect(checkpoint(1)).toBe('2');
    const later = await store.append('other-1', [note('x', 'SomethingElse')], 'no_stream');
    await runner.waitFor(later.position, 2000, 0n, { eventTypes: ['SomethingElse'] });
    expect(counted()).toBe(5);
    expect(runner.status().map((s) => [s.name, s.state, s.position, s.stoppedAt?.eventType ?? null])).toEqual([
      ['notes', 'stopped', '2', 'NoteWritten'],
      ['tally', 'live', encodePosition(later.position), null],
    ]);
    expect(runner.status()[0]!.stoppedAt).toMatchObject({ position: '3', error: 'cannot fold poison', stream: expect.stringMatching(/^note-/) });
    expect(runner.isCaughtUp()).toBe(false);
    expect(runner.failure()).toBeUndefined();
  });

  it('lets a fixed version rebuild beside the stopped one and take over', async () => {
    const broken = await run([notes(1, { failOn: 'poison' })]);
    const poisoned = await append('a', 'poison', 'b');
    await expect(broken.waitFor(poisoned, 2000)).rejects.toBeInstanceOf(ReadModelStoppedError);
    await broken.stop();
    const fixed = await run([notes(1, { failOn: 'poison' }), notes(2)]);
    await fixed.waitFor(poisoned, 2000);
    await expect.poll(() => fixed.status().map((s) => [s.version, s.state])).toEqual([[2, 'live']]);
    expect(texts()).toEqual(['a', 'poison', 'b']);
    expect(fixed.isCaughtUp()).toBe(true);
  });

  it('answers waitFor with a typed ReadModelLagError when the wait runs out', async () => {
    const runner = await run([notes(1)]);
    const error = await runner.waitFor(positionOf(999), 50, 7n).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadModelLagError);
    expect(error).toMatchObject({ position: '999', revision: '7' });
  });

  it('rebuilds a changed version from zero beside the old one, then swaps the view and drops the old tables', async () => {
    const v1 = await run([notes(1)]);
    await v1.waitFor(await append('a', 'b'), 2000);
    await v1.stop();
    const v2 = await run([notes(2, { transform: (s) => s.toUpperCase() })]);
    const head = await append('c');
    await v2.waitFor(head, 2000);
    expect(texts()).toEqual(['A', 'B', 'C']);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'notes%'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(['notes_v2']);
    expect(checkpoint(1)).toBeUndefined();
    expect(checkpoint(2)).toBe(encodePosition(head));
  });

  it('keeps serving the live version while a new one builds beside it in the same process', async () => {
    const positions: Position[] = [];
    for (let i = 0; i < 5; i++) positions.push(await append(`n${i}`));
    const v1 = await run([notes(1)]);
    await v1.waitFor(positions[4]!, 2000);
    await v1.stop();
    const both = await run([notes(1), notes(2, { transform: (s) => `v2:${s}` })]);
    expect(both.status().map((s) => [s.version, s.state])).toEqual([
      [1, 'live'],
      [2, 'building'],
    ]);
    expect(texts()).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
    const head = await append('n5');
    await both.waitFor(head, 2000);
    await expect.poll(() => both.status().map((s) => [s.version, s.state])).toEqual([[2, 'live']]);
    expect(texts()).toEqual(['v2:n0', 'v2:n1', 'v2:n2', 'v2:n3', 'v2:n4', 'v2:n5']);
  });
});
