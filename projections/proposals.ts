// Proposals to management and the decisions on them: one row per proposal.
import { z } from 'zod';
import { proposalBasis, proposalCategory, proposalEventSchemas, proposalEventTypes, proposalStatus, type ProposalEvent } from '../src/domain/proposals.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { inList, keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'proposals';

const dataOf = (event: RecordedEvent): ProposalEvent =>
  ({ type: event.type, data: proposalEventSchemas[event.type as ProposalEvent['type']].parse(event.data) }) as ProposalEvent;

export const proposalsProjection: ProjectionDefinition<Table> = {
  name: 'proposals',
  version: 1,
  tables: ['proposals'],
  eventTypes: proposalEventTypes,
  open(db, { proposals: table }: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, summary TEXT NOT NULL, bases TEXT NOT NULL, addressed_to TEXT NOT NULL,
        refs TEXT NOT NULL, submitted_on TEXT NOT NULL, status TEXT NOT NULL,
        reason TEXT, decided_by TEXT, decided_on TEXT,
        revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS ${table}_order ON ${table} (submitted_on, id);`);
    const insert = db.prepare(`INSERT INTO ${table} (id, title, summary, bases, addressed_to, refs, submitted_on, status, revision, position, updated_at)
      VALUES (@id, @title, @summary, @bases, @addressedTo, @refs, @submittedOn, 'submitted', @revision, @position, @updatedAt)`);
    const decided = db.prepare(`UPDATE ${table} SET status = @outcome, reason = @reason, decided_by = @decidedBy, decided_on = @decidedOn,
      revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`);
    return {
      apply(recorded) {
        const stamp = {
          id: recorded.stream.slice(proposalCategory.length + 1),
          revision: recorded.revision,
          position: encodePosition(recorded.position),
          updatedAt: recorded.recordedAt,
        };
        const event = dataOf(recorded);
        if (event.type === 'ProposalDecided') {
          const { outcome, reason, decidedBy, decidedOn } = event.data;
          decided.run({ ...stamp, outcome, reason, decidedBy, decidedOn });
          return;
        }
        const d = event.data;
        insert.run({
          ...stamp,
          title: d.title,
          summary: d.summary,
          bases: JSON.stringify(d.bases),
          addressedTo: d.addressedTo,
          refs: JSON.stringify(d.references ?? []),
          submittedOn: d.submittedOn,
        });
      },
    };
  },
};

export const proposalRow = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  bases: z.string().transform((s) => z.array(proposalBasis).parse(JSON.parse(s))),
  addressed_to: z.string(),
  refs: z.string().transform((s) => z.array(z.string()).parse(JSON.parse(s))),
  submitted_on: z.string(),
  status: proposalStatus,
  reason: z.string().nullable(),
  decided_by: z.string().nullable(),
  decided_on: z.string().nullable(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type ProposalRow = z.infer<typeof proposalRow>;

export function createProposalQueries(db: ReadModelDatabase) {
  const byId = db.prepare<[string], unknown>('SELECT * FROM proposals WHERE id = ?');
  return {
    byIds: (ids: readonly string[]): (ProposalRow | undefined)[] =>
      ids.map((id) => {
        const row = byId.get(id);
        return row === undefined ? undefined : proposalRow.parse(row);
      }),
    sortKey: (row: ProposalRow): [string, string] => [row.submitted_on, row.id],
    /** One page of proposals, oldest submission first. */
    page(filter: { statuses?: string[] | null }, request: PageRequest) {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'status', filter.statuses);
      return keysetPage(db, 'proposals', conditions, 'submitted_on', request, (r) => proposalRow.parse(r));
    },
  };
}
export type ProposalQueries = ReturnType<typeof createProposalQueries>;
