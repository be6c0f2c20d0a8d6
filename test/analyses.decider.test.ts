// Given/when/then for SWOT analyses (DOMAIN.md 2.1 item 3) and proposals to management (item 21).
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../src/domain/decider.ts';
import { proposalCommands, proposalDecider, type ProposalEvent } from '../src/domain/proposals.ts';
import { swotAnalysisCommands, swotAnalysisDecider, type SwotAnalysisEvent } from '../src/domain/swot-analyses.ts';
import { deciderSpec } from './support/decider-spec.ts';

const context: CommandContext = {
  actor: { id: 'staff-0007', name: 'Cholpon Zhusupova', roles: ['specialist'] },
  now: '2027-03-01T04:00:00.000Z',
  commandId: '7a9c1e3b-5d7f-4a9c-8e1b-3d5f7a9c1e3b',
};
const swotAnalysisId = '1b3d5f7a-9c1e-4b3d-8f7a-9c1e3b5d7f9a';
const proposalId = '9e1b3d5f-7a9c-4e1b-8d5f-7a9c1e3b5d7f';

const analysis = {
  title: 'OshSU in 2026',
  scope: 'University',
  sources: [
    { kind: 'internal' as const, description: 'Student survey 2026' },
    { kind: 'external' as const, description: 'QS Asia 2026' },
  ],
  strengths: ['Largest medical faculty in the south'],
  weaknesses: ['Few Scopus publications per teacher'],
  opportunities: ['Regional demand for IT graduates'],
  threats: ['Emigration of young staff'],
  analysedOn: '2027-01-20',
};
const recorded: SwotAnalysisEvent = { type: 'SwotAnalysisRecorded', data: { swotAnalysisId, ...analysis } };

describe('a SWOT analysis', () => {
  const spec = deciderSpec(swotAnalysisDecider, context);

  it('is recorded from its data, and published once, not before it was made', () => {
    spec
      .given([])
      .when({ type: 'recordSwotAnalysis', swotAnalysisId, ...analysis })
      .then([recorded]);
    spec
      .given([recorded])
      .when({ type: 'recordSwotAnalysis', swotAnalysisId, ...analysis })
      .thenThrows('SWOT_ALREADY_RECORDED');
    const published: SwotAnalysisEvent = { type: 'SwotAnalysisPublished', data: { swotAnalysisId, publishedOn: '2027-02-01' } };
    spec.given([recorded]).when({ type: 'publishSwotAnalysis', swotAnalysisId, publishedOn: '2027-02-01' }).then([published]);
    spec.given([recorded, published]).when({ type: 'publishSwotAnalysis', swotAnalysisId, publishedOn: '2027-02-02' }).thenThrows('SWOT_ALREADY_PUBLISHED');
    spec.given([recorded]).when({ type: 'publishSwotAnalysis', swotAnalysisId, publishedOn: '2027-01-01' }).thenThrows('PUBLISHED_BEFORE_ANALYSIS');
    spec.given([]).when({ type: 'publishSwotAnalysis', swotAnalysisId, publishedOn: '2027-02-01' }).thenThrows('SWOT_NOT_FOUND');
  });

  it('needs a source of data and at least one item', () => {
    const issues = (overrides: Record<string, unknown>) =>
      swotAnalysisCommands.recordSwotAnalysis.safeParse({ ...analysis, ...overrides }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ sources: [] })).toEqual([['sources', 'must name at least one source of data']]);
    expect(issues({ strengths: [], weaknesses: [], opportunities: [], threats: [] })).toEqual([
      ['strengths', 'the analysis must name at least one strength, weakness, opportunity or threat'],
    ]);
  });
});

describe('a proposal to management', () => {
  const spec = deciderSpec(proposalDecider, context);
  const proposal = {
    title: 'Annual student satisfaction survey',
    summary: 'Run the survey every spring and publish results',
    bases: ['monitoring_data' as const],
    addressedTo: 'Rector',
    submittedOn: '2027-02-10',
  };
  const submitted: ProposalEvent = { type: 'ProposalSubmitted', data: { proposalId, ...proposal } };
  const decision = {
    type: 'decideProposal' as const,
    proposalId,
    outcome: 'accepted' as const,
    reason: 'Fits the quality policy',
    decidedBy: 'Rector, order 112',
    decidedOn: '2027-03-01',
  };

  it('is submitted, then decided once, with its reason, not before it was submitted', () => {
    spec
      .given([])
      .when({ type: 'submitProposal', proposalId, ...proposal })
      .then([submitted]);
    spec
      .given([submitted])
      .when({ type: 'submitProposal', proposalId, ...proposal })
      .thenThrows('PROPOSAL_ALREADY_SUBMITTED');
    const { type: _type, ...data } = decision;
    spec
      .given([submitted])
      .when(decision)
      .then([{ type: 'ProposalDecided', data }]);
    spec
      .given([submitted])
      .when({ ...decision, outcome: 'rejected' })
      .then([{ type: 'ProposalDecided', data: { ...data, outcome: 'rejected' } }]);
    spec
      .given([submitted, { type: 'ProposalDecided', data }])
      .when({ ...decision, outcome: 'rejected' })
      .thenThrows('PROPOSAL_ALREADY_DECIDED');
    spec
      .given([submitted])
      .when({ ...decision, decidedOn: '2027-01-01' })
      .thenThrows('DECIDED_BEFORE_SUBMISSION');
    spec.given([]).when(decision).thenThrows('PROPOSAL_NOT_FOUND');
    expect(proposalCommands.submitProposal.safeParse({ ...proposal, bases: [] }).error?.issues[0]?.path).toEqual(['bases']);
  });
});
