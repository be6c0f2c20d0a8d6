// The quality policy and quality standards through GraphQL (yoga.fetch, real store): the policy from
// draft through consultation and approval to its measures, standards listed by stage a page at a time,
// and bad nested input named down to the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePosition } from '../src/eventstore/position.ts';
import type { Hub } from '../src/hub.ts';
import { openDirectorHub, type DirectorHub } from './support/director-hub.ts';

let hub: Hub;
let gql: DirectorHub['gql'];
let token: string;
let close: DirectorHub['close'];

beforeAll(async () => ({ hub, gql, token, close } = await openDirectorHub()));
afterAll(() => close());

async function send(name: string, input: Record<string, unknown>, selection: string) {
  const res = await gql(
    `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename ${selection}
    ... on DomainRuleError { code message } ... on ValidationError { issues { path message } } } }`,
    { input },
    { token },
  );
  expect(res.errors).toBeUndefined();
  return res.data![name] as Record<string, any>;
}

const POLICY =
  '... on QualityPolicyPayload { qualityPolicy { policyId stage stageLabel(language: RU) edition consultations { consultedWith } measures { code state dueOn } } }';
const STANDARD =
  '... on QualityStandardPayload { qualityStandard { standardId code stage revisionDue criteria { code evidence } sources { kind kindLabel(language: EN) } } }';

describe('the quality policy', () => {
  it('is consulted on before approval, and its measures are followed', async () => {
    const drafted = await send('draftQualityPolicy', { title: 'Quality policy', statement: 'Commitments', draftedOn: '2026-01-10' }, POLICY);
    const policyId = drafted.qualityPolicy.policyId as string;
    const early = await send('approveQualityPolicy', { policyId, approvedOn: '2026-01-20', approvingBody: 'Academic Council' }, POLICY);
    expect(early).toMatchObject({ __typename: 'DomainRuleError', code: 'CONSULTATION_REQUIRED' });
    await send('recordQualityPolicyConsultation', { policyId, consultedWith: ['Students', 'Employers'], summary: 'Agreed', consultedOn: '2026-02-01' }, POLICY);
    const approved = await send('approveQualityPolicy', { policyId, approvedOn: '2026-02-10', approvingBody: 'Academic Council' }, POLICY);
    expect(approved.qualityPolicy).toMatchObject({
      stage: 'APPROVED',
      stageLabel: 'Утверждена',
      consultations: [{ consultedWith: ['Students', 'Employers'] }],
    });
    await send('planQualityPolicyMeasure', { policyId, code: 'M-02', title: 'Publish results', ownerUnit: 'Department', dueOn: '2026-09-01' }, POLICY);
    await send('planQualityPolicyMeasure', { policyId, code: 'M-01', title: 'Survey graduates', ownerUnit: 'Career centre', dueOn: '2026-07-01' }, POLICY);
    const reported = await send('reportQualityPolicyMeasure', { policyId, code: 'M-01', state: 'DONE', reportedOn: '2026-05-01' }, POLICY);
    expect(reported.qualityPolicy.measures).toEqual([
      { code: 'M-01', state: 'DONE', dueOn: '2026-07-01' },
      { code: 'M-02', state: 'PLANNED', dueOn: '2026-09-01' },
    ]);
    const listed = await gql('{ qualityPolicies { policyId edition } }', {}, { token });
    expect(listed.data?.qualityPolicies).toEqual([{ policyId, edition: 1 }]);
  });
});

describe('quality standards', () => {
  const standard = (code: string) => ({
    code,
    title: { ky: code, ru: code, en: code },
    criteria: [{ code: '1.1', statement: { ky: 'a', ru: 'б', en: 'c' }, evidence: ['Published mission'] }],
    sources: [{ kind: 'RANKING_CRITERIA', reference: 'THE Impact Rankings 2026' }],
    draftedOn: '2026-01-10',
  });

  it('lists standards by stage, a page at a time, with their criteria and sources', async () => {
    const a = await send('draftQualityStandard', standard('QS-A'), STANDARD);
    await send('draftQualityStandard', standard('QS-B'), STANDARD);
    await send('draftQualityStandard', standard('QS-C'), STANDARD);
    const approved = await send(
      'approveQualityStandard',
      { standardId: a.qualityStandard.standardId, approvedOn: '2026-02-01', approvingBody: 'Council', revisionDue: '2028-02-01' },
      STANDARD,
    );
    expect(approved.qualityStandard).toMatchObject({
      stage: 'APPROVED',
      revisionDue: '2028-02-01',
      sources: [{ kind: 'RANKING_CRITERIA', kindLabel: 'Ranking criteria' }],
    });
    const LIST =
      'query($filter: QualityStandardFilter, $first: Int, $after: String) { qualityStandards(filter: $filter, first: $first, after: $after) { edges { node { code } } pageInfo { hasNextPage endCursor } } }';
    const drafts = await gql(LIST, { filter: { stages: ['DRAFT'] }, first: 1 }, { token });
    expect(drafts.data?.qualityStandards.edges).toEqual([{ node: { code: 'QS-B' } }]);
    const rest = await gql(LIST, { filter: { stages: ['DRAFT'] }, first: 5, after: drafts.data?.qualityStandards.pageInfo.endCursor }, { token });
    expect(rest.data?.qualityStandards).toEqual({ edges: [{ node: { code: 'QS-C' } }], pageInfo: { hasNextPage: false, endCursor: expect.any(String) } });
  });

  it('names the nested field that breaks a rule, and stores nothing', async () => {
    const before = encodePosition((await hub.store.headPosition())!);
    const bad = await send(
      'draftQualityStandard',
      { ...standard('QS-X'), criteria: [{ code: 'bad code!', statement: { ky: 'a', ru: 'б', en: 'c' }, evidence: [] }] },
      STANDARD,
    );
    expect(bad).toEqual({
      __typename: 'ValidationError',
      issues: [
        { path: ['criteria', '0', 'code'], message: 'must be 1-20 letters, digits, dots, dashes or underscores (e.g. 2.3)' },
        { path: ['criteria', '0', 'evidence'], message: 'must name at least one indicator of evidence' },
      ],
    });
    expect(encodePosition((await hub.store.headPosition())!)).toBe(before);
  });
});
