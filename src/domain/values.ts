// Value schemas shared by every module. Each carries a `meta({ id })` where the GraphQL layer
// should map it to a named scalar or type, so the zod schema stays the one description of a value.
import { z } from 'zod';

/** A calendar date (YYYY-MM-DD) that exists: 2025-02-29 and 2025-04-31 are refused. */
export const isoDate = z.iso.date({ error: 'must be a real calendar date written YYYY-MM-DD' }).meta({ id: 'Date' });
export type IsoDate = z.infer<typeof isoDate>;

/** Kyrgyzstan keeps UTC+6 all year. */
const KYRGYZSTAN_OFFSET_MS = 6 * 60 * 60 * 1000;

/** The calendar day in Kyrgyzstan at the moment `now` (ISO 8601): what deadlines and "today" mean. */
export const localDateOf = (now: string): IsoDate => new Date(Date.parse(now) + KYRGYZSTAN_OFFSET_MS).toISOString().slice(0, 10);

// Characters that make stored text lie about itself. Control characters (other than tab and line
// breaks, which prose needs) are invisible and break exports and terminals; bidi embeddings,
// overrides and isolates reorder what a reader sees (a name shown as "Иванов" stored as "вонавИ").
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const bidiControl = /[\u202A-\u202E\u2066-\u2069]/;
const onlyInvisible = /^[\s\p{Default_Ignorable_Code_Point}]*$/u;
const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Text a person typed: well-formed Unicode without control or bidi characters, stored in NFC so
 * that "é" typed two ways is one value (equal names compare equal), trimmed, not blank or invisible,
 * and bounded so a request cannot carry a novel. Every module's text fields use this one schema.
 */
export const text = (max = 500) =>
  z
    .string()
    .refine((s) => !loneSurrogate.test(s), 'must be valid Unicode text (it contains a lone surrogate)')
    .superRefine((s, ctx) => {
      const control = controlCharacter.exec(s)?.[0];
      if (control) ctx.addIssue({ code: 'custom', message: `must not contain control characters (found ${codePoint(control)})` });
      const bidi = bidiControl.exec(s)?.[0];
      if (bidi) ctx.addIssue({ code: 'custom', message: `must not contain bidirectional override or isolate characters (found ${codePoint(bidi)})` });
    })
    .normalize('NFC')
    .trim()
    .min(1, 'must not be empty')
    .refine((s) => s === '' || !onlyInvisible.test(s), 'must contain a visible character, not only spaces or zero-width characters')
    .max(max, `must be at most ${max} characters`);

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
