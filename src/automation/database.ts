// The automation's own database, beside the event store and the read models. What it keeps is
// not disposable the way read models are: how far each reactor, the clock and each webhook have
// acted, the due moments, the refusals and the delivery log. Rebuilding or replaying read models
// never touches it, so a rebuild never re-runs a reactor or re-sends a webhook.
import Database from 'better-sqlite3';

export type AutomationDatabase = Database.Database;

export function openAutomationDatabase(path: string): AutomationDatabase {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // A lost checkpoint would only re-send follow-ups the store recognises, but a lost delivery record
  // would hide an attempt from the log integrators read: keep every commit.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS automation_checkpoints (consumer TEXT PRIMARY KEY, position TEXT NOT NULL, updated_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS follow_up_refusals (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      source_kind TEXT NOT NULL CHECK (source_kind IN ('reactor', 'clock')),
      source TEXT NOT NULL, event_id TEXT NOT NULL, command TEXT NOT NULL, command_id TEXT NOT NULL UNIQUE,
      code TEXT NOT NULL, message TEXT NOT NULL, recorded_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS clock_moments (
      key TEXT PRIMARY KEY, rule TEXT NOT NULL, at TEXT NOT NULL, command TEXT NOT NULL, input TEXT NOT NULL,
      cause_event_id TEXT NOT NULL, correlation_id TEXT NOT NULL, fired_at TEXT);
    CREATE INDEX IF NOT EXISTS clock_moments_due ON clock_moments (at) WHERE fired_at IS NULL;
    CREATE TABLE IF NOT EXISTS webhook_cursors (webhook_id TEXT PRIMARY KEY, position TEXT, replays_applied INTEGER NOT NULL, updated_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS webhook_deliveries (
      id INTEGER PRIMARY KEY AUTOINCREMENT, webhook_id TEXT NOT NULL, round INTEGER NOT NULL, position TEXT NOT NULL,
      event_id TEXT NOT NULL, event_type TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('retrying', 'delivered')),
      attempts INTEGER NOT NULL, response_status INTEGER, last_error TEXT,
      first_attempt_at TEXT NOT NULL, last_attempt_at TEXT NOT NULL, next_attempt_at TEXT, delivered_at TEXT,
      UNIQUE (webhook_id, round, position));
    CREATE INDEX IF NOT EXISTS webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, id);
  `);
  return db;
}

/** Where a consumer of the log stands; undefined before its first event. */
export function checkpoints(db: AutomationDatabase) {
  const select = db.prepare<[string], { position: string }>('SELECT position FROM automation_checkpoints WHERE consumer = ?');
  const save = db.prepare(
    'INSERT INTO automation_checkpoints (consumer, position, updated_at) VALUES (?, ?, ?) ON CONFLICT (consumer) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at',
  );
  return {
    of: (consumer: string): string | undefined => select.get(consumer)?.position,
    save: (consumer: string, position: string): void => void save.run(consumer, position, new Date().toISOString()),
  };
}
