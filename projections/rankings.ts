// The rankings read model: each ranking organisation with its agreements, the state of its current
// (latest) edition's submission and the trend of its latest result; each edition with its
// indicator dictionary, submitted values, result, comparison with last year and measures.
// The organisation's summary columns are recomputed from its editions whenever one of them changes,
// so a result recorded late for an earlier year still moves every comparison it touches.
import { z } from 'zod';
import {
  parseBand,
  rankingEditionCategory,
  rankingEditionEventSchemas,
  rankingEditionEventTypes,
  rankingIndicatorDefinition,
  rankingSubmissionStatus,
  rankingTrend,
  rankingValueStatus,
  trendOf,
  type RankingEditionEvent,
  type RankingSubmissionStatus,
} from '../src/domain/ranking-editions.ts';
import {
  rankingOrganisationCategory,
  rankingOrganisationEventSchemas,
  rankingOrganisationEventTypes,
  rankingOrganisationKind,
  type RankingOrganisationEvent,
} from '../src/domain/ranking-organisations.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { inList, keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'ranking_organisations' | 'ranking_agreements' | 'ranking_editions' | 'ranking_values' | 'ranking_measures';

type Event = RankingOrganisationEvent | RankingEditionEvent;
const schemas = { ...rankingOrganisationEventSchemas, ...rankingEditionEventSchemas };
const dataOf = (event: RecordedEvent): Event => ({ type: event.type, data: schemas[event.type as Event['type']].parse(event.data) }) as Event;

export const rankingsProjection: ProjectionDefinition<Table> = {
  name: 'rankings',
  version: 1,
  tables: ['ranking_organisations', 'ranking_agreements', 'ranking_editions', 'ranking_values', 'ranking_measures'],
  eventTypes: [...rankingOrganisationEventTypes, ...rankingEditionEventTypes],
  open(db, t: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${t.ranking_organisations} (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, short_name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT NOT NULL, website TEXT,
        current_edition_id TEXT, current_year INTEGER, current_submission_status TEXT, latest_result_edition_id TEXT, trend TEXT,
        revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS ${t.ranking_organisations}_name ON ${t.ranking_organisations} (name, id);
      CREATE TABLE IF NOT EXISTS ${t.ranking_agreements} (
        organisation_id TEXT NOT NULL, number TEXT NOT NULL, subject TEXT NOT NULL, signed_on TEXT NOT NULL, valid_until TEXT,
        ended_on TEXT, end_reason TEXT, PRIMARY KEY (organisation_id, number));
      CREATE TABLE IF NOT EXISTS ${t.ranking_editions} (
        id TEXT PRIMARY KEY, organisation_id TEXT NOT NULL, year INTEGER NOT NULL, title TEXT NOT NULL,
        collection_opens_on TEXT, collection_closes_on TEXT, publication_on TEXT, indicators TEXT NOT NULL,
        submission_status TEXT NOT NULL, approved_on TEXT, approval_decision TEXT, submitted_on TEXT, channel TEXT,
        acknowledged_on TEXT, acknowledgement_reference TEXT,
        published_on TEXT, rank INTEGER, band TEXT, band_lower INTEGER, band_upper INTEGER, score REAL, regional_rank INTEGER,
        indicator_scores TEXT, trend TEXT,
        revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS ${t.ranking_editions}_organisation ON ${t.ranking_editions} (organisation_id, year);
      CREATE TABLE IF NOT EXISTS ${t.ranking_values} (
        edition_id TEXT NOT NULL, indicator_code TEXT NOT NULL, value REAL NOT NULL, breakdowns TEXT NOT NULL, evidence TEXT NOT NULL,
        supplying_unit TEXT NOT NULL, data_request_id TEXT, recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL, status TEXT NOT NULL,
        verified_on TEXT, returned_on TEXT, return_reason TEXT, PRIMARY KEY (edition_id, indicator_code));
      CREATE TABLE IF NOT EXISTS ${t.ranking_measures} (
        edition_id TEXT NOT NULL, code TEXT NOT NULL, measure TEXT NOT NULL, responsible_unit TEXT NOT NULL, decided_on TEXT NOT NULL,
        due_on TEXT, indicator_code TEXT, strategy_indicator_id TEXT, PRIMARY KEY (edition_id, code));`);

    const stampSql = 'revision = @revision, position = @position, updated_at = @updatedAt';
    const s = {
      organisation: db.prepare(`INSERT INTO ${t.ranking_organisations} (id, name, short_name, kind, country, website, revision, position, updated_at)
        VALUES (@id, @name, @shortName, @kind, @country, @website, @revision, @position, @updatedAt)`),
      touchOrganisation: db.prepare(`UPDATE ${t.ranking_organisations} SET ${stampSql} WHERE id = @id`),
      sign: db.prepare(`INSERT INTO ${t.ranking_agreements} (organisation_id, number, subject, signed_on, valid_until) VALUES (?, ?, ?, ?, ?)`),
      end: db.prepare(`UPDATE ${t.ranking_agreements} SET ended_on = ?, end_reason = ? WHERE organisation_id = ? AND number = ?`),
      edition: db.prepare(`INSERT INTO ${t.ranking_editions} (id, organisation_id, year, title, collection_opens_on, collection_closes_on, publication_on,
        indicators, submission_status, revision, position, updated_at) VALUES (@id, @rankingOrganisationId, @year, @title, @collectionOpensOn,
        @collectionClosesOn, @publicationOn, @indicators, @status, @revision, @position, @updatedAt)`),
      updateEdition: (assignments: string) => db.prepare(`UPDATE ${t.ranking_editions} SET ${assignments}, ${stampSql} WHERE id = @id`),
      editionRow: db.prepare<
        [string],
        { organisation_id: string; indicators: string; approved_on: string | null; submitted_on: string | null; acknowledged_on: string | null }
      >(`SELECT organisation_id, indicators, approved_on, submitted_on, acknowledged_on FROM ${t.ranking_editions} WHERE id = ?`),
      value: db.prepare(`INSERT OR REPLACE INTO ${t.ranking_values} (edition_id, indicator_code, value, breakdowns, evidence, supplying_unit, data_request_id,
        recorded_by, recorded_at, status) VALUES (@id, @indicatorCode, @value, @breakdowns, @evidence, @supplyingUnit, @dataRequestId, @recordedBy, @updatedAt, 'recorded')`),
      verifyValue: db.prepare(`UPDATE ${t.ranking_values} SET status = 'verified', verified_on = ? WHERE edition_id = ? AND indicator_code = ?`),
      returnValue: db.prepare(
        `UPDATE ${t.ranking_values} SET status = 'returned', returned_on = ?, return_reason = ? WHERE edition_id = ? AND indicator_code = ?`,
      ),
      valueCounts: db.prepare<[string], { recorded: number; verified: number }>(
        `SELECT COUNT(*) AS recorded, COALESCE(SUM(status = 'verified'), 0) AS verified FROM ${t.ranking_values} WHERE edition_id = ?`,
      ),
      status: db.prepare(`UPDATE ${t.ranking_editions} SET submission_status = ? WHERE id = ?`),
      measure:
        db.prepare(`INSERT INTO ${t.ranking_measures} (edition_id, code, measure, responsible_unit, decided_on, due_on, indicator_code, strategy_indicator_id)
        VALUES (@id, @code, @measure, @responsibleUnit, @decidedOn, @dueOn, @indicatorCode, @strategyIndicatorId)`),
      editionsOf: db.prepare<
        [string],
        {
          id: string;
          year: number;
          rank: number | null;
          band_lower: number | null;
          band_upper: number | null;
          published_on: string | null;
          submission_status: string;
        }
      >(
        `SELECT id, year, rank, band_lower, band_upper, published_on, submission_status FROM ${t.ranking_editions} WHERE organisation_id = ? ORDER BY year DESC, id`,
      ),
      trend: db.prepare(`UPDATE ${t.ranking_editions} SET trend = ? WHERE id = ?`),
      summary: db.prepare(`UPDATE ${t.ranking_organisations} SET current_edition_id = ?, current_year = ?, current_submission_status = ?,
        latest_result_edition_id = ?, trend = ? WHERE id = ?`),
    };
    const editionUpdates = {
      approved: s.updateEdition('approved_on = @on, approval_decision = @decision'),
      submitted: s.updateEdition('submitted_on = @on, channel = @channel'),
      acknowledged: s.updateEdition('acknowledged_on = @on, acknowledgement_reference = @reference'),
      result: s.updateEdition(`published_on = @publishedOn, rank = @rank, band = @band, band_lower = @bandLower, band_upper = @bandUpper, score = @score,
        regional_rank = @regionalRank, indicator_scores = @indicatorScores`),
      touch: s.updateEdition('id = id'),
    };

    /** The submission's state from the edition's stage and its values. */
    function refreshStatus(editionId: string): string {
      const edition = s.editionRow.get(editionId)!;
      const needed = z
        .array(rankingIndicatorDefinition)
        .parse(JSON.parse(edition.indicators))
        .filter((i) => i.source === 'submitted').length;
      const counts = s.valueCounts.get(editionId)!;
      const status: RankingSubmissionStatus = edition.acknowledged_on
        ? 'acknowledged'
        : edition.submitted_on
          ? 'submitted'
          : edition.approved_on
            ? 'approved'
            : needed === 0
              ? 'not_required'
              : counts.verified === needed
                ? 'verified'
                : counts.recorded > 0
                  ? 'collecting'
                  : 'not_started';
      s.status.run(status, editionId);
      return edition.organisation_id;
    }

    /** Every edition's comparison with last year's, and the organisation's current edition and trend. */
    function refreshOrganisation(organisationId: string): void {
      const editions = s.editionsOf.all(organisationId);
      const withResult = editions.filter((e) => e.published_on !== null);
      for (const e of withResult)
        s.trend.run(
          trendOf(
            e,
            withResult.find((p) => p.year === e.year - 1),
          ),
          e.id,
        );
      const current = editions[0];
      const latest = withResult[0];
      const latestTrend = latest
        ? trendOf(
            latest,
            withResult.find((p) => p.year === latest.year - 1),
          )
        : null;
      s.summary.run(current?.id ?? null, current?.year ?? null, current?.submission_status ?? null, latest?.id ?? null, latestTrend, organisationId);
    }

    return {
      apply(recorded) {
        const event = dataOf(recorded);
        const category = recorded.stream.startsWith(`${rankingEditionCategory}-`) ? rankingEditionCategory : rankingOrganisationCategory;
        const stamp = {
          id: recorded.stream.slice(category.length + 1),
          revision: recorded.revision,
          position: encodePosition(recorded.position),
          updatedAt: recorded.recordedAt,
        };
        switch (event.type) {
          case 'RankingOrganisationRegistered': {
            const d = event.data;
            s.organisation.run({ ...stamp, name: d.name, shortName: d.shortName, kind: d.kind, country: d.country, website: d.website ?? null });
            return;
          }
          case 'RankingAgreementSigned': {
            const d = event.data;
            s.sign.run(stamp.id, d.agreementNumber, d.subject, d.signedOn, d.validUntil ?? null);
            s.touchOrganisation.run(stamp);
            return;
          }
          case 'RankingAgreementEnded':
            s.end.run(event.data.endedOn, event.data.reason, stamp.id, event.data.agreementNumber);
            s.touchOrganisation.run(stamp);
            return;
          case 'RankingEditionAnnounced': {
            const d = event.data;
            s.edition.run({
              ...stamp,
              rankingOrganisationId: d.rankingOrganisationId,
              year: d.year,
              title: d.title,
              collectionOpensOn: d.collectionOpensOn ?? null,
              collectionClosesOn: d.collectionClosesOn ?? null,
              publicationOn: d.publicationOn ?? null,
              indicators: JSON.stringify(d.indicators),
              status: 'not_started',
            });
            break;
          }
          case 'RankingDataValueRecorded': {
            const d = event.data;
            s.value.run({
              ...stamp,
              indicatorCode: d.indicatorCode,
              value: d.value,
              breakdowns: JSON.stringify(d.breakdowns ?? []),
              evidence: d.evidence,
              supplyingUnit: d.supplyingUnit,
              dataRequestId: d.dataRequestId ?? null,
              recordedBy: d.recordedBy,
            });
            editionUpdates.touch.run(stamp);
            break;
          }
          case 'RankingDataValueVerified':
            s.verifyValue.run(event.data.verifiedOn, stamp.id, event.data.indicatorCode);
            editionUpdates.touch.run(stamp);
            break;
          case 'RankingDataValueReturned':
            s.returnValue.run(event.data.returnedOn, event.data.reason, stamp.id, event.data.indicatorCode);
            editionUpdates.touch.run(stamp);
            break;
          case 'RankingSubmissionApproved':
            editionUpdates.approved.run({ ...stamp, on: event.data.approvedOn, decision: event.data.decision ?? null });
            break;
          case 'RankingDataSubmitted':
            editionUpdates.submitted.run({ ...stamp, on: event.data.submittedOn, channel: event.data.channel });
            break;
          case 'RankingSubmissionAcknowledged':
            editionUpdates.acknowledged.run({ ...stamp, on: event.data.acknowledgedOn, reference: event.data.reference ?? null });
            break;
          case 'RankingResultRecorded':
          case 'RankingResultCorrected': {
            const d = event.data;
            const band = d.band ? parseBand(d.band) : undefined;
            editionUpdates.result.run({
              ...stamp,
              publishedOn: d.publishedOn,
              rank: d.rank ?? null,
              band: d.band ?? null,
              bandLower: band?.lower ?? null,
              bandUpper: band?.upper ?? null,
              score: d.score ?? null,
              regionalRank: d.regionalRank ?? null,
              indicatorScores: JSON.stringify(d.indicatorScores ?? []),
            });
            break;
          }
          case 'RankingImprovementMeasureDecided': {
            const d = event.data;
            s.measure.run({
              id: stamp.id,
              code: d.code,
              measure: d.measure,
              responsibleUnit: d.responsibleUnit,
              decidedOn: d.decidedOn,
              dueOn: d.dueOn ?? null,
              indicatorCode: d.indicatorCode ?? null,
              strategyIndicatorId: d.strategyIndicatorId ?? null,
            });
            editionUpdates.touch.run(stamp);
            break;
          }
        }
        // Every edition event may move the submission's state and the organisation's summary.
        refreshOrganisation(refreshStatus(stamp.id));
      },
    };
  },
};

const json = <T extends z.ZodType>(schema: T) => z.string().transform((s) => schema.parse(JSON.parse(s)) as z.infer<T>);

export const rankingOrganisationRow = z.object({
  id: z.string(),
  name: z.string(),
  short_name: z.string(),
  kind: rankingOrganisationKind,
  country: z.string(),
  website: z.string().nullable(),
  current_edition_id: z.string().nullable(),
  current_year: z.number().nullable(),
  current_submission_status: rankingSubmissionStatus.nullable(),
  latest_result_edition_id: z.string().nullable(),
  trend: rankingTrend.nullable(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type RankingOrganisationRow = z.infer<typeof rankingOrganisationRow>;

export const rankingAgreementRow = z.object({
  organisation_id: z.string(),
  number: z.string(),
  subject: z.string(),
  signed_on: z.string(),
  valid_until: z.string().nullable(),
  ended_on: z.string().nullable(),
  end_reason: z.string().nullable(),
});
export type RankingAgreementRow = z.infer<typeof rankingAgreementRow>;

const indicatorScore = z.object({ indicatorCode: z.string(), score: z.number() });
export const rankingEditionRow = z.object({
  id: z.string(),
  organisation_id: z.string(),
  year: z.number(),
  title: z.string(),
  collection_opens_on: z.string().nullable(),
  collection_closes_on: z.string().nullable(),
  publication_on: z.string().nullable(),
  indicators: json(z.array(rankingIndicatorDefinition)),
  submission_status: rankingSubmissionStatus,
  approved_on: z.string().nullable(),
  approval_decision: z.string().nullable(),
  submitted_on: z.string().nullable(),
  channel: z.string().nullable(),
  acknowledged_on: z.string().nullable(),
  acknowledgement_reference: z.string().nullable(),
  published_on: z.string().nullable(),
  rank: z.number().nullable(),
  band: z.string().nullable(),
  band_lower: z.number().nullable(),
  band_upper: z.number().nullable(),
  score: z.number().nullable(),
  regional_rank: z.number().nullable(),
  indicator_scores: json(z.array(indicatorScore)).nullable(),
  trend: rankingTrend.nullable(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type RankingEditionRow = z.infer<typeof rankingEditionRow>;

export const rankingValueRow = z.object({
  edition_id: z.string(),
  indicator_code: z.string(),
  value: z.number(),
  breakdowns: json(z.array(z.object({ name: z.string(), value: z.number() }))),
  evidence: z.string(),
  supplying_unit: z.string(),
  data_request_id: z.string().nullable(),
  recorded_by: z.string(),
  recorded_at: z.string(),
  status: rankingValueStatus,
  verified_on: z.string().nullable(),
  returned_on: z.string().nullable(),
  return_reason: z.string().nullable(),
});
export type RankingValueRow = z.infer<typeof rankingValueRow>;

export const rankingMeasureRow = z.object({
  edition_id: z.string(),
  code: z.string(),
  measure: z.string(),
  responsible_unit: z.string(),
  decided_on: z.string(),
  due_on: z.string().nullable(),
  indicator_code: z.string().nullable(),
  strategy_indicator_id: z.string().nullable(),
});
export type RankingMeasureRow = z.infer<typeof rankingMeasureRow>;

export type RankingFilter = {
  kinds?: string[] | null;
  /** The state of the current (latest) edition's submission. */
  submissionStatuses?: string[] | null;
  trends?: string[] | null;
};

export function createRankingQueries(db: ReadModelDatabase) {
  const organisation = db.prepare<[string], unknown>('SELECT * FROM ranking_organisations WHERE id = ?');
  const agreements = db.prepare<[string], unknown>('SELECT * FROM ranking_agreements WHERE organisation_id = ? ORDER BY signed_on, number');
  const edition = db.prepare<[string], unknown>('SELECT * FROM ranking_editions WHERE id = ?');
  const editionsOf = db.prepare<[string], unknown>('SELECT * FROM ranking_editions WHERE organisation_id = ? ORDER BY year DESC, id');
  const editionOfYear = db.prepare<[string, number], unknown>('SELECT * FROM ranking_editions WHERE organisation_id = ? AND year = ? ORDER BY id LIMIT 1');
  const values = db.prepare<[string], unknown>('SELECT * FROM ranking_values WHERE edition_id = ? ORDER BY indicator_code');
  const measures = db.prepare<[string], unknown>('SELECT * FROM ranking_measures WHERE edition_id = ? ORDER BY code');
  const parseEdition = (r: unknown) => (r === undefined ? undefined : rankingEditionRow.parse(r));
  return {
    organisationsByIds: (ids: readonly string[]): (RankingOrganisationRow | undefined)[] =>
      ids.map((id) => {
        const row = organisation.get(id);
        return row === undefined ? undefined : rankingOrganisationRow.parse(row);
      }),
    agreements: (organisationId: string): RankingAgreementRow[] => agreements.all(organisationId).map((r) => rankingAgreementRow.parse(r)),
    editionsByIds: (ids: readonly string[]): (RankingEditionRow | undefined)[] => ids.map((id) => parseEdition(edition.get(id))),
    /** An organisation's editions, latest year first. */
    editionsOf: (organisationId: string): RankingEditionRow[] => editionsOf.all(organisationId).map((r) => rankingEditionRow.parse(r)),
    editionOfYear: (organisationId: string, year: number): RankingEditionRow | undefined => parseEdition(editionOfYear.get(organisationId, year)),
    values: (editionId: string): RankingValueRow[] => values.all(editionId).map((r) => rankingValueRow.parse(r)),
    measures: (editionId: string): RankingMeasureRow[] => measures.all(editionId).map((r) => rankingMeasureRow.parse(r)),
    sortKey: (row: RankingOrganisationRow): [string, string] => [row.name, row.id],
    /** One page of the rankings, by name. */
    page(filter: RankingFilter, request: PageRequest) {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'kind', filter.kinds);
      inList(conditions, 'current_submission_status', filter.submissionStatuses);
      inList(conditions, 'trend', filter.trends);
      return keysetPage(db, 'ranking_organisations', conditions, 'name', request, (r) => rankingOrganisationRow.parse(r));
    },
  };
}
export type RankingQueries = ReturnType<typeof createRankingQueries>;
