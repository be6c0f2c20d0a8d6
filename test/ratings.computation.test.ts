// The teaching-staff rating's computation as pure functions, table by table: points per criterion
// (points per unit, caps, co-author splits), group caps, normalisation per full staff rate,
// competition ranks with ties in every partition, an upheld appeal that re-ranks, and the chair
// and faculty tables.
import { describe, expect, it } from 'vitest';
import {
  aggregateTable,
  competitionRanks,
  computeEntry,
  criterionPointsHundredths,
  maximumTotalUnits,
  NORMALISED_UNITS_PER_POINT,
  normalisedUnitsOf,
  rankEntries,
  type PointsRule,
  type RankedEntry,
} from '../src/domain/rating-computation.ts';
import { scoresAfter } from '../src/domain/rating-entries.ts';

const rule = (overrides: Partial<PointsRule> = {}): PointsRule => ({
  code: 'X',
  group: null,
  pointsPerUnit: 1,
  maxPoints: 100,
  weight: 1,
  sharedAuthorship: false,
  ...overrides,
});

describe('points of one criterion (hundredths of a point)', () => {
  it.each([
    ['one point per unit: the quantity is the points', rule(), { quantity: 36.5 }, 3650],
    ['points per unit', rule({ pointsPerUnit: 5 }), { quantity: 3 }, 1500],
    ['fractional points per unit', rule({ pointsPerUnit: 0.25 }), { quantity: 7 }, 175],
    ['capped at the criterion maximum', rule({ pointsPerUnit: 5, maxPoints: 30 }), { quantity: 10 }, 3000],
    ['exactly at the cap', rule({ pointsPerUnit: 5, maxPoints: 30 }), { quantity: 6 }, 3000],
    ['zero quantity', rule({ pointsPerUnit: 5 }), { quantity: 0 }, 0],
    ['shared: split by the number of authors', rule({ pointsPerUnit: 10, sharedAuthorship: true }), { quantity: 1, authorCount: 4 }, 250],
    ['shared: a sole author keeps all', rule({ pointsPerUnit: 10, sharedAuthorship: true }), { quantity: 2, authorCount: 1 }, 2000],
    ['shared: 10 / 3 rounds half up to 3.33', rule({ pointsPerUnit: 10, sharedAuthorship: true }), { quantity: 1, authorCount: 3 }, 333],
    ['shared: 20 / 3 rounds half up to 6.67', rule({ pointsPerUnit: 20, sharedAuthorship: true }), { quantity: 1, authorCount: 3 }, 667],
    ['shared: 0.05 / 2 = 0.025 rounds half up to 0.03', rule({ pointsPerUnit: 0.05, sharedAuthorship: true }), { quantity: 1, authorCount: 2 }, 3],
    ['shared: the share is capped, not the whole', rule({ pointsPerUnit: 40, maxPoints: 15, sharedAuthorship: true }), { quantity: 1, authorCount: 2 }, 1500],
    ['not shared: an author count is ignored', rule({ pointsPerUnit: 10 }), { quantity: 1, authorCount: 4 }, 1000],
  ])('%s', (_case, r, score, expected) => {
    expect(criterionPointsHundredths(r, score)).toBe(expected);
  });
});

describe('an entry: weights, group caps and the total (units of 1/10 000 of a point)', () => {
  const catalogue: PointsRule[] = [
    rule({ code: 'LOAD', group: 'teaching', maxPoints: 40 }),
    rule({ code: 'OPEN', group: 'teaching', pointsPerUnit: 5, maxPoints: 20 }),
    rule({ code: 'SCOPUS', group: 'research', pointsPerUnit: 10, maxPoints: 50, sharedAuthorship: true }),
    rule({ code: 'GRANT', group: 'research', pointsPerUnit: 15, maxPoints: 30 }),
    rule({ code: 'MANUAL', group: 'methodical', pointsPerUnit: 8, maxPoints: 24, weight: 1.5 }),
    rule({ code: 'OLD', group: null, maxPoints: 10, weight: 0.5 }),
  ];
  const caps = [
    { group: 'teaching', maxPoints: 50 },
    { group: 'research', maxPoints: 60 },
  ];
  it.each([
    ['nothing scored', {}, 0, []],
    ['within every cap', { LOAD: { quantity: 30 }, OPEN: { quantity: 2 }, SCOPUS: { quantity: 2, authorCount: 2 } }, 50, []],
    ['the teaching group cap cuts 40 + 20 to 50', { LOAD: { quantity: 45 }, OPEN: { quantity: 5 } }, 50, ['LOAD', 'OPEN', 'teaching']],
    [
      'the research cap cuts 50 + 30 to 60 after the Scopus criterion cap',
      { SCOPUS: { quantity: 12, authorCount: 1 }, GRANT: { quantity: 2 } },
      60,
      ['SCOPUS', 'research'],
    ],
    ['co-authored Scopus: 3 articles with 3 authors = 10', { SCOPUS: { quantity: 3, authorCount: 3 } }, 10, []],
    ['a weight above 1, capped before the weight: 24 × 1.5', { MANUAL: { quantity: 4 } }, 36, ['MANUAL']],
    ['an ungrouped criterion is not group-capped: 10 × 0.5', { OLD: { quantity: 12 } }, 5, ['OLD']],
    ['an uncapped group adds all', { MANUAL: { quantity: 2 }, OLD: { quantity: 4 } }, 26, []],
  ])('%s', (_case, scores, totalPoints, capped) => {
    const result = computeEntry(catalogue, caps, scores);
    expect(result.totalUnits).toBe(totalPoints * 10000);
    const cut = [...result.criteria.filter((c) => c.capped).map((c) => c.code), ...result.groups.filter((g) => g.capped).map((g) => g.group)];
    expect(cut).toStrictEqual(capped);
  });

  it('reports per group what was scored before and after the cap', () => {
    const { groups } = computeEntry(catalogue, caps, { LOAD: { quantity: 40 }, OPEN: { quantity: 4 }, MANUAL: { quantity: 1 } });
    expect(groups).toStrictEqual([
      { group: 'teaching', uncappedUnits: 600000, units: 500000, capUnits: 500000, capped: true },
      { group: 'methodical', uncappedUnits: 120000, units: 120000, capUnits: null, capped: false },
    ]);
  });

  it('the maximum total is every criterion at its cap, every group at most its cap', () => {
    // teaching min(60, 50) + research min(80, 60) + methodical 36 + ungrouped 5
    expect(maximumTotalUnits(catalogue, caps)).toBe(151 * 10000);
  });
});

describe('normalisation per full staff rate', () => {
  it.each([
    [60, 1, 60],
    [60, 0.5, 120],
    [60, 0.25, 240],
    [60, 1.5, 40],
    [45, 0.75, 60],
    [50, 1.25, 40],
  ])('%s points at rate %s count %s per full rate', (points, rate, perFullRate) => {
    expect(normalisedUnitsOf(points * 10000, rate) / NORMALISED_UNITS_PER_POINT).toBe(perFullRate);
  });

  it('is exact, so equal scores per rate tie and nearly equal ones do not', () => {
    // 10 at 0.75 and 13.33… at 1 would round alike; 20 at 1.5 and 10 at 0.75 are the same score.
    expect(normalisedUnitsOf(200000, 1.5)).toBe(normalisedUnitsOf(100000, 0.75));
    expect(normalisedUnitsOf(100000, 0.75)).not.toBe(normalisedUnitsOf(133300, 1));
    expect(Number.isInteger(normalisedUnitsOf(123457, 1.25))).toBe(true);
  });
});

describe('competition ranking', () => {
  const rank = (scores: number[]) =>
    [
      ...competitionRanks(
        scores.map((score, i) => ({ id: `t${i}`, score })),
        (x) => x.id,
        (x) => x.score,
        () => '',
      ).values(),
    ].map((r) => r.rank);
  it.each([
    [
      [90, 80, 70],
      [1, 2, 3],
    ],
    [
      [90, 80, 80, 70],
      [1, 2, 2, 4],
    ],
    [
      [80, 80, 80],
      [1, 1, 1],
    ],
    [
      [70, 90, 90, 60, 60],
      [1, 1, 3, 4, 4],
    ],
    [[], []],
  ])('%j ranks %j (sorted)', (scores, ranks) => {
    expect(rank(scores).sort((a, b) => a - b)).toStrictEqual(ranks);
  });
});

const entry = (id: string, points: number, rate: number, faculty: string | null, chair: string | null, position: string | null, unit = 'u'): RankedEntry => ({
  id,
  normalisedUnits: normalisedUnitsOf(points * 10000, rate),
  unit,
  faculty,
  chair,
  position,
});

describe('ranks within the chair, the faculty, the position group and the university', () => {
  const entries = [
    entry('aida', 90, 1, 'Economics', 'Finance', 'professor'),
    entry('bakyt', 40, 0.5, 'Economics', 'Finance', 'lecturer'), // 80 per full rate
    entry('chyngyz', 80, 1, 'Economics', 'Accounting', 'lecturer'),
    entry('dinara', 120, 1.5, 'Law', 'Finance', 'professor'), // 80 per full rate; a "Finance" chair of another faculty
    entry('emil', 70, 1, 'Law', 'Civil law', 'lecturer'),
    entry('old', 75, 1, null, null, null), // recorded before profiles: university only
  ];
  const ranks = rankEntries(entries);
  const row = (id: string) => {
    const r = ranks.get(id)!;
    const show = (k: keyof typeof r) => (r[k] ? `${r[k]!.rank}/${r[k]!.count}` : null);
    return [show('university'), show('faculty'), show('chair'), show('position')];
  };
  it.each([
    ['aida', ['1/6', '1/3', '1/2', '1/2']],
    ['bakyt', ['2/6', '2/3', '2/2', '1/3']],
    ['chyngyz', ['2/6', '2/3', '1/1', '1/3']],
    ['dinara', ['2/6', '1/2', '1/1', '2/2']],
    ['emil', ['6/6', '2/2', '1/1', '3/3']],
    ['old', ['5/6', null, null, null]],
  ])('%s: university, faculty, chair, position', (id, expected) => {
    expect(row(id)).toStrictEqual(expected);
  });
});

describe('an upheld appeal re-ranks', () => {
  const catalogue = [rule({ code: 'PUB', pointsPerUnit: 10, maxPoints: 50, sharedAuthorship: true }), rule({ code: 'LOAD', maxPoints: 40 })];
  const teachers = {
    aida: { LOAD: { quantity: 40 }, PUB: { quantity: 3, authorCount: 1 } }, // 70
    bakyt: { LOAD: { quantity: 35 }, PUB: { quantity: 3, authorCount: 2 } }, // 50
    chyngyz: { LOAD: { quantity: 30 }, PUB: { quantity: 2, authorCount: 1 } }, // 50
  };
  const ranked = (scores: Record<string, Record<string, { quantity: number; authorCount?: number }>>) => {
    const entries = Object.entries(scores).map(([id, s]) => entry(id, computeEntry(catalogue, [], s).totalUnits / 10000, 1, 'F', 'C', 'lecturer'));
    const ranks = rankEntries(entries);
    return Object.fromEntries(entries.map((e) => [e.id, ranks.get(e.id)!.university!.rank]));
  };
  it('before: a tie for second; after correcting the co-author count of one article: a clear order', () => {
    expect(ranked(teachers)).toStrictEqual({ aida: 1, bakyt: 2, chyngyz: 2 });
    // The commission counts five articles with two authors where three were recorded: 25 points, not 15.
    const corrected = scoresAfter(teachers.bakyt, [{ criterionCode: 'PUB', quantity: 5, authorCount: 2 }], 'correct');
    expect(ranked({ ...teachers, bakyt: corrected })).toStrictEqual({ aida: 1, bakyt: 2, chyngyz: 3 });
    // An appeal that lifts Bakyt above Aida moves Aida down.
    const lifted = scoresAfter(teachers.bakyt, [{ criterionCode: 'PUB', quantity: 8, authorCount: 2 }], 'correct');
    expect(ranked({ ...teachers, bakyt: lifted })).toStrictEqual({ bakyt: 1, aida: 2, chyngyz: 3 });
  });
});

describe('chair and faculty tables: sum and per full rate', () => {
  it('ranks by the sum of totals over the sum of rates, ties sharing a rank', () => {
    const table = aggregateTable([
      { key: 'Finance', entries: 2, totalUnits: 130 * 10000, rateQuarters: 6 }, // 130 / 1.5 = 86.67
      { key: 'Accounting', entries: 1, totalUnits: 80 * 10000, rateQuarters: 4 }, // 80
      { key: 'Civil law', entries: 2, totalUnits: 160 * 10000, rateQuarters: 8 }, // 80
      { key: 'Criminal law', entries: 1, totalUnits: 30 * 10000, rateQuarters: 2 }, // 60
    ]);
    expect(table.map((r) => [r.key, r.rank, Math.round((r.perFullRateUnits / NORMALISED_UNITS_PER_POINT) * 100) / 100])).toStrictEqual([
      ['Finance', 1, 86.67],
      ['Accounting', 2, 80],
      ['Civil law', 2, 80],
      ['Criminal law', 4, 60],
    ]);
  });
});
