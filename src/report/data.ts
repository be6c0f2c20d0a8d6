// What the annual report says, read through the hub's own GraphQL schema in process with the
// caller's context: the same data, labels and authorisation as the queries a client would send.
import { execute, parse } from 'graphql';
import { schema } from '../../schema/index.ts';
import type { GraphQLContext } from '../../schema/builder.ts';
import { MAX_PAGE } from '../../schema/connection.ts';
import { ExportQueryError } from '../exports/query.ts';

export type LicenceRow = {
  programmeCode: string;
  programmeName: { text: string };
  faculty: string;
  status: string;
  statusLabel: string;
  validUntil: string | null;
};
export type AccreditationRow = {
  accreditationId: string;
  kindLabel: string | null;
  agencyName: string;
  programmeCodes: string[];
  stage: string;
  stageLabel: string | null;
  validUntil: string | null;
  interimReportDueOn: string | null;
};
export type IndicatorRow = {
  status: string;
  statusLabel: string;
  latestValue: number | null;
  target: { value: number | null } | null;
  indicator: {
    code: string;
    name: { text: string };
    unitLabel: string;
    series: { year: number; value: number | null; expected: { value: number | null } | null }[];
  };
};
export type CorrectiveActionRow = {
  correctiveActionId: string;
  problem: string;
  ownerUnit: string;
  dueOn: string;
  status: string;
  statusLabel: string;
  overdue: boolean;
};
export type RatingCampaignRow = {
  title: { text: string };
  year: number;
  statusLabel: string;
  maximumTotal: number;
  entryCounts: { draft: number; submitted: number; returned: number; verified: number };
  unitSummaries: { unit: string; rankedEntries: number; averageTotal: number; highestTotal: number; lowestTotal: number }[];
};

/** One ranking's edition of the year, as the report prints it. */
export type RankingRow = {
  ranking: string;
  edition: string;
  /** The rank, or the band when the ranking publishes bands (e.g. 801-1000). */
  position: string;
  score: number | null;
  /** The previous year's position, when there is one. */
  previousPosition: string | null;
  /** Places gained (positive) or lost (negative) since the previous result, as the rankings read model computes it. */
  rankChange: number | null;
  trend: string;
  trendLabel: string;
};

type RankingResultNode = { rank: number | null; band: string | null; score: number | null; rankChange: number | null; trend: string; trendLabel: string };
type RankingNode = {
  name: string;
  shortName: string;
  editions: { year: number; title: string; result: (RankingResultNode & { previous: RankingResultNode | null }) | null }[];
};

const positionOf = (result: { rank: number | null; band: string | null }): string => (result.rank !== null ? String(result.rank) : (result.band ?? '—'));

/** The rankings read model's organisations reduced to the year's results, best position first. */
function rankingRows(organisations: RankingNode[], year: number): RankingRow[] {
  return organisations.flatMap((organisation) =>
    organisation.editions
      .filter((edition) => edition.year === year && edition.result !== null)
      .map((edition) => {
        const result = edition.result!;
        return {
          ranking: organisation.shortName || organisation.name,
          edition: edition.title,
          position: positionOf(result),
          score: result.score,
          previousPosition: result.previous ? positionOf(result.previous) : null,
          rankChange: result.rankChange,
          trend: result.trend,
          trendLabel: result.trendLabel,
        };
      }),
  );
}

export type AnnualData = {
  year: number;
  licences: LicenceRow[];
  accreditations: AccreditationRow[];
  indicators: IndicatorRow[];
  correctiveActions: CorrectiveActionRow[];
  ratingCampaigns: RatingCampaignRow[];
  /** The university's position in each ranking whose edition of the year has a result, with the change since last year. */
  rankings: RankingRow[];
};

async function run<T>(context: GraphQLContext, source: string, variables: Record<string, unknown>): Promise<T> {
  const result = await execute({ schema, document: parse(source), variableValues: variables, contextValue: context });
  if (result.errors?.length) throw new ExportQueryError(result.errors);
  return result.data as T;
}

/** Every item of a connection named `list` in `source` (which takes $first and $after). */
async function all<T>(context: GraphQLContext, source: string, variables: Record<string, unknown> = {}): Promise<T[]> {
  const items: T[] = [];
  let after: string | null = null;
  for (;;) {
    const { list }: { list: Connection<T> } = await run(context, source, { ...variables, first: MAX_PAGE, after });
    items.push(...list.edges.map((e) => e.node));
    if (!list.pageInfo.hasNextPage || !list.pageInfo.endCursor) return items;
    after = list.pageInfo.endCursor;
  }
}

type Connection<T> = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: T }[] };

const page = 'pageInfo { hasNextPage endCursor } edges { node {';

export async function annualData(context: GraphQLContext, year: number): Promise<AnnualData> {
  const [licences, accreditations, indicators, correctiveActions, ratingCampaigns, rankingOrganisations] = await Promise.all([
    all<LicenceRow>(
      context,
      `query($first: Int, $after: String) { list: licenses(first: $first, after: $after, orderBy: VALID_UNTIL) { ${page} programmeCode programmeName { text } faculty status statusLabel validUntil } } } }`,
    ),
    all<AccreditationRow>(
      context,
      `query($first: Int, $after: String) { list: accreditations(first: $first, after: $after, orderBy: VALID_UNTIL) { ${page} accreditationId kindLabel agencyName programmeCodes stage stageLabel validUntil interimReportDueOn } } } }`,
    ),
    all<IndicatorRow>(
      context,
      `query($first: Int, $after: String, $year: Int) { list: indicators(first: $first, after: $after, year: $year) { ${page} status statusLabel latestValue target { value } indicator { code name { text } unitLabel series { year value expected { value } } } } } } }`,
      { year },
    ),
    all<CorrectiveActionRow>(
      context,
      `query($first: Int, $after: String) { list: correctiveActions(first: $first, after: $after) { ${page} correctiveActionId problem ownerUnit dueOn status statusLabel overdue } } } }`,
    ),
    all<RatingCampaignRow>(
      context,
      `query($first: Int, $after: String, $years: [Int!]) { list: ratingCampaigns(first: $first, after: $after, filter: { years: $years }) { ${page} title { text } year statusLabel maximumTotal entryCounts { draft submitted returned verified } unitSummaries { unit rankedEntries averageTotal highestTotal lowestTotal } } } } }`,
      { years: [year] },
    ),
    all<RankingNode>(
      context,
      `query($first: Int, $after: String) { list: rankings(first: $first, after: $after) { ${page} name shortName editions { year title result { rank band score rankChange trend trendLabel previous { rank band score rankChange trend trendLabel } } } } } } }`,
    ),
  ]);
  const rankings = rankingRows(rankingOrganisations, year);
  return { year, licences, accreditations, indicators, correctiveActions, ratingCampaigns, rankings };
}
