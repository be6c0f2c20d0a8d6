// Value schemas shared by every module. Each carries a `meta({ id })` where the GraphQL layer
// should map it to a named scalar or type, so the zod schema stays the one description of a value.
import { z } from 'zod';

/** A calendar date (YYYY-MM-DD) that exists: 2025-02-29 and 2025-04-31 are refused. */
export const isoDate = z.iso.date({ error: 'must be a real calendar date written YYYY-MM-DD' }).meta({ id: 'Date' });
export type IsoDate = z.infer<typeof isoDate>;

/** Text a person typed: trimmed, not blank, bounded so a request cannot carry a novel. */
export const text = (max = 500) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** A name in the three languages the university works in. */
export const multilingualName = z
  .object({
    ky: text(300).describe('In Kyrgyz.'),
    ru: text(300).describe('In Russian.'),
    en: text(300).describe('In English.'),
  })
  .meta({ id: 'MultilingualName', description: 'A name in Kyrgyz, Russian and English.' });
export type MultilingualName = z.infer<typeof multilingualName>;

export const languageSchema = z.enum(['ky', 'ru', 'en']).meta({
  id: 'Language',
  description: 'A language of the university: Kyrgyz, Russian or English.',
  labels: {
    ky: { ky: 'Кыргызча', ru: 'Кыргызский', en: 'Kyrgyz' },
    ru: { ky: 'Орусча', ru: 'Русский', en: 'Russian' },
    en: { ky: 'Англисче', ru: 'Английский', en: 'English' },
  },
});
export type Language = z.infer<typeof languageSchema>;

/** Labels for an enum's values in the three languages, kept next to the enum they describe. */
export type Labels<Value extends string> = Record<Value, Record<Language, string>>;

/** An id the hub issued (a UUID). */
export const entityId = (entity: string) => z.uuid({ error: `must be the id of an existing ${entity}` });

/** Whether date `a` is strictly before date `b` (ISO dates compare as strings). */
export const isBefore = (a: IsoDate, b: IsoDate): boolean => a < b;
