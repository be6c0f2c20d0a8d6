// How far a strategy indicator is from where the plan expects it to be in a year, and how the
// indicators beneath a goal, a direction or the whole plan add up. Pure: the indicators decider uses
// it to tell an off-track measurement, the read model to show statuses; no clock, no I/O.
//
// The achievement ratio follows research/domain.md §6: for "increase" and "decrease" it is the
// progress made since the baseline over the progress the trajectory expects by that year
// (expected(t) runs straight between baseline, yearly targets and the final target), which reads
// the same for higher- and lower-is-better indicators (rank positions are lower-is-better). For the
// "keep at or above / at or below / within a range" directions it is 1 when the level is kept,
// and falls by the shortfall relative to the level.
import { z } from 'zod';
import type { Labels } from './values.ts';

const directions = ['increase', 'decrease', 'at_least', 'at_most', 'range'] as const;
const statuses = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data', 'awaiting_data', 'no_target'] as const;

export const indicatorDirectionLabels: Labels<(typeof directions)[number]> = {
  increase: { ky: 'Жогорулатуу', ru: 'Увеличение', en: 'Increase' },
  decrease: { ky: 'Төмөндөтүү', ru: 'Снижение', en: 'Decrease' },
  at_least: { ky: 'Деңгээлден төмөн эмес кармоо', ru: 'Поддерживать не ниже', en: 'Keep at or above' },
  at_most: { ky: 'Деңгээлден жогору эмес кармоо', ru: 'Поддерживать не выше', en: 'Keep at or below' },
  range: { ky: 'Аралыктын ичинде кармоо', ru: 'Поддерживать в диапазоне', en: 'Keep within a range' },
};

export const indicatorStatusLabels: Labels<(typeof statuses)[number]> = {
  achieved: { ky: 'Аткарылды', ru: 'Достигнут', en: 'Achieved' },
  on_track: { ky: 'Пландагыдай', ru: 'По плану', en: 'On track' },
  at_risk: { ky: 'Тобокелде', ru: 'Под угрозой', en: 'At risk' },
  off_track: { ky: 'Пландан артта', ru: 'Отстаёт от плана', en: 'Off track' },
  no_data: { ky: 'Маалымат жок', ru: 'Нет данных', en: 'No data' },
  awaiting_data: { ky: 'Маалымат күтүлүүдө', ru: 'Ожидаются данные', en: 'Awaiting data' },
  no_target: { ky: 'Максат коюлган эмес', ru: 'Цель не задана', en: 'No target' },
};

export const indicatorDirection = z.enum(directions).meta({
  id: 'IndicatorDirection',
  description: 'Which values are better: higher, lower (rank positions), at or above a level, at or below a level, or within a range.',
  labels: indicatorDirectionLabels,
});
export type IndicatorDirection = z.infer<typeof indicatorDirection>;

export const indicatorStatus = z.enum(statuses).meta({
  id: 'IndicatorStatus',
  description:
    'Where an indicator (or a goal, direction or plan, rolled up) stands against its expected trajectory in a year. NO_DATA: a reporting deadline passed without a verified value; AWAITING_DATA: no value yet, and no deadline of the year has passed.',
  labels: indicatorStatusLabels,
});
export type IndicatorStatus = z.infer<typeof indicatorStatus>;

/** A target: one value, or for a range the bounds. Which is required depends on the direction. */
export type TargetLevel = { value?: number | undefined; min?: number | undefined; max?: number | undefined };
export type YearTarget = TargetLevel & { year: number };

/** What the computation needs of an indicator's passport. */
export type StatusPassport = {
  direction: IndicatorDirection;
  baseline: { year: number; value: number };
  /** Declared targets per plan year. */
  targets: YearTarget[];
  finalTarget?: YearTarget | undefined;
  /** Below `atRisk` the indicator is at risk, below `offTrack` off track (0 ≤ offTrack < atRisk ≤ 1). */
  thresholds: { atRisk: number; offTrack: number };
};

export type Assessment = {
  status: IndicatorStatus;
  /** Achievement ratio against the expected trajectory; null without a value or a target. */
  ratio: number | null;
  /** What the trajectory expects in the year (the level to keep, for the keep directions). */
  expected: TargetLevel | null;
  /** Share of the way from the baseline to the final target (increase/decrease only). */
  progress: number | null;
};

const better = (direction: 'increase' | 'decrease') => (direction === 'increase' ? 1 : -1);

/** Targets in year order: the declared ones, then the final target if no declared one has its year. */
function targetPoints(passport: StatusPassport): YearTarget[] {
  const points = [...passport.targets];
  const final = passport.finalTarget;
  if (final && !points.some((t) => t.year === final.year)) points.push(final);
  return points.sort((a, b) => a.year - b.year);
}

/** The level the plan expects in `year`, or undefined when it sets no target that applies. */
export function expectedLevel(passport: StatusPassport, year: number): TargetLevel | undefined {
  const points = targetPoints(passport);
  if (points.length === 0) return undefined;
  const declared = points.find((t) => t.year === year);
  if (declared) return declared;
  if (passport.direction === 'increase' || passport.direction === 'decrease') {
    // Straight lines through the baseline and each target; after the last target it stays.
    let previous = { year: passport.baseline.year, value: passport.baseline.value };
    for (const point of points) {
      if (point.value === undefined) continue;
      if (year < point.year) {
        if (year <= previous.year) return { value: previous.value };
        const share = (year - previous.year) / (point.year - previous.year);
        return { value: previous.value + (point.value - previous.value) * share };
      }
      previous = { year: point.year, value: point.value };
    }
    return { value: previous.value };
  }
  // A level to keep holds from the year it is set; before the first one, the first one applies.
  const before = points.filter((t) => t.year < year).at(-1);
  return before ?? points[0];
}

/** How far `value` falls short of keeping `level`, in the level's own units (0 when kept). */
function shortfall(direction: IndicatorDirection, level: TargetLevel, value: number): number {
  if (direction === 'at_least' || direction === 'increase') return Math.max(0, (level.value ?? 0) - value);
  if (direction === 'at_most' || direction === 'decrease') return Math.max(0, value - (level.value ?? 0));
  return Math.max(0, (level.min ?? 0) - value, value - (level.max ?? 0));
}

/** The scale a shortfall is measured against: the level itself, or the width of a range. */
function scaleOf(direction: IndicatorDirection, level: TargetLevel): number {
  const span = direction === 'range' ? Math.abs((level.max ?? 0) - (level.min ?? 0)) || Math.abs(level.max ?? 0) : Math.abs(level.value ?? 0);
  return span > 0 ? span : 1;
}

function ratioOf(passport: StatusPassport, expected: TargetLevel, value: number): number {
  const { direction, baseline } = passport;
  if (direction === 'increase' || direction === 'decrease') {
    const sign = better(direction);
    const planned = sign * ((expected.value ?? 0) - baseline.value);
    if (planned > 0) return (sign * (value - baseline.value)) / planned;
  }
  // No progress expected yet, or a level to keep: the shortfall against the level counts.
  return 1 - shortfall(direction, expected, value) / scaleOf(direction, expected);
}

function progressOf(passport: StatusPassport, value: number): number | null {
  const { direction, baseline, finalTarget } = passport;
  if ((direction !== 'increase' && direction !== 'decrease') || finalTarget?.value === undefined) return null;
  const planned = finalTarget.value - baseline.value;
  return planned === 0 ? null : (value - baseline.value) / planned;
}

const statusOfRatio = (ratio: number, thresholds: StatusPassport['thresholds']): IndicatorStatus =>
  ratio < thresholds.offTrack ? 'off_track' : ratio < thresholds.atRisk ? 'at_risk' : 'on_track';

/** Whether `value` meets the final target: at any time when moving towards it, in its year or later when keeping a level. */
function achievesFinal(passport: StatusPassport, year: number, value: number): boolean {
  const final = passport.finalTarget;
  if (!final) return false;
  const keeps = passport.direction !== 'increase' && passport.direction !== 'decrease';
  if (keeps && year < final.year) return false;
  return shortfall(passport.direction, final, value) === 0;
}

/**
 * The indicator's status in `year` given its latest verified value of that year (undefined: none).
 * Without a value it is "no data" once a reporting deadline of the year has passed (`overdue`, which
 * the clock decides: src/domain/indicator-periods.ts), and "awaiting data" before.
 */
export function assess(passport: StatusPassport, year: number, value: number | undefined, overdue = true): Assessment {
  const expected = expectedLevel(passport, year);
  if (!expected) return { status: 'no_target', ratio: null, expected: null, progress: value === undefined ? null : progressOf(passport, value) };
  if (value === undefined) return { status: overdue ? 'no_data' : 'awaiting_data', ratio: null, expected, progress: null };
  const ratio = ratioOf(passport, expected, value);
  const status = achievesFinal(passport, year, value) ? 'achieved' : statusOfRatio(ratio, passport.thresholds);
  return { status, ratio, expected, progress: progressOf(passport, value) };
}

/** Statuses from worst to best, for comparisons ("a better value never gives a worse status"). */
export const statusRank: Record<'off_track' | 'at_risk' | 'on_track' | 'achieved', number> = { off_track: 0, at_risk: 1, on_track: 2, achieved: 3 };

export type RollUpItem = { weight: number; status: IndicatorStatus; ratio: number | null; thresholds: StatusPassport['thresholds'] };
export type RollUp = { status: IndicatorStatus; score: number | null; weight: number };

/**
 * Goals, directions and the plan: the weighted mean of the achievement ratios (each capped at 1,
 * so one indicator far ahead cannot hide another behind) of the indicators beneath with a value,
 * judged against the weighted mean of their own thresholds.
 */
export function rollUp(items: readonly RollUpItem[]): RollUp {
  // A value gone stale (a later period missed) is shown, but counts as missing.
  const scored = items.filter((i) => (i.ratio !== null && i.status !== 'no_data') || i.status === 'achieved');
  const weight = scored.reduce((sum, i) => sum + i.weight, 0);
  if (scored.length === 0 || weight <= 0) {
    const is =
      (...statuses: IndicatorStatus[]) =>
      (i: RollUpItem) =>
        statuses.includes(i.status);
    const status: IndicatorStatus =
      items.length === 0 || items.some(is('no_data'))
        ? 'no_data'
        : items.every(is('no_target'))
          ? 'no_target'
          : items.every(is('awaiting_data', 'no_target'))
            ? 'awaiting_data'
            : 'no_data';
    return { status, score: null, weight: 0 };
  }
  const mean = (pick: (i: RollUpItem) => number) => scored.reduce((sum, i) => sum + i.weight * pick(i), 0) / weight;
  const score = mean((i) => (i.status === 'achieved' ? 1 : Math.min(i.ratio ?? 0, 1)));
  if (items.every((i) => i.status === 'achieved')) return { status: 'achieved', score, weight };
  const thresholds = { atRisk: mean((i) => i.thresholds.atRisk), offTrack: mean((i) => i.thresholds.offTrack) };
  return { status: statusOfRatio(score, thresholds), score, weight };
}
