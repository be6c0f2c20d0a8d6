// Group commit for the embedded store: appends made while the store is not committing go into the
// next transaction together, one fsync for all of them. An append is queued and the queue is handed
// to `commit` once the event loop has polled for I/O (setImmediate), so the requests that arrived
// together share a group. When the commit runs on another thread (commit-thread.ts), the appends
// that arrive while a group is in flight wait for it and then go together into the next one, so
// the busier the store, the larger its groups. Each append keeps its own outcome (sqlite-append.ts).
// No promise is settled before its group's COMMIT has returned, so nothing is acknowledged that is
// not durable, and a failed COMMIT fails every append of the group.
// From node:timers, not the global: a test that fakes the clock (vi.useFakeTimers) replaces the
// global setImmediate, and appends must still commit while the clock stands still.
import { setImmediate } from 'node:timers';
import type { GroupOutcome } from './sqlite-append.ts';

export type { GroupOutcome } from './sqlite-append.ts';

type Pending<W, R> = { work: W; resolve: (value: R) => void; reject: (error: unknown) => void };

/** Bounds how long one group holds the writer; whatever is left goes into the next group. */
const maxGroupSize = 1_000;

export type GroupCommit<W, R> = {
  submit(work: W): Promise<R>;
  /** Resolves once everything queued has been committed or refused (before the store closes). */
  drain(): Promise<void>;
};

export function createGroupCommit<W, R>(options: {
  /** Commits a group: one outcome per work, in order; throws (or rejects) when the group failed as a whole. */
  commit: (works: W[]) => GroupOutcome<R>[] | Promise<GroupOutcome<R>[]>;
  /** Driver faults become the port's error; anything else is returned as it is. */
  fault: (error: unknown) => unknown;
  /** Called with every outcome of a group right after it committed, before any promise settles. */
  committed: (outcomes: GroupOutcome<R>[]) => void;
}): GroupCommit<W, R> {
  const { fault } = options;
  const queue: Pending<W, R>[] = [];
  let scheduled = false;
  /** The group being committed on another thread, if any. */
  let inFlight: Promise<void> | undefined;

  function settle(pending: Pending<W, R>[], outcomes: GroupOutcome<R>[]): void {
    try {
      options.committed(outcomes);
    } finally {
      for (const [i, outcome] of outcomes.entries()) {
        if (outcome.ok) pending[i]!.resolve(outcome.value);
        else pending[i]!.reject(fault(outcome.error));
      }
    }
  }

  function fail(pending: Pending<W, R>[], error: unknown): void {
    const failure = fault(error);
    for (const p of pending) p.reject(failure);
  }

  function flush(): void {
    scheduled = false;
    if (inFlight) return;
    const pending = queue.splice(0, maxGroupSize);
    if (pending.length === 0) return;
    let result: GroupOutcome<R>[] | Promise<GroupOutcome<R>[]>;
    try {
      result = options.commit(pending.map((p) => p.work));
    } catch (error) {
      fail(pending, error);
      if (queue.length > 0) schedule();
      return;
    }
    if (!(result instanceof Promise)) {
      settle(pending, result);
      if (queue.length > 0) schedule();
      return;
    }
    inFlight = result
      .then(
        (outcomes) => settle(pending, outcomes),
        (error: unknown) => fail(pending, error),
      )
      // A listener that threw fails as it would have on this thread: as an uncaught exception.
      .catch(
        (error: unknown) =>
          void setImmediate(() => {
            throw error;
          }),
      );
    void inFlight.finally(() => {
      inFlight = undefined;
      // What arrived during the flight has waited long enough: it goes now, as one group.
      if (queue.length > 0) flush();
    });
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
    async drain() {
      while (inFlight || queue.length > 0) {
        if (inFlight) await inFlight.catch(() => undefined);
        else flush();
      }
    },
  };
}
