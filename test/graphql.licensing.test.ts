// Licensing as a frontend reaches it: GraphQL requests through Yoga (yoga.fetch, no port) on a hub
// with the real embedded store. Covers the lifecycle, the registry's filters and pagination, and
// every kind of bad input, each of which must leave the log untouched.
import { getNamedType, isLeafType, isObjectType, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licenseColumns } from '../projections/licenses.ts';
import { schema } from '../schema/index.ts';
import { licenseFieldColumns } from '../schema/licensing.ts';
import { openEventStore } from '../src/eventstore/index.ts';
import type { EventStore } from '../src/eventstore/types.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import { director, inspector, sectorHead, teacher, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { applicationInput, expertGroupInput, freshLicenseNumber } from './support/licensing.ts';
import { AMEND, APPLY, CONCLUDE, EXPIRE, FORM_GROUP, GRANT, REGISTRY, RESUME, REVOKE, SUSPEND } from './support/licensing-operations.ts';

let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let gql: ReturnType<typeof yogaClient>;
let token: string;

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path));
  const yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
  gql = yogaClient(yoga);
  token = await tokenFor(director);
});
afterAll(async () => {
  await hub.close();
  dir.remove();
});

const head = async () => {
  const position = await hub.store.headPosition();
  return position ? encodePosition(position) : null;
};

async function apply(overrides: Record<string, unknown> = {}, as = token) {
  const res = await gql(APPLY, { input: applicationInput(overrides) }, { token: as });
  expect(res.data?.applyForLicense.__typename).toBe('LicensePayload');
  return res.data!.applyForLicense.license as { id: string; licenseId: string };
}

async function send(operation: string, input: Record<string, unknown>, as = token) {
  const res = await gql(operation, { input }, { token: as });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as Record<string, any>;
}

async function grantedLicense(validUntil?: string) {
  const { id } = await apply();
  await send(FORM_GROUP, expertGroupInput(id));
  await send(CONCLUDE, { licenseId: id, outcome: 'POSITIVE', summary: 'Meets the requirements', concludedOn: '2026-02-20' });
  const granted = await send(GRANT, {
    licenseId: id,
    licenseNumber: freshLicenseNumber(),
    appendixNumber: '12',
    grantedOn: '2026-03-01',
    ...(validUntil ? { validUntil } : { indefinite: true }),
  });
  expect(granted.__typename).toBe('LicensePayload');
  return id;
}

describe('the licence lifecycle through GraphQL', () => {
  it('runs from application to revocation, each answer carrying the read model with its own change', async () => {
    const { id } = await apply();
    const steps: [string, Record<string, unknown>, string, number][] = [
      [FORM_GROUP, expertGroupInput(id), 'UNDER_EXPERT_REVIEW', 1],
      [CONCLUDE, { licenseId: id, outcome: 'POSITIVE', summary: 'Meets the requirements', concludedOn: '2026-02-20' }, 'CONCLUSION_POSITIVE', 2],
      [GRANT, { licenseId: id, licenseNumber: 'LS240001', appendixNumber: '12', grantedOn: '2026-03-01', validUntil: '2031-02-28' }, 'ACTIVE', 3],
      [AMEND, { licenseId: id, capacity: 200, reason: 'New building', amendedOn: '2026-06-01' }, 'ACTIVE', 4],
      [SUSPEND, { licenseId: id, reason: 'Inspection findings', suspendedOn: '2026-09-01', orderNumber: '41' }, 'SUSPENDED', 5],
      [RESUME, { licenseId: id, resumedOn: '2026-10-01' }, 'ACTIVE', 6],
      [REVOKE, { licenseId: id, reason: 'Court decision', basis: 'Court decision 2-117/26', revokedOn: '2026-11-01' }, 'REVOKED', 7],
    ];
    for (const [operation, input, status, revision] of steps) {
      const payload = await send(operation, input);
      expect(payload.__typename).toBe('LicensePayload');
      expect(payload.revision).toBe(revision);
      expect(payload.license.status).toBe(status);
      expect(payload.license.revision).toBe(revision);
    }
    const res = await gql(
      `query($id: ID!) { license(id: $id) { status capacity licenseNumber validUntil amendmentCount revocationBasis statusLabel(language: RU) } }`,
      { id },
      { token },
    );
    expect(res.data?.license).toEqual({
      status: 'REVOKED',
      capacity: 200,
      licenseNumber: 'LS240001',
      validUntil: '2031-02-28',
      amendmentCount: 1,
      revocationBasis: 'Court decision 2-117/26',
      statusLabel: 'Аннулирована',
    });
  });

  it('records the expiry of a licence with a time limit', async () => {
    const id = await grantedLicense('2026-08-31');
    const early = await send(EXPIRE, { licenseId: id, expiredOn: '2026-08-31' });
    expect(early).toMatchObject({ __typename: 'DomainRuleError', code: 'LICENSE_STILL_VALID' });
    const expired = await send(EXPIRE, { licenseId: id, expiredOn: '2026-09-01' });
    expect(expired.license.status).toBe('EXPIRED');
  });

  it('refuses to grant before a positive expert conclusion, storing nothing', async () => {
    const { id } = await apply();
    const before = await head();
    const payload = await send(GRANT, { licenseId: id, licenseNumber: 'LS1', appendixNumber: '1', grantedOn: '2026-03-01', indefinite: true });
    expect(payload).toMatchObject({ __typename: 'DomainRuleError', code: 'EXPERT_CONCLUSION_REQUIRED' });
    expect(await head()).toBe(before);
  });

  it('answers a retried commandId with the first result', async () => {
    const input = { ...applicationInput(), commandId: 'frontend-retry-1' };
    const first = await gql(APPLY, { input }, { token });
    const second = await gql(APPLY, { input }, { token });
    expect(first.data?.applyForLicense.replayed).toBe(false);
    expect(second.data?.applyForLicense).toMatchObject({
      replayed: true,
      position: first.data?.applyForLicense.position,
      license: { id: first.data?.applyForLicense.license.id },
    });
  });

  it('lets the sector staff apply but keeps the grant to the head of sector and the director', async () => {
    const asInspector = await tokenFor(inspector);
    const { id } = await apply({}, asInspector);
    await send(FORM_GROUP, expertGroupInput(id), asInspector);
    await send(CONCLUDE, { licenseId: id, outcome: 'POSITIVE', summary: 'ok', concludedOn: '2026-02-20' }, asInspector);
    const refused = await send(GRANT, { licenseId: id, licenseNumber: 'LS9', appendixNumber: '9', grantedOn: '2026-03-01', indefinite: true }, asInspector);
    expect(refused.__typename).toBe('ForbiddenError');
    expect(refused.message).toContain('head_of_accreditation_sector');
    const granted = await send(
      GRANT,
      { licenseId: id, licenseNumber: 'LS9', appendixNumber: '9', grantedOn: '2026-03-01', indefinite: true },
      await tokenFor(sectorHead),
    );
    expect(granted.license.status).toBe('ACTIVE');
  });
});

describe('rules across the registry', () => {
  const programmeOf = (code: string) => ({ ...applicationInput().programme, code });
  const LINK = `query($id: ID!) { license(id: $id) { previousLicense { licenseId status } } }`;

  async function positiveConclusion(code: string) {
    const { id, licenseId } = await apply({ programme: programmeOf(code) });
    await send(FORM_GROUP, expertGroupInput(id));
    await send(CONCLUDE, { licenseId: id, outcome: 'POSITIVE', summary: 'Meets the requirements', concludedOn: '2026-02-20' });
    return { id, licenseId };
  }

  it('refuses a date after today in Osh, naming it', async () => {
    const tomorrow = new Date(Date.now() + 6 * 3600_000 + 24 * 3600_000).toISOString().slice(0, 10);
    const before = await head();
    const res = await send(APPLY, applicationInput({ submittedOn: tomorrow }));
    expect(res).toMatchObject({ __typename: 'DomainRuleError', code: 'DATE_IN_FUTURE', message: expect.stringContaining(`submittedOn (${tomorrow})`) });
    expect(await head()).toBe(before);
  });

  it('refuses a grant that says neither an end date nor indefinite', async () => {
    const { id } = await positiveConclusion('610001');
    const res = await send(GRANT, { licenseId: id, licenseNumber: freshLicenseNumber(), appendixNumber: '1', grantedOn: '2026-03-01' });
    expect(res).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['validUntil'], message: 'must be given, or indefinite must be true for a licence without a time limit' }],
    });
  });

  it('refuses a second pending application for the same code, level and form of study, but not for another form', async () => {
    const first = await apply({ programme: programmeOf('610100') });
    const before = await head();
    const second = await send(APPLY, applicationInput({ programme: programmeOf('610100') }));
    expect(second).toMatchObject({ __typename: 'DomainRuleError', code: 'APPLICATION_ALREADY_PENDING', message: expect.stringContaining(first.licenseId) });
    expect(await head()).toBe(before);
    const extramural = await send(APPLY, applicationInput({ programme: { ...programmeOf('610100'), formOfStudy: 'EXTRAMURAL' } }));
    expect(extramural.__typename).toBe('LicensePayload');
  });

  it('refuses a licence number already in the registry, even when two grants race for it', async () => {
    const number = freshLicenseNumber();
    const holder = await positiveConclusion('610300');
    expect(
      (await send(GRANT, { licenseId: holder.id, licenseNumber: number, appendixNumber: '1', grantedOn: '2026-03-01', indefinite: true })).__typename,
    ).toBe('LicensePayload');
    const other = await positiveConclusion('610301');
    const taken = await send(GRANT, { licenseId: other.id, licenseNumber: number, appendixNumber: '1', grantedOn: '2026-03-01', indefinite: true });
    expect(taken).toMatchObject({ __typename: 'DomainRuleError', code: 'LICENSE_NUMBER_TAKEN', message: expect.stringContaining(holder.licenseId) });
  });

  it("links a new application to the programme's revoked licence, and allows it while that one is decided", async () => {
    const old = await positiveConclusion('610400');
    await send(GRANT, { licenseId: old.id, licenseNumber: freshLicenseNumber(), appendixNumber: '1', grantedOn: '2026-03-01', indefinite: true });
    const whileActive = await apply({ programme: programmeOf('610400') });
    expect((await gql(LINK, { id: whileActive.id }, { token })).data?.license.previousLicense).toBeNull();
    await send(FORM_GROUP, expertGroupInput(whileActive.id));
    await send(CONCLUDE, { licenseId: whileActive.id, outcome: 'NEGATIVE', summary: 'Too few staff', concludedOn: '2026-02-20' });
    await send(REVOKE, { licenseId: old.id, reason: 'Violations', basis: 'Order 7', revokedOn: '2026-04-01' });
    const renewal = await apply({ programme: programmeOf('610400') });
    expect((await gql(LINK, { id: renewal.id }, { token })).data?.license.previousLicense).toEqual({ licenseId: old.licenseId, status: 'REVOKED' });
  });

  it('refuses to record an expiry before validUntil has passed', async () => {
    const nextYear = `${new Date().getUTCFullYear() + 1}-12-31`;
    const id = await grantedLicense(nextYear);
    const early = await send(EXPIRE, { licenseId: id, expiredOn: nextYear });
    expect(early).toMatchObject({ __typename: 'DomainRuleError', code: 'LICENSE_STILL_VALID' });
  });
});

describe('rules across the registry under concurrent commands', () => {
  // Appends that take many turns of the event loop, as a busy disk would: without the registry
  // gate, a second command reads the registry while the first one's append is still under way.
  const slowAppends = (store: EventStore): EventStore => ({
    ...store,
    append: async (stream, events, expected) => {
      for (let turn = 0; turn < 50; turn++) await new Promise((resolve) => setImmediate(resolve));
      return store.append(stream, events, expected);
    },
  });
  let raceDir: ReturnType<typeof temporaryDirectory>;
  let raceHub: Hub;
  let race: ReturnType<typeof yogaClient>;
  beforeAll(async () => {
    raceDir = temporaryDirectory();
    const config = testConfig(raceDir.path);
    raceHub = await openHub(config, { store: slowAppends(openEventStore(config)) });
    race = yogaClient(createGraphQLHandler(raceHub, { secret: TEST_SECRET }));
  });
  afterAll(async () => {
    await raceHub.close();
    raceDir.remove();
  });
  const raceSend = async (operation: string, input: Record<string, unknown>) =>
    Object.values((await race(operation, { input }, { token })).data!)[0] as Record<string, any>;
  const programmeOf = (code: string) => ({ ...applicationInput().programme, code });

  it('lets only one of concurrent applications for a programme through', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => raceSend(APPLY, applicationInput({ programme: programmeOf('620100') }))));
    expect(answers.map((a) => a.code ?? a.__typename).sort()).toEqual(['APPLICATION_ALREADY_PENDING', 'APPLICATION_ALREADY_PENDING', 'LicensePayload']);
    const registry = await race(REGISTRY, { filter: { programmeCode: '620100' } }, { token });
    expect(registry.data?.licenses.edges).toHaveLength(1);
  });

  it('gives a licence number to only one of two grants racing for it', async () => {
    const ready = await Promise.all(
      ['620200', '620201'].map(async (code) => {
        const { id } = await raceSend(APPLY, applicationInput({ programme: programmeOf(code) })).then((p) => p.license);
        await raceSend(FORM_GROUP, expertGroupInput(id));
        await raceSend(CONCLUDE, { licenseId: id, outcome: 'POSITIVE', summary: 'Meets the requirements', concludedOn: '2026-02-20' });
        return id as string;
      }),
    );
    const number = freshLicenseNumber();
    const answers = await Promise.all(
      ready.map((id) => raceSend(GRANT, { licenseId: id, licenseNumber: number, appendixNumber: '1', grantedOn: '2026-03-01', indefinite: true })),
    );
    expect(answers.map((a) => a.code ?? a.__typename).sort()).toEqual(['LICENSE_NUMBER_TAKEN', 'LicensePayload']);
    const numbers = await Promise.all(
      ready.map(async (id) => (await race(`query($id: ID!) { license(id: $id) { licenseNumber } }`, { id }, { token })).data?.license.licenseNumber),
    );
    expect(numbers.filter((n) => n === number)).toHaveLength(1);
  });
});

describe('the licence registry', () => {
  let registry: { status: number; data?: any };
  beforeAll(async () => {
    for (const [code, level, faculty] of [
      ['530500', 'MASTER', 'Faculty of Law'],
      ['560001', 'SPECIALIST', 'Medical Faculty'],
      ['580200', 'BACHELOR', 'Faculty of Law'],
      ['570100', 'BACHELOR', 'Көркөм өнөр факультети'],
    ] as const) {
      await apply({ programme: { ...applicationInput().programme, code, level, faculty } });
    }
    const expiring = await grantedLicense('2027-01-31');
    await send(AMEND, { licenseId: expiring, address: 'Osh, Gapar Aitiev street 1', reason: 'Moved', amendedOn: '2026-05-01' });
    registry = await gql(REGISTRY, { first: 100 }, { token });
  });

  it('filters by status, level, faculty and expiry', async () => {
    const byFilter = async (filter: Record<string, unknown>) =>
      ((await gql(REGISTRY, { filter, first: 100 }, { token })).data!.licenses.edges as { node: any }[]).map((e) => e.node);
    expect((await byFilter({ levels: ['MASTER'] })).map((n) => n.programmeCode)).toEqual(['530500']);
    expect((await byFilter({ faculty: 'Faculty of Law' })).map((n) => n.programmeCode)).toEqual(['530500', '580200']);
    expect((await byFilter({ expiringBefore: '2027-02-01' })).map((n) => n.validUntil)).toEqual(['2027-01-31']);
    expect(await byFilter({ expiringBefore: '2027-01-31' })).toEqual([]);
    const all = registry.data.licenses.edges.map((e: any) => e.node);
    const applied = all.filter((n: any) => n.status === 'APPLIED').map((n: any) => n.id);
    expect((await byFilter({ statuses: ['APPLIED'] })).map((n) => n.id)).toEqual(applied);
  });

  it('matches the faculty whatever the case of its letters, Kyrgyz and Russian Cyrillic included', async () => {
    const codes = async (faculty: string) =>
      ((await gql(REGISTRY, { filter: { faculty }, first: 100 }, { token })).data!.licenses.edges as { node: any }[]).map((e) => e.node.programmeCode);
    expect(await codes('faculty of LAW')).toEqual(['530500', '580200']);
    expect(await codes('КӨРКӨМ ӨНӨР  ФАКУЛЬТЕТИ ')).toEqual(['570100']);
    expect(await codes('Көркөм')).toEqual([]);
  });

  it('pages forwards and backwards in a stable order without losing or repeating a licence', async () => {
    const all = registry.data.licenses.edges.map((e: any) => e.node.id) as string[];
    expect(all.length).toBeGreaterThanOrEqual(8);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await gql(REGISTRY, { first: 3, after }, { token })).data!.licenses;
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    const last: any = (await gql(REGISTRY, { last: 2 }, { token })).data!.licenses;
    expect(last.edges.map((e: any) => e.node.id)).toEqual(all.slice(-2));
    expect(last.pageInfo.hasPreviousPage).toBe(true);
    const before: any = (await gql(REGISTRY, { last: 2, before: last.pageInfo.startCursor }, { token })).data!.licenses;
    expect(before.edges.map((e: any) => e.node.id)).toEqual(all.slice(-4, -2));
  });

  it('orders by programme code and by end of validity', async () => {
    const codes = ((await gql(REGISTRY, { orderBy: 'PROGRAMME_CODE', first: 100 }, { token })).data!.licenses.edges as any[]).map((e) => e.node.programmeCode);
    expect(codes).toEqual([...codes].sort());
    const validity = ((await gql(REGISTRY, { orderBy: 'VALID_UNTIL', first: 100 }, { token })).data!.licenses.edges as any[]).map((e) => e.node.validUntil);
    const dated = validity.filter((v): v is string => v !== null);
    expect(validity).toEqual([...[...dated].sort(), ...validity.filter((v) => v === null)]);
    expect(dated).toContain('2027-01-31');
  });

  it('refuses a cursor from another order and an oversized page, naming the argument', async () => {
    const cursor = registry.data.licenses.pageInfo.endCursor;
    const wrongOrder = await gql(REGISTRY, { orderBy: 'PROGRAMME_CODE', after: cursor }, { token });
    expect(wrongOrder.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
    const forged = Buffer.from(JSON.stringify(['applied', { injected: true }, 'x'])).toString('base64url');
    const notASortValue = await gql(REGISTRY, { after: forged }, { token });
    expect(notASortValue.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
    const tooMany = await gql(REGISTRY, { first: 1000 }, { token });
    expect(tooMany.errors?.[0]?.message).toBe('first: must be between 0 and 100');
  });

  it('answers every field of a page as it answers the same licence alone', async () => {
    // Every field of the type and of the objects within it (a licence within by its id), so a field added later is compared too.
    const license = schema.getType('License') as GraphQLObjectType;
    const selectionOf = (type: GraphQLObjectType): string =>
      Object.values(type.getFields())
        .flatMap((field) => {
          const named = getNamedType(field.type);
          if (isLeafType(named)) return [field.name];
          if (named === license) return [`${field.name} { id licenseId }`];
          return isObjectType(named) ? [`${field.name} { ${selectionOf(named)} }`] : [];
        })
        .join(' ');
    const fields = selectionOf(license);
    const suspended = await grantedLicense('2030-12-31');
    await send(SUSPEND, { licenseId: suspended, reason: 'Inspection findings', suspendedOn: '2026-09-01', orderNumber: '42' });
    const nodes: { id: string }[] = [];
    // Pages of 10: the whole registry with every field would exceed the limits on breadth and complexity.
    for (let after: string | null = null; ; ) {
      const page: { data?: any; errors?: unknown } = await gql(
        `query($after: String) { licenses(first: 10, after: $after) { edges { node { ${fields} } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        { token },
      );
      expect(page.errors).toBeUndefined();
      nodes.push(...page.data!.licenses.edges.map((e: any) => e.node));
      if (!page.data!.licenses.pageInfo.hasNextPage) break;
      after = page.data!.licenses.pageInfo.endCursor;
    }
    expect(nodes.length).toBeGreaterThanOrEqual(8);
    // The registry holds licences in every state the fields tell apart.
    for (const probe of ['previousLicense', 'expertGroup', 'conclusion', 'withoutTimeLimit', 'revocationBasis', 'suspendedOn', 'address', 'lastAmendedOn']) {
      expect(
        nodes.some((n: any) => n[probe]),
        probe,
      ).toBe(true);
    }
    for (const node of nodes) {
      const alone = await gql(`query($id: ID!) { license(id: $id) { ${fields} } }`, { id: node.id }, { token });
      expect(node).toEqual(alone.data!.license);
    }
    // A few fields through a fragment and an inline fragment, in another order of the list.
    const some = await gql(
      `fragment F on License { withoutTimeLimit programmeName { text(language: RU) } } { licenses(first: 100, orderBy: VALID_UNTIL) { edges { node { id ...F ... on License { previousLicense { licenseId } } } } } }`,
      {},
      { token },
    );
    for (const { node } of some.data!.licenses.edges as { node: { id: string } }[]) {
      const alone = await gql(
        `query($id: ID!) { license(id: $id) { id withoutTimeLimit programmeName { text(language: RU) } previousLicense { licenseId } } }`,
        { id: node.id },
        { token },
      );
      expect(node).toEqual(alone.data!.license);
    }
  });

  it('knows the columns every field of License reads, and a page reads only those asked for', () => {
    const fields = Object.keys((schema.getType('License') as GraphQLObjectType).getFields());
    expect(fields.filter((field) => !licenseFieldColumns[field])).toEqual([]);
    for (const columns of Object.values(licenseFieldColumns)) for (const column of columns) expect(licenseColumns).toContain(column);
    const { rows } = hub.licenses.page({}, 'programme_code', { direction: 'forward', from: undefined, limit: 3 }, ['status', 'name_en']);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['id', 'name_en', 'programme_code', 'status']);
  });

  it('finds a licence by global id, by plain id and through node', async () => {
    const { id, licenseId } = registry.data.licenses.edges[0].node;
    const res = await gql(
      `query($g: ID!, $p: ID!) { a: license(id: $g) { licenseId } b: license(id: $p) { id } node(id: $g) { ... on License { programmeCode } } missing: license(id: "nope") { id } }`,
      { g: id, p: licenseId },
      { token },
    );
    expect(res.data).toEqual({ a: { licenseId }, b: { id }, node: { programmeCode: registry.data.licenses.edges[0].node.programmeCode }, missing: null });
  });
});

describe('bad input changes nothing and says what is wrong', () => {
  it('names each field that breaks a rule of the command', async () => {
    const before = await head();
    const res = await gql(
      APPLY,
      {
        input: applicationInput({
          programme: { ...applicationInput().programme, code: '58A1', name: { ky: ' ', ru: 'Экономика', en: 'Economics' } },
          requestedCapacity: 0,
          submittedOn: '2026-02-30',
        }),
      },
      { token },
    );
    const error = res.data?.applyForLicense;
    expect(error.__typename).toBe('ValidationError');
    expect(error.issues.map((i: any) => i.path.join('.')).sort()).toEqual(['programme.code', 'programme.name.ky', 'requestedCapacity', 'submittedOn']);
    expect(error.issues.find((i: any) => i.path.join('.') === 'submittedOn').message).toBe('must be a real calendar date written YYYY-MM-DD');
    expect(await head()).toBe(before);
  });

  it('refuses text with lone surrogates, control or bidi characters, or nothing visible, naming the field', async () => {
    const before = await head();
    const res = await gql(
      APPLY,
      {
        input: applicationInput({
          programme: { ...applicationInput().programme, name: { ky: 'Экономика\uD800', ru: 'Эконо\u0007мика', en: '\u200B\u200D' }, faculty: 'Law \u202Ewal' },
        }),
      },
      { token },
    );
    const error = res.data?.applyForLicense;
    expect(error.__typename).toBe('ValidationError');
    expect(Object.fromEntries(error.issues.map((i: any) => [i.path.join('.'), i.message]))).toEqual({
      'programme.name.ky': 'must be valid Unicode text (it contains a lone surrogate)',
      'programme.name.ru': 'must not contain control characters (found U+0007)',
      'programme.name.en': 'must contain a visible character, not only spaces or zero-width characters',
      'programme.faculty': 'must not contain bidirectional override or isolate characters (found U+202E)',
    });
    expect(await head()).toBe(before);
  });

  it('stores text in NFC, so a name typed with a combining accent equals the precomposed one', async () => {
    const decomposed = 'Faculte\u0301 de droit';
    const { licenseId } = await apply({ programme: { ...applicationInput().programme, code: '599001', faculty: decomposed } });
    const res = await gql(`query($id: ID!) { license(id: $id) { faculty } }`, { id: licenseId }, { token });
    expect(res.data?.license.faculty).toBe('Facult\u00e9 de droit');
    const byFilter = await gql(REGISTRY, { filter: { faculty: 'Facult\u00e9 de droit' } }, { token });
    expect(byFilter.data?.licenses.edges.map((e: any) => e.node.licenseId)).toEqual([licenseId]);
  });

  it('reports an unknown enum value and a missing field as GraphQL errors that name them', async () => {
    const unknownLevel = await gql(APPLY, { input: applicationInput({ programme: { ...applicationInput().programme, level: 'DOCTORATE' } }) }, { token });
    expect(unknownLevel.status).toBe(400);
    expect(unknownLevel.errors?.[0]?.message).toContain('"DOCTORATE"');
    expect(unknownLevel.errors?.[0]?.message).toContain('input.programme.level');
    const { requestedCapacity: _, ...missing } = applicationInput();
    const missingField = await gql(APPLY, { input: missing }, { token });
    expect(missingField.errors?.[0]?.message).toContain('requestedCapacity');
  });

  it('answers a cross-field rule with the field it concerns', async () => {
    const { id } = await apply();
    const res = await send(GRANT, { licenseId: id, licenseNumber: 'LS', appendixNumber: '1', grantedOn: '2026-03-01', validUntil: '2026-02-01' });
    expect(res).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['validUntil'], message: 'must be after grantedOn' }] });
  });

  it('answers a wrong expectedRevision with ConcurrencyError', async () => {
    const { id } = await apply();
    const before = await head();
    const res = await send(FORM_GROUP, { ...expertGroupInput(id), expectedRevision: 5 });
    expect(res).toMatchObject({ __typename: 'ConcurrencyError', expectedRevision: '5', actualRevision: '0' });
    expect(await head()).toBe(before);
  });

  it('answers an unknown licence with NotFoundError', async () => {
    const missing = '3f1e1f8e-3c1c-4e55-9b7a-4f7e0c1d2b3a';
    const res = await send(SUSPEND, { licenseId: missing, reason: 'x', suspendedOn: '2026-01-01' });
    expect(res).toMatchObject({ __typename: 'NotFoundError', entity: 'licence', id: missing });
    const malformed = await send(SUSPEND, { licenseId: 'not-an-id', reason: 'x', suspendedOn: '2026-01-01' });
    expect(malformed).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['licenseId'] }] });
  });

  it('refuses anonymous, expired, forged and role-less callers', async () => {
    const before = await head();
    const anonymous = await gql(APPLY, { input: applicationInput() });
    expect(anonymous.data?.applyForLicense).toMatchObject({ __typename: 'ForbiddenError' });
    expect(anonymous.data?.applyForLicense.message).toContain('Bearer');

    const expired = await gql(APPLY, { input: applicationInput() }, { token: await tokenFor(director, -60) });
    expect(expired.status).toBe(401);
    expect(expired.errors?.[0]).toMatchObject({ message: 'the token has expired; sign in again', extensions: { code: 'UNAUTHENTICATED' } });

    const forged = await gql(APPLY, { input: applicationInput() }, { token: await tokenFor(director, '1h', 'another-secret-that-is-also-32-chars-long') });
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.message).toBe('the token signature is invalid (forged, or signed with another key)');

    const garbage = await gql(APPLY, { input: applicationInput() }, { headers: { authorization: 'Basic abc' } });
    expect(garbage.errors?.[0]?.message).toBe('the Authorization header must be "Bearer <token>"');

    const asTeacher = await gql(APPLY, { input: applicationInput() }, { token: await tokenFor(teacher) });
    expect(asTeacher.data?.applyForLicense.__typename).toBe('ForbiddenError');

    const readAnonymously = await gql(REGISTRY, {});
    expect(readAnonymously.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });

    expect(await head()).toBe(before);
    const stillServing = await gql(REGISTRY, { first: 1 }, { token });
    expect(stillServing.status).toBe(200);
  });
});
