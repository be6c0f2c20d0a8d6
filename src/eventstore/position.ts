// Positions in the global log. KurrentDB names a position by two numbers (commit, prepare); the
// embedded store has one (its AUTOINCREMENT key), carried in both. Clients only ever see the
// cursor string, so the two stores can change underneath without breaking a saved cursor's meaning
// within one store.
import { z } from 'zod';

export type Position = { readonly commit: bigint; readonly prepare: bigint };

export const positionOf = (n: bigint | number): Position => ({ commit: BigInt(n), prepare: BigInt(n) });

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export const isAfter = (a: Position, b: Position | undefined): boolean => b === undefined || comparePositions(a, b) > 0;

/** "42" when both parts agree (always, in the embedded store), "42:40" otherwise. */
export function encodePosition(p: Position): string {
  return p.commit === p.prepare ? p.commit.toString() : `${p.commit}:${p.prepare}`;
}

const cursorPattern = /^(\d{1,20})(?::(\d{1,20}))?$/;

// Both stores keep positions as signed 64-bit integers (SQLite's INTEGER, KurrentDB's server-side
// log position), so a larger number was never returned by the hub and would only fail in the store.
const POSITION_LIMIT = 2n ** 63n;

/** The cursor as a zod schema, so a bad cursor in any input is reported like any other field. */
export const positionCursor = z
  .string()
  .regex(cursorPattern, 'must be a position cursor returned by the hub (digits, or digits:digits)')
  .transform((s, ctx): Position => {
    const [, commit, prepare] = cursorPattern.exec(s)!;
    const position = { commit: BigInt(commit!), prepare: BigInt(prepare ?? commit!) };
    if (position.commit >= POSITION_LIMIT || position.prepare >= POSITION_LIMIT) {
      ctx.addIssue({ code: 'custom', message: 'must be a position cursor returned by the hub (each number below 2^63)' });
      return z.NEVER;
    }
    return position;
  });

export function decodePosition(cursor: string): Position {
  return positionCursor.parse(cursor);
}
