// The registry of normative documents: one row per document with its passport and the state of its
// versions, a row per version, and a full-text index over titles (in the three languages), code,
// tag and annotation, so that staff find "the regulation on the department" in any language.
import { z } from 'zod';
import {
  documentCategory,
  documentEventSchemas,
  documentEventTypes,
  documentStatus,
  documentType,
  documentVersionStatus,
  type DocumentEvent,
} from '../src/domain/documents.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { inList, keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'documents' | 'document_versions' | 'document_search';

const eventOf = (event: RecordedEvent): DocumentEvent =>
  ({ type: event.type, data: documentEventSchemas[event.type as DocumentEvent['type']].parse(event.data) }) as DocumentEvent;

export const documentsProjection: ProjectionDefinition<Table> = {
  name: 'documents',
  version: 1,
  tables: ['documents', 'document_versions', 'document_search'],
  eventTypes: documentEventTypes,
  open(db, { documents, document_versions: versions, document_search: search }: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${documents} (
        id TEXT PRIMARY KEY, code TEXT NOT NULL, document_type TEXT NOT NULL, tag TEXT NOT NULL,
        title_ky TEXT NOT NULL, title_ru TEXT NOT NULL, title_en TEXT NOT NULL, annotation TEXT NOT NULL,
        based_on TEXT NOT NULL, replaces TEXT, superseded_by TEXT,
        status TEXT NOT NULL, version_in_force INTEGER, latest_version INTEGER,
        approved_on TEXT, approving_body TEXT, in_force_from TEXT,
        next_review_due TEXT, review_overdue INTEGER NOT NULL DEFAULT 0, last_reviewed_on TEXT,
        retired_on TEXT, retirement_reason TEXT,
        registered_position INTEGER NOT NULL, revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS ${documents}_order ON ${documents} (registered_position, id);
      CREATE INDEX IF NOT EXISTS ${documents}_code ON ${documents} (code, id);
      CREATE INDEX IF NOT EXISTS ${documents}_review ON ${documents} (next_review_due, id);
      CREATE TABLE IF NOT EXISTS ${versions} (
        document_id TEXT NOT NULL, version INTEGER NOT NULL, status TEXT NOT NULL,
        drafted_on TEXT NOT NULL, pages INTEGER NOT NULL, contents TEXT NOT NULL,
        file_sha256 TEXT NOT NULL, file_reference TEXT NOT NULL, change_summary TEXT,
        approved_on TEXT, approving_body TEXT, in_force_from TEXT, superseded_on TEXT,
        PRIMARY KEY (document_id, version));
      CREATE VIRTUAL TABLE IF NOT EXISTS ${search} USING fts5(id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2');`);
    const insert = db.prepare(`INSERT INTO ${documents} (id, code, document_type, tag, title_ky, title_ru, title_en, annotation, based_on,
      replaces, status, registered_position, revision, position, updated_at)
      VALUES (@id, @code, @documentType, @tag, @ky, @ru, @en, @annotation, @basedOn, @replaces, 'draft', @registeredPosition, @revision, @position, @updatedAt)`);
    const index = db.prepare(`INSERT INTO ${search} (id, body) VALUES (?, ?)`);
    const update = (assignments: string) =>
      db.prepare(`UPDATE ${documents} SET ${assignments}, revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`);
    const statements = {
      drafted: update('latest_version = @version'),
      approved: update(`status = CASE WHEN status = 'in_force' THEN status ELSE 'approved' END, next_review_due = @nextReviewDue, review_overdue = 0`),
      inForce: update(`status = 'in_force', version_in_force = @version, in_force_from = @inForceFrom,
        approved_on = (SELECT approved_on FROM ${versions} WHERE document_id = @id AND version = @version),
        approving_body = (SELECT approving_body FROM ${versions} WHERE document_id = @id AND version = @version)`),
      reviewed: update('last_reviewed_on = @reviewedOn, next_review_due = @nextReviewDue, review_overdue = 0'),
      overdue: update('review_overdue = 1'),
      retired: update(
        `status = 'retired', retired_on = @retiredOn, retirement_reason = @reason, superseded_by = @supersededBy, next_review_due = NULL, review_overdue = 0`,
      ),
      addVersion: db.prepare(`INSERT INTO ${versions} (document_id, version, status, drafted_on, pages, contents, file_sha256, file_reference, change_summary)
        VALUES (@id, @version, 'draft', @draftedOn, @pages, @contents, @fileSha256, @fileReference, @changeSummary)`),
      approveVersion: db.prepare(
        `UPDATE ${versions} SET status = 'approved', approved_on = @approvedOn, approving_body = @approvingBody WHERE document_id = @id AND version = @version`,
      ),
      versionInForce: db.prepare(`UPDATE ${versions} SET status = 'in_force', in_force_from = @inForceFrom WHERE document_id = @id AND version = @version`),
      versionSuperseded: db.prepare(
        `UPDATE ${versions} SET status = 'superseded', superseded_on = @inForceFrom WHERE document_id = @id AND version = @superseded`,
      ),
    };
    return {
      apply(recorded) {
        const stamp = {
          id: recorded.stream.slice(documentCategory.length + 1),
          revision: recorded.revision,
          position: encodePosition(recorded.position),
          updatedAt: recorded.recordedAt,
        };
        const event = eventOf(recorded);
        switch (event.type) {
          case 'DocumentRegistered': {
            const d = event.data;
            insert.run({
              ...stamp,
              code: d.code,
              documentType: d.documentType,
              tag: d.tag,
              ky: d.title.ky,
              ru: d.title.ru,
              en: d.title.en,
              annotation: d.annotation,
              basedOn: JSON.stringify(d.basedOn),
              replaces: d.replaces,
              registeredPosition: recorded.position.commit,
            });
            index.run(stamp.id, [d.code, d.tag, d.title.ky, d.title.ru, d.title.en, d.annotation].join('\n'));
            return;
          }
          case 'DocumentVersionDrafted': {
            const d = event.data;
            statements.addVersion.run({ ...d, id: stamp.id, contents: JSON.stringify(d.contents) });
            statements.drafted.run({ ...stamp, version: d.version });
            return;
          }
          case 'DocumentVersionApproved': {
            const d = event.data;
            statements.approveVersion.run({ id: stamp.id, version: d.version, approvedOn: d.approvedOn, approvingBody: d.approvingBody });
            statements.approved.run({ ...stamp, nextReviewDue: d.nextReviewDue });
            return;
          }
          case 'DocumentVersionPutInForce': {
            const d = event.data;
            statements.versionInForce.run({ id: stamp.id, version: d.version, inForceFrom: d.inForceFrom });
            if (d.supersededVersion !== null) statements.versionSuperseded.run({ id: stamp.id, superseded: d.supersededVersion, inForceFrom: d.inForceFrom });
            statements.inForce.run({ ...stamp, version: d.version, inForceFrom: d.inForceFrom });
            return;
          }
          case 'DocumentReviewed':
            statements.reviewed.run({ ...stamp, reviewedOn: event.data.reviewedOn, nextReviewDue: event.data.nextReviewDue });
            return;
          case 'DocumentReviewOverdue':
            statements.overdue.run(stamp);
            return;
          case 'DocumentRetired':
            statements.retired.run({ ...stamp, retiredOn: event.data.retiredOn, reason: event.data.reason, supersededBy: event.data.supersededBy });
            return;
        }
      },
    };
  },
};

export const documentRow = z.object({
  id: z.string(),
  code: z.string(),
  document_type: documentType,
  tag: z.string(),
  title_ky: z.string(),
  title_ru: z.string(),
  title_en: z.string(),
  annotation: z.string(),
  based_on: z.string(),
  replaces: z.string().nullable(),
  superseded_by: z.string().nullable(),
  status: documentStatus,
  version_in_force: z.number().nullable(),
  latest_version: z.number().nullable(),
  approved_on: z.string().nullable(),
  approving_body: z.string().nullable(),
  in_force_from: z.string().nullable(),
  next_review_due: z.string().nullable(),
  review_overdue: z.number(),
  last_reviewed_on: z.string().nullable(),
  retired_on: z.string().nullable(),
  retirement_reason: z.string().nullable(),
  registered_position: z.number(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type DocumentRow = z.infer<typeof documentRow>;

export const documentVersionRow = z.object({
  document_id: z.string(),
  version: z.number(),
  status: documentVersionStatus,
  drafted_on: z.string(),
  pages: z.number(),
  contents: z.string(),
  file_sha256: z.string(),
  file_reference: z.string(),
  change_summary: z.string().nullable(),
  approved_on: z.string().nullable(),
  approving_body: z.string().nullable(),
  in_force_from: z.string().nullable(),
  superseded_on: z.string().nullable(),
});
export type DocumentVersionRow = z.infer<typeof documentVersionRow>;

export const documentOrder = z.enum(['registered', 'code', 'review_due']).meta({
  id: 'DocumentOrder',
  description: 'Order of the registry: by registration (oldest first), by code, or by the next review date (soonest first, documents without one last).',
  labels: {
    registered: { ky: 'Катталуу боюнча', ru: 'По регистрации', en: 'By registration' },
    code: { ky: 'Коду боюнча', ru: 'По коду', en: 'By code' },
    review_due: { ky: 'Кайра кароо мөөнөтү боюнча', ru: 'По сроку пересмотра', en: 'By review date' },
  },
});
export type DocumentOrder = z.infer<typeof documentOrder>;

export type DocumentFilter = {
  documentTypes?: string[] | null;
  statuses?: string[] | null;
  tag?: string | null;
  /** Documents whose next review is due on or before this date (overdue ones included). */
  reviewDueBy?: string | null;
  reviewOverdue?: boolean | null;
  /** Words to find in titles, code, tag and annotation; each must occur (as a word or a word's start). */
  search?: string | null;
};

const orderColumn: Record<DocumentOrder, string> = {
  registered: 'registered_position',
  code: 'code',
  review_due: "COALESCE(next_review_due, '9999-12-31')",
};

/**
 * A person's words as an FTS5 query: every word must occur, as a whole word or the start of one.
 * Each word is quoted, so the words can never be read as FTS5 operators or syntax.
 */
export function searchQueryOf(words: string): string | undefined {
  const tokens = words.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return tokens.length ? tokens.map((t) => `"${t}"*`).join(' ') : undefined;
}

export function createDocumentQueries(db: ReadModelDatabase) {
  const byId = db.prepare<[string], unknown>('SELECT * FROM documents WHERE id = ?');
  const versionsOf = db.prepare<[string], unknown>('SELECT * FROM document_versions WHERE document_id = ? ORDER BY version');
  return {
    byIds: (ids: readonly string[]): (DocumentRow | undefined)[] =>
      ids.map((id) => {
        const row = byId.get(id);
        return row === undefined ? undefined : documentRow.parse(row);
      }),
    versions: (documentId: string): DocumentVersionRow[] => versionsOf.all(documentId).map((r) => documentVersionRow.parse(r)),
    sortKey(row: DocumentRow, order: DocumentOrder): [string | number, string] {
      const value = order === 'registered' ? row.registered_position : order === 'code' ? row.code : (row.next_review_due ?? '9999-12-31');
      return [value, row.id];
    },
    page(filter: DocumentFilter, order: DocumentOrder, request: PageRequest): { rows: DocumentRow[]; hasMore: boolean } {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'document_type', filter.documentTypes);
      inList(conditions, 'status', filter.statuses);
      inList(conditions, 'tag', filter.tag ? [filter.tag] : null);
      if (filter.reviewDueBy) conditions.where.push('next_review_due <= ?'), conditions.params.push(filter.reviewDueBy);
      if (filter.reviewOverdue != null) conditions.where.push('review_overdue = ?'), conditions.params.push(filter.reviewOverdue ? 1 : 0);
      if (filter.search != null) {
        const query = searchQueryOf(filter.search);
        // Words with no letter or digit find nothing rather than everything.
        conditions.where.push(query ? 'id IN (SELECT id FROM document_search WHERE body MATCH ?)' : '0');
        if (query) conditions.params.push(query);
      }
      return keysetPage(db, 'documents', conditions, orderColumn[order], request, (r) => documentRow.parse(r));
    },
  };
}
export type DocumentQueries = ReturnType<typeof createDocumentQueries>;
