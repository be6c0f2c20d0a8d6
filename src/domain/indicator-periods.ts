// The reporting calendar of a strategy indicator: the periods of a year at its frequency, the day
// each period ends, and the day by which its value is due verified (the period's end plus the
// indicator's reporting days). Pure; the clock rule (indicator-clock.ts) and the decider use it.
import { dayAfter } from './kyrgyz-time.ts';
import type { IsoDate } from './values.ts';

/** Days after a period ends by which its value is due verified, when the passport names none. */
export const DEFAULT_REPORTING_DAYS = 90;

export type Frequency = 'annual' | 'semester' | 'quarterly';

/** The periods of `year` at a frequency, in order: 2026; 2026-S1, 2026-S2; 2026-Q1 … 2026-Q4. */
export function periodsOf(frequency: Frequency, year: number): string[] {
  if (frequency === 'annual') return [String(year)];
  if (frequency === 'semester') return [`${year}-S1`, `${year}-S2`];
  return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
}

const lastMonth: Record<string, number> = { S1: 6, S2: 12, Q1: 3, Q2: 6, Q3: 9, Q4: 12 };

/** The last day of a period (2026-Q3 → 2026-09-30). */
export function periodEnd(period: string): IsoDate {
  const year = Number(period.slice(0, 4));
  const month = lastMonth[period.slice(5)] ?? 12;
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** `days` calendar days after `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  let d = date;
  for (let i = 0; i < days; i++) d = dayAfter(d);
  return d;
}

/** The last day on which a period's value may still be verified in time. */
export const periodDueOn = (period: string, reportingDays: number): IsoDate => addDays(periodEnd(period), reportingDays);
