// Follow-ups the hub sent itself that were refused. A refusal is an answer, not a fault: the
// reactor or the clock records it (which event, which rule) and goes on, and operators see it in
// GraphQL (`followUpRefusals`) and in /metrics.
import { DomainError, DomainRuleError } from '../domain/errors.ts';
import type { AutomationDatabase } from './database.ts';

export type RefusalRow = {
  id: number;
  source_kind: 'reactor' | 'clock';
  source: string;
  event_id: string;
  command: string;
  command_id: string;
  code: string;
  message: string;
  recorded_at: string;
};

export type Refusal = Omit<RefusalRow, 'id' | 'recorded_at'>;

/** The stable code a refusal is counted by: the rule's code, else the kind of error. */
export const refusalCodeOf = (error: unknown): string =>
  error instanceof DomainRuleError ? error.code : error instanceof DomainError ? error.name : 'UNEXPECTED_FAILURE';

export function refusals(db: AutomationDatabase) {
  // A follow-up re-sent after a crash is refused again with the same command id: recorded once.
  const insert = db.prepare(`INSERT INTO follow_up_refusals (source_kind, source, event_id, command, command_id, code, message, recorded_at)
    VALUES (@source_kind, @source, @event_id, @command, @command_id, @code, @message, @recorded_at) ON CONFLICT (command_id) DO NOTHING`);
  return {
    record: (refusal: Refusal): void => void insert.run({ ...refusal, recorded_at: new Date().toISOString() }),
    /** Newest first, `limit` after the row with id `before`. */
    page(before: number | undefined, limit: number): { rows: RefusalRow[]; hasMore: boolean } {
      const rows = db
        .prepare<unknown[], RefusalRow>(`SELECT * FROM follow_up_refusals ${before === undefined ? '' : 'WHERE id < ?'} ORDER BY id DESC LIMIT ?`)
        .all(...(before === undefined ? [] : [before]), limit + 1);
      return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
    },
    counts: (): { source_kind: string; source: string; code: string; count: number }[] =>
      db
        .prepare<[], { source_kind: string; source: string; code: string; count: number }>(
          'SELECT source_kind, source, code, COUNT(*) AS count FROM follow_up_refusals GROUP BY source_kind, source, code',
        )
        .all(),
  };
}
