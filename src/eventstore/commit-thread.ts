// Commits on a thread of their own. better-sqlite3 is synchronous: a COMMIT, and with
// synchronous=FULL its fsync, holds whichever thread runs it. On the event loop that is every
// request, delivery and health check waiting for the disk; on this thread (commit-worker.ts) the
// loop goes on serving while a group commits, and the appends that arrive meanwhile gather into the
// next group (group-commit.ts). One thread serves every file store of the process; each store has
// its own write connection there and keeps its own for reading.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { CommitReply, CommitRequest } from './commit-worker.ts';
import { fromWire } from './commit-wire.ts';
import type { Appended, AppendWork, GroupOutcome } from './sqlite-append.ts';

type Waiting = { resolve: (reply: CommitReply) => void; reject: (error: unknown) => void };
type Request = CommitRequest extends infer R ? (R extends CommitRequest ? Omit<R, 'id'> : never) : never;

let thread: Worker | undefined;
let nextId = 1;
let nextStore = 1;
const waiting = new Map<number, Waiting>();

/**
 * The worker runs the TypeScript sources where the process does (tsx, vitest: this file is a .ts)
 * and the compiled file otherwise. A worker does not inherit vitest's transform, and tsx's
 * `--import` hooks do not reach a worker's entry point on Node 20, so under TypeScript the worker
 * registers tsx itself before loading its entry.
 */
function spawn(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./commit-worker.js', here), { execArgv: [] });
  const tsx = createRequire(here).resolve('tsx/cjs/api');
  const entry = fileURLToPath(new URL('./commit-worker.ts', here));
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`, { eval: true, execArgv: [] });
}

/** A thread that stopped fails what it was asked; the next request starts a new one. */
function stopped(worker: Worker, reason: string): void {
  if (thread !== worker) return;
  thread = undefined;
  const failure = new Database.SqliteError(`the commit thread stopped: ${reason}`, 'SQLITE_IOERR');
  for (const [id, w] of waiting) {
    waiting.delete(id);
    w.reject(failure);
  }
}

function started(): Worker {
  if (thread) return thread;
  const worker = spawn();
  worker.on('message', (reply: CommitReply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    // Idle, the thread must not keep the process alive; busy, it must, or a commit could be cut off.
    if (waiting.size === 0) worker.unref();
    w?.resolve(reply);
  });
  worker.on('error', (error) => stopped(worker, error.message));
  worker.on('exit', (code) => stopped(worker, `exit code ${code}`));
  thread = worker;
  return worker;
}

function ask(request: Request): Promise<CommitReply> {
  const worker = started();
  const id = nextId++;
  return new Promise<CommitReply>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.ref();
    worker.postMessage({ ...request, id });
  }).then((reply) => {
    if ('failure' in reply) throw fromWire(reply.failure);
    return reply;
  });
}

export type Committer = {
  /** Commits one group; resolves with one outcome per work after COMMIT returned, rejects if the group failed as a whole. */
  commit(works: AppendWork[]): Promise<GroupOutcome<Appended>[]>;
  close(): Promise<void>;
};

/**
 * A write connection to `path` on the commit thread; the file must already be migrated. Opened at
 * the first commit, so a store that is only read (the audit tools) starts no thread.
 */
export function openCommitter(path: string, synchronous: 'FULL' | 'NORMAL'): Committer {
  const store = nextStore++;
  let opened: Promise<CommitReply> | undefined;
  return {
    async commit(works) {
      await (opened ??= ask({ op: 'open', store, path, synchronous }));
      const reply = await ask({ op: 'commit', store, works });
      if (!('outcomes' in reply)) throw new Error('the commit thread answered a commit without outcomes');
      return reply.outcomes.map((o) => (o.ok ? o : { ok: false, error: fromWire(o.error) }));
    },
    async close() {
      if (
        !opened ||
        !(await opened.then(
          () => true,
          () => false,
        ))
      )
        return;
      await ask({ op: 'close', store }).catch(() => undefined);
    },
  };
}
