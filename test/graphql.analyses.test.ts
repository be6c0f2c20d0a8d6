// SWOT analyses and proposals to management through GraphQL (yoga.fetch) on a real embedded store:
// recorded, published, listed with filters; submitted and decided, by whom the matrix allows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from './support/fixtures.ts';
import { openDirectorHub, type DirectorHub } from './support/director-hub.ts';

const RECORD = `mutation($input: RecordSwotAnalysisInput!) { recordSwotAnalysis(input: $input) { __typename ... on SwotAnalysisPayload { swotAnalysis { id status } } ... on Error { message } } }`;
const PUBLISH = `mutation($input: PublishSwotAnalysisInput!) { publishSwotAnalysis(input: $input) { __typename ... on SwotAnalysisPayload { swotAnalysis { status publishedOn } } ... on DomainRuleError { code } ... on Error { message } } }`;
const SUBMIT = `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { __typename ... on ProposalPayload { proposal { id status } } ... on Error { message } } }`;
const DECIDE = `mutation($input: DecideProposalInput!) { decideProposal(input: $input) { __typename ... on ProposalPayload { proposal { status statusLabel(language: RU) reason decidedBy } } ... on DomainRuleError { code } ... on Error { message } } }`;

let gql: DirectorHub['gql'];
let token: string;
let close: DirectorHub['close'];

beforeAll(async () => ({ gql, token, close } = await openDirectorHub()));
afterAll(() => close());

const result = async (operation: string, input: Record<string, unknown>, as = token) => {
  const res = await gql(operation, { input }, { token: as });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as Record<string, any>;
};

describe('SWOT analyses', () => {
  it('are recorded as drafts, published, and listed by status', async () => {
    const input = (title: string, analysedOn: string) => ({
      title,
      scope: 'University',
      sources: [{ kind: 'INTERNAL', description: 'Student survey 2026' }],
      strengths: ['Medical faculty'],
      weaknesses: [],
      opportunities: ['IT demand'],
      threats: ['Staff emigration'],
      analysedOn,
    });
    const first = (await result(RECORD, input('OshSU 2026', '2027-01-20'))).swotAnalysis;
    await result(RECORD, input('OshSU 2027', '2028-01-20'));
    expect((await result(PUBLISH, { swotAnalysisId: first.id, publishedOn: '2027-02-01' })).swotAnalysis).toEqual({
      status: 'PUBLISHED',
      publishedOn: '2027-02-01',
    });
    expect(await result(PUBLISH, { swotAnalysisId: first.id, publishedOn: '2027-02-02' })).toMatchObject({
      __typename: 'DomainRuleError',
      code: 'SWOT_ALREADY_PUBLISHED',
    });

    const list = await gql(
      `query { swotAnalyses(filter: { statuses: [PUBLISHED] }) { edges { node { title statusLabel(language: KY) sources { kind } strengths threats } } } }`,
      {},
      { token },
    );
    expect(list.data!.swotAnalyses.edges).toEqual([
      {
        node: {
          title: 'OshSU 2026',
          statusLabel: 'Жарыяланды',
          sources: [{ kind: 'INTERNAL' }],
          strengths: ['Medical faculty'],
          threats: ['Staff emigration'],
        },
      },
    ]);
    const all = await gql(`query { swotAnalyses(first: 1) { edges { node { title } } pageInfo { hasNextPage } } }`, {}, { token });
    expect(all.data!.swotAnalyses).toEqual({ edges: [{ node: { title: 'OshSU 2026' } }], pageInfo: { hasNextPage: true } });
  });
});

describe('proposals to management', () => {
  it('are submitted by the department and decided by the rector, once, with the reason', async () => {
    const submitted = (
      await result(SUBMIT, {
        title: 'Annual satisfaction survey',
        summary: 'Run it every spring',
        bases: ['MONITORING_DATA', 'STAKEHOLDER_SUGGESTION'],
        addressedTo: 'Rector',
        submittedOn: '2027-02-10',
      })
    ).proposal;
    expect(submitted.status).toBe('SUBMITTED');
    const rector = await tokenFor({ id: 'u-rector', name: 'Rector', roles: ['rector'] });
    expect((await result(SUBMIT, { title: 'x', summary: 'x', bases: ['SWOT_ANALYSIS'], addressedTo: 'x', submittedOn: '2027-02-10' }, rector)).__typename).toBe(
      'ForbiddenError',
    );
    const decided = await result(
      DECIDE,
      { proposalId: submitted.id, outcome: 'REJECTED', reason: 'No budget this year', decidedBy: 'Rector', decidedOn: '2027-03-01' },
      rector,
    );
    expect(decided.proposal).toEqual({ status: 'REJECTED', statusLabel: 'Отклонено', reason: 'No budget this year', decidedBy: 'Rector' });
    expect(await result(DECIDE, { proposalId: submitted.id, outcome: 'ACCEPTED', reason: 'x', decidedBy: 'x', decidedOn: '2027-03-02' }, rector)).toMatchObject(
      { code: 'PROPOSAL_ALREADY_DECIDED' },
    );
    const list = await gql(`query { proposals(filter: { statuses: [REJECTED] }) { edges { node { title basisLabels(language: EN) } } } }`, {}, { token });
    expect(list.data!.proposals.edges).toEqual([{ node: { title: 'Annual satisfaction survey', basisLabels: ['Monitoring data', 'Stakeholder suggestion'] } }]);
  });
});
