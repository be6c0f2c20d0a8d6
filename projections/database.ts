// The read-model database: a SQLite file of its own beside the event store. It is disposable (the
// events are the truth), so it favours speed (synchronous NORMAL) over durability: after a crash it
// is still consistent, because each projection's rows and checkpoint commit in one transaction.
import Database from 'better-sqlite3';

export type ReadModelDatabase = Database.Database;

export function openReadModelDatabase(path: string): ReadModelDatabase {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}
