// Accreditation as a frontend reaches it: GraphQL through Yoga (yoga.fetch, no port) on a hub with
// the real embedded store. Agencies and framework versions, a case through its stages, refusals that
// leave the log untouched, the register's filters, orders and pages, time travel, and evidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePosition } from '../src/eventstore/position.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import {
  acceptedSender,
  applicationInput,
  caseAwaitingDecision,
  commandSender,
  conditionalDecision,
  criteria,
  registeredAgency,
} from './support/accreditation.ts';
import { director, inspector, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';

let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let gql: ReturnType<typeof yogaClient>;
let token: string;
let send: ReturnType<typeof acceptedSender>;
let attempt: ReturnType<typeof commandSender>;
let agencyId: string;

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path));
  gql = yogaClient(createGraphQLHandler(hub, { secret: TEST_SECRET }));
  token = await tokenFor(director);
  send = acceptedSender(gql, token);
  attempt = commandSender(gql, token);
  agencyId = await registeredAgency(send);
});
afterAll(async () => {
  await hub.close();
  dir.remove();
});

const head = async () => {
  const position = await hub.store.headPosition();
  return position ? encodePosition(position) : null;
};

async function applied(overrides: Record<string, unknown> = {}): Promise<string> {
  return (await send('applyForAccreditation', applicationInput(agencyId, overrides))).accreditation.accreditationId as string;
}

const CASE = `query($id: ID!, $asOf: AsOf) { accreditation(id: $id, asOf: $asOf) {
  stage stageLabel(language: RU) kindLabel(language: KY) outcome outcomeLabel(language: EN) agencyName frameworkVersion programmeCodes validUntil conditions
  criteriaLackingEvidence sections { criterion status statusLabel(language: EN) narrative comments evidence { title evidence { version } } }
  recommendations { number text status action owner actionDueOn evidence { title } } revision } }`;

describe('agencies and their frameworks', () => {
  it('lists agencies with every version of their frameworks, and a case keeps the version it started with', async () => {
    const aaqr = await registeredAgency(send, 'AAQR');
    const before = await applied({ agencyId: aaqr });
    await send('publishAgencyFramework', {
      agencyId: aaqr,
      framework: 'programme',
      title: 'Standards 2026',
      adoptedOn: '2026-01-20',
      criteria: [...criteria, { code: '2.1', standard: '2. Programmes', title: 'Design and approval' }],
    });
    const after = await applied({ agencyId: aaqr, appliedOn: '2026-01-21' });
    const res = await gql(
      `{ agencies { agencyId name kindLabel(language: RU) memberships registeredUntil frameworks { framework version title criteria { code } } } }`,
      {},
      { token },
    );
    expect(res.data?.agencies.map((a: { name: string }) => a.name)).toEqual(['AAQR', 'IAAR']);
    expect(res.data?.agencies[0]).toEqual({
      agencyId: aaqr,
      name: 'AAQR',
      kindLabel: 'Международное',
      memberships: ['EQAR', 'ENQA'],
      registeredUntil: '2030-04-05',
      frameworks: [
        { framework: 'programme', version: 2, title: 'Standards 2026', criteria: [{ code: '1.1' }, { code: '1.2' }, { code: '2.1' }] },
        { framework: 'programme', version: 1, title: 'Standards of programme accreditation', criteria: [{ code: '1.1' }, { code: '1.2' }] },
      ],
    });
    const versions = await Promise.all([before, after].map(async (id) => (await gql(CASE, { id }, { token })).data?.accreditation));
    expect(versions.map((c) => [c.frameworkVersion, c.sections.map((s: { criterion: string }) => s.criterion)])).toEqual([
      [1, ['1.1', '1.2']],
      [2, ['1.1', '1.2', '2.1']],
    ]);
  });

  it('refuses a case with an agency out of the register or an unpublished framework, storing nothing', async () => {
    const before = await head();
    const late = await attempt('applyForAccreditation', applicationInput(agencyId, { appliedOn: '2031-01-01' }));
    expect(late).toMatchObject({ __typename: 'DomainRuleError', code: 'AGENCY_NOT_REGISTERED' });
    expect(late.message).toContain('IAAR is not in the national register on 2031-01-01');
    expect(await attempt('applyForAccreditation', applicationInput(agencyId, { framework: 'institutional' }))).toMatchObject({ code: 'FRAMEWORK_NOT_FOUND' });
    expect(await attempt('applyForAccreditation', applicationInput('7b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d'))).toMatchObject({ code: 'AGENCY_NOT_FOUND' });
    expect(await head()).toBe(before);
  });
});

describe('an accreditation case through GraphQL', () => {
  it('runs from application to a conditional decision, each answer carrying the case with its change', async () => {
    const id = await applied();
    await caseAwaitingDecision(send, id);
    const decided = await send('decideAccreditation', conditionalDecision(id));
    expect(decided.accreditation).toMatchObject({ stage: 'DECIDED', outcome: 'CONDITIONALLY_ACCREDITED' });
    const res = await gql(CASE, { id }, { token });
    expect(res.data?.accreditation).toMatchObject({
      stage: 'DECIDED',
      stageLabel: 'Решение принято',
      kindLabel: 'Программалык',
      outcomeLabel: 'Conditionally accredited',
      agencyName: 'IAAR',
      programmeCodes: ['580100'],
      validUntil: '2029-05-19',
      conditions: ['Raise the share of staff with degrees to 40%'],
      sections: [
        { criterion: '1.1', status: 'APPROVED', statusLabel: 'Approved', narrative: 'How criterion 1.1 is met.', comments: null, evidence: [] },
        { criterion: '1.2', status: 'APPROVED', statusLabel: 'Approved', narrative: 'How criterion 1.2 is met.', comments: null, evidence: [] },
      ],
      recommendations: [
        { number: 1, text: 'Publish the monitoring results', status: 'OPEN', action: null, owner: null, actionDueOn: null, evidence: [] },
        { number: 2, text: 'Involve employers in the curriculum', status: 'OPEN', action: null, owner: null, actionDueOn: null, evidence: [] },
      ],
    });
  });

  it('refuses a step out of order with a code and a message that says what must happen first, storing nothing', async () => {
    const id = await applied();
    const before = await head();
    const early = await attempt('recordVisitHeld', { accreditationId: id, heldFrom: '2026-04-14', heldTo: '2026-04-16' });
    expect(early).toEqual({
      __typename: 'DomainRuleError',
      code: 'SELF_ASSESSMENT_NOT_STARTED',
      message: 'recording the visit is not possible yet: start the self-assessment (form the working group) first',
    });
    await send('startSelfAssessment', { accreditationId: id, startedOn: '2026-02-01', workingGroup: [{ name: 'Cholpon Ismailova', role: 'CHAIR' }] });
    const report = await attempt('submitSelfAssessmentReport', { accreditationId: id, submittedOn: '2026-03-01' });
    expect(report).toMatchObject({ code: 'SECTIONS_NOT_APPROVED', message: 'approve the sections for criteria 1.1, 1.2 first' });
    const returned = await attempt('returnSelfAssessmentSection', { accreditationId: id, criterion: '1.1', comments: 'More data', returnedOn: '2026-02-02' });
    expect(returned).toMatchObject({ code: 'SECTION_NOT_FOR_REVIEW' });
    expect(await head()).not.toBe(before);
    const afterStart = await head();
    await attempt('approveSelfAssessmentSection', { accreditationId: id, criterion: '1.1', approvedOn: '2026-02-03' });
    expect(await head()).toBe(afterStart);
  });

  it('answers bad input with the field and the rule, and stores nothing', async () => {
    const before = await head();
    const res = await attempt('applyForAccreditation', applicationInput(agencyId, { programmeCodes: ['5801'], appliedOn: '2026-02-30' }));
    expect(res.__typename).toBe('ValidationError');
    expect(res.issues).toEqual([
      { path: ['programmeCodes', '0'], message: 'must be the six-digit code of the direction or specialty (e.g. 580100)' },
      { path: ['appliedOn'], message: 'must be a real calendar date written YYYY-MM-DD' },
    ]);
    const unknown = await attempt('startSelfAssessment', {
      accreditationId: '00000000-0000-4000-8000-000000000000',
      startedOn: '2026-02-01',
      workingGroup: [{ name: 'A', role: 'CHAIR' }],
    });
    expect(unknown.__typename).toBe('NotFoundError');
    expect(await head()).toBe(before);
  });

  it('lets sector staff prepare but keeps decisions to the head of sector and the director; auditors read', async () => {
    const id = await applied();
    const asInspector = commandSender(gql, await tokenFor(inspector));
    expect(
      (await asInspector('startSelfAssessment', { accreditationId: id, startedOn: '2026-02-01', workingGroup: [{ name: 'A', role: 'CHAIR' }] })).__typename,
    ).toBe('AccreditationPayload');
    const decision = await asInspector('withdrawAccreditation', { accreditationId: id, reason: 'r', withdrawnOn: '2026-03-01' });
    expect(decision.__typename).toBe('ForbiddenError');
    const auditor = await tokenFor({ id: 'u-auditor', name: 'Audit', roles: ['auditor'] });
    expect((await gql(`query($id: ID!) { accreditation(id: $id) { stage } }`, { id }, { token: auditor })).data?.accreditation).toEqual({
      stage: 'SELF_ASSESSMENT',
    });
    const globalId = (await gql(`query($id: ID!) { accreditation(id: $id) { id } }`, { id }, { token: auditor })).data?.accreditation.id;
    const history = await gql(
      `query($id: ID!) { history(id: $id) { events { type revision category entityId actor { id } } } }`,
      { id: globalId },
      { token: auditor },
    );
    expect(history.data?.history.events).toEqual([
      { type: 'AccreditationApplied', revision: 0, category: 'accreditation', entityId: globalId, actor: { id: director.id } },
      { type: 'SelfAssessmentStarted', revision: 1, category: 'accreditation', entityId: globalId, actor: { id: inspector.id } },
    ]);
  });

  it('answers as the case was at a past revision', async () => {
    const id = await applied();
    await caseAwaitingDecision(send, id);
    const atStart = await gql(CASE, { id, asOf: { revision: 1 } }, { token });
    expect(atStart.data?.accreditation).toMatchObject({
      stage: 'SELF_ASSESSMENT',
      revision: 1,
      sections: [{ status: 'NOT_STARTED' }, { status: 'NOT_STARTED' }],
    });
    const midway = await gql(CASE, { id, asOf: { revision: 3 } }, { token });
    expect(midway.data?.accreditation.sections.map((s: { status: string }) => s.status)).toEqual(['FOR_REVIEW', 'NOT_STARTED']);
    expect((await gql(CASE, { id, asOf: { time: '2000-01-01T00:00:00Z' } }, { token })).data?.accreditation).toBeNull();
  });
});

describe('the evidence library', () => {
  it('keeps a document once with its versions, attaches it, and shows the criteria still lacking evidence', async () => {
    const id = await applied();
    await send('startSelfAssessment', { accreditationId: id, startedOn: '2026-02-01', workingGroup: [{ name: 'Cholpon Ismailova', role: 'CHAIR' }] });
    const doc = (
      await send('registerEvidence', {
        title: 'Quality assurance policy',
        kind: 'REGULATION',
        reference: 'oshsu.kg/qa-policy.pdf',
        ownerUnit: 'Department of Strategic Planning',
        registeredOn: '2025-09-01',
      })
    ).evidence;
    expect((await gql(CASE, { id }, { token })).data?.accreditation.criteriaLackingEvidence).toEqual(['1.1', '1.2']);
    await send('attachEvidence', { accreditationId: id, evidenceId: doc.id, criterion: '1.2' });
    await send('reviseEvidence', {
      evidenceId: doc.evidenceId,
      reference: 'oshsu.kg/qa-policy-2026.pdf',
      note: 'Approved by the Academic Council',
      revisedOn: '2026-02-05',
    });
    const res = await gql(CASE, { id }, { token });
    expect(res.data?.accreditation.criteriaLackingEvidence).toEqual(['1.1']);
    expect(res.data?.accreditation.sections[1].evidence).toEqual([{ title: 'Quality assurance policy', evidence: { version: 2 } }]);
    const library = await gql(
      `{ evidence(filter: { kinds: [REGULATION] }) { edges { node { title kindLabel(language: RU) version versions { version reference note } } } } }`,
      {},
      { token },
    );
    expect(library.data?.evidence.edges).toEqual([
      {
        node: {
          title: 'Quality assurance policy',
          kindLabel: 'Положение',
          version: 2,
          versions: [
            { version: 2, reference: 'oshsu.kg/qa-policy-2026.pdf', note: 'Approved by the Academic Council' },
            { version: 1, reference: 'oshsu.kg/qa-policy.pdf', note: null },
          ],
        },
      },
    ]);
    expect(await attempt('attachEvidence', { accreditationId: id, evidenceId: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', criterion: '1.1' })).toMatchObject({
      code: 'EVIDENCE_NOT_FOUND',
    });
  });
});

describe('the accreditation register', () => {
  const LIST = `query($filter: AccreditationFilter, $orderBy: AccreditationOrder, $first: Int, $after: String, $last: Int, $before: String) {
    accreditations(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { accreditationId validUntil } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
  const ids = async (variables: Record<string, unknown>) =>
    ((await gql(LIST, variables, { token })).data!.accreditations.edges as { node: { accreditationId: string } }[]).map((e) => e.node.accreditationId);
  let otherAgency: string;
  const made: Record<string, string> = {};

  beforeAll(async () => {
    otherAgency = await registeredAgency(send, 'EdNet');
    made.law = await applied({ programmeCodes: ['530500'], faculty: 'Faculty of Law' });
    made.institutional = await applied({ kind: 'INSTITUTIONAL', programmeCodes: [], faculty: null, agencyId: otherAgency });
    for (const [name, validUntil] of [
      ['soon', '2027-06-30'],
      ['later', '2031-06-30'],
    ] as const) {
      made[name] = await applied({ programmeCodes: ['560001', '580100'], faculty: 'Medical Faculty' });
      await caseAwaitingDecision(send, made[name]!);
      await send('decideAccreditation', { accreditationId: made[name], outcome: 'ACCREDITED', decidedOn: '2026-05-20', validFrom: '2026-05-20', validUntil });
    }
  });

  it('filters by kind, agency, programme, faculty, stage, decision and end of validity', async () => {
    expect(await ids({ filter: { kinds: ['INSTITUTIONAL'] } })).toEqual([made.institutional]);
    expect(await ids({ filter: { agencyId: otherAgency } })).toEqual([made.institutional]);
    expect(await ids({ filter: { programmeCode: '560001' } })).toEqual([made.soon, made.later]);
    expect(await ids({ filter: { faculty: 'Faculty of Law' } })).toEqual([made.law]);
    expect(await ids({ filter: { faculty: 'Medical Faculty', stages: ['DECIDED'], outcomes: ['ACCREDITED'] } })).toEqual([made.soon, made.later]);
    expect(await ids({ filter: { expiringBefore: '2028-01-01' } })).toEqual([made.soon]);
  });

  it('orders by end of validity and pages both ways with stable cursors', async () => {
    const filter = { faculty: 'Medical Faculty' };
    expect(await ids({ filter, orderBy: 'VALID_UNTIL' })).toEqual([made.soon, made.later]);
    const first = (await gql(LIST, { filter: {}, first: 2 }, { token })).data?.accreditations;
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const everything = await ids({ first: 100 });
    const second = await ids({ first: 2, after: first.pageInfo.endCursor });
    expect(second).toEqual(everything.slice(2, 4));
    const back = await ids({ last: 2, before: first.edges[1].cursor });
    expect(back).toEqual(everything.slice(0, 1));
    const bad = await gql(LIST, { after: 'nonsense' }, { token });
    expect(bad.errors?.[0]?.message).toMatch(/^after: not a cursor of this list/);
  });
});
