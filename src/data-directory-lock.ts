// One process writes a data directory at a time: two hubs on one directory would each fold the
// other's events into the shared read models. The lock is an OS-level one that SQLite takes for us:
// an open `BEGIN EXCLUSIVE` on `hub.lock`, held as long as the connection lives. The kernel drops it
// when the process dies, however it dies (SIGKILL, power cut of a container), so a stale lock cannot
// exist; a pid file with a liveness check could, and would be fooled by a reused pid (every
// container's hub is pid 1). The holder writes who it is beside the lock, so a refusal can name it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';

const holderSchema = z.object({ pid: z.number().int(), purpose: z.string(), host: z.string(), since: z.string() });
type Holder = z.infer<typeof holderSchema>;

/** Another process holds the data directory; the message names the directory and that process. */
export class DataDirectoryLockedError extends Error {
  override readonly name = 'DataDirectoryLockedError';
}

export type DataDirectoryLock = { readonly path: string; release(): void };

const lockFile = (dataDir: string) => join(dataDir, 'hub.lock');
const holderFile = (dataDir: string) => join(dataDir, 'hub.lock.holder');

function describeHolder(dataDir: string): string {
  try {
    const holder: Holder = holderSchema.parse(JSON.parse(readFileSync(holderFile(dataDir), 'utf8')));
    return `${holder.purpose} (pid ${holder.pid} on ${holder.host}, since ${holder.since})`;
  } catch {
    // The holder has the lock but has not written its name yet, or it was removed by hand.
    return 'another process (its pid is not recorded yet)';
  }
}

/**
 * Takes the data directory for this process, or throws DataDirectoryLockedError at once (no waiting:
 * a second hub should stop with a message, not hang). `purpose` says who holds it ("the hub", "import").
 */
export function lockDataDirectory(dataDir: string, purpose: string): DataDirectoryLock {
  mkdirSync(dataDir, { recursive: true });
  // timeout 0: a held lock is an answer, not something to wait out.
  const db = new Database(lockFile(dataDir), { timeout: 0 });
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new DataDirectoryLockedError(
        `the data directory ${dataDir} is in use by ${describeHolder(dataDir)}: stop it first, or set SAPAT_DATA_DIR to another directory`,
      );
    }
    throw error;
  }
  const holder: Holder = { pid: process.pid, purpose, host: hostname(), since: new Date().toISOString() };
  writeFileSync(holderFile(dataDir), `${JSON.stringify(holder)}\n`);
  let released = false;
  return {
    path: dataDir,
    release() {
      if (released) return;
      released = true;
      rmSync(holderFile(dataDir), { force: true });
      db.close();
    },
  };
}
