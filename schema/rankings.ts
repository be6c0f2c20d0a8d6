// Rankings in GraphQL, the read side: `rankings` (each ranking organisation with its positions year
// by year, the trend and the state of its current edition's submission; filters and keyset paging),
// `rankingOrganisation(id)` with its agreements, and `rankingEdition(id)` with its indicator
// dictionary, submitted values, result, comparison with last year and improvement measures.
import type { RankingAgreementRow, RankingEditionRow, RankingMeasureRow, RankingOrganisationRow, RankingValueRow } from '../projections/rankings.ts';
import {
  rankingEditionCategory,
  rankingIndicatorSource,
  rankingIndicatorSourceLabels,
  rankingSubmissionStatus,
  rankingSubmissionStatusLabels,
  rankingTrend,
  rankingTrendLabels,
  rankingValueStatus,
  rankingValueStatusLabels,
  type RankingIndicatorDefinition,
} from '../src/domain/ranking-editions.ts';
import { agreementInForce, rankingOrganisationCategory, rankingOrganisationKind, rankingOrganisationKindLabels } from '../src/domain/ranking-organisations.ts';
import { localDateOf } from '../src/domain/values.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { plainIdOf } from './ids.ts';
import { Indicator } from './indicators.ts';
import { labelField } from './labels.ts';
import { languageArg } from './language.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

// Rankings are public facts of the division's work: any signed-in caller reads them and their history.
registerStreamKind({
  typename: 'RankingOrganisation',
  category: rankingOrganisationCategory,
  personal: false,
  canRead: (context) => context.actor !== undefined,
});
registerStreamKind({ typename: 'RankingEdition', category: rankingEditionCategory, personal: false, canRead: (context) => context.actor !== undefined });

export const RankingOrganisationKindEnum = enumFor(rankingOrganisationKind);
const SubmissionStatusEnum = enumFor(rankingSubmissionStatus);
const TrendEnum = enumFor(rankingTrend);
const ValueStatusEnum = enumFor(rankingValueStatus);
const SourceEnum = enumFor(rankingIndicatorSource);

const Agreement = builder.objectRef<RankingAgreementRow>('RankingAgreement').implement({
  description: 'A cooperation agreement with a ranking organisation, signed by the director.',
  fields: (t) => ({
    agreementNumber: t.exposeString('number', { description: 'Number of the agreement.' }),
    subject: t.exposeString('subject', { description: 'What the parties agreed to cooperate on.' }),
    signedOn: t.field({ type: 'Date', description: 'Date it was signed.', resolve: (a) => a.signed_on }),
    validUntil: t.field({ type: 'Date', nullable: true, description: 'Last day of its term; null when open-ended.', resolve: (a) => a.valid_until }),
    endedOn: t.field({ type: 'Date', nullable: true, description: 'Date it was ended before its term.', resolve: (a) => a.ended_on }),
    endReason: t.exposeString('end_reason', { nullable: true, description: 'Why it was ended.' }),
    inForce: t.boolean({
      description: 'Whether it is in force today (Kyrgyzstan time).',
      resolve: (a, _args, context) => agreementInForce(a, localDateOf(new Date(context.hub.clock.now()).toISOString())),
    }),
  }),
});

const IndicatorDefinition = builder.objectRef<RankingIndicatorDefinition>('RankingIndicator').implement({
  description: 'One indicator of an edition’s dictionary.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code of the indicator, e.g. FSR.' }),
    name: t.string({
      description: 'Its name in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (i, args, context) => i.name[args.language ?? context.language],
    }),
    weight: t.exposeFloat('weight', { description: 'Weight in the overall score, in per cent.' }),
    unit: t.exposeString('unit', { description: 'Unit of its value.' }),
    computation: t.exposeString('computation', { description: 'How the ranking computes it.' }),
    source: t.field({ type: SourceEnum, description: 'Where the ranking takes its data from.', resolve: (i) => i.source }),
    sourceLabel: labelField(t, rankingIndicatorSourceLabels, (i) => i.source),
  }),
});

const Breakdown = builder.objectRef<{ name: string; value: number }>('RankingBreakdown').implement({
  description: 'One part of a submitted value.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the part counts.' }),
    value: t.exposeFloat('value', { description: 'Its value.' }),
  }),
});

const Value = builder.objectRef<RankingValueRow>('RankingDataValue').implement({
  description: 'The value the university submits for one indicator, who supplied it and the division’s check.',
  fields: (t) => ({
    indicatorCode: t.exposeString('indicator_code', { description: 'The indicator it is for.' }),
    value: t.exposeFloat('value', { description: 'The value, in the indicator’s unit.' }),
    breakdowns: t.field({ type: [Breakdown], description: 'Its parts, by name.', resolve: (v) => v.breakdowns }),
    evidence: t.exposeString('evidence', { description: 'What proves it.' }),
    supplyingUnit: t.exposeString('supplying_unit', { description: 'The unit that supplied it.' }),
    dataRequestId: t.exposeID('data_request_id', { nullable: true, description: 'The data request whose accepted answer the value comes from, if any.' }),
    recordedBy: t.exposeString('recorded_by', { description: 'Id of the person who recorded it.' }),
    recordedAt: t.field({ type: 'DateTime', description: 'When it was recorded.', resolve: (v) => v.recorded_at }),
    status: t.field({ type: ValueStatusEnum, description: 'Where the division’s check stands.', resolve: (v) => v.status }),
    statusLabel: labelField(t, rankingValueStatusLabels, (v) => v.status),
    verifiedOn: t.field({ type: 'Date', nullable: true, description: 'Date it was verified.', resolve: (v) => v.verified_on }),
    returnedOn: t.field({ type: 'Date', nullable: true, description: 'Date it was last returned.', resolve: (v) => v.returned_on }),
    returnReason: t.exposeString('return_reason', { nullable: true, description: 'Why it was last returned.' }),
  }),
});

const IndicatorScore = builder.objectRef<{ indicatorCode: string; score: number }>('RankingIndicatorScore').implement({
  description: 'The published score of one indicator.',
  fields: (t) => ({
    indicatorCode: t.exposeString('indicatorCode', { description: 'The indicator.' }),
    score: t.exposeFloat('score', { description: 'Its score.' }),
  }),
});

const Measure = builder.objectRef<RankingMeasureRow>('RankingImprovementMeasure').implement({
  description: 'A measure decided to improve the university’s position, with what it aims at.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code of the measure within the edition.' }),
    measure: t.exposeString('measure', { description: 'What will be done.' }),
    responsibleUnit: t.exposeString('responsible_unit', { description: 'The unit responsible.' }),
    decidedOn: t.field({ type: 'Date', description: 'Date it was decided.', resolve: (m) => m.decided_on }),
    dueOn: t.field({ type: 'Date', nullable: true, description: 'Date by which it is to be done.', resolve: (m) => m.due_on }),
    indicatorCode: t.exposeString('indicator_code', { nullable: true, description: 'The ranking indicator it aims at.' }),
    strategyIndicator: t.field({
      type: Indicator,
      nullable: true,
      description: 'The strategy indicator it serves, when one is named.',
      resolve: (m, _args, context) => (m.strategy_indicator_id ? (context.hub.indicators.byIds([m.strategy_indicator_id])[0] ?? null) : null),
    }),
  }),
});

type Result = RankingEditionRow & { published_on: string };
const ResultRef = builder.objectRef<Result>('RankingResult');
ResultRef.implement({
  description: 'The result a ranking published for the university, compared with the same ranking’s result of the year before.',
  fields: (t) => ({
    publishedOn: t.field({ type: 'Date', description: 'Date it was published.', resolve: (r) => r.published_on }),
    rank: t.exposeInt('rank', { nullable: true, description: 'The exact overall rank, when given.' }),
    band: t.exposeString('band', { nullable: true, description: 'The band, e.g. 801-1000, when placed in one.' }),
    bandLower: t.exposeInt('band_lower', { nullable: true, description: 'Top (best) place of the band.' }),
    bandUpper: t.exposeInt('band_upper', { nullable: true, description: 'Bottom place of the band; null for an open-ended band.' }),
    score: t.exposeFloat('score', { nullable: true, description: 'The overall score, when published.' }),
    regionalRank: t.exposeInt('regional_rank', { nullable: true, description: 'Rank in the region or country, when published.' }),
    indicatorScores: t.field({ type: [IndicatorScore], description: 'Published scores per indicator.', resolve: (r) => r.indicator_scores ?? [] }),
    trend: t.field({ type: TrendEnum, description: 'How it compares with last year’s result.', resolve: (r) => r.trend ?? 'first_result' }),
    trendLabel: labelField(t, rankingTrendLabels, (r) => r.trend ?? 'first_result'),
    previous: t.field({
      type: ResultRef,
      nullable: true,
      description: 'Last year’s result of the same ranking, when recorded.',
      resolve: (r, _args, context) => {
        const previous = context.hub.rankings.editionOfYear(r.organisation_id, r.year - 1);
        return previous?.published_on ? (previous as Result) : null;
      },
    }),
    rankChange: t.int({
      nullable: true,
      description: 'Places moved up since last year (negative: down), when both years have an exact rank, or the tops of their bands.',
      resolve: (r, _args, context) => {
        const previous = context.hub.rankings.editionOfYear(r.organisation_id, r.year - 1);
        const before = previous?.published_on ? (previous.rank ?? previous.band_lower) : null;
        const now = r.rank ?? r.band_lower;
        return before === null || now === null ? null : before - now;
      },
    }),
    scoreChange: t.float({
      nullable: true,
      description: 'Change of the overall score since last year, when both are published.',
      resolve: (r, _args, context) => {
        const previous = context.hub.rankings.editionOfYear(r.organisation_id, r.year - 1);
        return previous?.score != null && r.score !== null ? Math.round((r.score - previous.score) * 1000) / 1000 : null;
      },
    }),
  }),
});

export const RankingEdition = builder.loadableNode('RankingEdition', {
  description: 'One edition of a ranking: its window and dictionary, the university’s submission, the result and the measures decided on it.',
  id: { resolve: (e) => e.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.rankings.editionsByIds(ids).map((e) => e ?? null) as RankingEditionRow[],
  fields: (t) => ({
    rankingEditionId: t.exposeString('id', { description: 'The plain id of the edition (the global `id` wraps it).' }),
    year: t.exposeInt('year', { description: 'The edition’s year.' }),
    title: t.exposeString('title', { description: 'Title of the edition.' }),
    collectionOpensOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'First day of the data-collection window.',
      resolve: (e) => e.collection_opens_on,
    }),
    collectionClosesOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day of the data-collection window.',
      resolve: (e) => e.collection_closes_on,
    }),
    publicationOn: t.field({ type: 'Date', nullable: true, description: 'Date the results are (to be) published.', resolve: (e) => e.publication_on }),
    indicators: t.field({ type: [IndicatorDefinition], description: 'The edition’s indicator dictionary, in its order.', resolve: (e) => e.indicators }),
    values: t.field({
      type: [Value],
      description: 'The values recorded for the submission, by indicator code.',
      resolve: (e, _args, context) => context.hub.rankings.values(e.id),
    }),
    submissionStatus: t.field({ type: SubmissionStatusEnum, description: 'Where the submission stands.', resolve: (e) => e.submission_status }),
    submissionStatusLabel: labelField(t, rankingSubmissionStatusLabels, (e) => e.submission_status),
    approvedOn: t.field({ type: 'Date', nullable: true, description: 'Date the director approved the data set.', resolve: (e) => e.approved_on }),
    submittedOn: t.field({ type: 'Date', nullable: true, description: 'Date the data set was sent.', resolve: (e) => e.submitted_on }),
    channel: t.exposeString('channel', { nullable: true, description: 'How it was sent.' }),
    acknowledgedOn: t.field({ type: 'Date', nullable: true, description: 'Date the organisation acknowledged it.', resolve: (e) => e.acknowledged_on }),
    acknowledgementReference: t.exposeString('acknowledgement_reference', { nullable: true, description: 'The organisation’s reference.' }),
    result: t.field({
      type: ResultRef,
      nullable: true,
      description: 'The published result; null until recorded.',
      resolve: (e) => (e.published_on ? (e as Result) : null),
    }),
    improvementMeasures: t.field({
      type: [Measure],
      description: 'Measures decided on the result, by code.',
      resolve: (e, _args, context) => context.hub.rankings.measures(e.id),
    }),
    revision: t.exposeInt('revision', { description: 'Revision of the edition’s stream; pass it as expectedRevision.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (e) => e.updated_at }),
  }),
});

export const RankingOrganisation = builder.loadableNode('RankingOrganisation', {
  description: 'A ranking organisation with its agreements, its editions year by year, its trend and its current edition’s submission.',
  id: { resolve: (o) => o.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.rankings.organisationsByIds(ids).map((o) => o ?? null) as RankingOrganisationRow[],
  fields: (t) => ({
    rankingOrganisationId: t.exposeString('id', { description: 'The plain id of the organisation (the global `id` wraps it).' }),
    name: t.exposeString('name', { description: 'Name of the ranking and its publisher.' }),
    shortName: t.exposeString('short_name', { description: 'Short name, e.g. QS WUR.' }),
    kind: t.field({
      type: RankingOrganisationKindEnum,
      description: 'International, or national of the Ministry or of an independent agency.',
      resolve: (o) => o.kind,
    }),
    kindLabel: labelField(t, rankingOrganisationKindLabels, (o) => o.kind),
    country: t.exposeString('country', { description: 'Country where the publisher is based.' }),
    website: t.exposeString('website', { nullable: true, description: 'Its website.' }),
    agreements: t.field({
      type: [Agreement],
      description: 'Cooperation agreements, earliest first.',
      resolve: (o, _args, context) => context.hub.rankings.agreements(o.id),
    }),
    editions: t.field({
      type: [RankingEdition],
      description: 'Its editions, latest year first: the university’s position by year.',
      resolve: (o, _args, context) => context.hub.rankings.editionsOf(o.id),
    }),
    currentEdition: t.field({
      type: RankingEdition,
      nullable: true,
      description: 'The latest edition announced.',
      resolve: (o, _args, context) => (o.current_edition_id ? (context.hub.rankings.editionsByIds([o.current_edition_id])[0] ?? null) : null),
    }),
    currentSubmissionStatus: t.field({
      type: SubmissionStatusEnum,
      nullable: true,
      description: 'Where the current edition’s submission stands; null before any edition.',
      resolve: (o) => o.current_submission_status,
    }),
    latestResult: t.field({
      type: ResultRef,
      nullable: true,
      description: 'The latest recorded result.',
      resolve: (o, _args, context) =>
        o.latest_result_edition_id ? ((context.hub.rankings.editionsByIds([o.latest_result_edition_id])[0] as Result) ?? null) : null,
    }),
    trend: t.field({
      type: TrendEnum,
      nullable: true,
      description: 'How the latest result compares with the year before; null before any result.',
      resolve: (o) => o.trend,
    }),
    revision: t.exposeInt('revision', { description: 'Revision of the organisation’s stream; pass it as expectedRevision.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change to the organisation itself was recorded.', resolve: (o) => o.updated_at }),
  }),
});

// Declared here, once both node types exist, since each refers to the other.
builder.objectField(RankingEdition, 'organisation', (t) =>
  t.field({
    type: RankingOrganisation,
    description: 'The organisation that publishes it.',
    resolve: (e, _args, context) => context.hub.rankings.organisationsByIds([e.organisation_id])[0]!,
  }),
);

const FilterInput = builder.inputType('RankingFilter', {
  description: 'Narrows the rankings; all given conditions must hold.',
  fields: (t) => ({
    kinds: t.field({ type: [RankingOrganisationKindEnum], required: false, description: 'Any of these kinds.' }),
    submissionStatuses: t.field({ type: [SubmissionStatusEnum], required: false, description: 'The current edition’s submission in any of these states.' }),
    trends: t.field({ type: [TrendEnum], required: false, description: 'The latest result’s trend is any of these.' }),
  }),
});

builder.queryFields((t) => ({
  rankings: t.connection(
    {
      type: RankingOrganisation,
      description: 'The rankings the university takes part in, by name, a page at a time: positions by year, the trend, the current submission.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: { filter: t.arg({ type: FilterInput, required: false, description: 'Conditions the rankings must meet.' }) },
      resolve: (_root, args, context) => {
        const request = pageRequest(args, 'name');
        const queries = context.hub.rankings;
        const { rows, hasMore } = queries.page(args.filter ?? {}, request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor('name', queries.sortKey(row)));
      },
    },
    { name: 'RankingConnection', description: 'A page of the rankings.' },
    { name: 'RankingEdge', description: 'A ranking organisation in a page, with its cursor.' },
  ),
  rankingOrganisation: t.field({
    type: RankingOrganisation,
    nullable: true,
    description: 'One ranking organisation by its global id or plain id; null if there is none.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true, description: 'Global id, or the plain rankingOrganisationId.' }) },
    resolve: (_root, args) => plainIdOf(String(args.id), 'RankingOrganisation'),
  }),
  rankingEdition: t.field({
    type: RankingEdition,
    nullable: true,
    description: 'One ranking edition by its global id or plain id, with its indicators and submitted values; null if there is none.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true, description: 'Global id, or the plain rankingEditionId.' }) },
    resolve: (_root, args) => plainIdOf(String(args.id), 'RankingEdition'),
  }),
}));
