// Whole-day dates of the regulation are days in Kyrgyzstan, which keeps UTC+6 all year: a licence
// valid until 31 March is valid until midnight in Osh, not in Greenwich.
import type { IsoDate } from './values.ts';

/** The moment (ISO 8601, UTC) a whole day begins in Kyrgyzstan. */
export const startOfKyrgyzDay = (date: IsoDate): string => new Date(`${date}T00:00:00+06:00`).toISOString();

/** The calendar day after `date`. */
export const dayAfter = (date: IsoDate): IsoDate => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The moment a whole day is over in Kyrgyzstan: the start of the next one. */
export const endOfKyrgyzDay = (date: IsoDate): string => startOfKyrgyzDay(dayAfter(date));
