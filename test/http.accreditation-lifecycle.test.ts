// One programme's accreditation over a real socket, as the sector would run it: the agency and its
// framework, evidence kept once, application, self-assessment (a section returned and redrafted),
// the panel's visit, a conditional decision, the follow-up of every recommendation, and a closed
// case; an SSE subscriber (graphql-sse) watches every change of the case as it happens.
import { createClient as createSseClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHub, type Hub } from '../src/hub.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import { acceptedSender, commandSender, conditionalDecision, criteria } from './support/accreditation.ts';
import { director, inspector, sectorHead, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { graphqlClient } from './support/graphql.ts';

const CHANGES = `subscription($id: ID) { accreditationChanged(id: $id) { eventType revision accreditation { stage } } }`;
type Change = { eventType: string; revision: number; accreditation: { stage: string } };

describe('a programme from application to a closed case, over HTTP', () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let hub: Hub;
  let server: RunningServer;

  beforeAll(async () => {
    dir = temporaryDirectory();
    hub = await openHub(testConfig(dir.path));
    server = await startServer(hub, { port: 0, host: '127.0.0.1', secret: TEST_SECRET });
  });
  afterAll(async () => {
    await server.close();
    await hub.close();
    dir.remove();
  });

  it('takes the case through every stage while a subscriber sees each change', async () => {
    const gql = graphqlClient(fetch, server.url);
    const [staffToken, headToken, directorToken] = await Promise.all([tokenFor(inspector), tokenFor(sectorHead), tokenFor(director)]);
    const staff = acceptedSender(gql, staffToken);
    const head = acceptedSender(gql, headToken);

    const { agency } = await staff('registerAgency', {
      name: 'IAAR',
      kind: 'INTERNATIONAL',
      country: 'Kazakhstan',
      registeredFrom: '2017-04-06',
      memberships: ['EQAR', 'ENQA', 'WFME'],
    });
    await staff('publishAgencyFramework', {
      agencyId: agency.id,
      framework: 'programme',
      title: 'Standards of programme accreditation',
      adoptedOn: '2025-01-10',
      criteria,
    });
    const policy = (
      await staff('registerEvidence', {
        title: 'Quality assurance policy',
        kind: 'REGULATION',
        reference: 'https://oshsu.kg/qa/policy.pdf',
        ownerUnit: 'Department of Strategic Planning',
        registeredOn: '2025-09-01',
      })
    ).evidence;
    const monitoring = (
      await staff('registerEvidence', {
        title: 'Monitoring of the strategic plan 2025',
        kind: 'REPORT',
        reference: 'Registry 01-12/45',
        ownerUnit: 'Faculty of Economics',
        registeredOn: '2026-01-20',
      })
    ).evidence;

    const { accreditation } = await staff('applyForAccreditation', {
      kind: 'PROGRAMME',
      agencyId: agency.id,
      framework: 'programme',
      programmeCodes: ['580100'],
      faculty: 'Faculty of Economics',
      appliedOn: '2026-01-15',
    });
    const id = { accreditationId: accreditation.id };

    const sse = createSseClient({ url: server.url, headers: { authorization: `Bearer ${directorToken}` } });
    const received: Change[] = [];
    let stop = () => {};
    const closed = new Promise<void>((resolve, reject) => {
      stop = sse.subscribe<{ accreditationChanged: Change }>(
        { query: CHANGES, variables: { id: accreditation.id } },
        {
          next: ({ data }) => {
            received.push(data!.accreditationChanged);
            if (data!.accreditationChanged.eventType === 'AccreditationCaseClosed') resolve();
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    // The subscription is live once the hub has attached its listener to the projections.
    while (hub.projections.listenerCount() === 0) await new Promise((resolve) => setImmediate(resolve));

    await staff('startSelfAssessment', {
      ...id,
      startedOn: '2026-02-01',
      workingGroup: [
        { name: 'Cholpon Ismailova', role: 'CHAIR', unit: 'Faculty of Economics' },
        { name: 'Erkin Saparov', role: 'MEMBER' },
      ],
    });
    await staff('attachEvidence', { ...id, evidenceId: policy.id, criterion: '1.1' });
    await staff('draftSelfAssessmentSection', {
      ...id,
      criterion: '1.1',
      narrative: 'The mission is approved by the Academic Council.',
      draftedOn: '2026-02-05',
    });
    await staff('submitSelfAssessmentSection', { ...id, criterion: '1.1', submittedOn: '2026-02-06' });
    await head('approveSelfAssessmentSection', { ...id, criterion: '1.1', approvedOn: '2026-02-08' });
    await staff('draftSelfAssessmentSection', { ...id, criterion: '1.2', narrative: 'Plans are monitored.', draftedOn: '2026-02-05' });
    await staff('submitSelfAssessmentSection', { ...id, criterion: '1.2', submittedOn: '2026-02-06' });
    await head('returnSelfAssessmentSection', { ...id, criterion: '1.2', comments: 'Attach the 2025 monitoring report.', returnedOn: '2026-02-08' });
    await staff('attachEvidence', { ...id, evidenceId: monitoring.id, criterion: '1.2' });
    await staff('draftSelfAssessmentSection', {
      ...id,
      criterion: '1.2',
      narrative: 'Plans are monitored every year; see the 2025 report.',
      draftedOn: '2026-02-10',
    });
    await staff('submitSelfAssessmentSection', { ...id, criterion: '1.2', submittedOn: '2026-02-11' });
    await head('approveSelfAssessmentSection', { ...id, criterion: '1.2', approvedOn: '2026-02-12' });
    await staff('recordSelfAssessmentSwot', {
      ...id,
      strengths: ['Employers on the programme board'],
      weaknesses: ['Few staff publications'],
      opportunities: ['Erasmus+ mobility'],
      threats: ['Falling enrolment'],
      recordedOn: '2026-02-15',
    });

    // The inspector prepares but may not sign the report off; the head of sector does.
    const refused = await commandSender(gql, staffToken)('submitSelfAssessmentReport', { ...id, submittedOn: '2026-03-01' });
    expect(refused.__typename).toBe('ForbiddenError');
    await head('submitSelfAssessmentReport', { ...id, submittedOn: '2026-03-01' });
    await staff('appointExpertPanel', {
      ...id,
      visitFrom: '2026-04-14',
      visitTo: '2026-04-16',
      appointedOn: '2026-03-10',
      members: [
        { name: 'Ainur Bekova', role: 'CHAIR', external: true, affiliation: 'IAAR' },
        { name: 'Aibek Usenov', role: 'MEMBER', external: false },
      ],
    });
    await staff('recordVisitHeld', { ...id, heldFrom: '2026-04-14', heldTo: '2026-04-16', notes: 'Met the rector, deans, students, graduates and employers.' });
    await staff('recordExpertReport', { ...id, receivedOn: '2026-04-30', summary: 'Meets the standards; two recommendations.' });
    const decided = await head('decideAccreditation', conditionalDecision(accreditation.id));
    expect(decided.accreditation).toMatchObject({ stage: 'DECIDED', outcome: 'CONDITIONALLY_ACCREDITED' });

    const early = await commandSender(gql, headToken)('closeAccreditationCase', { ...id, closedOn: '2026-06-01' });
    expect(early).toMatchObject({ __typename: 'DomainRuleError', code: 'RECOMMENDATIONS_OPEN', message: 'close recommendations 1, 2 first' });

    for (const [n, owner] of [
      [1, 'Faculty of Economics'],
      [2, 'Dean of Economics'],
    ] as const) {
      await staff('planRecommendationAction', {
        ...id,
        recommendation: n,
        action: `Action on recommendation ${n}`,
        owner,
        dueOn: '2026-10-01',
        plannedOn: '2026-06-01',
      });
      await staff('completeRecommendationAction', { ...id, recommendation: n, result: `Recommendation ${n} addressed`, completedOn: '2026-09-15' });
    }
    await staff('attachEvidence', { ...id, evidenceId: monitoring.id, recommendation: 1 });
    await head('closeRecommendation', { ...id, recommendation: 1, closedOn: '2026-09-20' });
    await head('closeRecommendation', { ...id, recommendation: 2, closedOn: '2026-09-20' });
    const done = await head('closeAccreditationCase', { ...id, closedOn: '2026-09-30' });
    expect(done.accreditation.stage).toBe('CLOSED');

    await closed;
    stop();
    expect(received.map((c) => c.revision)).toEqual(received.map((_, i) => i + 1));
    expect(received.map((c) => c.eventType)).toEqual([
      'SelfAssessmentStarted',
      'EvidenceAttached',
      'SelfAssessmentSectionDrafted',
      'SelfAssessmentSectionSubmitted',
      'SelfAssessmentSectionApproved',
      'SelfAssessmentSectionDrafted',
      'SelfAssessmentSectionSubmitted',
      'SelfAssessmentSectionReturned',
      'EvidenceAttached',
      'SelfAssessmentSectionDrafted',
      'SelfAssessmentSectionSubmitted',
      'SelfAssessmentSectionApproved',
      'SelfAssessmentSwotRecorded',
      'SelfAssessmentReportSubmitted',
      'ExpertPanelAppointed',
      'AccreditationVisitHeld',
      'ExpertReportReceived',
      'AccreditationDecided',
      'RecommendationActionPlanned',
      'RecommendationActionCompleted',
      'RecommendationActionPlanned',
      'RecommendationActionCompleted',
      'EvidenceAttached',
      'RecommendationClosed',
      'RecommendationClosed',
      'AccreditationCaseClosed',
    ]);
    expect(received.at(-1)!.accreditation.stage).toBe('CLOSED');

    const final = await gql(
      `query($id: ID!) { accreditation(id: $id) { stage outcome validUntil criteriaLackingEvidence
        sections { criterion status evidence { title } } recommendations { number status owner result evidence { title } } }
        programme(code: "580100") { mayRun accredited accreditations { stage outcome validUntil } } }`,
      { id: accreditation.id },
      { token: directorToken },
    );
    expect(final.data).toEqual({
      accreditation: {
        stage: 'CLOSED',
        outcome: 'CONDITIONALLY_ACCREDITED',
        validUntil: '2029-05-19',
        criteriaLackingEvidence: [],
        sections: [
          { criterion: '1.1', status: 'APPROVED', evidence: [{ title: 'Quality assurance policy' }] },
          { criterion: '1.2', status: 'APPROVED', evidence: [{ title: 'Monitoring of the strategic plan 2025' }] },
        ],
        recommendations: [
          {
            number: 1,
            status: 'CLOSED',
            owner: 'Faculty of Economics',
            result: 'Recommendation 1 addressed',
            evidence: [{ title: 'Monitoring of the strategic plan 2025' }],
          },
          { number: 2, status: 'CLOSED', owner: 'Dean of Economics', result: 'Recommendation 2 addressed', evidence: [] },
        ],
      },
      programme: { mayRun: false, accredited: true, accreditations: [{ stage: 'CLOSED', outcome: 'CONDITIONALLY_ACCREDITED', validUntil: '2029-05-19' }] },
    });
  });
});
