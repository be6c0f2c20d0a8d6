// The quality framework as staff read it: the quality policy with its consultations and the state of
// each implementing measure, and the university's quality standards with their criteria, evidence
// indicators and sources, each with the date by which it must be revised.
import { z } from 'zod';
import {
  measureState,
  policyStage,
  qualityPolicyCategory,
  qualityPolicyEventSchemas,
  qualityPolicyEventTypes,
  type QualityPolicyEvent,
} from '../src/domain/quality-policy.ts';
import {
  qualityStandardCategory,
  qualityStandardEventSchemas,
  qualityStandardEventTypes,
  qualityStandardStage,
  type QualityStandardEvent,
} from '../src/domain/quality-standards.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { inList, keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'quality_policies' | 'quality_policy_measures' | 'quality_standards';

const policyEventOf = (e: RecordedEvent) =>
  ({ type: e.type, data: qualityPolicyEventSchemas[e.type as QualityPolicyEvent['type']].parse(e.data) }) as QualityPolicyEvent;
const standardEventOf = (e: RecordedEvent) =>
  ({ type: e.type, data: qualityStandardEventSchemas[e.type as QualityStandardEvent['type']].parse(e.data) }) as QualityStandardEvent;

export const qualityProjection: ProjectionDefinition<Table> = {
  name: 'quality',
  version: 1,
  tables: ['quality_policies', 'quality_policy_measures', 'quality_standards'],
  eventTypes: [...qualityPolicyEventTypes, ...qualityStandardEventTypes],
  open(db, { quality_policies: policies, quality_policy_measures: measures, quality_standards: standards }: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${policies} (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, statement TEXT NOT NULL, stage TEXT NOT NULL, edition INTEGER NOT NULL,
        consultations TEXT NOT NULL, approved_on TEXT, approving_body TEXT, document_id TEXT,
        drafted_position INTEGER NOT NULL, revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${measures} (
        policy_id TEXT NOT NULL, code TEXT NOT NULL, title TEXT NOT NULL, owner_unit TEXT NOT NULL, due_on TEXT NOT NULL,
        state TEXT NOT NULL, note TEXT, reported_on TEXT, PRIMARY KEY (policy_id, code));
      CREATE TABLE IF NOT EXISTS ${standards} (
        id TEXT PRIMARY KEY, code TEXT NOT NULL, title_ky TEXT NOT NULL, title_ru TEXT NOT NULL, title_en TEXT NOT NULL,
        stage TEXT NOT NULL, edition INTEGER NOT NULL, criteria TEXT NOT NULL, sources TEXT NOT NULL,
        approved_on TEXT, approving_body TEXT, revision_due TEXT, revision_overdue INTEGER NOT NULL DEFAULT 0,
        drafted_position INTEGER NOT NULL, revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS ${standards}_order ON ${standards} (drafted_position, id);`);
    const stampSql = 'revision = @revision, position = @position, updated_at = @updatedAt';
    const p = {
      insert: db.prepare(`INSERT INTO ${policies} (id, title, statement, stage, edition, consultations, drafted_position, revision, position, updated_at)
        VALUES (@id, @title, @statement, 'draft', 1, '[]', @draftedPosition, @revision, @position, @updatedAt)`),
      consulted: db.prepare(
        `UPDATE ${policies} SET stage = 'consulted', consultations = json_insert(consultations, '$[#]', json(@consultation)), ${stampSql} WHERE id = @id`,
      ),
      approved: db.prepare(
        `UPDATE ${policies} SET stage = 'approved', approved_on = @approvedOn, approving_body = @approvingBody, document_id = @documentId, ${stampSql} WHERE id = @id`,
      ),
      updateOpened: db.prepare(`UPDATE ${policies} SET stage = 'draft', edition = @edition, statement = @statement, ${stampSql} WHERE id = @id`),
      touched: db.prepare(`UPDATE ${policies} SET ${stampSql} WHERE id = @id`),
      measure: db.prepare(
        `INSERT INTO ${measures} (policy_id, code, title, owner_unit, due_on, state) VALUES (@id, @code, @title, @ownerUnit, @dueOn, 'planned')`,
      ),
      reported: db.prepare(`UPDATE ${measures} SET state = @state, note = @note, reported_on = @reportedOn WHERE policy_id = @id AND code = @code`),
    };
    const s = {
      insert:
        db.prepare(`INSERT INTO ${standards} (id, code, title_ky, title_ru, title_en, stage, edition, criteria, sources, drafted_position, revision, position, updated_at)
        VALUES (@id, @code, @ky, @ru, @en, 'draft', 1, @criteria, @sources, @draftedPosition, @revision, @position, @updatedAt)`),
      revised: db.prepare(`UPDATE ${standards} SET criteria = @criteria, sources = @sources, ${stampSql} WHERE id = @id`),
      approved: db.prepare(
        `UPDATE ${standards} SET stage = 'approved', approved_on = @approvedOn, approving_body = @approvingBody, revision_due = @revisionDue, revision_overdue = 0, ${stampSql} WHERE id = @id`,
      ),
      reopened: db.prepare(
        `UPDATE ${standards} SET stage = 'draft', edition = @edition, revision_due = NULL, revision_overdue = 0, ${stampSql} WHERE id = @id`,
      ),
      overdue: db.prepare(`UPDATE ${standards} SET revision_overdue = 1, ${stampSql} WHERE id = @id`),
    };
    return {
      apply(recorded) {
        const stamp = { revision: recorded.revision, position: encodePosition(recorded.position), updatedAt: recorded.recordedAt };
        if (recorded.stream.startsWith(`${qualityPolicyCategory}-`)) {
          const id = recorded.stream.slice(qualityPolicyCategory.length + 1);
          const event = policyEventOf(recorded);
          switch (event.type) {
            case 'QualityPolicyDrafted':
              p.insert.run({ ...stamp, id, title: event.data.title, statement: event.data.statement, draftedPosition: recorded.position.commit });
              return;
            case 'QualityPolicyConsulted': {
              const { consultedWith, summary, consultedOn, edition } = event.data;
              p.consulted.run({ ...stamp, id, consultation: JSON.stringify({ edition, consultedWith, summary, consultedOn }) });
              return;
            }
            case 'QualityPolicyApproved':
              p.approved.run({ ...stamp, id, approvedOn: event.data.approvedOn, approvingBody: event.data.approvingBody, documentId: event.data.documentId });
              return;
            case 'QualityPolicyUpdateOpened':
              p.updateOpened.run({ ...stamp, id, edition: event.data.edition, statement: event.data.statement });
              return;
            case 'QualityPolicyMeasurePlanned':
              p.measure.run({ id, code: event.data.code, title: event.data.title, ownerUnit: event.data.ownerUnit, dueOn: event.data.dueOn });
              p.touched.run({ ...stamp, id });
              return;
            case 'QualityPolicyMeasureReported':
              p.reported.run({ id, code: event.data.code, state: event.data.state, note: event.data.note, reportedOn: event.data.reportedOn });
              p.touched.run({ ...stamp, id });
              return;
          }
        }
        const id = recorded.stream.slice(qualityStandardCategory.length + 1);
        const event = standardEventOf(recorded);
        switch (event.type) {
          case 'QualityStandardDrafted': {
            const d = event.data;
            s.insert.run({
              ...stamp,
              id,
              code: d.code,
              ky: d.title.ky,
              ru: d.title.ru,
              en: d.title.en,
              criteria: JSON.stringify(d.criteria),
              sources: JSON.stringify(d.sources),
              draftedPosition: recorded.position.commit,
            });
            return;
          }
          case 'QualityStandardDraftRevised':
            s.revised.run({ ...stamp, id, criteria: JSON.stringify(event.data.criteria), sources: JSON.stringify(event.data.sources) });
            return;
          case 'QualityStandardApproved':
            s.approved.run({ ...stamp, id, approvedOn: event.data.approvedOn, approvingBody: event.data.approvingBody, revisionDue: event.data.revisionDue });
            return;
          case 'QualityStandardRevisionOpened':
            s.reopened.run({ ...stamp, id, edition: event.data.edition });
            return;
          case 'QualityStandardRevisionOverdue':
            s.overdue.run({ ...stamp, id });
            return;
        }
      },
    };
  },
};

export const qualityPolicyRow = z.object({
  id: z.string(),
  title: z.string(),
  statement: z.string(),
  stage: policyStage,
  edition: z.number(),
  consultations: z.string(),
  approved_on: z.string().nullable(),
  approving_body: z.string().nullable(),
  document_id: z.string().nullable(),
  drafted_position: z.number(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type QualityPolicyRow = z.infer<typeof qualityPolicyRow>;

export const policyMeasureRow = z.object({
  policy_id: z.string(),
  code: z.string(),
  title: z.string(),
  owner_unit: z.string(),
  due_on: z.string(),
  state: measureState,
  note: z.string().nullable(),
  reported_on: z.string().nullable(),
});
export type PolicyMeasureRow = z.infer<typeof policyMeasureRow>;

export const qualityStandardRow = z.object({
  id: z.string(),
  code: z.string(),
  title_ky: z.string(),
  title_ru: z.string(),
  title_en: z.string(),
  stage: qualityStandardStage,
  edition: z.number(),
  criteria: z.string(),
  sources: z.string(),
  approved_on: z.string().nullable(),
  approving_body: z.string().nullable(),
  revision_due: z.string().nullable(),
  revision_overdue: z.number(),
  drafted_position: z.number(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type QualityStandardRow = z.infer<typeof qualityStandardRow>;

export type QualityStandardFilter = { stages?: string[] | null; revisionOverdue?: boolean | null };

export function createQualityQueries(db: ReadModelDatabase) {
  const policyById = db.prepare<[string], unknown>('SELECT * FROM quality_policies WHERE id = ?');
  const allPolicies = db.prepare<[], unknown>('SELECT * FROM quality_policies ORDER BY drafted_position');
  const measuresOf = db.prepare<[string], unknown>('SELECT * FROM quality_policy_measures WHERE policy_id = ? ORDER BY due_on, code');
  const standardById = db.prepare<[string], unknown>('SELECT * FROM quality_standards WHERE id = ?');
  return {
    policiesByIds: (ids: readonly string[]) =>
      ids.map((id) => {
        const row = policyById.get(id);
        return row === undefined ? undefined : qualityPolicyRow.parse(row);
      }),
    /** Every policy, oldest first: the university has one, with a few superseded ones at most. */
    policies: (): QualityPolicyRow[] => allPolicies.all().map((r) => qualityPolicyRow.parse(r)),
    measures: (policyId: string): PolicyMeasureRow[] => measuresOf.all(policyId).map((r) => policyMeasureRow.parse(r)),
    standardsByIds: (ids: readonly string[]) =>
      ids.map((id) => {
        const row = standardById.get(id);
        return row === undefined ? undefined : qualityStandardRow.parse(row);
      }),
    standardSortKey: (row: QualityStandardRow): [number, string] => [row.drafted_position, row.id],
    standardsPage(filter: QualityStandardFilter, request: PageRequest): { rows: QualityStandardRow[]; hasMore: boolean } {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'stage', filter.stages);
      if (filter.revisionOverdue != null) conditions.where.push('revision_overdue = ?'), conditions.params.push(filter.revisionOverdue ? 1 : 0);
      return keysetPage(db, 'quality_standards', conditions, 'drafted_position', request, (r) => qualityStandardRow.parse(r));
    },
  };
}
export type QualityQueries = ReturnType<typeof createQualityQueries>;
