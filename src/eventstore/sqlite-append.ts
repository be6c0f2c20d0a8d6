// What an append does inside the embedded store's write transaction, on whichever connection holds
// the write side: the store's own (an in-memory store) or the commit thread's (a file, see
// commit-thread.ts). One module for both, so the checks cannot drift apart.
import Database from 'better-sqlite3';
import { EventIdConflictError, WrongExpectedRevisionError } from './errors.ts';
import { chainEvents, GENESIS_HASH, sameEventContent } from './hashchain.ts';
import { positionOf } from './position.ts';
import { type EventRow, statementsSql } from './sqlite-schema.ts';
import type { AppendResult, ExpectedState, NewEvent } from './types.ts';

export type AppendWork = { stream: string; events: NewEvent[]; expected: ExpectedState };
/** What one append committed: its result and the rows it wrote (none for a retry or an empty append). */
export type Appended = { result: AppendResult; committed: EventRow[] };
export type GroupOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export const categoryOf = (stream: string): string => {
  const dash = stream.indexOf('-');
  return dash < 0 ? stream : stream.slice(0, dash);
};

function expectedStateHolds(expected: ExpectedState, actual: bigint | undefined): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === undefined;
  if (expected === 'exists') return actual !== undefined;
  return actual === expected;
}

/**
 * Runs groups of appends on `db` (a connection with safe integers): a group of one in a
 * transaction of its own, a larger one in one BEGIN IMMEDIATE … COMMIT with each append in its own
 * savepoint, so a stale expected revision, a reused event id or a retry is that append's own
 * outcome and the others commit. Throws when the group as a whole failed (COMMIT, or a fault that
 * rolled the whole transaction back): then nothing of it is stored.
 */
export function createAppender(db: Database.Database): { runGroup(works: AppendWork[]): GroupOutcome<Appended>[] } {
  const statements = {
    eventById: db.prepare<[string], EventRow>(statementsSql.eventById),
    // Raw: an array per row, no object built key by key for three columns read once.
    streamHead: db.prepare<[string], [revision: bigint, position: bigint, hash: string | null]>(statementsSql.streamHead).raw(true),
    insert: db.prepare<[string, string, bigint, string, string, string, string, string]>(statementsSql.insert),
  };

  /**
   * A re-sent batch (a retried command) is recognised by its first event id and answered with the
   * original result, but only if the whole batch is stored as it was sent: same stream, consecutive
   * revisions, same content. Anything else reuses an id for something new, which is refused.
   */
  function originalResult(stream: string, events: NewEvent[]): AppendResult | undefined {
    const [first] = events;
    const firstStored = first && statements.eventById.get(first.id);
    if (!first || !firstStored) return undefined;
    let last = firstStored;
    for (const [i, event] of events.entries()) {
      const stored = i === 0 ? firstStored : statements.eventById.get(event.id);
      const same =
        stored !== undefined &&
        stored.revision === firstStored.revision + BigInt(i) &&
        sameEventContent({ stream, type: event.type, data: event.data }, { ...stored, data: JSON.parse(stored.data) });
      if (!same) throw new EventIdConflictError(stored ? event.id : first.id);
      last = stored;
    }
    return { revision: last.revision, position: positionOf(last.position) };
  }

  /** The new row's position, or undefined when its event id is already stored. */
  function insert(row: EventRow): bigint | undefined {
    try {
      return statements.insert.run(row.id, row.stream, row.revision, categoryOf(row.stream), row.type, row.data, row.metadata, row.recorded_at)
        .lastInsertRowid as bigint;
    } catch (error) {
      // The stream head was read inside this transaction, so only the event id can collide. A
      // failed INSERT undoes only itself: the transaction and the rows before it stand.
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') return undefined;
      throw error;
    }
  }

  // The event ids are not looked up before inserting: the UNIQUE index on them answers that on
  // the INSERT, and a query per append less is what a writer waiting on each append gains (bench/
  // README.md). The outcome is the one a look-up first would give: a stale expected state and a
  // taken first id both go to originalResult, which answers a retry with its first result (even
  // when its expected revision has gone stale since) and refuses an id reused for something new.
  const append = db.transaction(({ stream, events, expected }: AppendWork): Appended => {
    const head = statements.streamHead.get(stream);
    const headRevision = head?.[0];
    if (!expectedStateHolds(expected, headRevision)) {
      const original = originalResult(stream, events);
      if (original) return { result: original, committed: [] };
      throw new WrongExpectedRevisionError(stream, expected, headRevision);
    }
    // An empty append writes nothing and reports where the stream stands (-1 and 0 when it is missing).
    let revision = headRevision ?? -1n;
    let position = head?.[1] ?? 0n;
    const recordedAt = new Date().toISOString();
    const committed: EventRow[] = [];
    const linked = chainEvents(stream, revision + 1n, head?.[2] ?? GENESIS_HASH, events);
    for (let i = 0; i < linked.length; i++) {
      const event = linked[i]!;
      revision += 1n;
      const row = {
        position: 0n,
        id: event.id,
        stream,
        revision,
        type: event.type,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(event.metadata),
        recorded_at: recordedAt,
      };
      const inserted = insert(row);
      if (inserted === undefined) {
        // Only the first event can make this a retry (nothing of this batch is written yet);
        // a later id taken is reused, and throwing undoes the rows before it.
        const original = i === 0 ? originalResult(stream, events) : undefined;
        if (original) return { result: original, committed: [] };
        throw new EventIdConflictError(row.id);
      }
      position = row.position = inserted;
      committed.push(row);
    }
    return { result: { revision, position: positionOf(position) }, committed };
  });

  const attempt = (work: () => Appended): GroupOutcome<Appended> => {
    try {
      return { ok: true, value: work() };
    } catch (error) {
      return { ok: false, error };
    }
  };

  const inOneTransaction = db.transaction((works: AppendWork[]) =>
    works.map((work) => {
      const outcome = attempt(() => append(work));
      // SQLite rolled the whole transaction back (I/O error, disk full): what came before is gone
      // too, so the group fails as one.
      if (!outcome.ok && !db.inTransaction) throw outcome.error;
      return outcome;
    }),
  );

  return {
    runGroup(works) {
      // A group of one needs no savepoint.
      if (works.length === 1) return [attempt(() => append.immediate(works[0]!))];
      return inOneTransaction.immediate(works);
    },
  };
}
