// Group commit for the embedded store. better-sqlite3 is synchronous, so a commit is never "in
// flight" while other code runs; what can be shared is the turn of the event loop. An append is
// queued and the queue is flushed once the loop has polled for I/O (setImmediate), so the requests
// that arrived together go into one BEGIN IMMEDIATE … COMMIT: one fsync for all of them. Each one
// runs in its own SAVEPOINT (a nested better-sqlite3 transaction), so its expected-revision check,
// its idempotent retry or its refusal is its own: a failed append is rolled back alone and the
// others commit. No promise is settled before COMMIT has returned, so nothing is acknowledged that
// is not durable, and a failed COMMIT fails every append of the group.
// From node:timers, not the global: a test that fakes the clock (vi.useFakeTimers) replaces the
// global setImmediate, and appends must still commit while the clock stands still.
import { setImmediate } from 'node:timers';
import type Database from 'better-sqlite3';

export type GroupOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

type Pending<W, R> = { work: W; resolve: (value: R) => void; reject: (error: unknown) => void };

/** Bounds how long one flush holds the event loop; whatever is left goes into the next group. */
const maxGroupSize = 1_000;

export type GroupCommit<W, R> = {
  submit(work: W): Promise<R>;
  /** Commits whatever is queued now (before the store closes). */
  flush(): void;
};

export function createGroupCommit<W, R>(options: {
  db: Database.Database;
  /** One append, a `db.transaction` function: inside the group's transaction it runs as a savepoint. */
  run: (work: W) => R;
  /** The same work in a transaction of its own, for a group of one (no savepoint needed). */
  runAlone: (work: W) => R;
  /** Driver faults become the port's error; anything else is returned as it is. */
  fault: (error: unknown) => unknown;
  /** Called with every outcome of a group right after it committed, before any promise settles. */
  committed: (outcomes: GroupOutcome<R>[]) => void;
}): GroupCommit<W, R> {
  const { db, run, runAlone, fault } = options;
  const queue: Pending<W, R>[] = [];
  let scheduled = false;

  const attempt = (work: () => R): GroupOutcome<R> => {
    try {
      return { ok: true, value: work() };
    } catch (error) {
      return { ok: false, error: fault(error) };
    }
  };

  const inOneTransaction = db.transaction((works: W[]) =>
    works.map((work) => {
      const outcome = attempt(() => run(work));
      // SQLite rolled the whole transaction back (I/O error, disk full): what came before is gone
      // too, so the group fails as one.
      if (!outcome.ok && !db.inTransaction) throw outcome.error;
      return outcome;
    }),
  );

  function flush(): void {
    scheduled = false;
    const pending = queue.splice(0, maxGroupSize);
    if (queue.length > 0) schedule();
    if (pending.length === 0) return;
    let outcomes: GroupOutcome<R>[];
    if (pending.length === 1) {
      outcomes = [attempt(() => runAlone(pending[0]!.work))];
    } else {
      try {
        outcomes = inOneTransaction.immediate(pending.map((p) => p.work));
      } catch (error) {
        const failure = fault(error);
        for (const p of pending) p.reject(failure);
        return;
      }
    }
    try {
      options.committed(outcomes);
    } finally {
      for (const [i, outcome] of outcomes.entries()) {
        if (outcome.ok) pending[i]!.resolve(outcome.value);
        else pending[i]!.reject(outcome.error);
      }
    }
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  return {
    submit(work) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ work, resolve, reject });
        schedule();
      });
    },
    flush() {
      while (queue.length > 0) flush();
    },
  };
}
