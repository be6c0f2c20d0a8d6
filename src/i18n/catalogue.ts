// What the hub says to a person when it refuses something, in the university's three languages,
// keyed by the error's stable code. The English of a rule's own message stays the reference (it
// carries the facts of the case: dates, ids, names); a catalogue sentence says the same rule in
// general terms, so a Kyrgyz or Russian reader learns what is wrong and what to do next.
import type { Language } from '../domain/values.ts';

/** One sentence in Kyrgyz, Russian and English; `{name}` marks a value the error carries. */
export type Sentence = Record<Language, string>;

/** Sentences by error code. */
export type Catalogue = Record<string, Sentence>;

/** Replaces each `{name}` with the named value; a name without a value stays as written. */
export function fill(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
