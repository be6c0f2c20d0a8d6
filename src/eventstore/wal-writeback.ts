// Background write-back of the WAL for a store with synchronous=NORMAL. Such a commit only copies
// its frames into the OS page cache; they reach the disk when SQLite next checkpoints, which first
// fsyncs the WAL. On this machine that fsync took 75 ms for the ~10,000 frames (about 1,200
// appends) between two checkpoints, while the checkpoint itself took 6 ms: the writer, on the
// event loop, stood still for the disk every 1,200 appends, about 60 µs per append on average
// (bench/README.md). Here the WAL is fdatasync'ed from libuv's thread pool every so many
// committed events, so the disk takes the frames while the loop goes on, and the checkpoint's own
// fsync finds little left to write. One at a time per store, so a store holds at most one of the
// pool's threads (four by default, shared with the hub's file and DNS work) while the disk writes.
// Nothing changes for SQLite: it still syncs the WAL before every checkpoint and never relies on
// these syncs, which only make frames durable sooner. SQLite keeps no locks on the -wal file (its
// locks are on the database and -shm files), so opening and closing it here cannot drop them.
import { close, fdatasync, openSync } from 'node:fs';

export type WalWriteback = {
  /** Called after each commit with the number of events it wrote. */
  committed(events: number): void;
  /** Waits for a write-back in progress and closes the file; nothing starts afterwards. */
  close(): Promise<void>;
  /** Write-backs started and finished so far (for tests and diagnostics). */
  readonly stats: { readonly started: number; readonly finished: number };
};

/**
 * About 8 WAL frames per one-event append: 64 events keep what the checkpoint has to sync to
 * about 500 frames (2 MB), so a write-back is short and one is rarely still running when the next
 * is due; then it is skipped and the events count towards the next one.
 */
export const writebackEveryEvents = 64;

/** Write-backs started and finished by every store of the process (tests and diagnostics). */
export const walWritebackTotals = { started: 0, finished: 0 };

export function openWalWriteback(walPath: string, everyEvents = writebackEveryEvents): WalWriteback {
  let fd: number | undefined;
  let sinceLast = 0;
  let running: Promise<void> | undefined;
  let closed = false;
  const stats = { started: 0, finished: 0 };

  function start(): void {
    try {
      // Read-only is enough for fdatasync. The file exists once the store has committed.
      fd ??= openSync(walPath, 'r');
    } catch {
      return;
    }
    sinceLast = 0;
    stats.started++;
    walWritebackTotals.started++;
    const file = fd;
    running = new Promise<void>((resolve) =>
      // An error is not ours to report: the kernel reports a failed write-back to SQLite's own
      // descriptor too, at its next sync, and SQLite acts on it there.
      fdatasync(file, () => {
        stats.finished++;
        walWritebackTotals.finished++;
        running = undefined;
        resolve();
      }),
    );
  }

  return {
    committed(events) {
      sinceLast += events;
      if (!closed && !running && sinceLast >= everyEvents) start();
    },
    async close() {
      closed = true;
      await running;
      if (fd === undefined) return;
      const file = fd;
      fd = undefined;
      await new Promise<void>((resolve) => close(file, () => resolve()));
    },
    stats,
  };
}
