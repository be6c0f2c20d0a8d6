// Every module's rule sentences in one catalogue. A module that adds `rule('CODE', …)` adds CODE to
// its file here (or a new file, spread below); test/languages.test.ts fails until it does.
import type { Catalogue } from '../catalogue.ts';
import { accreditationRules } from './accreditation.ts';
import { commonRules } from './common.ts';
import { documentRules } from './documents.ts';
import { licensingRules } from './licensing.ts';
import { organisationRules } from './organisation.ts';
import { rankingRules } from './rankings.ts';
import { ratingRules } from './ratings.ts';
import { secretariatRules } from './secretariat.ts';
import { strategyRules } from './strategy.ts';
import { surveyRules } from './surveys.ts';

/** The module catalogues, kept apart so the test can tell a code defined twice. */
export const ruleCatalogues: Record<string, Catalogue> = {
  common: commonRules,
  accreditation: accreditationRules,
  documents: documentRules,
  licensing: licensingRules,
  ratings: ratingRules,
  strategy: strategyRules,
  rankings: rankingRules,
  secretariat: secretariatRules,
  organisation: organisationRules,
  surveys: surveyRules,
};

export const ruleSentences: Catalogue = Object.assign({}, ...Object.values(ruleCatalogues));
