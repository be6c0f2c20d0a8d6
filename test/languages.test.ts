// Every word a user reads has a Kyrgyz, Russian and English form. The checks walk what exists rather
// than a list kept by hand: every enum of the GraphQL schema, every error code written in the domain's
// source, every role and every entity a NotFoundError can name. A module added later is covered the
// day it lands, and this file fails until its labels and sentences are there.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { roleLabels, roleSchema } from '../src/domain/decider.ts';
import { languageSchema, type Language } from '../src/domain/values.ts';
import { accessSentences } from '../src/i18n/access.ts';
import type { Catalogue } from '../src/i18n/catalogue.ts';
import { entityNames, generalSentences } from '../src/i18n/general.ts';
import { ruleCatalogues, ruleSentences } from '../src/i18n/rules/index.ts';
import { issueSentences } from '../src/i18n/validation.ts';
import { schema } from '../schema/index.ts';
import { labelsOfEnum } from '../schema/zod-types.ts';

const languages = languageSchema.options;
const root = new URL('..', import.meta.url).pathname;

const sourcesIn = (dir: string): { file: string; text: string }[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ file: `${dir}/${file}`, text: readFileSync(join(root, dir, file), 'utf8') }));

/**
 * Error codes written in source: by convention every upper-case snake-case string literal in
 * src/domain is one (`rule('CODE', …)`, a table of codes, a ForbiddenError's code).
 */
function errorCodesIn(text: string): string[] {
  return [...text.matchAll(/['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"`]/g)].map((m) => m[1]!);
}

/** What a sentence set lacks: "<key> (<language>)" for each language without a non-empty sentence. */
function gaps(entries: Record<string, Partial<Record<Language, string>> | undefined>, keys: string[]): string[] {
  return keys.flatMap((key) => languages.filter((language) => !entries[key]?.[language]?.trim()).map((language) => `${key} (${language})`));
}

const cyrillic = /[А-Яа-яЁёӨөҮүҢң]/;

describe('labels', () => {
  it('every value of every enum in the schema has a label in Kyrgyz, Russian and English', () => {
    const missing: string[] = [];
    const enums = Object.values(schema.getTypeMap()).filter((type) => isEnumType(type) && !type.name.startsWith('__'));
    expect(enums.length).toBeGreaterThan(50);
    for (const type of enums) {
      if (!isEnumType(type)) continue;
      const labels = labelsOfEnum(type.name);
      if (!labels) {
        missing.push(`${type.name}: no labels (make it with enumFor from a zod enum with .meta({ labels }))`);
        continue;
      }
      missing.push(
        ...gaps(
          labels,
          type.getValues().map((v) => String(v.value)),
        ).map((gap) => `${type.name}.${gap}`),
      );
    }
    expect(missing).toEqual([]);
  });

  it('Kyrgyz and Russian labels are written in Cyrillic', () => {
    const latin: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isEnumType(type)) continue;
      for (const [value, label] of Object.entries(labelsOfEnum(type.name) ?? {})) {
        for (const language of ['ky', 'ru'] as const)
          if (!cyrillic.test(label[language])) latin.push(`${type.name}.${value} (${language}): ${label[language]}`);
      }
    }
    expect(latin).toEqual([]);
  });

  it('every role has a label in each language, and the Role enum is in the schema', () => {
    expect(gaps(roleLabels, [...roleSchema.options])).toEqual([]);
    expect(labelsOfEnum('Role')).toBe(roleLabels);
  });
});

describe('error messages', () => {
  // Rules live in src/domain; the few that read across streams are thrown where the read happens (schema/).
  const schemaRuleCodes = sourcesIn('schema').flatMap(({ text }) => [...text.matchAll(/DomainRuleError\(\s*'([A-Z0-9_]+)'/g)].map((m) => m[1]!));
  const domainCodes = [
    ...new Set(
      sourcesIn('src/domain')
        .flatMap(({ text }) => errorCodesIn(text))
        .concat(schemaRuleCodes),
    ),
  ].sort();

  it('finds the codes in source: rule calls, tables of codes and scope refusals', () => {
    expect(errorCodesIn("throw rule('SOME_NEW_RULE', 'x'); const t = { a: ['OTHER_RULE', 'y'] }; rule(\n 'THIRD_ONE',")).toEqual([
      'SOME_NEW_RULE',
      'OTHER_RULE',
      'THIRD_ONE',
    ]);
    expect(domainCodes.length).toBeGreaterThan(150);
    expect(domainCodes).toEqual(
      expect.arrayContaining(['EXPERT_CONCLUSION_REQUIRED', 'DECISION_REQUIRED', 'NOT_OWN_ENTRY', 'NOT_OWN_UNIT', 'DESIGNATION_PERIOD_OVERLAPS']),
    );
  });

  it('every code in src/domain and every rule thrown in schema/ has a sentence in Kyrgyz, Russian and English (src/i18n/rules or src/i18n/access.ts)', () => {
    expect(gaps({ ...ruleSentences, ...accessSentences }, domainCodes)).toEqual([]);
  });

  it('notices a code without a sentence', () => {
    expect(gaps(ruleSentences, ['NO_SUCH_RULE_ANYWHERE'])).toEqual(['NO_SUCH_RULE_ANYWHERE (ky)', 'NO_SUCH_RULE_ANYWHERE (ru)', 'NO_SUCH_RULE_ANYWHERE (en)']);
  });

  it('the rule catalogues hold no code the source no longer throws, and none twice', () => {
    expect(Object.keys(ruleSentences).filter((code) => !domainCodes.includes(code))).toEqual([]);
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [module, catalogue] of Object.entries(ruleCatalogues)) {
      for (const code of Object.keys(catalogue)) {
        if (seen.has(code)) twice.push(`${code} in ${seen.get(code)} and ${module}`);
        seen.set(code, module);
      }
    }
    expect(twice).toEqual([]);
  });

  it('the refusals of access, the hub’s own errors and the validation sentences are complete', () => {
    const all: Catalogue = { ...accessSentences, ...generalSentences };
    expect(gaps(all, Object.keys(all))).toEqual([]);
    expect(gaps(issueSentences, Object.keys(issueSentences))).toEqual([]);
    expect(gaps(accessSentences, ['SIGN_IN_REQUIRED', 'ROLE_REQUIRED', 'FORBIDDEN'])).toEqual([]);
  });

  it('every entity a NotFoundError or a command names has a name in each language', () => {
    const named = sourcesIn('src')
      .concat(sourcesIn('schema'))
      .flatMap(({ text }) => [...text.matchAll(/(?:entity: |NotFoundError\()'([^']+)'/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(15);
    expect(gaps(entityNames, [...new Set(named)])).toEqual([]);
  });

  it('Kyrgyz and Russian sentences are written in Cyrillic, and the Kyrgyz ones are not the Russian', () => {
    const wrong: string[] = [];
    const all: Catalogue = { ...ruleSentences, ...accessSentences, ...generalSentences, ...issueSentences };
    for (const [code, sentence] of Object.entries(all)) {
      if (!cyrillic.test(sentence.ky) || !cyrillic.test(sentence.ru)) wrong.push(`${code}: not Cyrillic`);
      if (sentence.ky === sentence.ru) wrong.push(`${code}: the same in Kyrgyz and Russian`);
    }
    expect(wrong).toEqual([]);
  });
});
