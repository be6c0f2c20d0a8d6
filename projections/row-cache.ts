// Write-behind rows for read models that read, change and write back one row per event (a licence's
// registry row is rewritten by each of its events). Within a batch the row is folded in memory and
// written once, at the runner's flush, inside the same savepoint as the checkpoint: the rows and the
// checkpoint still commit together, and a rolled-back savepoint takes the rows with it (discard).
// A row read from the table is written back only in the columns that changed, so an index over a
// column the batch did not touch is not rewritten.
import type Database from 'better-sqlite3';
import type { ReadModelDatabase } from './database.ts';

/** A row as the table stores it: column name to a value SQLite binds. */
export type StoredRow = Record<string, string | number | bigint | null>;

export type RowCacheOptions<Row> = {
  table: string;
  /** The primary-key column (one column). */
  key: string;
  /** Every column a new row is inserted with, the key among them. */
  columns: readonly string[];
  /** From the table's row to the one folded in memory and back (a JSON column kept parsed); the same shape when not given. */
  decode?: (stored: StoredRow) => Row;
  encode?: (row: Row) => StoredRow;
};

type Entry<Row> = {
  row: Row | undefined;
  /** The row as the table holds it now; undefined when the table has no such row. */
  stored: StoredRow | undefined;
};

export type RowCache<Row> = {
  /** The row as the events so far in this batch left it (read from the table the first time), or undefined when there is none. */
  get(key: string): Row | undefined;
  /** A new row; throws, as the table's primary key would, when the key is taken. */
  insert(key: string, row: Row): void;
  /** Replaces the row under `key` (new or not); a changed row that `get` returned needs no call, it is the same object. */
  put(key: string, row: Row): void;
  delete(key: string): void;
  /** Writes every row changed since the last flush, then forgets them all. */
  flush(): void;
  /** Forgets every row unwritten. */
  discard(): void;
};

export function rowCache<Row extends object>(db: ReadModelDatabase, options: RowCacheOptions<Row>): RowCache<Row> {
  const { table, key } = options;
  const decode = options.decode ?? ((stored) => ({ ...stored }) as unknown as Row);
  const encode = options.encode ?? ((row) => row as unknown as StoredRow);
  const select = db.prepare<[string], StoredRow>(`SELECT * FROM ${table} WHERE ${key} = ?`);
  const insert = db.prepare(`INSERT INTO ${table} (${options.columns.join(', ')}) VALUES (${options.columns.map(() => '?').join(', ')})`);
  const remove = db.prepare(`DELETE FROM ${table} WHERE ${key} = ?`);
  /** UPDATE statements by the set of columns they write. */
  const updates = new Map<string, Database.Statement>();
  const entries = new Map<string, Entry<Row>>();

  function entry(id: string): Entry<Row> {
    let found = entries.get(id);
    if (!found) {
      const stored = select.get(id);
      found = { row: stored === undefined ? undefined : decode(stored), stored };
      entries.set(id, found);
    }
    return found;
  }

  function update(id: string, stored: StoredRow, next: StoredRow): void {
    // Positional parameters in one array: no object of named ones to build and look up per row.
    const changed: string[] = [];
    const values: unknown[] = [];
    for (const c in next) {
      if (c === key || next[c] === stored[c]) continue;
      changed.push(c);
      values.push(next[c]);
    }
    if (changed.length === 0) return;
    const sql = changed.join(',');
    let statement = updates.get(sql);
    if (!statement) {
      statement = db.prepare(`UPDATE ${table} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE ${key} = ?`);
      updates.set(sql, statement);
    }
    values.push(id);
    statement.run(values);
  }

  return {
    get: (id) => entry(id).row,
    insert(id, row) {
      const found = entry(id);
      if (found.row !== undefined) throw new Error(`${table}: a row with ${key} ${id} already exists`);
      found.row = row;
    },
    put(id, row) {
      entry(id).row = row;
    },
    delete(id) {
      entry(id).row = undefined;
    },
    flush() {
      for (const [id, { row, stored }] of entries) {
        if (row === undefined) {
          if (stored !== undefined) remove.run(id);
        } else if (stored === undefined) {
          const next = encode(row);
          insert.run(options.columns.map((c) => next[c] ?? null));
        } else update(id, stored, encode(row));
      }
      entries.clear();
    },
    discard: () => entries.clear(),
  };
}
