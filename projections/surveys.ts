// The register of assessment instruments (each with its version history: questions, drafted,
// published, superseded) and of survey rounds (instrument version, target group, unit, period,
// response rate, results per question and their corrections), with the columns lists filter on.
import { z } from 'zod';
import {
  assessmentInstrumentCategory,
  assessmentInstrumentEventSchemas,
  assessmentInstrumentEventTypes,
  instrumentVersionStatus,
  questionKind,
  type AssessmentInstrumentEvent,
} from '../src/domain/assessment-instruments.ts';
import {
  questionResult,
  surveyCategory,
  surveyEventSchemas,
  surveyEventTypes,
  surveyStatus,
  surveyTargetGroup,
  type SurveyEvent,
} from '../src/domain/surveys.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { inList, keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'assessment_instruments' | 'survey_rounds';
type Stamp = { id: string; revision: bigint; position: string; updatedAt: string };

const instrumentTypes = new Set<string>(assessmentInstrumentEventTypes);
const instrumentEventOf = (event: RecordedEvent): AssessmentInstrumentEvent =>
  ({
    type: event.type,
    data: assessmentInstrumentEventSchemas[event.type as AssessmentInstrumentEvent['type']].parse(event.data),
  }) as AssessmentInstrumentEvent;
const surveyEventOf = (event: RecordedEvent): SurveyEvent =>
  ({ type: event.type, data: surveyEventSchemas[event.type as SurveyEvent['type']].parse(event.data) }) as SurveyEvent;

const names = z.object({ ky: z.string(), ru: z.string(), en: z.string() });
const questionView = z.object({
  code: z.string(),
  text: names,
  kind: questionKind,
  options: z.array(z.object({ code: z.string(), text: names })).optional(),
});
const instrumentVersion = z.object({
  version: z.number(),
  status: instrumentVersionStatus,
  questions: z.array(questionView),
  changeNote: z.string().nullable(),
  draftedOn: z.string(),
  draftedBy: z.string(),
  publishedOn: z.string().nullable(),
  supersededOn: z.string().nullable(),
});
export type InstrumentVersion = z.infer<typeof instrumentVersion>;
export type QuestionView = z.infer<typeof questionView>;

const correction = z.object({ reason: z.string(), correctedOn: z.string(), correctedBy: z.string(), previous: z.array(questionResult) });
export type ResultsCorrection = z.infer<typeof correction>;

export const surveysProjection: ProjectionDefinition<Table> = {
  name: 'surveys',
  version: 1,
  tables: ['assessment_instruments', 'survey_rounds'],
  eventTypes: [...assessmentInstrumentEventTypes, ...surveyEventTypes],
  open(db, t: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${t.assessment_instruments} (
        id TEXT PRIMARY KEY, code TEXT NOT NULL, title_ky TEXT NOT NULL, title_ru TEXT NOT NULL, title_en TEXT NOT NULL, purpose TEXT NOT NULL,
        latest_version INTEGER NOT NULL, published_version INTEGER, published_on TEXT, versions TEXT NOT NULL,
        revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${t.survey_rounds} (
        id TEXT PRIMARY KEY, instrument_id TEXT NOT NULL, instrument_version INTEGER NOT NULL, title TEXT NOT NULL,
        target_group TEXT NOT NULL, unit TEXT NOT NULL, programme TEXT, starts_on TEXT NOT NULL, ends_on TEXT NOT NULL, year INTEGER NOT NULL,
        status TEXT NOT NULL, invited_count INTEGER NOT NULL, response_count INTEGER, opened_on TEXT, closed_on TEXT,
        cancelled_on TEXT, cancellation_reason TEXT, monitoring_id TEXT,
        results TEXT, results_on TEXT, corrections TEXT NOT NULL DEFAULT '[]',
        revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS ${t.assessment_instruments}_order ON ${t.assessment_instruments} (code, id);
      CREATE INDEX IF NOT EXISTS ${t.survey_rounds}_order ON ${t.survey_rounds} (starts_on, id);`);
    const insertInstrument = db.prepare(`INSERT INTO ${t.assessment_instruments}
      (id, code, title_ky, title_ru, title_en, purpose, latest_version, versions, revision, position, updated_at)
      VALUES (@id, @code, @ky, @ru, @en, @purpose, 1, @versions, @revision, @position, @updatedAt)`);
    const versionsOf = db.prepare<[string], { versions: string }>(`SELECT versions FROM ${t.assessment_instruments} WHERE id = ?`);
    const saveVersions = db.prepare(`UPDATE ${t.assessment_instruments} SET versions = @versions, latest_version = @latest,
      published_version = COALESCE(@published, published_version), published_on = COALESCE(@publishedOn, published_on),
      revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`);

    const insertRound = db.prepare(`INSERT INTO ${t.survey_rounds} (id, instrument_id, instrument_version, title, target_group, unit, programme,
      starts_on, ends_on, year, status, invited_count, monitoring_id, revision, position, updated_at)
      VALUES (@id, @instrumentId, @instrumentVersion, @title, @targetGroup, @unit, @programme, @startsOn, @endsOn, @year, 'planned',
      @invitedCount, @monitoringId, @revision, @position, @updatedAt)`);
    const roundOf = db.prepare<[string], { results: string | null; corrections: string }>(`SELECT results, corrections FROM ${t.survey_rounds} WHERE id = ?`);
    const update = (assignments: string) =>
      db.prepare(`UPDATE ${t.survey_rounds} SET ${assignments}, revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`);
    const rounds = {
      opened: update(`status = 'open', opened_on = @on`),
      closed: update(`status = 'closed', closed_on = @on, response_count = @responseCount`),
      results: update(`results = @results, results_on = @on`),
      corrected: update(`results = @results, results_on = @on, corrections = @corrections`),
      cancelled: update(`status = 'cancelled', cancelled_on = @on, cancellation_reason = @reason`),
    };

    function applyInstrument(recorded: RecordedEvent, stamp: Stamp): void {
      const event = instrumentEventOf(recorded);
      const by = recorded.metadata.actor.name;
      if (event.type === 'AssessmentInstrumentDrafted') {
        const d = event.data;
        const first: InstrumentVersion = {
          version: 1,
          status: 'draft',
          questions: d.questions,
          changeNote: null,
          draftedOn: d.draftedOn,
          draftedBy: by,
          publishedOn: null,
          supersededOn: null,
        };
        insertInstrument.run({ ...stamp, code: d.code, ...d.title, purpose: d.purpose, versions: JSON.stringify([first]) });
        return;
      }
      const versions = z.array(instrumentVersion).parse(JSON.parse(versionsOf.get(stamp.id)!.versions));
      if (event.type === 'AssessmentInstrumentVersionDrafted') {
        const d = event.data;
        versions.push({
          version: d.version,
          status: 'draft',
          questions: d.questions,
          changeNote: d.changeNote,
          draftedOn: d.draftedOn,
          draftedBy: by,
          publishedOn: null,
          supersededOn: null,
        });
        saveVersions.run({ ...stamp, versions: JSON.stringify(versions), latest: d.version, published: null, publishedOn: null });
        return;
      }
      const d = event.data;
      const next = versions.map((v) => {
        if (v.version === d.version) return { ...v, status: 'published' as const, publishedOn: d.publishedOn };
        if (v.version === d.supersedes) return { ...v, status: 'superseded' as const, supersededOn: d.publishedOn };
        return v;
      });
      saveVersions.run({ ...stamp, versions: JSON.stringify(next), latest: versions.length, published: d.version, publishedOn: d.publishedOn });
    }

    function applySurvey(recorded: RecordedEvent, stamp: Stamp): void {
      const event = surveyEventOf(recorded);
      switch (event.type) {
        case 'SurveyRoundPlanned': {
          const d = event.data;
          insertRound.run({
            ...stamp,
            instrumentId: d.instrumentId,
            instrumentVersion: d.instrumentVersion,
            title: d.title,
            targetGroup: d.targetGroup,
            unit: d.unit,
            programme: d.programme ?? null,
            startsOn: d.startsOn,
            endsOn: d.endsOn,
            year: Number(d.startsOn.slice(0, 4)),
            invitedCount: d.invitedCount,
            monitoringId: d.monitoringId ?? null,
          });
          return;
        }
        case 'SurveyRoundOpened':
          rounds.opened.run({ ...stamp, on: event.data.openedOn });
          return;
        case 'SurveyRoundClosed':
          rounds.closed.run({ ...stamp, on: event.data.closedOn, responseCount: event.data.responseCount });
          return;
        case 'SurveyRoundResultsRecorded':
          rounds.results.run({ ...stamp, results: JSON.stringify(event.data.results), on: event.data.recordedOn });
          return;
        case 'SurveyRoundResultsCorrected': {
          const row = roundOf.get(stamp.id)!;
          const corrections = z.array(correction).parse(JSON.parse(row.corrections));
          const previous = z.array(questionResult).parse(JSON.parse(row.results ?? '[]'));
          corrections.push({ reason: event.data.reason, correctedOn: event.data.correctedOn, correctedBy: recorded.metadata.actor.name, previous });
          rounds.corrected.run({ ...stamp, results: JSON.stringify(event.data.results), on: event.data.correctedOn, corrections: JSON.stringify(corrections) });
          return;
        }
        case 'SurveyRoundCancelled':
          rounds.cancelled.run({ ...stamp, on: event.data.cancelledOn, reason: event.data.reason });
          return;
      }
    }

    return {
      apply(recorded) {
        const instrument = instrumentTypes.has(recorded.type);
        const category = instrument ? assessmentInstrumentCategory : surveyCategory;
        const stamp = {
          id: recorded.stream.slice(category.length + 1),
          revision: recorded.revision,
          position: encodePosition(recorded.position),
          updatedAt: recorded.recordedAt,
        };
        if (instrument) applyInstrument(recorded, stamp);
        else applySurvey(recorded, stamp);
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Reading

export const instrumentRow = z.object({
  id: z.string(),
  code: z.string(),
  title_ky: z.string(),
  title_ru: z.string(),
  title_en: z.string(),
  purpose: z.string(),
  latest_version: z.number(),
  published_version: z.number().nullable(),
  published_on: z.string().nullable(),
  versions: z.string().transform((s) => z.array(instrumentVersion).parse(JSON.parse(s))),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type InstrumentRow = z.infer<typeof instrumentRow>;

export const surveyRow = z.object({
  id: z.string(),
  instrument_id: z.string(),
  instrument_version: z.number(),
  title: z.string(),
  target_group: surveyTargetGroup,
  unit: z.string(),
  programme: z.string().nullable(),
  starts_on: z.string(),
  ends_on: z.string(),
  year: z.number(),
  status: surveyStatus,
  invited_count: z.number(),
  response_count: z.number().nullable(),
  opened_on: z.string().nullable(),
  closed_on: z.string().nullable(),
  cancelled_on: z.string().nullable(),
  cancellation_reason: z.string().nullable(),
  monitoring_id: z.string().nullable(),
  results: z
    .string()
    .nullable()
    .transform((s) => (s === null ? null : z.array(questionResult).parse(JSON.parse(s)))),
  results_on: z.string().nullable(),
  corrections: z.string().transform((s) => z.array(correction).parse(JSON.parse(s))),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type SurveyRow = z.infer<typeof surveyRow>;

export type SurveyFilter = {
  instrumentId?: string | null;
  targetGroups?: string[] | null;
  unit?: string | null;
  statuses?: string[] | null;
  year?: number | null;
  monitoringId?: string | null;
};
export type InstrumentFilter = { code?: string | null; published?: boolean | null };

export function createSurveyQueries(db: ReadModelDatabase) {
  const instrumentById = db.prepare<[string], unknown>('SELECT * FROM assessment_instruments WHERE id = ?');
  const surveyById = db.prepare<[string], unknown>('SELECT * FROM survey_rounds WHERE id = ?');
  return {
    instrumentsByIds: (ids: readonly string[]): (InstrumentRow | undefined)[] =>
      ids.map((id) => {
        const row = instrumentById.get(id);
        return row === undefined ? undefined : instrumentRow.parse(row);
      }),
    instrumentSortKey: (row: InstrumentRow): [string, string] => [row.code, row.id],
    /** One page of the instruments, in order of code. */
    instrumentPage(filter: InstrumentFilter, request: PageRequest) {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'code', filter.code ? [filter.code] : null);
      if (filter.published != null) conditions.where.push(`published_version IS ${filter.published ? 'NOT ' : ''}NULL`);
      return keysetPage(db, 'assessment_instruments', conditions, 'code', request, (r) => instrumentRow.parse(r));
    },
    byIds: (ids: readonly string[]): (SurveyRow | undefined)[] =>
      ids.map((id) => {
        const row = surveyById.get(id);
        return row === undefined ? undefined : surveyRow.parse(row);
      }),
    sortKey: (row: SurveyRow): [string, string] => [row.starts_on, row.id],
    /** One page of the survey rounds, by the start of their period. */
    page(filter: SurveyFilter, request: PageRequest) {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'instrument_id', filter.instrumentId ? [filter.instrumentId] : null);
      inList(conditions, 'target_group', filter.targetGroups);
      inList(conditions, 'unit', filter.unit ? [filter.unit] : null);
      inList(conditions, 'status', filter.statuses);
      inList(conditions, 'year', filter.year != null ? [filter.year] : null);
      inList(conditions, 'monitoring_id', filter.monitoringId ? [filter.monitoringId] : null);
      return keysetPage(db, 'survey_rounds', conditions, 'starts_on', request, (r) => surveyRow.parse(r));
    },
  };
}
export type SurveyQueries = ReturnType<typeof createSurveyQueries>;
