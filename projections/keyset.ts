// Keyset pagination over a read model's view: pages follow (sort value, id), so a page stays right
// while rows are added before or after it, and the cost of a page does not grow with its offset.
import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from './database.ts';

/** Where a page starts: the sort value and id of the row before it (exclusive), and its size. */
export type PageRequest = { direction: 'forward' | 'backward'; from: [string | number | null, string] | undefined; limit: number };

/** Conditions of a WHERE clause and their parameters, built up by a read model's filters. */
export type Conditions = { where: string[]; params: unknown[] };

/** `column IN (...)` when values are given; nothing when the filter leaves the column free. */
export function inList(conditions: Conditions, column: string, values: readonly unknown[] | null | undefined): void {
  if (!values?.length) return;
  conditions.where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
  conditions.params.push(...values);
}

/**
 * Page statements prepared once per database and SQL text: preparing was a measurable part of every
 * page (issue 16). The texts are few — one per combination of filters a query uses — and the bound
 * only guards against a caller that somehow builds many.
 */
const preparedPages = new WeakMap<ReadModelDatabase, Map<string, Statement<unknown[]>>>();
const preparedPerDatabase = 500;

function preparedPage(db: ReadModelDatabase, sql: string) {
  let statements = preparedPages.get(db);
  if (!statements) preparedPages.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) {
    if (statements.size >= preparedPerDatabase) statements.clear();
    statement = db.prepare<unknown[]>(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/**
 * Rows built from arrays of `columns`: better-sqlite3 builds a row object key by key, which cost
 * more than the query itself on a page of 50 wide rows; an array per row and one literal-like
 * object per row in JavaScript cost about a third as much (issue 16).
 */
function rowsOf(statement: Statement<unknown[]>, columns: readonly string[], params: unknown[]): Record<string, unknown>[] {
  return (statement.raw(true).all(...params) as unknown[][]).map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
    return row;
  });
}

/**
 * One page of `view` in order of `column` then id, after (forward) or before (backward) the request's
 * key; rows come back in the list's order, and one extra row is read to tell whether more follow.
 * With `columns`, only those are read (the caller includes id and what its sort key needs).
 */
export function keysetPage<Row>(
  db: ReadModelDatabase,
  view: string,
  conditions: Conditions,
  column: string,
  request: PageRequest,
  parse: (row: unknown) => Row,
  columns?: readonly string[],
): { rows: Row[]; hasMore: boolean } {
  const where = [...conditions.where];
  const params = [...conditions.params];
  const forward = request.direction === 'forward';
  if (request.from) where.push(`(${column}, id) ${forward ? '>' : '<'} (?, ?)`), params.push(request.from[0], request.from[1]);
  const direction = forward ? 'ASC' : 'DESC';
  const selected = columns ? columns.join(', ') : '*';
  const sql = `SELECT ${selected} FROM ${view} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${column} ${direction}, id ${direction} LIMIT ?`;
  params.push(request.limit + 1);
  const statement = preparedPage(db, sql);
  const rows = (columns ? rowsOf(statement, columns, params) : statement.all(...params)).map(parse);
  const page = rows.slice(0, request.limit);
  return { rows: forward ? page : page.reverse(), hasMore: rows.length > request.limit };
}
