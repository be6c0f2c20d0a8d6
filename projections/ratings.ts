// The teaching-staff rating (DOMAIN.md "Ratings"): one row per campaign and one per teacher's entry,
// with the weighted total of each entry and, once a campaign is published, ranks per unit and
// university-wide. Ranks are computed here, not in the deciders: when results are published and
// again whenever an upheld appeal corrects a score.
//
// Ranking: only verified entries are ranked, by total per full staff rate (total / rate), highest
// first, in competition order: equal scores share a rank and the next rank skips (1, 2, 2, 4);
// within the unit, the faculty, the chair, the position group and the university (rankEntries in
// src/domain/rating-computation.ts, where the computation is table-tested). Totals and normalised
// scores are exact integers, so a tie is a real tie. An entry recorded before profiles existed has
// rate 1 and no faculty, chair or position, so it is ranked in its unit and the university only.
// Each recomputation bumps the campaign's results revision, so a reader can tell that ranks moved.
// The chair and faculty tables sum the ranked teachers' totals and divide by the sum of their rates.
//
// Visibility (read queries take the caller and filter in SQL): see src/domain/ratings.ts. An entry
// the caller may not read is absent, exactly as an entry that does not exist.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Actor } from '../src/domain/decider.ts';
import { ratingCampaignCategory, ratingCampaignEventSchemas, ratingCampaignStatus, type RatingCampaignEvent } from '../src/domain/rating-campaigns.ts';
import {
  ratingAppealStatus,
  ratingEntryCategory,
  ratingEntryEventSchemas,
  ratingEntryStatus,
  ratingReviewLevel,
  ratingSubmitter,
  pointsRulesOf,
  ratingDegree,
  ratingPosition,
  scoresAfter,
  totalUnitsOf,
  type RatingEntryEvent,
  type ScoreValue,
} from '../src/domain/rating-entries.ts';
import { ratingAggregateReadersOfAll, ratingEntryReadersOfAll, ratingsEventTypes } from '../src/domain/ratings.ts';
import { aggregateTable, maximumTotalUnits, normalisedUnitsOf, rankEntries, type Aggregate } from '../src/domain/rating-computation.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { inList, keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

const campaignColumns = `
  id TEXT PRIMARY KEY, year INTEGER NOT NULL,
  title_ky TEXT NOT NULL, title_ru TEXT NOT NULL, title_en TEXT NOT NULL,
  criteria TEXT NOT NULL, group_caps TEXT NOT NULL, maximum_total_units INTEGER NOT NULL,
  status TEXT NOT NULL, entries_due TEXT NOT NULL,
  opened_on TEXT, opening_basis TEXT, closed_on TEXT, verification_started_on TEXT,
  published_on TEXT, appeals_until TEXT, publication_basis TEXT, appeals_closed_on TEXT,
  results_revision INTEGER NOT NULL DEFAULT 0,
  created_position INTEGER NOT NULL,
  revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL`;

const entryColumns = `
  id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL,
  teacher_id TEXT NOT NULL, teacher_name TEXT NOT NULL, unit TEXT NOT NULL,
  faculty TEXT, chair TEXT, staff_position TEXT, degree TEXT, rate REAL NOT NULL DEFAULT 1,
  status TEXT NOT NULL, scores TEXT NOT NULL, total_units INTEGER NOT NULL, normalised_units INTEGER NOT NULL DEFAULT 0,
  submitted_at TEXT, submitted_as TEXT, submitted_by TEXT,
  reviewed_at TEXT, reviewed_by TEXT, review_level TEXT, review_note TEXT, return_reason TEXT,
  unit_rank INTEGER, unit_ranked_count INTEGER, university_rank INTEGER, university_ranked_count INTEGER,
  faculty_rank INTEGER, faculty_ranked_count INTEGER, chair_rank INTEGER, chair_ranked_count INTEGER,
  position_rank INTEGER, position_ranked_count INTEGER,
  appeal_status TEXT, appeal TEXT,
  started_position INTEGER NOT NULL,
  revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL`;

type Table = 'rating_campaigns' | 'rating_entries';

/** An appeal as the read model keeps it (JSON in rating_entries.appeal). */
export type AppealRecord = {
  criteria: string[];
  reason: string;
  filedOn: string;
  response?: string;
  decidedOn?: string;
  decidedBy?: string;
  corrections?: { criterionCode: string; quantity: number; previousQuantity: number; authorCount?: number; previousAuthorCount?: number; evidence?: string }[];
};

const campaignEvent = (event: RecordedEvent): RatingCampaignEvent =>
  ({ type: event.type, data: ratingCampaignEventSchemas[event.type as RatingCampaignEvent['type']].parse(event.data) }) as RatingCampaignEvent;
const entryEvent = (event: RecordedEvent): RatingEntryEvent =>
  ({ type: event.type, data: ratingEntryEventSchemas[event.type as RatingEntryEvent['type']].parse(event.data) }) as RatingEntryEvent;

const criteriaList = ratingCampaignEventSchemas.RatingCriteriaRevised.shape.criteria;
const groupCapList = ratingCampaignEventSchemas.RatingCriteriaRevised.shape.groupCaps;
const scoreMap = z.record(z.string(), z.object({ quantity: z.number(), authorCount: z.number().optional(), evidence: z.string().optional() }));
const maximumUnits = (criteria: z.infer<typeof criteriaList>, caps: z.infer<typeof groupCapList>) => maximumTotalUnits(pointsRulesOf(criteria), caps);

export const ratingsProjection: ProjectionDefinition<Table> = {
  name: 'ratings',
  // 2: appeals_closed_on, the day the appeal window was recorded closed.
  // 3: points rules and group caps, the teacher's profile, normalised scores, ranks per faculty, chair and position.
  version: 3,
  tables: ['rating_campaigns', 'rating_entries'],
  eventTypes: ratingsEventTypes,
  open(db, { rating_campaigns: campaigns, rating_entries: entries }: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${campaigns} (${campaignColumns});
      CREATE INDEX IF NOT EXISTS ${campaigns}_year ON ${campaigns} (year, id);
      CREATE TABLE IF NOT EXISTS ${entries} (${entryColumns});
      CREATE INDEX IF NOT EXISTS ${entries}_started ON ${entries} (campaign_id, started_position, id);
      CREATE INDEX IF NOT EXISTS ${entries}_teacher ON ${entries} (teacher_id, campaign_id);
      CREATE INDEX IF NOT EXISTS ${entries}_unit ON ${entries} (unit, campaign_id);`);
    const insertCampaign = db.prepare(`INSERT INTO ${campaigns} (id, year, title_ky, title_ru, title_en, criteria, group_caps, maximum_total_units,
      status, entries_due, created_position, revision, position, updated_at)
      VALUES (@id, @year, @ky, @ru, @en, @criteria, @groupCaps, @maximum, 'draft', @entriesDue, @createdPosition, @revision, @position, @updatedAt)`);
    const updateCampaign = (assignments: string) =>
      db.prepare(`UPDATE ${campaigns} SET ${assignments}, revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`);
    const campaignStatements = {
      criteria: updateCampaign('criteria = @criteria, group_caps = @groupCaps, maximum_total_units = @maximum'),
      opened: updateCampaign(`status = 'open', opened_on = @openedOn, opening_basis = @basis`),
      extended: updateCampaign('entries_due = @entriesDue'),
      closed: updateCampaign(`status = 'closed_for_entries', closed_on = @closedOn`),
      verification: updateCampaign(`status = 'verification', verification_started_on = @startedOn`),
      published: updateCampaign(`status = 'published', published_on = @publishedOn, appeals_until = @appealsUntil, publication_basis = @basis`),
      appealsClosed: updateCampaign('appeals_closed_on = @closedOn'),
    };
    const campaignRules = db.prepare<[string], { criteria: string; group_caps: string }>(`SELECT criteria, group_caps FROM ${campaigns} WHERE id = ?`);
    const bumpResults = db.prepare(`UPDATE ${campaigns} SET results_revision = results_revision + 1 WHERE id = ?`);
    const rankKinds = ['unit', 'faculty', 'chair', 'position', 'university'] as const;
    const clearRanks = db.prepare(
      `UPDATE ${entries} SET ${rankKinds.map((k) => `${k}_rank = NULL, ${k}_ranked_count = NULL`).join(', ')} WHERE campaign_id = ?`,
    );
    const verifiedOf = db.prepare<
      [string],
      { id: string; normalised_units: number; unit: string; faculty: string | null; chair: string | null; staff_position: string | null }
    >(`SELECT id, normalised_units, unit, faculty, chair, staff_position FROM ${entries} WHERE campaign_id = ? AND status = 'verified'`);
    const setRanks = db.prepare(
      `UPDATE ${entries} SET ${rankKinds.map((k) => `${k}_rank = @${k}Rank, ${k}_ranked_count = @${k}Count`).join(', ')} WHERE id = @id`,
    );
    const recomputeRanks = (campaignId: string) => {
      clearRanks.run(campaignId);
      const ranked = rankEntries(
        verifiedOf
          .all(campaignId)
          .map((r) => ({ id: r.id, normalisedUnits: r.normalised_units, unit: r.unit, faculty: r.faculty, chair: r.chair, position: r.staff_position })),
      );
      for (const [id, ranks] of ranked) {
        const values = Object.fromEntries(
          rankKinds.flatMap((k) => [
            [`${k}Rank`, ranks[k]?.rank ?? null],
            [`${k}Count`, ranks[k]?.count ?? null],
          ]),
        );
        setRanks.run({ id, ...values });
      }
      bumpResults.run(campaignId);
    };

    const insertEntry = db.prepare(`INSERT INTO ${entries} (id, campaign_id, teacher_id, teacher_name, unit, status, scores, total_units,
      started_position, revision, position, updated_at)
      VALUES (@id, @campaignId, @teacherId, @teacherName, @unit, 'draft', '{}', 0, @startedPosition, @revision, @position, @updatedAt)`);
    const updateEntry = (assignments: string) =>
      db.prepare(`UPDATE ${entries} SET ${assignments}, revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`);
    const entryStatements = {
      scores: updateEntry('scores = @scores, total_units = @total, normalised_units = @normalised'),
      profile: updateEntry(
        'faculty = @faculty, chair = @chair, staff_position = @staffPosition, degree = @degree, rate = @rate, normalised_units = @normalised',
      ),
      submitted: updateEntry(`status = 'submitted', submitted_at = @updatedAt, submitted_as = @submittedAs, submitted_by = @actor`),
      reviewed: updateEntry(
        'status = @status, reviewed_at = @updatedAt, reviewed_by = @actor, review_level = @level, review_note = @note, return_reason = @reason',
      ),
      appeal: updateEntry('appeal_status = @appealStatus, appeal = @appeal'),
      corrected: updateEntry('scores = @scores, total_units = @total, normalised_units = @normalised, appeal_status = @appealStatus, appeal = @appeal'),
    };
    const entryState = db.prepare<[string], { campaign_id: string; scores: string; appeal: string | null; rate: number; total_units: number }>(
      `SELECT campaign_id, scores, appeal, rate, total_units FROM ${entries} WHERE id = ?`,
    );

    /** Scores, total and total per full rate of an entry after `change`, with the campaign's rules. */
    function rescored(id: string, change: (current: Record<string, ScoreValue>) => Record<string, ScoreValue>) {
      const row = entryState.get(id)!;
      const scores = change(scoreMap.parse(JSON.parse(row.scores)) as Record<string, ScoreValue>);
      const rules = campaignRules.get(row.campaign_id)!;
      const total = totalUnitsOf(scores, criteriaList.parse(JSON.parse(rules.criteria)), groupCapList.parse(JSON.parse(rules.group_caps)));
      return {
        scores: JSON.stringify(scores),
        total,
        normalised: normalisedUnitsOf(total, row.rate),
        campaignId: row.campaign_id,
        appeal: row.appeal ? (JSON.parse(row.appeal) as AppealRecord) : null,
      };
    }

    function applyCampaign(recorded: RecordedEvent): void {
      const stamp = {
        id: recorded.stream.slice(ratingCampaignCategory.length + 1),
        revision: recorded.revision,
        position: encodePosition(recorded.position),
        updatedAt: recorded.recordedAt,
      };
      const event = campaignEvent(recorded);
      switch (event.type) {
        case 'RatingCampaignCreated': {
          const d = event.data;
          insertCampaign.run({
            ...stamp,
            year: d.year,
            ky: d.title.ky,
            ru: d.title.ru,
            en: d.title.en,
            criteria: JSON.stringify(d.criteria),
            groupCaps: JSON.stringify(d.groupCaps),
            maximum: maximumUnits(d.criteria, d.groupCaps),
            entriesDue: d.entriesDue,
            createdPosition: recorded.position.commit,
          });
          return;
        }
        case 'RatingCriteriaRevised':
          campaignStatements.criteria.run({
            ...stamp,
            criteria: JSON.stringify(event.data.criteria),
            groupCaps: JSON.stringify(event.data.groupCaps),
            maximum: maximumUnits(event.data.criteria, event.data.groupCaps),
          });
          return;
        case 'RatingCampaignOpened':
          campaignStatements.opened.run({ ...stamp, openedOn: event.data.openedOn, basis: event.data.basis ?? null });
          return;
        case 'RatingEntryDeadlineExtended':
          campaignStatements.extended.run({ ...stamp, entriesDue: event.data.entriesDue });
          return;
        case 'RatingEntriesClosed':
          campaignStatements.closed.run({ ...stamp, closedOn: event.data.closedOn });
          return;
        case 'RatingVerificationStarted':
          campaignStatements.verification.run({ ...stamp, startedOn: event.data.startedOn });
          return;
        case 'RatingResultsPublished':
          campaignStatements.published.run({
            ...stamp,
            publishedOn: event.data.publishedOn,
            appealsUntil: event.data.appealsUntil,
            basis: event.data.basis ?? null,
          });
          recomputeRanks(stamp.id);
          return;
        case 'RatingAppealsClosed':
          campaignStatements.appealsClosed.run({ ...stamp, closedOn: event.data.closedOn });
          return;
      }
    }

    function applyEntry(recorded: RecordedEvent): void {
      const stamp = {
        id: recorded.stream.slice(ratingEntryCategory.length + 1),
        revision: recorded.revision,
        position: encodePosition(recorded.position),
        updatedAt: recorded.recordedAt,
      };
      const actor = recorded.metadata.actor.name;
      const event = entryEvent(recorded);
      switch (event.type) {
        case 'RatingEntryStarted': {
          const d = event.data;
          insertEntry.run({
            ...stamp,
            campaignId: d.campaignId,
            teacherId: d.teacher.id,
            teacherName: d.teacher.name,
            unit: d.unit,
            startedPosition: recorded.position.commit,
          });
          return;
        }
        case 'RatingScoresRecorded': {
          const { scores, total, normalised } = rescored(stamp.id, (current) => scoresAfter(current, event.data.scores, 'record'));
          entryStatements.scores.run({ ...stamp, scores, total, normalised });
          return;
        }
        case 'RatingEntryProfileRecorded': {
          const { faculty, chair, position, degree, rate } = event.data.profile;
          const normalised = normalisedUnitsOf(entryState.get(stamp.id)!.total_units, rate);
          entryStatements.profile.run({ ...stamp, faculty, chair, staffPosition: position, degree, rate, normalised });
          return;
        }
        case 'RatingEntrySubmitted':
          entryStatements.submitted.run({ ...stamp, submittedAs: event.data.submittedAs, actor });
          return;
        case 'RatingEntryVerified':
          entryStatements.reviewed.run({ ...stamp, status: 'verified', actor, level: event.data.level, note: event.data.note ?? null, reason: null });
          return;
        case 'RatingEntryReturned':
          entryStatements.reviewed.run({ ...stamp, status: 'returned', actor, level: event.data.level, note: null, reason: event.data.reason });
          return;
        case 'RatingAppealFiled': {
          const { criteria, reason, filedOn } = event.data;
          entryStatements.appeal.run({ ...stamp, appealStatus: 'under_review', appeal: JSON.stringify({ criteria, reason, filedOn } satisfies AppealRecord) });
          return;
        }
        case 'RatingAppealRejected': {
          const appeal = JSON.parse(entryState.get(stamp.id)!.appeal!) as AppealRecord;
          const decided: AppealRecord = { ...appeal, response: event.data.response, decidedOn: event.data.decidedOn, decidedBy: actor };
          entryStatements.appeal.run({ ...stamp, appealStatus: 'rejected', appeal: JSON.stringify(decided) });
          return;
        }
        case 'RatingAppealUpheld': {
          const { scores, total, normalised, campaignId, appeal } = rescored(stamp.id, (current) => scoresAfter(current, event.data.corrections, 'correct'));
          const decided: AppealRecord = {
            ...appeal!,
            response: event.data.response,
            decidedOn: event.data.decidedOn,
            decidedBy: actor,
            corrections: event.data.corrections,
          };
          entryStatements.corrected.run({ ...stamp, scores, total, normalised, appealStatus: 'upheld', appeal: JSON.stringify(decided) });
          recomputeRanks(campaignId);
          return;
        }
      }
    }

    return {
      apply(recorded) {
        if (recorded.stream.startsWith(`${ratingCampaignCategory}-`)) applyCampaign(recorded);
        else applyEntry(recorded);
      },
    };
  },
};

export const ratingCampaignRow = z.object({
  id: z.string(),
  year: z.number(),
  title_ky: z.string(),
  title_ru: z.string(),
  title_en: z.string(),
  criteria: z.string(),
  group_caps: z.string(),
  maximum_total_units: z.number(),
  status: ratingCampaignStatus,
  entries_due: z.string(),
  opened_on: z.string().nullable(),
  opening_basis: z.string().nullable(),
  closed_on: z.string().nullable(),
  verification_started_on: z.string().nullable(),
  published_on: z.string().nullable(),
  appeals_until: z.string().nullable(),
  publication_basis: z.string().nullable(),
  appeals_closed_on: z.string().nullable(),
  results_revision: z.number(),
  created_position: z.number(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type RatingCampaignRow = z.infer<typeof ratingCampaignRow>;

export const ratingEntryRow = z.object({
  id: z.string(),
  campaign_id: z.string(),
  teacher_id: z.string(),
  teacher_name: z.string(),
  unit: z.string(),
  faculty: z.string().nullable(),
  chair: z.string().nullable(),
  staff_position: ratingPosition.nullable(),
  degree: ratingDegree.nullable(),
  rate: z.number(),
  status: ratingEntryStatus,
  scores: z.string(),
  total_units: z.number(),
  normalised_units: z.number(),
  submitted_at: z.string().nullable(),
  submitted_as: ratingSubmitter.nullable(),
  submitted_by: z.string().nullable(),
  reviewed_at: z.string().nullable(),
  reviewed_by: z.string().nullable(),
  review_level: ratingReviewLevel.nullable(),
  review_note: z.string().nullable(),
  return_reason: z.string().nullable(),
  unit_rank: z.number().nullable(),
  unit_ranked_count: z.number().nullable(),
  university_rank: z.number().nullable(),
  university_ranked_count: z.number().nullable(),
  faculty_rank: z.number().nullable(),
  faculty_ranked_count: z.number().nullable(),
  chair_rank: z.number().nullable(),
  chair_ranked_count: z.number().nullable(),
  position_rank: z.number().nullable(),
  position_ranked_count: z.number().nullable(),
  appeal_status: ratingAppealStatus.nullable(),
  appeal: z.string().nullable(),
  started_position: z.number(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type RatingEntryRow = z.infer<typeof ratingEntryRow>;

/** An entry's ranks: set together, only when its campaign's ranks are computed (at publication and each upheld appeal). */
export const rankColumns = [
  'unit_rank',
  'unit_ranked_count',
  'university_rank',
  'university_ranked_count',
  'faculty_rank',
  'faculty_ranked_count',
  'chair_rank',
  'chair_ranked_count',
  'position_rank',
  'position_ranked_count',
] as const satisfies readonly (keyof RatingEntryRow)[];
export type EntryRanks = Pick<RatingEntryRow, (typeof rankColumns)[number]>;

export const ratingCampaignOrder = z.enum(['year_desc', 'year']).meta({
  id: 'RatingCampaignOrder',
  description: 'Order of the campaigns: newest year first (the default) or oldest first.',
  values: { year_desc: 'Newest year first (the default).', year: 'Oldest year first.' },
  labels: {
    year_desc: { ky: 'Жаңы жылдар биринчи', ru: 'Сначала новые годы', en: 'Newest year first' },
    year: { ky: 'Эски жылдар биринчи', ru: 'Сначала старые годы', en: 'Oldest year first' },
  },
});
export type RatingCampaignOrder = z.infer<typeof ratingCampaignOrder>;

export const ratingEntryOrder = z.enum(['started', 'teacher_name', 'rank', 'total']).meta({
  id: 'RatingEntryOrder',
  description:
    'Order of the entries: as they were started (the default), by teacher name, by university rank (teachers sharing a rank by name, unranked last), or by total, highest first.',
  values: {
    started: 'As the entries were started, oldest first (the default).',
    teacher_name: "By the teacher's name, alphabetically.",
    rank: 'By university rank, first place first; teachers sharing a rank by name, unranked entries last.',
    total: 'By total score, highest first.',
  },
  labels: {
    started: { ky: 'Башталган тартиби боюнча', ru: 'По порядку начала', en: 'As started' },
    teacher_name: { ky: 'Окутуучунун аты боюнча', ru: 'По имени преподавателя', en: 'By teacher’s name' },
    rank: { ky: 'Университеттеги орду боюнча', ru: 'По месту в университете', en: 'By university rank' },
    total: { ky: 'Жалпы упай боюнча', ru: 'По сумме баллов', en: 'By total score' },
  },
});
export type RatingEntryOrder = z.infer<typeof ratingEntryOrder>;

export type RatingCampaignFilter = { years?: number[] | null; statuses?: string[] | null };
export type RatingEntryFilter = {
  campaignId?: string | null;
  units?: string[] | null;
  statuses?: string[] | null;
  teacherId?: string | null;
  appealStatuses?: string[] | null;
  faculties?: string[] | null;
  chairs?: string[] | null;
  positions?: string[] | null;
  /** Only entries ranked in the published results. */
  rankedOnly?: boolean;
};

/** Entries of a campaign by status: what the publication rule and progress displays need. */
export type RatingEntryCounts = Record<z.infer<typeof ratingEntryStatus>, number>;

/** One row of the chair or faculty table: sums of the ranked teachers' totals and rates. */
export type RatingAggregateRow = Aggregate & { faculty: string; chair: string | null };

/** Published figures of one unit; totals in points. */
export type RatingUnitSummary = { campaignId: string; unit: string; rankedEntries: number; averageTotal: number; highestTotal: number; lowestTotal: number };

type Key = [string | number | null, string];

const campaignOrderColumn: Record<RatingCampaignOrder, string> = { year_desc: '-year', year: 'year' };
// Rank order is rank, then teacher name within a shared rank, in one text key (the rank zero-padded)
// so that a keyset cursor can hold it; unranked entries sort after every rank. Totals sort highest
// first through their negation.
const UNRANKED = 2147483647;
const entryOrderColumn: Record<RatingEntryOrder, string> = {
  started: 'started_position',
  teacher_name: 'teacher_name',
  rank: `printf('%010d|%s', COALESCE(university_rank, ${UNRANKED}), teacher_name)`,
  total: '-total_units',
};
const rankKey = (row: RatingEntryRow) => `${String(row.university_rank ?? UNRANKED).padStart(10, '0')}|${row.teacher_name}`;

const hasAny = (reader: Actor, roles: readonly string[]) => reader.roles.some((r) => roles.includes(r));

/**
 * The entries `reader` may read, as an SQL condition: all of them for the department, the rector
 * and auditors; their own for anyone (a teacher's entry carries their user id); their unit's for a
 * unit head. An integration with no other role reads none, and nor does an anonymous caller.
 */
export function entryVisibility(reader: Actor | undefined): { sql: string; params: string[] } {
  if (!reader) return { sql: '0', params: [] };
  if (hasAny(reader, ratingEntryReadersOfAll)) return { sql: '1', params: [] };
  if (reader.roles.every((r) => r === 'integration')) return { sql: '0', params: [] };
  const parts = ['teacher_id = ?'];
  const params = [reader.id];
  if (reader.roles.includes('unit_head') && reader.unit) parts.push('unit = ?'), params.push(reader.unit);
  return { sql: `(${parts.join(' OR ')})`, params };
}

/** Units whose published aggregates `reader` may read: every unit, one unit, or none. */
function aggregateVisibility(reader: Actor | undefined): { sql: string; params: string[] } {
  if (!reader) return { sql: '0', params: [] };
  if (hasAny(reader, ratingAggregateReadersOfAll)) return { sql: '1', params: [] };
  if (reader.roles.includes('unit_head') && reader.unit) return { sql: 'unit = ?', params: [reader.unit] };
  return { sql: '0', params: [] };
}

const points = (units: number) => units / 10000;

export function createRatingQueries(db: ReadModelDatabase) {
  const campaignById = db.prepare<[string], unknown>('SELECT * FROM rating_campaigns WHERE id = ?');
  const countsOf = db.prepare<[string], { status: string; n: number }>(
    'SELECT status, count(*) AS n FROM rating_entries WHERE campaign_id = ? GROUP BY status',
  );
  // One statement per shape of the visibility condition (there are four), prepared once.
  const entryStatements = new Map<string, Database.Statement<unknown[], unknown>>();
  const entryById = (visibleSql: string) => {
    let statement = entryStatements.get(visibleSql);
    if (!statement) entryStatements.set(visibleSql, (statement = db.prepare(`SELECT * FROM rating_entries WHERE id = ? AND ${visibleSql}`)));
    return statement;
  };

  const ranksWithRevision = db.prepare<[string], EntryRanks & { results_revision: number }>(
    `SELECT c.results_revision, ${rankColumns.map((c) => `e.${c}`).join(', ')} FROM rating_entries e JOIN rating_campaigns c ON c.id = e.campaign_id WHERE e.id = ?`,
  );

  return {
    /**
     * An entry's ranks and how many times its campaign's ranks have been computed, read in one
     * statement so that the two agree (time travel takes the ranks when the count says they are
     * the ones of the moment asked for).
     */
    ranksOf: (entryId: string): (EntryRanks & { results_revision: number }) | undefined => ranksWithRevision.get(entryId),
    /** Campaigns are not personal data: any signed-in caller reads them. */
    campaignsByIds(ids: readonly string[]): (RatingCampaignRow | undefined)[] {
      return ids.map((id) => {
        const row = campaignById.get(id);
        return row === undefined ? undefined : ratingCampaignRow.parse(row);
      });
    },
    campaignSortKey(row: RatingCampaignRow, order: RatingCampaignOrder): Key {
      return [order === 'year_desc' ? -row.year : row.year, row.id];
    },
    campaignPage(filter: RatingCampaignFilter, order: RatingCampaignOrder, request: PageRequest) {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'year', filter.years);
      inList(conditions, 'status', filter.statuses);
      return keysetPage(db, 'rating_campaigns', conditions, campaignOrderColumn[order], request, (r) => ratingCampaignRow.parse(r));
    },
    entryCounts(campaignId: string): RatingEntryCounts {
      const counts: RatingEntryCounts = { draft: 0, submitted: 0, verified: 0, returned: 0 };
      for (const { status, n } of countsOf.all(campaignId)) counts[ratingEntryStatus.parse(status)] = n;
      return counts;
    },
    /** The entries among `ids` that `reader` may read; the others come back undefined, as missing ones do. */
    entriesByIds(ids: readonly string[], reader: Actor | undefined): (RatingEntryRow | undefined)[] {
      const visible = entryVisibility(reader);
      const statement = entryById(visible.sql);
      return ids.map((id) => {
        const row = statement.get(id, ...visible.params);
        return row === undefined ? undefined : ratingEntryRow.parse(row);
      });
    },
    entrySortKey(row: RatingEntryRow, order: RatingEntryOrder): Key {
      const value = { started: row.started_position, teacher_name: row.teacher_name, rank: rankKey(row), total: -row.total_units }[order];
      return [value, row.id];
    },
    /** One page of the entries `reader` may read, in `order`, after or before the key `from`. */
    entryPage(filter: RatingEntryFilter, order: RatingEntryOrder, request: PageRequest, reader: Actor | undefined) {
      const visible = entryVisibility(reader);
      const conditions: Conditions = { where: [visible.sql], params: [...visible.params] };
      inList(conditions, 'campaign_id', filter.campaignId ? [filter.campaignId] : null);
      inList(conditions, 'teacher_id', filter.teacherId ? [filter.teacherId] : null);
      inList(conditions, 'unit', filter.units);
      inList(conditions, 'status', filter.statuses);
      inList(conditions, 'appeal_status', filter.appealStatuses);
      inList(conditions, 'faculty', filter.faculties);
      inList(conditions, 'chair', filter.chairs);
      inList(conditions, 'staff_position', filter.positions);
      if (filter.rankedOnly) conditions.where.push('university_rank IS NOT NULL');
      return keysetPage(db, 'rating_entries', conditions, entryOrderColumn[order], request, (r) => ratingEntryRow.parse(r));
    },
    /** Published figures per unit that `reader` may read, by unit name; none before publication. */
    unitSummaries(campaignId: string, reader: Actor | undefined): RatingUnitSummary[] {
      const visible = aggregateVisibility(reader);
      const rows = db
        .prepare(`SELECT unit, count(*) AS n, avg(total_units) AS average, max(total_units) AS highest, min(total_units) AS lowest
          FROM rating_entries WHERE campaign_id = ? AND university_rank IS NOT NULL AND ${visible.sql} GROUP BY unit ORDER BY unit`)
        .all(campaignId, ...visible.params) as { unit: string; n: number; average: number; highest: number; lowest: number }[];
      return rows.map((r) => ({
        campaignId,
        unit: r.unit,
        rankedEntries: r.n,
        averageTotal: Math.round(r.average / 100) / 100,
        highestTotal: points(r.highest),
        lowestTotal: points(r.lowest),
      }));
    },
    /**
     * The published table of chairs or of faculties, over the ranked entries `reader` may read
     * aggregates of (all for the department, the rector, auditors and integrations; a unit head's
     * own unit), best score per full rate first; entries without a profile are not in it.
     */
    aggregates(campaignId: string, by: 'chair' | 'faculty', reader: Actor | undefined): RatingAggregateRow[] {
      const visible = aggregateVisibility(reader);
      const columns = by === 'chair' ? 'faculty, chair' : 'faculty';
      const rows = db
        .prepare(`SELECT ${columns}, count(*) AS n, sum(total_units) AS total, sum(CAST(round(rate * 4) AS INTEGER)) AS quarters
          FROM rating_entries WHERE campaign_id = ? AND university_rank IS NOT NULL AND faculty IS NOT NULL AND ${visible.sql} GROUP BY ${columns}`)
        .all(campaignId, ...visible.params) as { faculty: string; chair?: string; n: number; total: number; quarters: number }[];
      const byKey = new Map(rows.map((r) => [JSON.stringify([r.faculty, r.chair ?? null]), r]));
      return aggregateTable([...byKey].map(([key, r]) => ({ key, entries: r.n, totalUnits: r.total, rateQuarters: r.quarters }))).map((a) => ({
        ...a,
        faculty: byKey.get(a.key)!.faculty,
        chair: byKey.get(a.key)!.chair ?? null,
      }));
    },
  };
}
export type RatingQueries = ReturnType<typeof createRatingQueries>;
