// The commit thread (see commit-thread.ts): it holds the write connection of every file store the
// process has open and commits their groups of appends, so that a COMMIT and its fsync hold this
// thread, not the event loop that serves requests. It answers each group only after COMMIT returned.
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { toWire } from './commit-wire.ts';
import { type Appended, type AppendWork, createAppender, type GroupOutcome } from './sqlite-append.ts';
import { configureConnection } from './sqlite-schema.ts';

export type CommitRequest =
  | { op: 'open'; id: number; store: number; path: string; synchronous: 'FULL' | 'NORMAL' }
  | { op: 'commit'; id: number; store: number; works: AppendWork[] }
  | { op: 'close'; id: number; store: number };

export type CommitReply =
  | { id: number; outcomes: ({ ok: true; value: Appended } | { ok: false; error: ReturnType<typeof toWire> })[] }
  | { id: number; failure: ReturnType<typeof toWire> }
  | { id: number; done: true };

type Writer = { db: Database.Database; runGroup: (works: AppendWork[]) => GroupOutcome<Appended>[] };
const writers = new Map<number, Writer>();

function handle(request: CommitRequest): CommitReply {
  if (request.op === 'open') {
    const db = new Database(request.path);
    db.defaultSafeIntegers(true);
    configureConnection(db, request.synchronous);
    writers.set(request.store, { db, ...createAppender(db) });
    return { id: request.id, done: true };
  }
  const writer = writers.get(request.store);
  if (request.op === 'close') {
    writers.delete(request.store);
    if (writer?.db.open) writer.db.close();
    return { id: request.id, done: true };
  }
  if (!writer) throw new Database.SqliteError('the store is not open on the commit thread', 'SQLITE_MISUSE');
  const outcomes = writer.runGroup(request.works);
  return { id: request.id, outcomes: outcomes.map((o) => (o.ok ? o : { ok: false, error: toWire(o.error) })) };
}

parentPort!.on('message', (request: CommitRequest) => {
  let reply: CommitReply;
  try {
    reply = handle(request);
  } catch (error) {
    reply = { id: request.id, failure: toWire(error) };
  }
  parentPort!.postMessage(reply);
});
