// The evidence library: one row per document at its latest version, and the history of its versions.
import { z } from 'zod';
import { evidenceCategory, evidenceEventSchemas, evidenceEventTypes, evidenceKind, type EvidenceEvent } from '../src/domain/evidence.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { inList, keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'evidence' | 'evidence_versions';

const dataOf = (event: RecordedEvent): EvidenceEvent =>
  ({ type: event.type, data: evidenceEventSchemas[event.type as EvidenceEvent['type']].parse(event.data) }) as EvidenceEvent;

export const evidenceProjection: ProjectionDefinition<Table> = {
  name: 'evidence',
  // 2: the data request a document came from.
  version: 2,
  tables: ['evidence', 'evidence_versions'],
  eventTypes: evidenceEventTypes,
  open(db, t: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${t.evidence} (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL, reference TEXT NOT NULL, owner_unit TEXT NOT NULL, data_request_id TEXT,
        version INTEGER NOT NULL, registered_on TEXT NOT NULL, revised_on TEXT, applied_position INTEGER NOT NULL,
        revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${t.evidence_versions} (
        evidence_id TEXT NOT NULL, version INTEGER NOT NULL, reference TEXT NOT NULL, note TEXT, dated_on TEXT NOT NULL, PRIMARY KEY (evidence_id, version));`);
    const insert =
      db.prepare(`INSERT INTO ${t.evidence} (id, title, kind, reference, owner_unit, data_request_id, version, registered_on, applied_position, revision, position, updated_at)
      VALUES (@id, @title, @kind, @reference, @ownerUnit, @dataRequestId, 1, @registeredOn, @appliedPosition, @revision, @position, @updatedAt)`);
    const revise = db.prepare(`UPDATE ${t.evidence} SET reference = @reference, version = @version, revised_on = @revisedOn,
      revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`);
    const version = db.prepare(`INSERT INTO ${t.evidence_versions} (evidence_id, version, reference, note, dated_on) VALUES (?, ?, ?, ?, ?)`);
    return {
      apply(recorded) {
        const stamp = {
          id: recorded.stream.slice(evidenceCategory.length + 1),
          revision: recorded.revision,
          position: encodePosition(recorded.position),
          updatedAt: recorded.recordedAt,
        };
        const event = dataOf(recorded);
        if (event.type === 'EvidenceRegistered') {
          const d = event.data;
          insert.run({
            ...stamp,
            title: d.title,
            kind: d.kind,
            reference: d.reference,
            ownerUnit: d.ownerUnit,
            dataRequestId: d.dataRequestId ?? null,
            registeredOn: d.registeredOn,
            appliedPosition: recorded.position.commit,
          });
          version.run(stamp.id, 1, d.reference, null, d.registeredOn);
          return;
        }
        const d = event.data;
        revise.run({ ...stamp, reference: d.reference, version: d.version, revisedOn: d.revisedOn });
        version.run(stamp.id, d.version, d.reference, d.note, d.revisedOn);
      },
    };
  },
};

export const evidenceRow = z.object({
  id: z.string(),
  title: z.string(),
  kind: evidenceKind,
  reference: z.string(),
  owner_unit: z.string(),
  data_request_id: z.string().nullable(),
  version: z.number(),
  registered_on: z.string(),
  revised_on: z.string().nullable(),
  applied_position: z.number(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type EvidenceRow = z.infer<typeof evidenceRow>;

export const evidenceVersionRow = z.object({ version: z.number(), reference: z.string(), note: z.string().nullable(), dated_on: z.string() });
export type EvidenceVersionRow = z.infer<typeof evidenceVersionRow>;

export type EvidenceFilter = { kinds?: string[] | null; ownerUnit?: string | null };

export function createEvidenceQueries(db: ReadModelDatabase) {
  const byId = db.prepare<[string], unknown>('SELECT * FROM evidence WHERE id = ?');
  const versions = db.prepare<[string], unknown>('SELECT * FROM evidence_versions WHERE evidence_id = ? ORDER BY version DESC');
  return {
    byIds: (ids: readonly string[]): (EvidenceRow | undefined)[] =>
      ids.map((id) => {
        const row = byId.get(id);
        return row === undefined ? undefined : evidenceRow.parse(row);
      }),
    versions: (id: string): EvidenceVersionRow[] => versions.all(id).map((r) => evidenceVersionRow.parse(r)),
    sortKey: (row: EvidenceRow): [number, string] => [row.applied_position, row.id],
    page(filter: EvidenceFilter, request: PageRequest): { rows: EvidenceRow[]; hasMore: boolean } {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'kind', filter.kinds);
      inList(conditions, 'owner_unit', filter.ownerUnit ? [filter.ownerUnit] : null);
      return keysetPage(db, 'evidence', conditions, 'applied_position', request, (r) => evidenceRow.parse(r));
    },
  };
}
export type EvidenceQueries = ReturnType<typeof createEvidenceQueries>;
