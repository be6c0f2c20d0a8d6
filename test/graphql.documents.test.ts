// Normative documents and education standards as a frontend reaches them: GraphQL through Yoga
// (yoga.fetch) on a hub with the real embedded store. Covers the registry's filters, full-text search
// in the three languages, paging in both directions, a document's versions now and as they were, who
// may do what, and bad input that names its field and stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/decider.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, teacher, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';

const specialist: Actor = { id: 'u-specialist', name: 'Cholpon Asanova', roles: ['specialist'] };

const DOCUMENT_FIELDS = `documentId code status nextReviewDue reviewOverdue versionInForce revision
  title { ru en } documentType documentTypeLabel(language: RU)
  versions { version status fileSha256 approvedOn supersededOn }`;
const REGISTER = `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) {
  __typename ... on DocumentPayload { document { id ${DOCUMENT_FIELDS} } }
  ... on ValidationError { issues { path message } } ... on ForbiddenError { message } } }`;
const mutation = (name: string) => `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) {
  __typename ... on DocumentPayload { revision document { ${DOCUMENT_FIELDS} } }
  ... on ValidationError { issues { path message } } ... on DomainRuleError { code message } ... on ForbiddenError { message } } }`;
const REGISTRY = `query($filter: DocumentFilter, $orderBy: DocumentOrder, $first: Int, $after: String, $last: Int, $before: String) {
  documents(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { code } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } }`;

let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let gql: ReturnType<typeof yogaClient>;
let directorToken: string;
let specialistToken: string;

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path));
  gql = yogaClient(createGraphQLHandler(hub, { secret: TEST_SECRET }));
  directorToken = await tokenFor(director);
  specialistToken = await tokenFor(specialist);
});
afterAll(async () => {
  await hub.close();
  dir.remove();
});

const head = async () => {
  const position = await hub.store.headPosition();
  return position ? encodePosition(position) : null;
};

const passport = (code: string, overrides: Record<string, unknown> = {}) => ({
  title: { ky: `Жобо ${code}`, ru: `Положение ${code}`, en: `Regulation ${code}` },
  documentType: 'REGULATION',
  tag: 'ORG',
  code,
  annotation: 'Governs the work of a unit.',
  ...overrides,
});

async function send(name: string, input: Record<string, unknown>, token = directorToken) {
  const res = await gql(name === 'registerDocument' ? REGISTER : mutation(name), { input }, { token });
  expect(res.errors).toBeUndefined();
  return res.data![name] as Record<string, any>;
}

async function register(code: string, overrides: Record<string, unknown> = {}) {
  const result = await send('registerDocument', passport(code, overrides), specialistToken);
  expect(result.__typename).toBe('DocumentPayload');
  return result.document as { id: string; documentId: string };
}

const version = (documentId: string, number: number, draftedOn: string) => ({
  documentId,
  version: number,
  draftedOn,
  pages: 10,
  fileSha256: `${number}`.repeat(64),
  fileReference: `archive/${number}`,
});

async function inForce(documentId: string, nextReviewDue = '2027-01-10') {
  await send('draftDocumentVersion', version(documentId, 1, '2026-01-05'), specialistToken);
  await send('approveDocumentVersion', { documentId, version: 1, approvedOn: '2026-01-10', approvingBody: 'Academic Council', nextReviewDue });
  return send('putDocumentVersionInForce', { documentId, version: 1, inForceFrom: '2026-01-15' });
}

describe('a document through its versions', () => {
  it('goes from draft to a second version that supersedes the first, with the versions listed', async () => {
    const { id, documentId } = await register('REG-001');
    const first = await inForce(id);
    expect(first.document).toMatchObject({ status: 'IN_FORCE', versionInForce: 1, nextReviewDue: '2027-01-10', documentTypeLabel: 'Положение' });
    await send('draftDocumentVersion', version(documentId, 2, '2026-02-01'), specialistToken);
    await send('approveDocumentVersion', { documentId, version: 2, approvedOn: '2026-02-10', approvingBody: 'Academic Council', nextReviewDue: '2028-02-10' });
    const second = await send('putDocumentVersionInForce', { documentId, version: 2, inForceFrom: '2026-03-01' });
    expect(second.document.versionInForce).toBe(2);
    expect(second.document.versions).toEqual([
      { version: 1, status: 'SUPERSEDED', fileSha256: '1'.repeat(64), approvedOn: '2026-01-10', supersededOn: '2026-03-01' },
      { version: 2, status: 'IN_FORCE', fileSha256: '2'.repeat(64), approvedOn: '2026-02-10', supersededOn: null },
    ]);
    // As it stood at revision 3 (the first version just in force), with the versions as they were then.
    const past = await gql(
      `query($id: ID!) { document(id: $id, asOf: { revision: 3 }) { versionInForce versions { version status } } }`,
      { id: documentId },
      { token: directorToken },
    );
    expect(past.data?.document).toEqual({ versionInForce: 1, versions: [{ version: 1, status: 'IN_FORCE' }] });
  });

  it('refuses a version that goes back, a bad hash and dates out of order, naming the field and storing nothing', async () => {
    const { documentId } = await register('REG-002');
    await inForce(documentId);
    const before = await head();
    const goesBack = await send('draftDocumentVersion', version(documentId, 1, '2026-02-01'), specialistToken);
    expect(goesBack).toMatchObject({ __typename: 'DomainRuleError', code: 'VERSION_NOT_AFTER_LATEST' });
    const badHash = await send('draftDocumentVersion', { ...version(documentId, 2, '2026-02-01'), fileSha256: 'not-a-hash' }, specialistToken);
    expect(badHash).toEqual({
      __typename: 'ValidationError',
      issues: [{ path: ['fileSha256'], message: 'must be a SHA-256 written as 64 hexadecimal characters' }],
    });
    const early = await send('draftDocumentVersion', version(documentId, 2, '2026-01-01'), specialistToken);
    expect(early).toMatchObject({ __typename: 'DomainRuleError', code: 'DATE_BEFORE_PREVIOUS_STEP' });
    const reviewBeforeApproval = await send('approveDocumentVersion', {
      documentId,
      version: 1,
      approvedOn: '2026-03-01',
      approvingBody: 'x',
      nextReviewDue: '2026-02-01',
    });
    expect(reviewBeforeApproval).toEqual({ __typename: 'ValidationError', issues: [{ path: ['nextReviewDue'], message: 'must be after approvedOn' }] });
    expect(await head()).toBe(before);
  });

  it('lets the department keep documents and only those who approve approve them', async () => {
    const forbidden = await send('registerDocument', passport('REG-003'), await tokenFor(teacher));
    expect(forbidden.__typename).toBe('ForbiddenError');
    const { documentId } = await register('REG-003');
    await send('draftDocumentVersion', version(documentId, 1, '2026-01-05'), specialistToken);
    const byStaff = await send(
      'approveDocumentVersion',
      { documentId, version: 1, approvedOn: '2026-01-10', approvingBody: 'x', nextReviewDue: '2027-01-01' },
      specialistToken,
    );
    expect(byStaff.__typename).toBe('ForbiddenError');
  });
});

describe('the registry', () => {
  beforeAll(async () => {
    await register('POL-100', {
      documentType: 'POLICY',
      tag: 'QA',
      title: { ky: 'Сапат саясаты', ru: 'Политика в области качества', en: 'Quality policy' },
      annotation: 'Обязательства университета по качеству образования.',
    });
    const instruction = await register('INS-200', {
      documentType: 'INSTRUCTION',
      tag: 'QA',
      title: { ky: 'Нускама', ru: 'Инструкция по анкетированию', en: 'Survey instruction' },
    });
    await inForce(instruction.documentId, '2026-02-01');
  });

  const codes = async (variables: Record<string, unknown>) => {
    const res = await gql(REGISTRY, variables, { token: directorToken });
    expect(res.errors).toBeUndefined();
    return (res.data!.documents.edges as { node: { code: string } }[]).map((e) => e.node.code);
  };

  it('finds documents by words of their title in any language, whatever the case, and by the start of a word', async () => {
    expect(await codes({ filter: { search: 'КАЧЕСТВА' } })).toEqual(['POL-100']);
    expect(await codes({ filter: { search: 'сапат' } })).toEqual(['POL-100']);
    expect(await codes({ filter: { search: 'survey instr' } })).toEqual(['INS-200']);
    expect(await codes({ filter: { search: 'обязательства университета' } })).toEqual(['POL-100']);
    expect(await codes({ filter: { search: 'quality "pol' } })).toEqual(['POL-100']);
    expect(await codes({ filter: { search: '***' } })).toEqual([]);
  });

  it('filters by kind, tag, status and review date', async () => {
    expect(await codes({ filter: { documentTypes: ['POLICY', 'INSTRUCTION'], tag: 'QA' } })).toEqual(['POL-100', 'INS-200']);
    expect(await codes({ filter: { statuses: ['DRAFT'], tag: 'QA' } })).toEqual(['POL-100']);
    expect(await codes({ filter: { reviewDueBy: '2026-06-30' } })).toEqual(['INS-200']);
    expect(await codes({ filter: { reviewOverdue: true } })).toEqual([]);
  });

  it('pages forwards and backwards in a stable order', async () => {
    const all = await codes({ orderBy: 'CODE', first: 100 });
    expect(all).toEqual([...all].sort());
    const first = await gql(REGISTRY, { orderBy: 'CODE', first: 2 }, { token: directorToken });
    const page = first.data!.documents;
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(await codes({ orderBy: 'CODE', first: 100, after: page.pageInfo.endCursor })).toEqual(all.slice(2));
    expect(await codes({ orderBy: 'CODE', last: 2, before: page.pageInfo.endCursor })).toEqual(all.slice(0, 1));
  });
});

describe('education standards', () => {
  const STANDARD = `standardId stage heldBy round edition stageLabel(language: EN) reviews { round reviewer verdict }`;
  const call = async (name: string, input: Record<string, unknown>) => {
    const op = `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename
      ... on EducationStandardPayload { educationStandard { ${STANDARD} } } ... on DomainRuleError { code message } ... on ValidationError { issues { path message } } } }`;
    const res = await gql(op, { input }, { token: directorToken });
    expect(res.errors).toBeUndefined();
    return res.data![name] as Record<string, any>;
  };

  it('shows the stage and who holds the standard at each step, and lists the standards by stage', async () => {
    const created = await call('registerEducationStandard', {
      title: { ky: 'Физика', ru: 'Физика', en: 'Physics' },
      level: 'GENERAL_SECONDARY_SUBJECT',
      subject: 'Physics',
      code: 'GSE-PHYS',
      developer: 'Chair of Physics',
      registeredOn: '2026-01-10',
    });
    const standardId = created.educationStandard.standardId as string;
    expect(created.educationStandard).toMatchObject({ stage: 'DRAFT', heldBy: 'Chair of Physics', stageLabel: 'Draft' });
    const out = await call('sendEducationStandardForReview', {
      standardId,
      sentOn: '2026-01-20',
      reviewers: [
        { name: 'A. Omurova', organisation: 'KAE' },
        { name: 'T. Bekov', organisation: 'Lyceum 1' },
      ],
    });
    expect(out.educationStandard).toMatchObject({ stage: 'UNDER_REVIEW', heldBy: 'A. Omurova, T. Bekov', round: 1 });
    const one = await call('recordEducationStandardReview', {
      standardId,
      reviewer: 'T. Bekov',
      verdict: 'APPROVE',
      summary: 'Fine',
      receivedOn: '2026-02-01',
    });
    expect(one.educationStandard.heldBy).toBe('A. Omurova');
    const early = await call('approveEducationStandard', { standardId, approvedOn: '2026-02-02', approvingBody: 'Ministry' });
    expect(early).toMatchObject({ __typename: 'DomainRuleError', code: 'REVIEWS_OUTSTANDING' });
    const all = await call('recordEducationStandardReview', {
      standardId,
      reviewer: 'A. Omurova',
      verdict: 'APPROVE',
      summary: 'Fine',
      receivedOn: '2026-02-02',
    });
    expect(all.educationStandard.heldBy).toBe('secretariat');
    const list = await gql(`{ educationStandards(filter: { stages: [UNDER_REVIEW] }) { edges { node { code } } } }`, {}, { token: directorToken });
    expect(list.data?.educationStandards.edges).toEqual([{ node: { code: 'GSE-PHYS' } }]);
  });
});
