// How the teaching-staff rating turns recorded quantities into points, totals, normalised scores
// and ranks. Pure functions over plain data, shared by the entry decider, the read model and the
// GraphQL fields, so the one computation is table-tested once (test/ratings.computation.test.ts).
//
// The rule of a criterion (see ratingCriterion in rating-campaigns.ts):
//   points   = quantity × pointsPerUnit, divided by the number of authors when authorship is
//              shared, rounded half up to hundredths of a point, then capped at the criterion's
//              maxPoints (a teacher with ten articles at 5 points, capped at 30, scores 30);
//   weighted = points × weight (weight is 1 unless a campaign says otherwise);
//   a group (teaching, research, …) caps the sum of its criteria's weighted points; a criterion
//   outside every group, as in campaigns created before groups existed, is not group-capped;
//   total    = the sum over groups and ungrouped criteria.
// Totals are exact integers in units of 1/10 000 of a point (hundredths of points × hundredths of
// weight), so a tie is a real tie. A campaign created before quantities existed stored points
// directly with a maximum and a weight: it reads as pointsPerUnit 1 (a quantity of points), which
// is the same rule.
//
// Normalisation per full staff rate: score = total / rate. Rates are quarters from 0.25 to 1.5, so
// total × 240 / quarters is an exact integer (240 is divisible by 1…6): normalised units are
// 1/600 000 of a point, and ranking by them compares total / rate exactly.
//
// Ranking is competition ranking, as the read model has always ranked (SQL RANK()): equal scores
// share a rank and the next rank skips (1, 2, 2, 4). Entries outside a partition (no chair known,
// say) get no rank in it.

export const UNITS_PER_POINT = 10000;
/** Normalised units per point: UNITS_PER_POINT × 240 / 4 (a full rate is four quarters). */
export const NORMALISED_UNITS_PER_POINT = 600000;

export type PointsRule = {
  code: string;
  group: string | null;
  pointsPerUnit: number;
  maxPoints: number;
  weight: number;
  sharedAuthorship: boolean;
};
export type GroupCap = { group: string; maxPoints: number };
export type Quantity = { quantity: number; authorCount?: number | undefined };

const hundredths = (value: number) => Math.round(value * 100);

/** The teacher's share of a criterion's points in hundredths of a point, before the cap. */
function shareHundredths(rule: PointsRule, score: Quantity): number {
  const raw = hundredths(score.quantity) * hundredths(rule.pointsPerUnit); // units of 1/10 000
  const authors = rule.sharedAuthorship ? Math.max(1, score.authorCount ?? 1) : 1;
  // Half up in integers: floor((2a + b) / 2b) with b = 100 × authors (hundredths of the share).
  return Math.floor((2 * raw + 100 * authors) / (200 * authors));
}

/** Points of one criterion in hundredths of a point: split among the authors, rounded, capped. */
export const criterionPointsHundredths = (rule: PointsRule, score: Quantity): number => Math.min(shareHundredths(rule, score), hundredths(rule.maxPoints));

export type CriterionResult = { code: string; group: string | null; points: number; weightedUnits: number; capped: boolean };
export type GroupResult = { group: string; uncappedUnits: number; units: number; capUnits: number | null; capped: boolean };
export type EntryComputation = { criteria: CriterionResult[]; groups: GroupResult[]; totalUnits: number };

/** The entry's points per criterion and group and its total, from its quantities by criterion code. */
export function computeEntry(rules: readonly PointsRule[], groupCaps: readonly GroupCap[], scores: Readonly<Record<string, Quantity>>): EntryComputation {
  const criteria: CriterionResult[] = [];
  const groupSums = new Map<string, number>();
  let ungrouped = 0;
  for (const rule of rules) {
    const score = scores[rule.code];
    if (!score) continue;
    const uncapped = shareHundredths(rule, score);
    const pointsH = Math.min(uncapped, hundredths(rule.maxPoints));
    const weightedUnits = pointsH * hundredths(rule.weight);
    criteria.push({ code: rule.code, group: rule.group, points: pointsH / 100, weightedUnits, capped: uncapped > pointsH });
    if (rule.group === null) ungrouped += weightedUnits;
    else groupSums.set(rule.group, (groupSums.get(rule.group) ?? 0) + weightedUnits);
  }
  const caps = new Map(groupCaps.map((g) => [g.group, hundredths(g.maxPoints) * 100]));
  const groups: GroupResult[] = [...groupSums].map(([group, uncappedUnits]) => {
    const capUnits = caps.get(group) ?? null;
    const units = capUnits === null ? uncappedUnits : Math.min(uncappedUnits, capUnits);
    return { group, uncappedUnits, units, capUnits, capped: units < uncappedUnits };
  });
  const totalUnits = groups.reduce((sum, g) => sum + g.units, ungrouped);
  return { criteria, groups, totalUnits };
}

/** The highest total the catalogue allows: every criterion at its cap, every group at most its cap. */
export function maximumTotalUnits(rules: readonly PointsRule[], groupCaps: readonly GroupCap[]): number {
  const atCap = rules.map((r) => ({ ...r, pointsPerUnit: r.maxPoints, sharedAuthorship: false }));
  return computeEntry(atCap, groupCaps, Object.fromEntries(rules.map((r) => [r.code, { quantity: 1 }]))).totalUnits;
}

/** Staff rates the regulation allows: 0.25 to 1.5 in steps of 0.25, as a count of quarters (1…6). */
export const rateQuartersOf = (rate: number): number => Math.round(rate * 4);

/** total / rate, exactly, in units of 1/600 000 of a point. */
export const normalisedUnitsOf = (totalUnits: number, rate: number): number => (totalUnits * 240) / rateQuartersOf(rate);

/** Points rounded to two decimal places for display. */
export const displayPoints = (units: number, unitsPerPoint: number): number => Math.round((units / unitsPerPoint) * 100) / 100;

export type Rank = { rank: number; count: number };

/**
 * Competition ranks of `items` by `score`, highest first, within each partition `partitionOf`
 * gives; an item whose partition is null is not ranked (absent from the result).
 */
export function competitionRanks<Item>(
  items: readonly Item[],
  idOf: (item: Item) => string,
  score: (item: Item) => number,
  partitionOf: (item: Item) => string | null,
): Map<string, Rank> {
  const partitions = new Map<string, Item[]>();
  for (const item of items) {
    const key = partitionOf(item);
    if (key === null) continue;
    partitions.set(key, [...(partitions.get(key) ?? []), item]);
  }
  const ranks = new Map<string, Rank>();
  for (const members of partitions.values()) {
    const sorted = [...members].sort((a, b) => score(b) - score(a));
    sorted.forEach((item, index) => {
      const previous = sorted[index - 1];
      const rank = previous !== undefined && score(previous) === score(item) ? ranks.get(idOf(previous))!.rank : index + 1;
      ranks.set(idOf(item), { rank, count: sorted.length });
    });
  }
  return ranks;
}

export type RankedEntry = {
  id: string;
  normalisedUnits: number;
  unit: string;
  faculty: string | null;
  chair: string | null;
  position: string | null;
};
export type EntryRanks = Record<'unit' | 'faculty' | 'chair' | 'position' | 'university', Rank | null>;

/**
 * Ranks of every verified entry of a campaign, by score per full rate: within its unit, its
 * faculty, its chair (chairs are named within their faculty), its position group and the university.
 */
export function rankEntries(entries: readonly RankedEntry[]): Map<string, EntryRanks> {
  const id = (e: RankedEntry) => e.id;
  const score = (e: RankedEntry) => e.normalisedUnits;
  const by = {
    unit: competitionRanks(entries, id, score, (e) => e.unit),
    faculty: competitionRanks(entries, id, score, (e) => e.faculty),
    chair: competitionRanks(entries, id, score, (e) => (e.chair === null ? null : `${e.faculty ?? ''}\u0000${e.chair}`)),
    position: competitionRanks(entries, id, score, (e) => e.position),
    university: competitionRanks(entries, id, score, () => ''),
  };
  return new Map(
    entries.map((e) => [
      e.id,
      {
        unit: by.unit.get(e.id) ?? null,
        faculty: by.faculty.get(e.id) ?? null,
        chair: by.chair.get(e.id) ?? null,
        position: by.position.get(e.id) ?? null,
        university: by.university.get(e.id) ?? null,
      },
    ]),
  );
}

export type AggregateRow = { key: string; entries: number; totalUnits: number; rateQuarters: number };
export type Aggregate = AggregateRow & { perFullRateUnits: number; rank: number };

/**
 * A table of chairs or faculties: the sum of their ranked teachers' totals and the sum per full
 * rate (sum of totals / sum of rates), ranked by the latter in competition order.
 */
export function aggregateTable(rows: readonly AggregateRow[]): Aggregate[] {
  const withRate = rows.map((r) => ({ ...r, perFullRateUnits: (r.totalUnits * 240) / r.rateQuarters }));
  const ranks = competitionRanks(
    withRate,
    (r) => r.key,
    (r) => r.perFullRateUnits,
    () => '',
  );
  return withRate.map((r) => ({ ...r, rank: ranks.get(r.key)!.rank })).sort((a, b) => a.rank - b.rank || a.key.localeCompare(b.key));
}
