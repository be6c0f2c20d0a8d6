// An error's message in the language asked for. English is what the code wrote (the reference, with
// the facts of the case); Kyrgyz and Russian come from the catalogues by the error's code. A code
// missing from a catalogue falls back to the English, which test/languages.test.ts prevents.
import { roleLabels, type Role } from '../domain/decider.ts';
import type { DomainRuleError, ForbiddenError, NotFoundError, ReadModelLagError, ReadModelStoppedError, ValidationError } from '../domain/errors.ts';
import type { Language } from '../domain/values.ts';
import { accessSentences } from './access.ts';
import { fill, type Catalogue } from './catalogue.ts';
import { entityNames, generalSentences } from './general.ts';
import { ruleSentences } from './rules/index.ts';
import { issueLine } from './validation.ts';

/** Every sentence keyed by code: rules, access refusals and the hub's own errors. */
export const errorSentences: Catalogue = { ...ruleSentences, ...accessSentences, ...generalSentences };

/** The sentence for `code` in `language`, filled with `params`; undefined when no catalogue has it. */
export function sentence(code: string, language: Language, params: Record<string, string> = {}): string | undefined {
  const template = errorSentences[code]?.[language];
  return template === undefined ? undefined : fill(template, params);
}

const noRole: Record<Language, string> = { ky: 'ролу жок', ru: 'нет ролей', en: 'no role' };

/** Roles as a person reads them, joined; "no role" when there are none. */
export function roleNames(roles: readonly string[], language: Language): string {
  if (roles.length === 0) return noRole[language];
  return roles.map((role) => roleLabels[role as Role]?.[language] ?? role).join(', ');
}

// By name, not instanceof: a typed error reaches its fields wrapped in @pothos/plugin-errors' proxy,
// whose prototype is not the error class's.
function localised(error: Error, language: Language): string | undefined {
  switch (error.name) {
    case 'DomainRuleError': {
      const rule = error as DomainRuleError;
      return sentence(rule.code, language, rule.params);
    }
    case 'ValidationError':
      return (error as ValidationError).issues.map((issue) => issueLine(issue, language)).join('; ');
    case 'ForbiddenError': {
      const { code, roles } = error as ForbiddenError;
      return sentence(code, language, roles ? { allowed: roleNames(roles.allowed, language), held: roleNames(roles.held, language) } : {});
    }
    case 'NotFoundError': {
      const { entity, id } = error as NotFoundError;
      return sentence('NOT_FOUND', language, { entity: entityNames[entity]?.[language] ?? entity, id });
    }
    case 'ConcurrencyError':
      return sentence('CONFLICT', language);
    case 'UnavailableError':
      return sentence('UNAVAILABLE', language);
    case 'ReadModelLagError':
      return sentence('READ_MODEL_LAG', language, { position: (error as ReadModelLagError).position });
    case 'ReadModelStoppedError': {
      const { position, readModels } = error as ReadModelStoppedError;
      return sentence('READ_MODEL_STOPPED', language, { position, readModels: readModels.join(', ') });
    }
    default:
      return undefined;
  }
}

/** What the caller reads: the English message as written, or the catalogue's sentence in Kyrgyz or Russian. */
export function messageIn(error: Error, language: Language): string {
  if (language === 'en') return error.message;
  return localised(error, language) ?? error.message;
}
