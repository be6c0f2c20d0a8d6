// The teaching-staff rating in GraphQL: campaigns, teachers' entries with totals, ranks and
// appeals, per-unit aggregates, and the queries; the change subscriptions are in
// schema/rating-changes.ts and the mutations in schema/rating-mutations.ts.
//
// Personal data stays with its readers (src/domain/ratings.ts): every way to reach an entry (the
// list, `ratingEntry`, relay `node(id:)`/`nodes`, mutation payloads, history, the subscription) goes
// through the read model's queries with the caller, and an entry the caller may not read is null or
// absent, exactly as one that does not exist.

import {
  createRatingQueries,
  ratingCampaignOrder,
  ratingEntryOrder,
  ratingsProjection,
  type AppealRecord,
  type RatingCampaignRow,
  type RatingEntryCounts,
  type RatingEntryRow,
  type RatingAggregateRow,
  type RatingUnitSummary,
} from '../projections/ratings.ts';
import { computeEntry, displayPoints, NORMALISED_UNITS_PER_POINT, type CriterionResult, type GroupResult } from '../src/domain/rating-computation.ts';
import {
  ratingCampaignCategory,
  ratingCampaignStatus,
  ratingCampaignStatusLabels,
  ratingCriterionGroup,
  ratingCriterionGroupLabels,
  type RatingCriterion,
  type RatingCriterionGroup,
  type RatingGroupCap,
} from '../src/domain/rating-campaigns.ts';
import {
  ratingAppealStatus,
  ratingAppealStatusLabels,
  ratingEntryCategory,
  ratingEntryStatus,
  ratingEntryStatusLabels,
  ratingReviewLevel,
  ratingReviewLevelLabels,
  ratingSubmitter,
  ratingSubmitterLabels,
  pointsRulesOf,
  ratingDegree,
  ratingDegreeLabels,
  ratingPosition,
  ratingPositionLabels,
  TOTAL_UNITS_PER_POINT,
  type ScoreValue,
} from '../src/domain/rating-entries.ts';
import type { Labels, Language } from '../src/domain/values.ts';
import { ratingEntryAsOf } from '../projections/rating-entry-as-of.ts';
import { foldAsOf, type TimeTravelScope } from '../projections/time-travel.ts';
import { AsOfInput, parseAsOf } from './as-of.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest, type PageArgs, type SortKey } from './connection.ts';
import { MultilingualNameRef } from './licensing.ts';
import { registerStreamKind } from './streams.ts';
import { plainIdOf } from './ids.ts';
import { languageArg } from './language.ts';
import { enumFor } from './zod-types.ts';

// A campaign is the department's public announcement; an entry is personal data (see the header).
registerStreamKind({ typename: 'RatingCampaign', category: ratingCampaignCategory, personal: false, canRead: (context) => context.actor !== undefined });
registerStreamKind({
  typename: 'RatingEntry',
  category: ratingEntryCategory,
  personal: true,
  canRead: (context, id) => context.hub.ratings.entriesByIds([id], context.actor)[0] !== undefined,
});

const CampaignStatusEnum = enumFor(ratingCampaignStatus);
const EntryStatusEnum = enumFor(ratingEntryStatus);
const AppealStatusEnum = enumFor(ratingAppealStatus);
const ReviewLevelEnum = enumFor(ratingReviewLevel);
const SubmitterEnum = enumFor(ratingSubmitter);
const CampaignOrderEnum = enumFor(ratingCampaignOrder);
const EntryOrderEnum = enumFor(ratingEntryOrder);
const GroupEnum = enumFor(ratingCriterionGroup);
const PositionEnum = enumFor(ratingPosition);
const DegreeEnum = enumFor(ratingDegree);

const points = (units: number) => units / TOTAL_UNITS_PER_POINT;

const labelIn = (labels: Labels<string>, value: string, language: Language | null | undefined, context: GraphQLContext): string =>
  labels[value]?.[language ?? context.language] ?? value;

const CriterionRef = builder.objectRef<RatingCriterion>('RatingCriterion').implement({
  description:
    'A criterion of a rating campaign and its points rule: quantity × points per unit, divided among co-authors where shared, capped at maxPoints, times the weight.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code, e.g. PUB-SCOPUS; scores and appeals name it.' }),
    name: t.field({ type: MultilingualNameRef, description: 'Name in Kyrgyz, Russian and English.', resolve: (c) => c.name }),
    group: t.field({
      type: GroupEnum,
      nullable: true,
      description: 'The group of work it belongs to; null when outside every group.',
      resolve: (c) => c.group ?? null,
    }),
    groupLabel: t.string({
      nullable: true,
      description: 'The group in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (c, args, context) => (c.group ? labelIn(ratingCriterionGroupLabels, c.group, args.language, context) : null),
    }),
    pointsPerUnit: t.exposeFloat('pointsPerUnit', { description: 'Points per unit of quantity; 1 when the quantity is itself points.' }),
    maxPoints: t.exposeFloat('maxPoints', { description: 'Cap: the most points a teacher can score on it.' }),
    weight: t.exposeFloat('weight', { description: 'Weight in the total: the capped points × weight.' }),
    sharedAuthorship: t.exposeBoolean('sharedAuthorship', { description: 'Whether its points are divided among the authors of a shared work.' }),
    evidenceRequired: t.exposeBoolean('evidenceRequired', { description: 'Whether a quantity above zero needs evidence.' }),
  }),
});

const GroupCapRef = builder.objectRef<RatingGroupCap>('RatingGroupCap').implement({
  description: 'A cap on the weighted points a group of criteria adds to a total, together.',
  fields: (t) => ({
    group: t.field({ type: GroupEnum, description: 'The group capped.', resolve: (g) => g.group }),
    groupLabel: t.string({
      description: 'The group in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (g, args, context) => labelIn(ratingCriterionGroupLabels, g.group, args.language, context),
    }),
    maxPoints: t.exposeFloat('maxPoints', { description: 'The most weighted points the group adds.' }),
  }),
});

type AggregateLine = RatingAggregateRow;
const AggregateRef = builder.objectRef<AggregateLine>('RatingAggregate').implement({
  description: "One row of a published chair or faculty table: its ranked teachers' totals summed and per full staff rate.",
  fields: (t) => ({
    faculty: t.exposeString('faculty', { description: 'The faculty or college.' }),
    chair: t.exposeString('chair', { nullable: true, description: 'The chair or subject-cycle commission; null in the faculty table.' }),
    rank: t.exposeInt('rank', { description: 'Rank by score per full rate, highest first; equal scores share a rank (1, 2, 2, 4).' }),
    rankedEntries: t.exposeInt('entries', { description: 'How many of its teachers are ranked.' }),
    totalSum: t.float({ description: 'Sum of the ranked teachers’ totals.', resolve: (a) => displayPoints(a.totalUnits, TOTAL_UNITS_PER_POINT) }),
    rateSum: t.float({ description: 'Sum of their staff rates (full-rate equivalents).', resolve: (a) => a.rateQuarters / 4 }),
    perFullRate: t.float({
      description: 'Sum of totals / sum of rates, rounded to two decimal places.',
      resolve: (a) => displayPoints(a.perFullRateUnits, NORMALISED_UNITS_PER_POINT),
    }),
  }),
});

const EntryCountsRef = builder.objectRef<RatingEntryCounts>('RatingEntryCounts').implement({
  description: "How many of a campaign's entries are in each status (counts only, no personal data).",
  fields: (t) => ({
    draft: t.exposeInt('draft', { description: 'Being filled in, not submitted.' }),
    submitted: t.exposeInt('submitted', { description: 'Submitted and awaiting verification.' }),
    verified: t.exposeInt('verified', { description: 'Verified: these are ranked once results are published.' }),
    returned: t.exposeInt('returned', { description: 'Returned for correction.' }),
  }),
});

const UnitSummaryRef = builder.objectRef<RatingUnitSummary>('RatingUnitSummary').implement({
  description: "Published figures of one unit's ranked (verified) entries.",
  fields: (t) => ({
    unit: t.exposeString('unit', { description: 'The unit (faculty, college or chair).' }),
    rankedEntries: t.exposeInt('rankedEntries', { description: 'How many of its teachers are ranked.' }),
    averageTotal: t.exposeFloat('averageTotal', { description: 'Average total, rounded to two decimal places.' }),
    highestTotal: t.exposeFloat('highestTotal', { description: 'Highest total.' }),
    lowestTotal: t.exposeFloat('lowestTotal', { description: 'Lowest total.' }),
  }),
});

const criteriaOf = (row: RatingCampaignRow): RatingCriterion[] => JSON.parse(row.criteria) as RatingCriterion[];
const groupCapsOf = (row: RatingCampaignRow): RatingGroupCap[] => JSON.parse(row.group_caps) as RatingGroupCap[];

/** An entry's points per criterion and group, by its campaign's rules (rating-computation.ts). */
function computationOf(r: RatingEntryRow, context: GraphQLContext) {
  const [campaign] = context.hub.ratings.campaignsByIds([r.campaign_id]);
  const criteria = campaign ? criteriaOf(campaign) : [];
  const scores = JSON.parse(r.scores) as Record<string, ScoreValue>;
  return { criteria, scores, result: computeEntry(pointsRulesOf(criteria), campaign ? groupCapsOf(campaign) : [], scores) };
}

export const RatingCampaign = builder.loadableNode('RatingCampaign', {
  description: 'The annual rating of teaching staff for one year: its criteria, where it stands, its deadlines and, once published, aggregates.',
  id: { resolve: (row) => row.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.ratings.campaignsByIds(ids).map((row) => row ?? null) as RatingCampaignRow[],
  fields: (t) => ({
    campaignId: t.exposeString('id', { description: 'The plain id of the campaign (the global `id` wraps it).' }),
    year: t.exposeInt('year', { description: 'The year rated.' }),
    title: t.field({
      type: MultilingualNameRef,
      description: 'Title in Kyrgyz, Russian and English.',
      resolve: (r) => ({ ky: r.title_ky, ru: r.title_ru, en: r.title_en }),
    }),
    status: t.field({ type: CampaignStatusEnum, description: 'Where the campaign stands.', resolve: (r) => r.status }),
    statusLabel: t.string({
      description: 'The status in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => labelIn(ratingCampaignStatusLabels, r.status, args.language, context),
    }),
    criteria: t.field({ type: [CriterionRef], description: 'The criteria, in the order they were listed.', resolve: criteriaOf }),
    groupCaps: t.field({
      type: [GroupCapRef],
      description: 'Caps per group of criteria; a group not listed is not capped.',
      resolve: (r) => groupCapsOf(r),
    }),
    chairTable: t.field({
      type: [AggregateRef],
      description:
        'Published table of chairs, best score per full rate first: every chair for the department, the rector, auditors and integrations; a unit head’s own unit only; empty for others or before publication.',
      resolve: (r, _args, context) => context.hub.ratings.aggregates(r.id, 'chair', context.actor),
    }),
    facultyTable: t.field({
      type: [AggregateRef],
      description: 'Published table of faculties and colleges, best score per full rate first; read as the chair table.',
      resolve: (r, _args, context) => context.hub.ratings.aggregates(r.id, 'faculty', context.actor),
    }),
    maximumTotal: t.float({ description: 'The highest total possible: every criterion at its maximum.', resolve: (r) => points(r.maximum_total_units) }),
    entriesDue: t.field({ type: 'Date', description: 'Last day (Kyrgyzstan time) on which entries can be submitted.', resolve: (r) => r.entries_due }),
    openedOn: t.field({ type: 'Date', nullable: true, description: 'Day the campaign opened for entries.', resolve: (r) => r.opened_on }),
    openingBasis: t.exposeString('opening_basis', { nullable: true, description: 'The decision the opening rests on, e.g. the rector’s order.' }),
    closedOn: t.field({ type: 'Date', nullable: true, description: 'Day the campaign closed for entries.', resolve: (r) => r.closed_on }),
    verificationStartedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Day the final verification started.',
      resolve: (r) => r.verification_started_on,
    }),
    publishedOn: t.field({ type: 'Date', nullable: true, description: 'Day the results were published.', resolve: (r) => r.published_on }),
    appealsUntil: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day (Kyrgyzstan time) for appeals, once published.',
      resolve: (r) => r.appeals_until,
    }),
    appealsClosedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Day the appeal window was recorded closed (by the hub’s clock the day after appealsUntil); null while appeals are received.',
      resolve: (r) => r.appeals_closed_on,
    }),
    publicationBasis: t.exposeString('publication_basis', { nullable: true, description: 'The decision the publication rests on.' }),
    resultsRevision: t.exposeInt('results_revision', {
      description: 'How many times ranks were computed: 1 at publication, plus one per upheld appeal; 0 before publication.',
    }),
    entryCounts: t.field({
      type: EntryCountsRef,
      description: 'How many entries are in each status.',
      resolve: (r, _args, context) => context.hub.ratings.entryCounts(r.id),
    }),
    unitSummaries: t.field({
      type: [UnitSummaryRef],
      description:
        'Published figures per unit, by unit name: every unit for the department, the rector, auditors and integrations; their own unit for a unit head; none for others or before publication.',
      resolve: (r, _args, context) => context.hub.ratings.unitSummaries(r.id, context.actor),
    }),
    revision: t.exposeInt('revision', { description: 'Revision of the campaign stream this state reflects; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updated_at }),
  }),
});

type ScoreLine = { criterion: RatingCriterion | undefined; criterionCode: string; value: ScoreValue; result: CriterionResult | undefined };
const ScoreRef = builder.objectRef<ScoreLine>('RatingScore').implement({
  description: 'The quantity on one criterion, the points it earns by the criterion’s rule, its evidence and its weighted contribution to the total.',
  fields: (t) => ({
    criterionCode: t.exposeString('criterionCode', { description: 'Code of the criterion.' }),
    criterionName: t.field({ type: MultilingualNameRef, nullable: true, description: 'Name of the criterion.', resolve: (s) => s.criterion?.name ?? null }),
    quantity: t.float({ description: 'The quantity recorded (articles, hours, or points where a unit is a point).', resolve: (s) => s.value.quantity }),
    authorCount: t.int({
      nullable: true,
      description: 'How many authors share the work, where the criterion is shared.',
      resolve: (s) => s.value.authorCount ?? null,
    }),
    points: t.float({ description: 'Points earned: quantity × points per unit, divided among the authors, capped.', resolve: (s) => s.result?.points ?? 0 }),
    capped: t.boolean({ description: 'Whether the criterion’s cap cut the points.', resolve: (s) => s.result?.capped ?? false }),
    maxPoints: t.float({ nullable: true, description: 'Cap of the criterion.', resolve: (s) => s.criterion?.maxPoints ?? null }),
    weight: t.float({ nullable: true, description: 'Weight of the criterion.', resolve: (s) => s.criterion?.weight ?? null }),
    weightedPoints: t.float({
      description: 'Points × weight: the contribution to the total before any group cap.',
      resolve: (s) => (s.result?.weightedUnits ?? 0) / TOTAL_UNITS_PER_POINT,
    }),
    evidence: t.string({ nullable: true, description: 'What the points rest on.', resolve: (s) => s.value.evidence ?? null }),
  }),
});

const GroupTotalRef = builder.objectRef<GroupResult>('RatingGroupTotal').implement({
  description: 'The weighted points an entry earns in one group of criteria, and whether the group’s cap cut them.',
  fields: (t) => ({
    group: t.field({ type: GroupEnum, description: 'The group.', resolve: (g) => g.group as RatingCriterionGroup }),
    groupLabel: t.string({
      description: 'The group in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (g, args, context) => labelIn(ratingCriterionGroupLabels, g.group, args.language, context),
    }),
    points: t.float({ description: 'Points the group adds to the total, after its cap.', resolve: (g) => g.units / TOTAL_UNITS_PER_POINT }),
    uncappedPoints: t.float({
      description: 'The sum of its criteria’s weighted points before the cap.',
      resolve: (g) => g.uncappedUnits / TOTAL_UNITS_PER_POINT,
    }),
    cap: t.float({
      nullable: true,
      description: 'The group’s cap; null when uncapped.',
      resolve: (g) => (g.capUnits === null ? null : g.capUnits / TOTAL_UNITS_PER_POINT),
    }),
    capped: t.exposeBoolean('capped', { description: 'Whether the cap cut the points.' }),
  }),
});

type Correction = NonNullable<AppealRecord['corrections']>[number];
const CorrectionRef = builder.objectRef<Correction>('RatingAppealCorrection').implement({
  description: 'A score corrected by an upheld appeal.',
  fields: (t) => ({
    criterionCode: t.exposeString('criterionCode', { description: 'Code of the corrected criterion.' }),
    previousQuantity: t.exposeFloat('previousQuantity', { description: 'Quantity before the correction.' }),
    quantity: t.exposeFloat('quantity', { description: 'Quantity after the correction.' }),
    previousAuthorCount: t.int({
      nullable: true,
      description: 'Number of authors before the correction, where the criterion is shared.',
      resolve: (c) => c.previousAuthorCount ?? null,
    }),
    authorCount: t.int({ nullable: true, description: 'Number of authors after the correction, where shared.', resolve: (c) => c.authorCount ?? null }),
    evidence: t.string({ nullable: true, description: 'New evidence given with the correction, if any.', resolve: (c) => c.evidence ?? null }),
  }),
});

type AppealShape = AppealRecord & { status: 'under_review' | 'upheld' | 'rejected' };
const AppealRef = builder.objectRef<AppealShape>('RatingAppeal').implement({
  description: "A teacher's appeal against their published results, and the department's decision on it.",
  fields: (t) => ({
    status: t.field({ type: AppealStatusEnum, description: 'Under review, upheld or rejected.', resolve: (a) => a.status }),
    statusLabel: t.string({
      description: 'The status in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (a, args, context) => labelIn(ratingAppealStatusLabels, a.status, args.language, context),
    }),
    criteria: t.exposeStringList('criteria', { description: 'Codes of the contested criteria.' }),
    reason: t.exposeString('reason', { description: 'Why the teacher contests the scores.' }),
    filedOn: t.field({ type: 'Date', description: 'Day the appeal was filed (Kyrgyzstan time).', resolve: (a) => a.filedOn }),
    response: t.string({ nullable: true, description: "The department's answer, once decided.", resolve: (a) => a.response ?? null }),
    decidedOn: t.field({ type: 'Date', nullable: true, description: 'Day of the decision.', resolve: (a) => a.decidedOn ?? null }),
    decidedBy: t.string({ nullable: true, description: 'Who decided it.', resolve: (a) => a.decidedBy ?? null }),
    corrections: t.field({
      type: [CorrectionRef],
      description: 'Scores corrected when the appeal was upheld; empty otherwise.',
      resolve: (a) => a.corrections ?? [],
    }),
  }),
});

export const RatingEntry = builder.loadableNode('RatingEntry', {
  description:
    "One teacher's entry in a rating campaign: scores with evidence, verification, weighted total, ranks and appeal. Personal data: visible to the teacher, the head of their unit, the department, the rector and auditors only.",
  id: { resolve: (row) => row.id },
  // The caller decides what loads: an entry they may not read comes back null, as a missing one.
  load: async (ids: string[], context: GraphQLContext) => context.hub.ratings.entriesByIds(ids, context.actor).map((row) => row ?? null) as RatingEntryRow[],
  fields: (t) => ({
    entryId: t.exposeString('id', { description: 'The plain id of the entry (the global `id` wraps it).' }),
    campaign: t.field({ type: RatingCampaign, description: 'The campaign the entry belongs to.', resolve: (r) => r.campaign_id }),
    teacherId: t.exposeString('teacher_id', { description: "The teacher's user id." }),
    teacherName: t.exposeString('teacher_name', { description: "The teacher's full name." }),
    unit: t.exposeString('unit', { description: 'The unit (faculty, college or chair) the teacher is rated in.' }),
    status: t.field({ type: EntryStatusEnum, description: 'Where the entry stands.', resolve: (r) => r.status }),
    statusLabel: t.string({
      description: 'The status in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => labelIn(ratingEntryStatusLabels, r.status, args.language, context),
    }),
    scores: t.field({
      type: [ScoreRef],
      description: "Scores given so far, in the order of the campaign's criteria.",
      resolve: (r, _args, context) => {
        const { criteria, scores, result } = computationOf(r, context);
        const order = (code: string) => criteria.findIndex((c) => c.code === code);
        return Object.keys(scores)
          .sort((a, b) => order(a) - order(b))
          .map((code) => ({
            criterionCode: code,
            criterion: criteria.find((c) => c.code === code),
            value: scores[code]!,
            result: result.criteria.find((c) => c.code === code),
          }));
      },
    }),
    groupTotals: t.field({
      type: [GroupTotalRef],
      description: 'Points per group of criteria, in the order the groups first appear among the criteria.',
      resolve: (r, _args, context) => computationOf(r, context).result.groups,
    }),
    faculty: t.exposeString('faculty', { nullable: true, description: 'The faculty or college; null until the profile is recorded.' }),
    chair: t.exposeString('chair', { nullable: true, description: 'The chair or subject-cycle commission; null until the profile is recorded.' }),
    staffPosition: t.field({ type: PositionEnum, nullable: true, description: "The teacher's position.", resolve: (r) => r.staff_position }),
    staffPositionLabel: t.string({
      nullable: true,
      description: 'The position in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => (r.staff_position ? labelIn(ratingPositionLabels, r.staff_position, args.language, context) : null),
    }),
    degree: t.field({ type: DegreeEnum, nullable: true, description: "The teacher's academic degree.", resolve: (r) => r.degree }),
    degreeLabel: t.string({
      nullable: true,
      description: 'The degree in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => (r.degree ? labelIn(ratingDegreeLabels, r.degree, args.language, context) : null),
    }),
    rate: t.exposeFloat('rate', { description: 'The staff rate (0.25 to 1.5); 1 for an entry recorded before profiles existed.' }),
    normalisedTotal: t.float({
      description: 'Total per full staff rate (total / rate), rounded to two decimal places: what the ranks compare (exactly).',
      resolve: (r) => displayPoints(r.normalised_units, NORMALISED_UNITS_PER_POINT),
    }),
    total: t.float({
      description: 'Total: the weighted points of the criteria, each group at most its cap.',
      resolve: (r) => points(r.total_units),
    }),
    submittedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was last submitted.', resolve: (r) => r.submitted_at }),
    submittedAs: t.field({
      type: SubmitterEnum,
      nullable: true,
      description: 'Whether the teacher or the head of their unit submitted it.',
      resolve: (r) => r.submitted_as,
    }),
    submittedAsLabel: t.string({
      nullable: true,
      description: 'Who submitted it, in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => (r.submitted_as ? labelIn(ratingSubmitterLabels, r.submitted_as, args.language, context) : null),
    }),
    submittedBy: t.exposeString('submitted_by', { nullable: true, description: 'Name of who last submitted it.' }),
    reviewedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was last verified or returned.', resolve: (r) => r.reviewed_at }),
    reviewedBy: t.exposeString('reviewed_by', { nullable: true, description: 'Name of who last verified or returned it.' }),
    reviewLevel: t.field({
      type: ReviewLevelEnum,
      nullable: true,
      description: 'Whether the head of the unit or the department reviewed it.',
      resolve: (r) => r.review_level,
    }),
    reviewLevelLabel: t.string({
      nullable: true,
      description: 'Who reviewed it, in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => (r.review_level ? labelIn(ratingReviewLevelLabels, r.review_level, args.language, context) : null),
    }),
    reviewNote: t.exposeString('review_note', { nullable: true, description: "The verifier's note." }),
    returnReason: t.exposeString('return_reason', { nullable: true, description: 'What must be corrected, while the entry is returned.' }),
    unitRank: t.exposeInt('unit_rank', {
      nullable: true,
      description: 'Rank within the unit once results are published, by total per full rate (equal scores share a rank); null when not ranked.',
    }),
    facultyRank: t.exposeInt('faculty_rank', { nullable: true, description: 'Rank within the faculty once published; null when not ranked.' }),
    facultyRankedCount: t.exposeInt('faculty_ranked_count', { nullable: true, description: 'How many teachers of the faculty are ranked.' }),
    chairRank: t.exposeInt('chair_rank', { nullable: true, description: 'Rank within the chair once published; null when not ranked.' }),
    chairRankedCount: t.exposeInt('chair_ranked_count', { nullable: true, description: 'How many teachers of the chair are ranked.' }),
    positionRank: t.exposeInt('position_rank', {
      nullable: true,
      description: 'Rank within the position group (all professors, all lecturers, …) once published; null when not ranked.',
    }),
    positionRankedCount: t.exposeInt('position_ranked_count', { nullable: true, description: 'How many teachers of the position group are ranked.' }),
    unitRankedCount: t.exposeInt('unit_ranked_count', { nullable: true, description: 'How many teachers of the unit are ranked.' }),
    universityRank: t.exposeInt('university_rank', {
      nullable: true,
      description: 'Rank in the university once results are published, by total per full rate; null when not ranked.',
    }),
    universityRankedCount: t.exposeInt('university_ranked_count', { nullable: true, description: 'How many teachers of the university are ranked.' }),
    appeal: t.field({
      type: AppealRef,
      nullable: true,
      description: 'The appeal against the published results, if one was filed.',
      resolve: (r) => (r.appeal && r.appeal_status ? { ...(JSON.parse(r.appeal) as AppealRecord), status: r.appeal_status } : null),
    }),
    revision: t.exposeInt('revision', { description: 'Revision of the entry stream this state reflects; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updated_at }),
  }),
});

const CampaignFilterInput = builder.inputType('RatingCampaignFilter', {
  description: 'Narrows the list of rating campaigns; all given conditions must hold.',
  fields: (t) => ({
    years: t.intList({ required: false, description: 'Any of these years.' }),
    statuses: t.field({ type: [CampaignStatusEnum], required: false, description: 'Any of these statuses.' }),
  }),
});

const EntryFilterInput = builder.inputType('RatingEntryFilter', {
  description: 'Narrows the entries the caller may read; all given conditions must hold.',
  fields: (t) => ({
    campaignId: t.id({ required: false, description: 'Only this campaign (global id or plain campaignId).' }),
    units: t.stringList({ required: false, description: 'Any of these units.' }),
    statuses: t.field({ type: [EntryStatusEnum], required: false, description: 'Any of these statuses.' }),
    teacherId: t.string({ required: false, description: "Only this teacher's entries." }),
    appealStatuses: t.field({ type: [AppealStatusEnum], required: false, description: 'Only entries whose appeal is in one of these statuses.' }),
    faculties: t.stringList({ required: false, description: 'Any of these faculties.' }),
    chairs: t.stringList({ required: false, description: 'Any of these chairs.' }),
    positions: t.field({ type: [PositionEnum], required: false, description: 'Any of these positions.' }),
  }),
});

const ResultFilterInput = builder.inputType('RatingResultFilter', {
  description: 'Narrows a results table; all given conditions must hold.',
  fields: (t) => ({
    faculties: t.stringList({ required: false, description: 'Any of these faculties.' }),
    chairs: t.stringList({ required: false, description: 'Any of these chairs.' }),
    positions: t.field({ type: [PositionEnum], required: false, description: 'Any of these positions.' }),
  }),
});

builder.queryFields((t) => ({
  ratingCampaigns: t.connection(
    {
      type: RatingCampaign,
      description: 'Rating campaigns, newest year first by default, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: {
        filter: t.arg({ type: CampaignFilterInput, required: false, description: 'Conditions the campaigns must meet.' }),
        orderBy: t.arg({ type: CampaignOrderEnum, required: false, description: 'Order of the list; newest year first by default.' }),
      },
      resolve: (_root, args, context) => {
        const order = args.orderBy ?? 'year_desc';
        const request = pageRequest(args as PageArgs, order);
        const queries = context.hub.ratings;
        const { rows, hasMore } = queries.campaignPage(args.filter ?? {}, order, request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor(order, queries.campaignSortKey(row, order) as SortKey));
      },
    },
    { name: 'RatingCampaignConnection', description: 'A page of rating campaigns.' },
    { name: 'RatingCampaignEdge', description: 'A rating campaign in a page, with its cursor.' },
  ),
  ratingCampaign: t.field({
    type: RatingCampaign,
    nullable: true,
    description: 'One rating campaign by its global id (or plain campaignId); null if there is none.',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, description: 'Global id, or the plain campaignId.' }),
      asOf: t.arg({
        type: AsOfInput,
        required: false,
        description: 'Time travel: the campaign as the hub knew it at a moment, as it stood on a date, or at a revision of its stream.',
      }),
    },
    resolve: async (_root, args, context) => {
      const id = plainIdOf(String(args.id), 'RatingCampaign');
      if (!args.asOf) return id;
      return asOfRow(context, { stream: `${ratingCampaignCategory}-${id}` }, args.asOf, (queries) => queries.campaignsByIds([id])[0]);
    },
  }),
  ratingEntries: t.connection(
    {
      type: RatingEntry,
      description:
        'The rating entries the caller may read (their own; their unit’s for a unit head; all for the department, the rector and auditors; none for integrations), in a stable order, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: {
        filter: t.arg({ type: EntryFilterInput, required: false, description: 'Conditions the entries must meet.' }),
        orderBy: t.arg({ type: EntryOrderEnum, required: false, description: 'Order of the list; as the entries were started by default.' }),
      },
      resolve: (_root, args, context) => {
        const order = args.orderBy ?? 'started';
        const request = pageRequest(args as PageArgs, order);
        const queries = context.hub.ratings;
        const filter = args.filter ?? {};
        const campaignId = filter.campaignId ? plainIdOf(String(filter.campaignId), 'RatingCampaign') : null;
        const { rows, hasMore } = queries.entryPage({ ...filter, campaignId }, order, request, context.actor);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor(order, queries.entrySortKey(row, order)));
      },
    },
    { name: 'RatingEntryConnection', description: 'A page of rating entries.' },
    { name: 'RatingEntryEdge', description: 'A rating entry in a page, with its cursor.' },
  ),
  ratingResults: t.connection(
    {
      type: RatingEntry,
      description:
        'The published results table of a campaign: the ranked entries the caller may read, by university rank (teachers sharing a rank by name), with their profile, group points, totals per full rate and ranks, a page at a time. Empty before publication. The chair and faculty tables are on the campaign (chairTable, facultyTable).',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: {
        campaignId: t.arg.id({ required: true, description: 'The campaign (global id or plain campaignId).' }),
        filter: t.arg({ type: ResultFilterInput, required: false, description: 'Only these faculties, chairs or positions.' }),
      },
      resolve: (_root, args, context) => {
        const order = 'rank';
        const request = pageRequest(args as PageArgs, order);
        const queries = context.hub.ratings;
        const campaignId = plainIdOf(String(args.campaignId), 'RatingCampaign');
        const { rows, hasMore } = queries.entryPage({ ...(args.filter ?? {}), campaignId, rankedOnly: true }, order, request, context.actor);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor(order, queries.entrySortKey(row, order)));
      },
    },
    { name: 'RatingResultConnection', description: 'A page of a campaign’s published results.' },
    { name: 'RatingResultEdge', description: 'A ranked entry in a page of results, with its cursor.' },
  ),
  ratingEntry: t.field({
    type: RatingEntry,
    nullable: true,
    description: 'One rating entry by its global id (or plain entryId); null if there is none or the caller may not read it.',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, description: 'Global id, or the plain entryId.' }),
      asOf: t.arg({
        type: AsOfInput,
        required: false,
        description:
          'Time travel: the entry, its total and its ranks as the hub knew them at a moment, as they stood on a date, or at a revision of the entry (the campaign is folded up to the same point).',
      }),
    },
    resolve: async (_root, args, context) => {
      const id = plainIdOf(String(args.id), 'RatingEntry');
      if (!args.asOf) return id;
      // Reads the entry's and its campaign's streams, and the others only when its ranks need them (projections/rating-entry-as-of.ts).
      const past = await ratingEntryAsOf(context.hub.store, context.hub.ratings, id, parseAsOf(args.asOf));
      if (!past) return null;
      try {
        const row = createRatingQueries(past.db).entriesByIds([id], context.actor)[0];
        return row ? { ...row, ...past.ranks } : null;
      } finally {
        past.db.close();
      }
    },
  }),
}));

/** A row of the ratings read model as it was at `asOf`, read with the read model's own queries. */
async function asOfRow<Row>(
  context: GraphQLContext,
  scope: TimeTravelScope,
  asOf: Parameters<typeof parseAsOf>[0],
  read: (queries: ReturnType<typeof createRatingQueries>) => Row | undefined,
): Promise<Row | null> {
  const past = await foldAsOf(context.hub.store, ratingsProjection, scope, parseAsOf(asOf));
  if (!past) return null;
  try {
    return read(createRatingQueries(past)) ?? null;
  } finally {
    past.close();
  }
}

/** Stream prefixes of the rating's two kinds of entity, for the change feeds and the mutations. */
export const campaignPrefix = `${ratingCampaignCategory}-`;
export const entryPrefix = `${ratingEntryCategory}-`;
