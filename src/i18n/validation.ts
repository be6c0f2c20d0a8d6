// A broken field rule said in the caller's language. Zod reports what kind of rule broke and its
// bounds (src/commands/registry.ts keeps them as an IssueRule); the sentence is chosen by that kind,
// so every command's input is covered without a sentence per field. English keeps the schema's own
// message, which is more specific; so does a custom rule (a refinement), whose Kyrgyz and Russian say
// generally that the value breaks the field's rule.
import type { FieldIssue, IssueRule } from '../domain/errors.ts';
import type { Language } from '../domain/values.ts';
import { fill, type Catalogue } from './catalogue.ts';

export const issueSentences: Catalogue = {
  required: { ky: 'толтурулушу керек', ru: 'обязательное поле', en: 'is required' },
  invalid_type: { ky: 'маанинин түрү туура эмес (күтүлгөнү: {expected})', ru: 'неверный тип значения (ожидается: {expected})', en: 'expected {expected}' },
  empty: { ky: 'бош болбошу керек', ru: 'не должно быть пустым', en: 'must not be empty' },
  too_short: {
    ky: 'өтө кыска (эң аз узундугу — {minimum} белги)',
    ru: 'слишком короткое значение (минимальная длина — {minimum})',
    en: 'must be at least {minimum} characters',
  },
  too_long: {
    ky: 'өтө узун (эң көп узундугу — {maximum} белги)',
    ru: 'слишком длинное значение (максимальная длина — {maximum})',
    en: 'must be at most {maximum} characters',
  },
  too_few: { ky: 'элементтер өтө аз (эң азы — {minimum})', ru: 'слишком мало элементов (минимум — {minimum})', en: 'must have at least {minimum} items' },
  too_many: { ky: 'элементтер өтө көп (эң көбү — {maximum})', ru: 'слишком много элементов (максимум — {maximum})', en: 'must have at most {maximum} items' },
  at_least: { ky: '{minimum} же андан көп болушу керек', ru: 'должно быть не меньше {minimum}', en: 'must be at least {minimum}' },
  above: { ky: '{minimum} санынан чоң болушу керек', ru: 'должно быть больше {minimum}', en: 'must be greater than {minimum}' },
  at_most: { ky: '{maximum} санынан ашпашы керек', ru: 'должно быть не больше {maximum}', en: 'must be at most {maximum}' },
  below: { ky: '{maximum} санынан кичине болушу керек', ru: 'должно быть меньше {maximum}', en: 'must be less than {maximum}' },
  date: {
    ky: 'ЖЖЖЖ-АА-КК түрүндө жазылган чыныгы календардык күн болушу керек',
    ru: 'должно быть существующей календарной датой в виде ГГГГ-ММ-ДД',
    en: 'must be a real calendar date written YYYY-MM-DD',
  },
  datetime: {
    ky: 'ISO 8601 форматындагы күн жана убакыт болушу керек',
    ru: 'должно быть датой и временем в формате ISO 8601',
    en: 'must be an ISO 8601 date and time',
  },
  id: { ky: 'хаб берген идентификатор болушу керек', ru: 'должно быть идентификатором, выданным хабом', en: 'must be an id the hub issued' },
  email: { ky: 'туура электрондук почта дареги болушу керек', ru: 'должно быть корректным адресом электронной почты', en: 'must be an email address' },
  url: { ky: 'туура URL дареги болушу керек', ru: 'должно быть корректным URL-адресом', en: 'must be a URL' },
  format: { ky: 'форматы туура эмес', ru: 'неверный формат', en: 'is not in the expected format' },
  one_of: {
    ky: 'уруксат берилген маанилердин бири болушу керек: {values}',
    ru: 'должно быть одним из допустимых значений: {values}',
    en: 'must be one of: {values}',
  },
  multiple_of: { ky: '{divisor} санына эселүү болушу керек', ru: 'должно быть кратно {divisor}', en: 'must be a multiple of {divisor}' },
  unknown_keys: { ky: 'белгисиз талаалар: {keys}', ru: 'неизвестные поля: {keys}', en: 'unknown fields: {keys}' },
  rule: {
    ky: 'маани бул талаанын эрежесине ылайык келбейт',
    ru: 'значение не соответствует правилу этого поля',
    en: 'the value breaks the rule of this field',
  },
  input: { ky: 'киргизүү', ru: 'ввод', en: 'input' },
};

/** The sentence key and its values for one kind of rule. */
function sentenceOf(rule: IssueRule): [key: string, params: Record<string, string>] {
  const bounds = { minimum: String(rule.minimum ?? ''), maximum: String(rule.maximum ?? '') };
  switch (rule.kind) {
    case 'required':
      return ['required', {}];
    case 'invalid_type':
      return ['invalid_type', { expected: rule.expected ?? '' }];
    case 'too_small':
      if (rule.origin === 'string') return [rule.minimum === 1 ? 'empty' : 'too_short', bounds];
      if (rule.origin === 'array' || rule.origin === 'set') return ['too_few', bounds];
      return [rule.inclusive === false ? 'above' : 'at_least', bounds];
    case 'too_big':
      if (rule.origin === 'string') return ['too_long', bounds];
      if (rule.origin === 'array' || rule.origin === 'set') return ['too_many', bounds];
      return [rule.inclusive === false ? 'below' : 'at_most', bounds];
    case 'invalid_format':
      if (rule.format === 'date') return ['date', {}];
      if (rule.format === 'datetime') return ['datetime', {}];
      if (rule.format === 'uuid' || rule.format === 'guid') return ['id', {}];
      if (rule.format === 'email' || rule.format === 'url') return [rule.format, {}];
      return ['format', {}];
    case 'invalid_value':
      return ['one_of', { values: (rule.values ?? []).join(', ') }];
    case 'not_multiple_of':
      return ['multiple_of', { divisor: String(rule.divisor ?? '') }];
    case 'unrecognized_keys':
      return ['unknown_keys', { keys: (rule.keys ?? []).join(', ') }];
    default:
      return ['rule', {}];
  }
}

/** The rule one field broke, in `language`; English is the schema's own message. */
export function issueMessage(issue: FieldIssue, language: Language): string {
  if (language === 'en') return issue.message;
  const [key, params] = issue.rule ? sentenceOf(issue.rule) : ['rule', {}];
  return fill(issueSentences[key]![language], params);
}

/** The field's path and its rule, as ValidationError's message lists them. */
export function issueLine(issue: FieldIssue, language: Language): string {
  return `${issue.path.join('.') || issueSentences.input![language]}: ${issueMessage(issue, language)}`;
}
