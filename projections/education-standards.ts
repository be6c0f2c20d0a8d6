// The education-standards secretariat's register: each standard with its stage and who holds it
// now (the developers while it is drafted or revised, the reviewers still to answer while it is out
// for review, the approving body once approved), and every review received, round by round.
import { z } from 'zod';
import {
  educationStandardCategory,
  educationStandardEventSchemas,
  educationStandardEventTypes,
  reviewVerdict,
  standardLevel,
  standardStage,
  type EducationStandardEvent,
} from '../src/domain/education-standards.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { inList, keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'education_standards' | 'education_standard_reviews';

const eventOf = (event: RecordedEvent): EducationStandardEvent =>
  ({ type: event.type, data: educationStandardEventSchemas[event.type as EducationStandardEvent['type']].parse(event.data) }) as EducationStandardEvent;

export const educationStandardsProjection: ProjectionDefinition<Table> = {
  name: 'education_standards',
  version: 1,
  tables: ['education_standards', 'education_standard_reviews'],
  eventTypes: educationStandardEventTypes,
  open(db, { education_standards: standards, education_standard_reviews: reviews }: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${standards} (
        id TEXT PRIMARY KEY, code TEXT NOT NULL, level TEXT NOT NULL, subject TEXT,
        title_ky TEXT NOT NULL, title_ru TEXT NOT NULL, title_en TEXT NOT NULL, developer TEXT NOT NULL,
        stage TEXT NOT NULL, edition INTEGER NOT NULL, round INTEGER NOT NULL, held_by TEXT NOT NULL,
        registered_on TEXT NOT NULL, approved_on TEXT, approving_body TEXT, order_number TEXT, in_force_from TEXT,
        registered_position INTEGER NOT NULL, revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS ${standards}_order ON ${standards} (registered_position, id);
      CREATE TABLE IF NOT EXISTS ${reviews} (
        standard_id TEXT NOT NULL, round INTEGER NOT NULL, reviewer TEXT NOT NULL, organisation TEXT NOT NULL,
        sent_on TEXT NOT NULL, verdict TEXT, summary TEXT, received_on TEXT,
        PRIMARY KEY (standard_id, round, reviewer));`);
    const insert = db.prepare(`INSERT INTO ${standards} (id, code, level, subject, title_ky, title_ru, title_en, developer, stage, edition, round,
      held_by, registered_on, registered_position, revision, position, updated_at)
      VALUES (@id, @code, @level, @subject, @ky, @ru, @en, @developer, 'draft', 1, 0, @developer, @registeredOn, @registeredPosition, @revision, @position, @updatedAt)`);
    const update = (assignments: string) =>
      db.prepare(`UPDATE ${standards} SET ${assignments}, revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`);
    // While out for review the standard is held by the reviewers who have not answered yet.
    const awaiting = `(SELECT group_concat(reviewer, ', ') FROM (SELECT reviewer FROM ${reviews} WHERE standard_id = @id AND round = @round AND verdict IS NULL ORDER BY reviewer))`;
    const statements = {
      sent: update(`stage = 'under_review', round = @round, held_by = ${awaiting}`),
      addReviewer: db.prepare(
        `INSERT INTO ${reviews} (standard_id, round, reviewer, organisation, sent_on) VALUES (@id, @round, @name, @organisation, @sentOn)`,
      ),
      received: db.prepare(
        `UPDATE ${reviews} SET verdict = @verdict, summary = @summary, received_on = @receivedOn WHERE standard_id = @id AND round = @round AND reviewer = @reviewer`,
      ),
      // Once every reviewer has answered, the secretariat holds it again, to revise or to approve.
      reviewed: update(`held_by = COALESCE(${awaiting}, 'secretariat')`),
      revised: update(`stage = 'revision', held_by = developer`),
      approved: update(`stage = 'approved', held_by = @approvingBody, approved_on = @approvedOn, approving_body = @approvingBody, order_number = @orderNumber`),
      inForce: update(`stage = 'in_force', held_by = 'secretariat', in_force_from = @inForceFrom`),
      reopened: update(`stage = 'revision', edition = @edition, held_by = developer`),
    };
    return {
      apply(recorded) {
        const stamp = {
          id: recorded.stream.slice(educationStandardCategory.length + 1),
          revision: recorded.revision,
          position: encodePosition(recorded.position),
          updatedAt: recorded.recordedAt,
        };
        const event = eventOf(recorded);
        switch (event.type) {
          case 'EducationStandardRegistered': {
            const d = event.data;
            insert.run({
              ...stamp,
              code: d.code,
              level: d.level,
              subject: d.subject,
              ky: d.title.ky,
              ru: d.title.ru,
              en: d.title.en,
              developer: d.developer,
              registeredOn: d.registeredOn,
              registeredPosition: recorded.position.commit,
            });
            return;
          }
          case 'EducationStandardSentForReview':
            for (const r of event.data.reviewers)
              statements.addReviewer.run({ id: stamp.id, round: event.data.round, name: r.name, organisation: r.organisation, sentOn: event.data.sentOn });
            statements.sent.run({ ...stamp, round: event.data.round });
            return;
          case 'EducationStandardReviewReceived': {
            const d = event.data;
            statements.received.run({ id: stamp.id, round: d.round, reviewer: d.reviewer, verdict: d.verdict, summary: d.summary, receivedOn: d.receivedOn });
            statements.reviewed.run({ ...stamp, round: d.round });
            return;
          }
          case 'EducationStandardRevised':
            statements.revised.run(stamp);
            return;
          case 'EducationStandardApproved':
            statements.approved.run({
              ...stamp,
              approvedOn: event.data.approvedOn,
              approvingBody: event.data.approvingBody,
              orderNumber: event.data.orderNumber,
            });
            return;
          case 'EducationStandardPutInForce':
            statements.inForce.run({ ...stamp, inForceFrom: event.data.inForceFrom });
            return;
          case 'EducationStandardRevisionOpened':
            statements.reopened.run({ ...stamp, edition: event.data.edition });
            return;
        }
      },
    };
  },
};

export const educationStandardRow = z.object({
  id: z.string(),
  code: z.string(),
  level: standardLevel,
  subject: z.string().nullable(),
  title_ky: z.string(),
  title_ru: z.string(),
  title_en: z.string(),
  developer: z.string(),
  stage: standardStage,
  edition: z.number(),
  round: z.number(),
  held_by: z.string(),
  registered_on: z.string(),
  approved_on: z.string().nullable(),
  approving_body: z.string().nullable(),
  order_number: z.string().nullable(),
  in_force_from: z.string().nullable(),
  registered_position: z.number(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type EducationStandardRow = z.infer<typeof educationStandardRow>;

export const standardReviewRow = z.object({
  standard_id: z.string(),
  round: z.number(),
  reviewer: z.string(),
  organisation: z.string(),
  sent_on: z.string(),
  verdict: reviewVerdict.nullable(),
  summary: z.string().nullable(),
  received_on: z.string().nullable(),
});
export type StandardReviewRow = z.infer<typeof standardReviewRow>;

export type EducationStandardFilter = { levels?: string[] | null; stages?: string[] | null };

export function createEducationStandardQueries(db: ReadModelDatabase) {
  const byId = db.prepare<[string], unknown>('SELECT * FROM education_standards WHERE id = ?');
  const reviewsOf = db.prepare<[string], unknown>('SELECT * FROM education_standard_reviews WHERE standard_id = ? ORDER BY round, reviewer');
  return {
    byIds: (ids: readonly string[]): (EducationStandardRow | undefined)[] =>
      ids.map((id) => {
        const row = byId.get(id);
        return row === undefined ? undefined : educationStandardRow.parse(row);
      }),
    reviews: (standardId: string): StandardReviewRow[] => reviewsOf.all(standardId).map((r) => standardReviewRow.parse(r)),
    sortKey: (row: EducationStandardRow): [number, string] => [row.registered_position, row.id],
    page(filter: EducationStandardFilter, request: PageRequest): { rows: EducationStandardRow[]; hasMore: boolean } {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'level', filter.levels);
      inList(conditions, 'stage', filter.stages);
      return keysetPage(db, 'education_standards', conditions, 'registered_position', request, (r) => educationStandardRow.parse(r));
    },
  };
}
export type EducationStandardQueries = ReturnType<typeof createEducationStandardQueries>;
