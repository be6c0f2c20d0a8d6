// The same refusals in Kyrgyz, Russian and English, through GraphQL as a frontend meets them: the
// language from Accept-Language or the `language` argument, Kyrgyz when neither says, the code the
// same in every language and the English always at hand for logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleSentences } from '../src/i18n/rules/index.ts';
import { teacher, tokenFor } from './support/fixtures.ts';
import { applicationInput } from './support/licensing.ts';
import { APPLY } from './support/licensing-operations.ts';
import { openDirectorHub, type DirectorHub } from './support/director-hub.ts';

let gql: DirectorHub['gql'];
let token: string;
let close: DirectorHub['close'];

beforeAll(async () => ({ gql, token, close } = await openDirectorHub()));
afterAll(() => close());

const GRANT = `mutation($input: GrantLicenseInput!) { grantLicense(input: $input) {
  __typename ... on Error { message messageEn } ... on DomainRuleError { code } ... on ForbiddenError { code }
  ... on ValidationError { issues { path message messageEn } } } }`;

const grant = (licenseId: string, headers: Record<string, string>, as = token, overrides: Record<string, unknown> = {}) =>
  gql(
    GRANT,
    { input: { licenseId, licenseNumber: 'LS900001', appendixNumber: '1', grantedOn: '2026-03-01', indefinite: true, ...overrides } },
    { token: as, headers },
  );

async function application(): Promise<string> {
  const res = await gql(APPLY, { input: applicationInput() }, { token });
  return res.data!.applyForLicense.license.id;
}

describe('a rule that refuses a command', () => {
  it('is said in Kyrgyz, Russian and English by Accept-Language, with the same code and the English kept', async () => {
    const id = await application();
    const answers = Object.fromEntries(
      await Promise.all(
        (['ky', 'ru', 'en'] as const).map(async (language) => [language, (await grant(id, { 'accept-language': language })).data!.grantLicense]),
      ),
    );
    const english = 'a licence cannot be granted before a positive expert conclusion';
    for (const answer of Object.values(answers))
      expect(answer).toMatchObject({ __typename: 'DomainRuleError', code: 'EXPERT_CONCLUSION_REQUIRED', messageEn: english });
    expect(answers.ky.message).toBe('Оң эксперттик корутундусуз лицензия берилбейт.');
    expect(answers.ru.message).toBe('Лицензия не может быть выдана до положительного экспертного заключения.');
    expect(answers.en.message).toBe(english);
    expect(answers.ky.message).toBe(ruleSentences.EXPERT_CONCLUSION_REQUIRED!.ky);
  });

  it('answers in Kyrgyz when the request names no language, and the language argument overrides the header', async () => {
    const id = await application();
    const plain = await gql(
      GRANT,
      { input: { licenseId: id, licenseNumber: 'LS900002', appendixNumber: '1', grantedOn: '2026-03-01', indefinite: true } },
      {
        token,
        headers: { 'accept-language': '' },
      },
    );
    expect(plain.data!.grantLicense.message).toBe(ruleSentences.EXPERT_CONCLUSION_REQUIRED!.ky);
    const asked = await gql(
      `mutation($input: GrantLicenseInput!) { grantLicense(input: $input) { ... on Error { message(language: RU) } } }`,
      { input: { licenseId: id, licenseNumber: 'LS900003', appendixNumber: '1', grantedOn: '2026-03-01', indefinite: true } },
      { token, headers: { 'accept-language': 'en-GB,en;q=0.9' } },
    );
    expect(asked.data!.grantLicense.message).toBe(ruleSentences.EXPERT_CONCLUSION_REQUIRED!.ru);
  });
});

describe('bad input', () => {
  it('names the field and says the rule in each language by the kind of rule zod reports', async () => {
    const id = await application();
    const bad = { licenseNumber: '', grantedOn: '2026-02-30' };
    const ky = (await grant(id, { 'accept-language': 'ky' }, token, bad)).data!.grantLicense;
    const ru = (await grant(id, { 'accept-language': 'ru-RU' }, token, bad)).data!.grantLicense;
    const en = (await grant(id, { 'accept-language': 'en' }, token, bad)).data!.grantLicense;
    expect(ky.__typename).toBe('ValidationError');
    const byPath = (answer: { issues: { path: string[]; message: string }[] }) => Object.fromEntries(answer.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byPath(ky)).toMatchObject({ licenseNumber: 'бош болбошу керек', grantedOn: 'ЖЖЖЖ-АА-КК түрүндө жазылган чыныгы календардык күн болушу керек' });
    expect(byPath(ru)).toMatchObject({ licenseNumber: 'не должно быть пустым', grantedOn: 'должно быть существующей календарной датой в виде ГГГГ-ММ-ДД' });
    expect(byPath(en)).toMatchObject({ licenseNumber: 'must not be empty', grantedOn: 'must be a real calendar date written YYYY-MM-DD' });
    expect(ky.issues.map((i: { messageEn: string }) => i.messageEn)).toEqual(en.issues.map((i: { message: string }) => i.message));
    expect(ky.message).toContain('licenseNumber: бош болбошу керек');
  });
});

describe('refusals of access', () => {
  it('names the roles that may act, as a person reads them, in the language asked for', async () => {
    const id = await application();
    const ru = (await grant(id, { 'accept-language': 'ru' }, await tokenFor(teacher))).data!.grantLicense;
    expect(ru).toMatchObject({ __typename: 'ForbiddenError', code: 'ROLE_REQUIRED' });
    expect(ru.message).toMatch(/^Для этого действия нужна одна из ролей: .*Директор департамента.*\. Ваши роли: Преподаватель\.$/);
    expect(ru.messageEn).toMatch(/^grantLicense needs one of the roles .*director.*; the caller has teacher$/);
    const anonymous = (await grant(id, { 'accept-language': 'ky' }, '')).data!.grantLicense;
    expect(anonymous).toMatchObject({ __typename: 'ForbiddenError', code: 'SIGN_IN_REQUIRED' });
    expect(anonymous.message).toMatch(/^Адегенде системага кириңиз/);
  });

  it('localises GraphQL errors outside the typed results, keeping extensions.code and the English in extensions.messageEn', async () => {
    const query = '{ licenses(first: 1) { edges { cursor } } }';
    const ky = await gql(query, {}, { headers: { 'accept-language': 'ky' } });
    const en = await gql(query, {}, { headers: { 'accept-language': 'en' } });
    expect(en.errors?.[0]).toMatchObject({
      message: 'Query.licenses needs a signed-in caller: send an Authorization: Bearer <token> header',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(ky.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Адегенде системага кириңиз/),
      extensions: { code: 'UNAUTHENTICATED', messageEn: en.errors?.[0]?.message },
    });
    const cursor = await gql('{ licenses(first: 1, after: "nonsense") { edges { cursor } } }', {}, { token, headers: { 'accept-language': 'ru' } });
    expect(cursor.errors?.[0]).toMatchObject({
      message: 'Недопустимое значение аргумента «after».',
      extensions: { code: 'BAD_USER_INPUT', messageEn: expect.stringMatching(/^after: /) },
    });
  });
});

describe('roles', () => {
  it('the caller and every role, with their names in the language asked for', async () => {
    const res = await gql(
      '{ me { id roles { role label ru: label(language: RU) en: label(language: EN) } } roles { role label(language: EN) } }',
      {},
      {
        token: await tokenFor(teacher),
        headers: { 'accept-language': 'ky' },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.me).toEqual({ id: teacher.id, roles: [{ role: 'TEACHER', label: 'Окутуучу', ru: 'Преподаватель', en: 'Teacher' }] });
    expect(res.data!.roles).toContainEqual({ role: 'HEAD_OF_ACCREDITATION_SECTOR', label: 'Head of the accreditation sector' });
    expect(res.data!.roles.map((r: { role: string }) => r.role)).not.toContain('SYSTEM');
  });

  it('lists every error code with its sentence', async () => {
    const res = await gql('{ errorCodes { code message(language: KY) } }', {}, { token });
    expect(res.data!.errorCodes).toContainEqual({ code: 'EXPERT_CONCLUSION_REQUIRED', message: ruleSentences.EXPERT_CONCLUSION_REQUIRED!.ky });
  });
});
