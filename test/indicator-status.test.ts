// The status of a strategy indicator in a year and its roll-up, as tables of cases (each direction,
// rank positions, ranges, missing values, revised targets) and as properties over random passports
// and values: a better value never gives a worse status, and a better indicator never gives its
// goal a worse one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, expectedLevel, rollUp, statusRank, type IndicatorStatus, type StatusPassport } from '../src/domain/indicator-status.ts';

const thresholds = { atRisk: 1, offTrack: 0.9 };

/** Share of staff with a PhD: 30 % in 2024, 40 % by 2028, with a declared 2026 target of 36 %. */
const phdShare: StatusPassport = {
  direction: 'increase',
  baseline: { year: 2024, value: 30 },
  targets: [{ year: 2026, value: 36 }],
  finalTarget: { year: 2028, value: 40 },
  thresholds,
};
/** QS Asia position: 600 in 2024, 450 by 2028 (lower is better). */
const qsRank: StatusPassport = {
  direction: 'decrease',
  baseline: { year: 2024, value: 600 },
  targets: [],
  finalTarget: { year: 2028, value: 450 },
  thresholds,
};
/** Student-to-teacher ratio kept at most 18. */
const studentsPerTeacher: StatusPassport = {
  direction: 'at_most',
  baseline: { year: 2024, value: 19 },
  targets: [],
  finalTarget: { year: 2028, value: 18 },
  thresholds,
};
/** Graduate employment kept at or above 70 %. */
const employment: StatusPassport = {
  direction: 'at_least',
  baseline: { year: 2024, value: 68 },
  targets: [{ year: 2025, value: 70 }],
  finalTarget: { year: 2028, value: 75 },
  thresholds,
};
/** Average class size kept between 20 and 30. */
const classSize: StatusPassport = {
  direction: 'range',
  baseline: { year: 2024, value: 32 },
  targets: [],
  finalTarget: { year: 2028, min: 20, max: 30 },
  thresholds,
};

describe('the status of an indicator in a year', () => {
  it.each<[string, StatusPassport, number, number | undefined, IndicatorStatus, number | null]>([
    // increase: expected 2025 = 33 (trajectory from 30 in 2024 to the declared 36 in 2026)
    ['increase, on the trajectory', phdShare, 2025, 33, 'on_track', 1],
    ['increase, slightly behind', phdShare, 2025, 32.8, 'at_risk', 0.9333],
    ['increase, far behind', phdShare, 2025, 31, 'off_track', 0.3333],
    ['increase, the declared yearly target', phdShare, 2026, 36, 'on_track', 1],
    ['increase, final target reached early', phdShare, 2026, 40, 'achieved', 1.6667],
    ['increase, below the baseline', phdShare, 2027, 29, 'off_track', -0.125],
    ['increase, no verified value', phdShare, 2026, undefined, 'no_data', null],
    // decrease (rank positions): expected 2026 = 525
    ['rank position, ahead of the trajectory', qsRank, 2026, 500, 'on_track', 1.3333],
    ['rank position, behind', qsRank, 2026, 540, 'off_track', 0.8],
    ['rank position, reached', qsRank, 2027, 440, 'achieved', 1.4222],
    ['rank position, worse than the baseline', qsRank, 2025, 620, 'off_track', -0.5333],
    // keep at or below / at or above
    ['at most, kept', studentsPerTeacher, 2026, 17.5, 'on_track', 1],
    ['at most, 5 % over the level', studentsPerTeacher, 2026, 18.9, 'at_risk', 0.95],
    ['at most, kept in the final year', studentsPerTeacher, 2028, 18, 'achieved', 1],
    ['at least, the 2025 level holds in 2026', employment, 2026, 69, 'at_risk', 0.9857],
    ['at least, 20 % below', employment, 2026, 56, 'off_track', 0.8],
    ['at least, the first level applies before it', employment, 2024, 70, 'on_track', 1],
    // range
    ['range, inside', classSize, 2026, 25, 'on_track', 1],
    ['range, 1 above the top', classSize, 2026, 31, 'at_risk', 0.9],
    ['range, 3 above the top', classSize, 2026, 33, 'off_track', 0.7],
    ['range, inside in the final year', classSize, 2028, 30, 'achieved', 1],
  ])('%s', (_case, passport, year, value, status, ratio) => {
    const result = assess(passport, year, value);
    expect(result.status).toBe(status);
    if (ratio === null) expect(result.ratio).toBeNull();
    else expect(result.ratio).toBeCloseTo(ratio, 3);
  });

  it('has no target when the passport sets none', () => {
    const none: StatusPassport = { ...phdShare, targets: [], finalTarget: undefined };
    expect(assess(none, 2026, 35)).toMatchObject({ status: 'no_target', ratio: null, expected: null });
  });

  it('follows a revised target: the same value is judged against the new trajectory', () => {
    expect(assess(phdShare, 2026, 34).status).toBe('off_track');
    const revised: StatusPassport = { ...phdShare, targets: [{ year: 2026, value: 34 }] };
    expect(assess(revised, 2026, 34).status).toBe('on_track');
    expect(expectedLevel(revised, 2027)?.value).toBeCloseTo(37, 6);
  });

  it('keeps the last target after the plan ends and the baseline before it starts', () => {
    expect(expectedLevel(phdShare, 2031)?.value).toBe(40);
    expect(expectedLevel(phdShare, 2023)?.value).toBe(30);
  });

  it('awaits data, rather than having none, until a reporting deadline of the year has passed', () => {
    expect(assess(phdShare, 2026, undefined, false)).toMatchObject({ status: 'awaiting_data', ratio: null, expected: { value: 36 } });
    expect(assess(phdShare, 2026, undefined, true).status).toBe('no_data');
    // With a value the deadline does not matter here (a stale value is the read model's to judge).
    expect(assess(phdShare, 2026, 36, false).status).toBe('on_track');
    expect(assess({ ...phdShare, targets: [], finalTarget: undefined }, 2026, undefined, false).status).toBe('no_target');
  });

  it('measures progress from the baseline towards the final target', () => {
    expect(assess(phdShare, 2026, 35).progress).toBeCloseTo(0.5, 6);
    expect(assess(qsRank, 2026, 525).progress).toBeCloseTo(0.5, 6);
    expect(assess(classSize, 2026, 25).progress).toBeNull();
  });
});

describe('rolling up to goals, directions and the plan', () => {
  const item = (weight: number, status: IndicatorStatus, ratio: number | null) => ({ weight, status, ratio, thresholds });

  it('weighs the capped ratios of the indicators with a value', () => {
    const result = rollUp([item(3, 'on_track', 1.4), item(1, 'off_track', 0.6), item(2, 'no_data', null)]);
    expect(result.score).toBeCloseTo(0.9, 6);
    expect(result.status).toBe('at_risk');
  });

  it('is achieved only when every indicator is', () => {
    expect(rollUp([item(1, 'achieved', 1.2), item(1, 'achieved', 1)]).status).toBe('achieved');
    expect(rollUp([item(1, 'achieved', 1.2), item(1, 'no_data', null)]).status).toBe('on_track');
  });

  it('has no data when nothing beneath has a value, and no target when nothing has a target', () => {
    expect(rollUp([item(1, 'no_data', null), item(1, 'no_target', null)])).toEqual({ status: 'no_data', score: null, weight: 0 });
    expect(rollUp([item(1, 'no_target', null)]).status).toBe('no_target');
    expect(rollUp([]).status).toBe('no_data');
  });

  it('awaits data while nothing beneath has missed a deadline, and leaves a stale value out of the score', () => {
    expect(rollUp([item(1, 'awaiting_data', null), item(1, 'no_target', null)]).status).toBe('awaiting_data');
    expect(rollUp([item(1, 'awaiting_data', null), item(1, 'no_data', null)]).status).toBe('no_data');
    // A value followed by a missed period is shown with its ratio, but its status is no data.
    expect(rollUp([item(1, 'on_track', 1), item(1, 'no_data', 0.5)])).toEqual({ status: 'on_track', score: 1, weight: 1 });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const rankOf = (status: IndicatorStatus): number => {
  if (status === 'no_data' || status === 'awaiting_data' || status === 'no_target') throw new Error(`a value was given, yet the status is ${status}`);
  return statusRank[status];
};

const value = fc.double({ min: -1000, max: 1000, noNaN: true });
const year = fc.integer({ min: 2020, max: 2035 });
const thresholdPair = fc
  .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => ({ atRisk: Math.max(a, b), offTrack: Math.min(a, b) }));

const movingPassport = fc.record({
  direction: fc.constantFrom('increase' as const, 'decrease' as const),
  baseline: fc.record({ year: fc.integer({ min: 2018, max: 2024 }), value }),
  targets: fc.uniqueArray(fc.record({ year: fc.integer({ min: 2025, max: 2032 }), value }), { selector: (t) => t.year, maxLength: 4 }),
  finalTarget: fc.option(fc.record({ year: fc.integer({ min: 2030, max: 2035 }), value }), { nil: undefined }),
  thresholds: thresholdPair,
});
const levelPassport = fc.record({
  direction: fc.constantFrom('at_least' as const, 'at_most' as const),
  baseline: fc.record({ year: fc.integer({ min: 2018, max: 2024 }), value }),
  targets: fc.uniqueArray(fc.record({ year: fc.integer({ min: 2025, max: 2032 }), value }), { selector: (t) => t.year, maxLength: 4 }),
  finalTarget: fc.option(fc.record({ year: fc.integer({ min: 2030, max: 2035 }), value }), { nil: undefined }),
  thresholds: thresholdPair,
});
/** A range passport whose one target is its final target, so "closer to the range" is well defined. */
const rangePassport = fc
  .record({ low: value, width: fc.double({ min: 0, max: 500, noNaN: true }), year: fc.integer({ min: 2025, max: 2035 }), thresholds: thresholdPair })
  .map(
    ({ low, width, year: y, thresholds: t }): StatusPassport => ({
      direction: 'range',
      baseline: { year: 2024, value: 0 },
      targets: [],
      finalTarget: { year: y, min: low, max: low + width },
      thresholds: t,
    }),
  );

describe('properties of the status', () => {
  it('a better value never gives a worse status (increase, decrease, keep at or above / below)', () => {
    fc.assert(
      fc.property(fc.oneof(movingPassport, levelPassport), year, value, value, (passport, y, a, b) => {
        fc.pre(passport.targets.length > 0 || passport.finalTarget !== undefined);
        const higherBetter = passport.direction === 'increase' || passport.direction === 'at_least';
        const [worse, better] = a <= b === higherBetter ? [a, b] : [b, a];
        expect(rankOf(assess(passport, y, better).status)).toBeGreaterThanOrEqual(rankOf(assess(passport, y, worse).status));
      }),
      { numRuns: 2000 },
    );
  });

  it('a value closer to the range never gives a worse status', () => {
    fc.assert(
      fc.property(rangePassport, year, value, value, (passport, y, a, b) => {
        const { min, max } = passport.finalTarget!;
        const distance = (v: number) => Math.max(0, min! - v, v - max!);
        const [worse, better] = distance(a) >= distance(b) ? [a, b] : [b, a];
        expect(rankOf(assess(passport, y, better).status)).toBeGreaterThanOrEqual(rankOf(assess(passport, y, worse).status));
      }),
      { numRuns: 1000 },
    );
  });

  it('a value of the expected level or better is never off track or at risk', () => {
    fc.assert(
      fc.property(fc.oneof(movingPassport, levelPassport), year, (passport, y) => {
        const level = expectedLevel(passport, y);
        fc.pre(level?.value !== undefined);
        expect(['on_track', 'achieved']).toContain(assess(passport, y, level!.value).status);
      }),
    );
  });

  it('raising one indicator never lowers its goal, and the score stays within its indicators’ scores', () => {
    const ratio = fc.double({ min: -2, max: 3, noNaN: true });
    const items = fc.array(fc.record({ weight: fc.double({ min: 0.1, max: 10, noNaN: true }), ratio }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(items, fc.nat(), fc.double({ min: 0, max: 2, noNaN: true }), thresholdPair, (list, pick, gain, t) => {
        const judged = (r: number) =>
          assess({ direction: 'at_least', baseline: { year: 2024, value: 0 }, targets: [], finalTarget: { year: 2099, value: 1 }, thresholds: t }, 2026, r)
            .status;
        const toItems = (l: typeof list) => l.map((i) => ({ weight: i.weight, ratio: i.ratio, status: judged(i.ratio), thresholds: t }));
        const before = rollUp(toItems(list));
        const raised = list.map((i, index) => (index === pick % list.length ? { ...i, ratio: i.ratio + gain } : i));
        const after = rollUp(toItems(raised));
        expect(rankOf(after.status)).toBeGreaterThanOrEqual(rankOf(before.status));
        const capped = list.map((i) => Math.min(i.ratio, 1));
        expect(before.score!).toBeGreaterThanOrEqual(Math.min(...capped) - 1e-9);
        expect(before.score!).toBeLessThanOrEqual(Math.max(...capped) + 1e-9);
      }),
    );
  });
});
