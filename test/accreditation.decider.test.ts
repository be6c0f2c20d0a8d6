// Given/when/then of the accreditation case decider: every command, every stage it may and may not
// be sent in (with the code that says what must happen first), and the zod rules of its inputs.
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../src/domain/decider.ts';
import {
  accreditationCaseCommands,
  accreditationCaseDecider,
  type AccreditationCaseCommand,
  type AccreditationCaseEvent,
  type AgencySnapshot,
} from '../src/domain/accreditation-cases.ts';
import { deciderSpec } from './support/decider-spec.ts';

const context: CommandContext = {
  actor: { id: 'staff-0042', name: 'Aizada Toktosunova', roles: ['head_of_accreditation_sector'] },
  now: '2026-01-10T09:30:00.000Z',
  commandId: 'c0ffee00-0000-4000-8000-000000000002',
};
const spec = deciderSpec(accreditationCaseDecider, context);

const accreditationId = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const agencyId = '7b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
const evidenceId = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const previousId = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

const framework = {
  framework: 'programme',
  version: 2,
  title: 'Standards of programme accreditation',
  adoptedOn: '2025-01-10',
  criteria: [
    { code: '1.1', standard: '1. Quality assurance policy', title: 'Mission and strategic plans' },
    { code: '1.2', standard: '1. Quality assurance policy', title: 'Annual monitoring of plans' },
  ],
};
const agency: AgencySnapshot = { name: 'IAAR', registeredFrom: '2017-04-06', registeredUntil: '2027-04-05', frameworks: { programme: framework } };

type Name = AccreditationCaseCommand['type'];
type Command<N extends Name> = Extract<AccreditationCaseCommand, { type: N }>;
type Event<T extends AccreditationCaseEvent['type']> = Extract<AccreditationCaseEvent, { type: T }>;
const command = <N extends Name>(type: N, input: Omit<Command<N>, 'type' | 'accreditationId'>): Command<N> =>
  ({ type, accreditationId, ...input }) as Command<N>;
const event = <T extends AccreditationCaseEvent['type']>(type: T, data: Omit<Event<T>['data'], 'accreditationId'>): Event<T> =>
  ({ type, data: { accreditationId, ...data } }) as unknown as Event<T>;

// Commands, as the stages need them.
const apply = (input: Partial<Command<'applyForAccreditation'>> = {}) =>
  command('applyForAccreditation', {
    kind: 'programme',
    agencyId,
    framework: 'programme',
    programmeCodes: ['580100'],
    faculty: 'Faculty of Economics',
    appliedOn: '2026-01-15',
    agency,
    renewed: undefined,
    ...input,
  });
const workingGroup = [
  { name: 'Cholpon Ismailova', role: 'chair' as const, unit: 'Faculty of Economics' },
  { name: 'Erkin Saparov', role: 'member' as const },
];
const start = (startedOn = '2026-02-01') => command('startSelfAssessment', { workingGroup, startedOn });
const draft = (criterion = '1.1', draftedOn = '2026-02-10') =>
  command('draftSelfAssessmentSection', { criterion, narrative: 'The mission is approved by the Academic Council.', draftedOn });
const submitSection = (criterion = '1.1', submittedOn = '2026-02-12') => command('submitSelfAssessmentSection', { criterion, submittedOn });
const returnSection = (criterion = '1.1') =>
  command('returnSelfAssessmentSection', { criterion, comments: 'Add the monitoring results of 2025.', returnedOn: '2026-02-14' });
const approve = (criterion = '1.1', approvedOn = '2026-02-15') => command('approveSelfAssessmentSection', { criterion, approvedOn });
const swot = command('recordSelfAssessmentSwot', {
  strengths: ['Clinical bases'],
  weaknesses: ['Few publications'],
  opportunities: ['Erasmus+'],
  threats: ['Demography'],
  recordedOn: '2026-02-20',
});
const submitReport = (submittedOn = '2026-03-01') => command('submitSelfAssessmentReport', { submittedOn });
const panel = [
  { name: 'Ainur Bekova', role: 'chair' as const, external: true, affiliation: 'IAAR' },
  { name: 'Aibek Usenov', role: 'member' as const, external: false },
];
const appoint = (appointedOn = '2026-03-10') => command('appointExpertPanel', { members: panel, visitFrom: '2026-04-14', visitTo: '2026-04-16', appointedOn });
const visit = (heldFrom = '2026-04-14') => command('recordVisitHeld', { heldFrom, heldTo: '2026-04-16', notes: 'Met deans, students and employers.' });
const report = (receivedOn = '2026-04-30') => command('recordExpertReport', { receivedOn, summary: 'Meets the standards with two recommendations.' });
const decideCommand = (input: Partial<Command<'decideAccreditation'>> = {}) =>
  command('decideAccreditation', {
    outcome: 'conditionally_accredited',
    decidedOn: '2026-05-20',
    validFrom: '2026-05-20',
    validUntil: '2029-05-19',
    conditions: ['Raise the share of staff with degrees to 40%'],
    recommendations: [{ text: 'Publish the monitoring results', dueOn: '2026-12-01' }, { text: 'Involve employers in the curriculum' }],
    interimReportDueOn: '2027-05-20',
    ...input,
  });
const plan = (recommendation = 1, plannedOn = '2026-06-01') =>
  command('planRecommendationAction', { recommendation, action: 'Publish on the website', owner: 'Faculty of Economics', dueOn: '2026-09-01', plannedOn });
const complete = (recommendation = 1, completedOn = '2026-08-15') =>
  command('completeRecommendationAction', { recommendation, result: 'Published', completedOn });
const closeRec = (recommendation = 1, closedOn = '2026-08-20') => command('closeRecommendation', { recommendation, closedOn });
const escalate = (recommendation = 1) => command('escalateRecommendation', { recommendation, reason: 'No owner agreed', escalatedOn: '2026-07-01' });
const overdue = (recommendation = 1, on = '2026-09-02') => command('markRecommendationActionOverdue', { recommendation, on });
const interim = (submittedOn = '2027-05-15') => command('submitInterimReport', { summary: 'Both recommendations met.', submittedOn, nextDueOn: '2028-05-20' });
const closeCase = (closedOn = '2026-09-01') => command('closeAccreditationCase', { closedOn });
const expire = (expiredOn = '2029-05-20') => command('recordAccreditationExpiry', { expiredOn });
const withdraw = (withdrawnOn = '2026-09-01') => command('withdrawAccreditation', { reason: 'The programme is discontinued.', withdrawnOn });
const renewal = (renewedBy = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d') => command('recordAccreditationRenewal', { renewedBy });
const attach = (target: { criterion: string } | { recommendation: number }, evidence: { title: string } | 'not in the library' = { title: 'QA policy' }) =>
  command('attachEvidence', { evidenceId, ...target, evidence: evidence === 'not in the library' ? undefined : evidence } as Omit<
    Command<'attachEvidence'>,
    'type' | 'accreditationId'
  >);

// Events: what each command records.
const applied = event('AccreditationApplied', {
  kind: 'programme',
  agencyId,
  agencyName: 'IAAR',
  framework,
  programmeCodes: ['580100'],
  faculty: 'Faculty of Economics',
  appliedOn: '2026-01-15',
});
const started = event('SelfAssessmentStarted', { workingGroup, startedOn: '2026-02-01' });
const drafted = (criterion = '1.1', draftedOn = '2026-02-10') =>
  event('SelfAssessmentSectionDrafted', { criterion, narrative: 'The mission is approved by the Academic Council.', draftedOn });
const submitted = (criterion = '1.1', submittedOn = '2026-02-12') => event('SelfAssessmentSectionSubmitted', { criterion, submittedOn });
const returned = event('SelfAssessmentSectionReturned', { criterion: '1.1', comments: 'Add the monitoring results of 2025.', returnedOn: '2026-02-14' });
const approved = (criterion = '1.1', approvedOn = '2026-02-15') => event('SelfAssessmentSectionApproved', { criterion, approvedOn });
const swotRecorded = event('SelfAssessmentSwotRecorded', {
  strengths: ['Clinical bases'],
  weaknesses: ['Few publications'],
  opportunities: ['Erasmus+'],
  threats: ['Demography'],
  recordedOn: '2026-02-20',
});
const reportSubmitted = event('SelfAssessmentReportSubmitted', { submittedOn: '2026-03-01' });
const appointed = event('ExpertPanelAppointed', { members: panel, visitFrom: '2026-04-14', visitTo: '2026-04-16', appointedOn: '2026-03-10' });
const visited = event('AccreditationVisitHeld', { heldFrom: '2026-04-14', heldTo: '2026-04-16', notes: 'Met deans, students and employers.' });
const reported = event('ExpertReportReceived', { receivedOn: '2026-04-30', summary: 'Meets the standards with two recommendations.' });
const decided = event('AccreditationDecided', {
  outcome: 'conditionally_accredited',
  decidedOn: '2026-05-20',
  validFrom: '2026-05-20',
  validUntil: '2029-05-19',
  conditions: ['Raise the share of staff with degrees to 40%'],
  recommendations: [
    { number: 1, text: 'Publish the monitoring results', dueOn: '2026-12-01' },
    { number: 2, text: 'Involve employers in the curriculum' },
  ],
  interimReportDueOn: '2027-05-20',
});
const denied = event('AccreditationDecided', { outcome: 'denied', decidedOn: '2026-05-20', conditions: [], recommendations: [] });
const planned = (recommendation = 1) =>
  event('RecommendationActionPlanned', {
    recommendation,
    action: 'Publish on the website',
    owner: 'Faculty of Economics',
    dueOn: '2026-09-01',
    plannedOn: '2026-06-01',
  });
const completed = (recommendation = 1) => event('RecommendationActionCompleted', { recommendation, result: 'Published', completedOn: '2026-08-15' });
const recClosed = (recommendation = 1) => event('RecommendationClosed', { recommendation, closedOn: '2026-08-20' });
const caseClosed = event('AccreditationCaseClosed', { closedOn: '2026-09-01' });
const expired = event('AccreditationExpired', { expiredOn: '2029-05-20' });
const withdrawn = event('AccreditationWithdrawn', { reason: 'The programme is discontinued.', withdrawnOn: '2026-09-01' });

const bothApproved = [
  drafted('1.1'),
  submitted('1.1'),
  approved('1.1'),
  drafted('1.2', '2026-02-15'),
  submitted('1.2', '2026-02-15'),
  approved('1.2', '2026-02-16'),
];
const h = {
  applied: [applied],
  selfAssessment: [applied, started],
  reportSubmitted: [applied, started, ...bothApproved, swotRecorded, reportSubmitted],
  panel: [applied, started, ...bothApproved, swotRecorded, reportSubmitted, appointed],
  visited: [applied, started, ...bothApproved, swotRecorded, reportSubmitted, appointed, visited],
  reported: [applied, started, ...bothApproved, swotRecorded, reportSubmitted, appointed, visited, reported],
  decided: [applied, started, ...bothApproved, swotRecorded, reportSubmitted, appointed, visited, reported, decided],
  denied: [applied, started, ...bothApproved, swotRecorded, reportSubmitted, appointed, visited, reported, denied],
};
const followedUp = [...h.decided, planned(1), completed(1), recClosed(1), planned(2), completed(2), recClosed(2)];

describe('accreditation case decider: the application', () => {
  it('opens a case that copies the agency’s current framework version', () => {
    spec.given([]).when(apply()).then([applied]);
  });

  it('records the case it renews', () => {
    const renewing = apply({ renews: previousId, renewed: { outcome: 'accredited' } });
    spec
      .given([])
      .when(renewing)
      .then([{ ...applied, data: { ...applied.data, renews: previousId } }]);
  });

  it.each([
    ['an unknown agency', apply({ agency: undefined }), 'AGENCY_NOT_FOUND'],
    ['an agency out of the register on that day', apply({ appliedOn: '2027-04-06' }), 'AGENCY_NOT_REGISTERED'],
    ['a framework the agency has not published', apply({ framework: 'institutional' }), 'FRAMEWORK_NOT_FOUND'],
    ['renewing a case that does not exist', apply({ renews: previousId, renewed: undefined }), 'RENEWED_CASE_NOT_FOUND'],
    ['renewing a denied case', apply({ renews: previousId, renewed: { outcome: 'denied' } }), 'NOTHING_TO_RENEW'],
  ] as const)('refuses %s', (_what, cmd, code) => {
    spec.given([]).when(cmd).thenThrows(code);
  });

  it('is made once', () => {
    spec.given(h.applied).when(apply()).thenThrows('ACCREDITATION_ALREADY_APPLIED');
  });

  it('refuses any other command on a case that does not exist', () => {
    for (const cmd of [
      start(),
      draft(),
      submitReport(),
      appoint(),
      decideCommand(),
      closeCase(),
      expire(),
      withdraw(),
      renewal(),
      attach({ criterion: '1.1' }),
    ]) {
      spec.given([]).when(cmd).thenThrows('ACCREDITATION_NOT_FOUND');
    }
  });
});

describe('accreditation case decider: self-assessment', () => {
  it('starts once, after the application', () => {
    spec.given(h.applied).when(start()).then([started]);
    spec.given(h.selfAssessment).when(start()).thenThrows('STAGE_PASSED');
    spec.given(h.applied).when(start('2026-01-14')).thenThrows('DATE_BEFORE_PREVIOUS_STEP');
  });

  it('takes sections only while the self-assessment runs, saying to start it first', () => {
    spec.given(h.applied).when(draft()).thenThrows('SELF_ASSESSMENT_NOT_STARTED');
    spec.given(h.applied).when(swot).thenThrows('SELF_ASSESSMENT_NOT_STARTED');
    spec.given(h.reportSubmitted).when(draft()).thenThrows('STAGE_PASSED');
  });

  it('moves a section draft → for review → approved, or back with comments to be redrafted', () => {
    spec.given(h.selfAssessment).when(draft()).then([drafted()]);
    spec
      .given([...h.selfAssessment, drafted()])
      .when(submitSection())
      .then([submitted()]);
    spec
      .given([...h.selfAssessment, drafted(), submitted()])
      .when(approve())
      .then([approved()]);
    spec
      .given([...h.selfAssessment, drafted(), submitted()])
      .when(returnSection())
      .then([returned]);
    spec
      .given([...h.selfAssessment, drafted(), submitted(), returned])
      .when(draft('1.1', '2026-02-14'))
      .then([drafted('1.1', '2026-02-14')]);
  });

  it('refuses section steps out of order, naming the step that must come first', () => {
    spec.given(h.selfAssessment).when(draft('9.9')).thenThrows('UNKNOWN_CRITERION');
    spec.given(h.selfAssessment).when(submitSection()).thenThrows('SECTION_NOT_DRAFTED');
    spec
      .given([...h.selfAssessment, drafted(), submitted(), returned])
      .when(submitSection('1.1', '2026-02-15'))
      .thenThrows('SECTION_NOT_DRAFTED');
    spec
      .given([...h.selfAssessment, drafted()])
      .when(approve())
      .thenThrows('SECTION_NOT_FOR_REVIEW');
    spec
      .given([...h.selfAssessment, drafted()])
      .when(returnSection())
      .thenThrows('SECTION_NOT_FOR_REVIEW');
    spec
      .given([...h.selfAssessment, drafted(), submitted()])
      .when(draft('1.1', '2026-02-13'))
      .thenThrows('SECTION_UNDER_REVIEW');
    spec
      .given([...h.selfAssessment, drafted(), submitted(), approved()])
      .when(draft('1.1', '2026-02-16'))
      .thenThrows('SECTION_APPROVED');
    spec
      .given([...h.selfAssessment, drafted()])
      .when(submitSection('1.1', '2026-02-09'))
      .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
  });

  it('keeps each section’s steps in order among themselves, while sections run side by side', () => {
    const oneApproved = [...h.selfAssessment, drafted('1.1'), submitted('1.1'), approved('1.1')];
    spec
      .given(oneApproved)
      .when(draft('1.2', '2026-02-11'))
      .then([drafted('1.2', '2026-02-11')]);
    spec.given(oneApproved).when(draft('1.2', '2026-01-31')).thenThrows('DATE_BEFORE_PREVIOUS_STEP');
    spec
      .given([...h.selfAssessment, ...bothApproved, swotRecorded])
      .when(submitReport('2026-02-19'))
      .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
  });

  it('records the SWOT of the whole', () => {
    spec.given(h.selfAssessment).when(swot).then([swotRecorded]);
  });

  it('submits the report only with every section approved and the SWOT recorded', () => {
    spec
      .given([...h.selfAssessment, ...bothApproved, swotRecorded])
      .when(submitReport())
      .then([reportSubmitted]);
    spec
      .given([...h.selfAssessment, drafted(), submitted(), approved(), swotRecorded])
      .when(submitReport())
      .thenThrows('SECTIONS_NOT_APPROVED');
    spec
      .given([...h.selfAssessment, ...bothApproved])
      .when(submitReport())
      .thenThrows('SWOT_REQUIRED');
    spec.given(h.applied).when(submitReport()).thenThrows('SELF_ASSESSMENT_NOT_STARTED');
  });

  it('says which sections still wait for approval', () => {
    const outcome = (() => {
      try {
        accreditationCaseDecider.decide(
          submitReport(),
          h.selfAssessment.reduce(accreditationCaseDecider.evolve, accreditationCaseDecider.initialState),
          context,
        );
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(outcome).toBe('approve the sections for criteria 1.1, 1.2 first');
  });
});

describe('accreditation case decider: panel, visit, report, decision', () => {
  it('appoints the panel after the report is submitted, and again to reschedule', () => {
    spec.given(h.reportSubmitted).when(appoint()).then([appointed]);
    spec
      .given(h.panel)
      .when(appoint('2026-03-12'))
      .then([{ ...appointed, data: { ...appointed.data, appointedOn: '2026-03-12' } }]);
    spec.given(h.selfAssessment).when(appoint()).thenThrows('SELF_ASSESSMENT_REPORT_REQUIRED');
  });

  it('records the visit only after the panel, the report only after the visit, the decision only after the report', () => {
    spec.given(h.panel).when(visit()).then([visited]);
    spec.given(h.visited).when(report()).then([reported]);
    spec.given(h.reported).when(decideCommand()).then([decided]);
    spec.given(h.reportSubmitted).when(visit()).thenThrows('EXPERT_PANEL_REQUIRED');
    spec.given(h.panel).when(report()).thenThrows('VISIT_REQUIRED');
    spec.given(h.visited).when(decideCommand()).thenThrows('EXPERT_REPORT_REQUIRED');
    spec.given(h.applied).when(decideCommand()).thenThrows('SELF_ASSESSMENT_NOT_STARTED');
    spec.given(h.decided).when(decideCommand()).thenThrows('STAGE_PASSED');
    spec
      .given(h.reported)
      .when(decideCommand({ decidedOn: '2026-04-29' }))
      .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
  });

  it('records a denial without validity or recommendations', () => {
    spec
      .given(h.reported)
      .when(
        decideCommand({ outcome: 'denied', validFrom: undefined, validUntil: undefined, conditions: [], recommendations: [], interimReportDueOn: undefined }),
      )
      .then([{ ...denied, data: { ...denied.data, validFrom: undefined, validUntil: undefined, interimReportDueOn: undefined } }]);
  });
});

describe('accreditation case decider: follow-up of recommendations', () => {
  it('plans, completes and closes an action on a recommendation', () => {
    spec.given(h.decided).when(plan()).then([planned()]);
    spec
      .given([...h.decided, planned()])
      .when(complete())
      .then([completed()]);
    spec
      .given([...h.decided, planned(), completed()])
      .when(closeRec())
      .then([recClosed()]);
  });

  it('refuses follow-up before the decision, after a denial, and for unknown recommendations', () => {
    spec.given(h.reported).when(plan()).thenThrows('DECISION_REQUIRED');
    spec.given(h.denied).when(plan()).thenThrows('ACCREDITATION_DENIED');
    spec.given(h.decided).when(plan(3)).thenThrows('UNKNOWN_RECOMMENDATION');
    spec
      .given(h.decided)
      .when(command('planRecommendationAction', { recommendation: 1, action: 'x', owner: 'y', dueOn: '2026-05-31', plannedOn: '2026-06-01' }))
      .thenThrows('DUE_BEFORE_PLANNED');
  });

  it('refuses steps of the follow-up out of order', () => {
    spec.given(h.decided).when(complete()).thenThrows('ACTION_NOT_PLANNED');
    spec.given(h.decided).when(closeRec()).thenThrows('ACTION_NOT_COMPLETED');
    spec
      .given([...h.decided, planned()])
      .when(closeRec())
      .thenThrows('ACTION_NOT_COMPLETED');
    spec
      .given([...h.decided, planned(), completed()])
      .when(plan(1, '2026-08-16'))
      .thenThrows('ACTION_ALREADY_COMPLETED');
    spec
      .given([...h.decided, planned(), completed(), recClosed()])
      .when(closeRec(1, '2026-08-21'))
      .thenThrows('RECOMMENDATION_CLOSED');
    spec
      .given([...h.decided, planned(), completed(), recClosed()])
      .when(escalate())
      .thenThrows('RECOMMENDATION_CLOSED');
  });

  it('escalates a recommendation once, and a new action can then be planned on it', () => {
    spec
      .given(h.decided)
      .when(escalate())
      .then([event('RecommendationEscalated', { recommendation: 1, reason: 'No owner agreed', escalatedOn: '2026-07-01' })]);
    const escalated = [...h.decided, event('RecommendationEscalated', { recommendation: 1, reason: 'No owner agreed', escalatedOn: '2026-07-01' })];
    spec.given(escalated).when(escalate()).thenThrows('RECOMMENDATION_ESCALATED');
    spec
      .given(escalated)
      .when(plan(1, '2026-07-02'))
      .then([{ ...planned(), data: { ...planned().data, plannedOn: '2026-07-02' } }]);
  });

  it('marks an action overdue only after its due date, and an overdue action can still be completed', () => {
    spec
      .given([...h.decided, planned()])
      .when(overdue())
      .then([event('RecommendationActionOverdue', { recommendation: 1, dueOn: '2026-09-01', on: '2026-09-02' })]);
    spec
      .given([...h.decided, planned()])
      .when(overdue(1, '2026-09-01'))
      .thenThrows('ACTION_NOT_DUE');
    spec.given(h.decided).when(overdue()).thenThrows('NO_ACTION_PENDING');
    const late = [...h.decided, planned(), event('RecommendationActionOverdue', { recommendation: 1, dueOn: '2026-09-01', on: '2026-09-02' })];
    spec
      .given(late)
      .when(complete(1, '2026-09-05'))
      .then([{ ...completed(), data: { ...completed().data, completedOn: '2026-09-05' } }]);
  });
});

describe('accreditation case decider: interim reports, closing, expiry, withdrawal, renewal', () => {
  it('takes interim reports while the accreditation stands, also after the case is closed', () => {
    const submittedReport = event('InterimReportSubmitted', { summary: 'Both recommendations met.', submittedOn: '2027-05-15', nextDueOn: '2028-05-20' });
    spec.given(h.decided).when(interim()).then([submittedReport]);
    spec
      .given([...followedUp, caseClosed])
      .when(interim())
      .then([submittedReport]);
    spec.given(h.denied).when(interim()).thenThrows('ACCREDITATION_DENIED');
    spec.given(h.reported).when(interim()).thenThrows('DECISION_REQUIRED');
    spec
      .given(h.decided)
      .when(command('submitInterimReport', { summary: 's', submittedOn: '2027-05-15', nextDueOn: '2027-05-15' }))
      .thenThrows('NEXT_REPORT_BEFORE_THIS');
  });

  it('closes a case no earlier than the last step of any recommendation', () => {
    spec.given(followedUp).when(closeCase('2026-08-19')).thenThrows('DATE_BEFORE_PREVIOUS_STEP');
  });

  it('closes a case only when every recommendation is closed', () => {
    spec.given(followedUp).when(closeCase()).then([caseClosed]);
    spec.given(h.denied).when(closeCase()).then([caseClosed]);
    spec
      .given([...h.decided, planned(), completed(), recClosed()])
      .when(closeCase())
      .thenThrows('RECOMMENDATIONS_OPEN');
    spec.given(h.reported).when(closeCase()).thenThrows('DECISION_REQUIRED');
    spec
      .given([...followedUp, caseClosed])
      .when(closeCase('2026-09-02'))
      .thenThrows('CASE_CLOSED');
    spec
      .given([...followedUp, caseClosed])
      .when(plan(1, '2026-09-02'))
      .thenThrows('CASE_CLOSED');
  });

  it('records the expiry only after the last valid day', () => {
    spec.given(h.decided).when(expire()).then([expired]);
    spec
      .given([...followedUp, caseClosed])
      .when(expire())
      .then([expired]);
    spec.given(h.decided).when(expire('2029-05-19')).thenThrows('ACCREDITATION_STILL_VALID');
    spec.given(h.denied).when(expire()).thenThrows('NOT_ACCREDITED');
    spec
      .given([...h.decided, expired])
      .when(expire('2029-05-21'))
      .thenThrows('ACCREDITATION_EXPIRED');
    spec
      .given([...h.decided, withdrawn])
      .when(expire())
      .thenThrows('ACCREDITATION_WITHDRAWN');
    spec
      .given([...h.decided, expired])
      .when(plan(1, '2029-06-01'))
      .thenThrows('ACCREDITATION_EXPIRED');
  });

  it('withdraws an application or an accreditation, once', () => {
    spec.given(h.selfAssessment).when(withdraw()).then([withdrawn]);
    spec.given(h.decided).when(withdraw()).then([withdrawn]);
    spec
      .given([...h.decided, withdrawn])
      .when(withdraw())
      .thenThrows('ACCREDITATION_WITHDRAWN');
    spec
      .given([...h.decided, expired])
      .when(withdraw())
      .thenThrows('ACCREDITATION_EXPIRED');
    spec.given(h.denied).when(withdraw()).thenThrows('ACCREDITATION_DENIED');
    spec
      .given([...h.decided, withdrawn])
      .when(start('2026-09-02'))
      .thenThrows('ACCREDITATION_WITHDRAWN');
  });

  it('records which case renews an accredited one, once (again is nothing new)', () => {
    const renewed = event('AccreditationRenewed', { renewedBy: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' });
    spec.given(h.decided).when(renewal()).then([renewed]);
    spec
      .given([...h.decided, renewed])
      .when(renewal())
      .then([]);
    spec
      .given([...h.decided, renewed])
      .when(renewal('0f0f0f0f-5e4f-4a3b-8c2d-1e0f9a8b7c6d'))
      .thenThrows('ALREADY_RENEWED');
    spec.given(h.denied).when(renewal()).thenThrows('NOTHING_TO_RENEW');
  });
});

describe('accreditation case decider: evidence', () => {
  const attached = (target: { criterion: string } | { recommendation: number }) => event('EvidenceAttached', { evidenceId, ...target, title: 'QA policy' });

  it('attaches a document to a criterion’s section or a recommendation, once', () => {
    spec
      .given(h.selfAssessment)
      .when(attach({ criterion: '1.1' }))
      .then([attached({ criterion: '1.1' })]);
    spec
      .given(h.decided)
      .when(attach({ recommendation: 2 }))
      .then([attached({ recommendation: 2 })]);
    spec
      .given([...h.selfAssessment, attached({ criterion: '1.1' })])
      .when(attach({ criterion: '1.1' }))
      .then([]);
  });

  it('refuses an unknown document, criterion or recommendation, and an approved section', () => {
    spec
      .given(h.selfAssessment)
      .when(attach({ criterion: '1.1' }, 'not in the library'))
      .thenThrows('EVIDENCE_NOT_FOUND');
    spec
      .given(h.selfAssessment)
      .when(attach({ criterion: '7.7' }))
      .thenThrows('UNKNOWN_CRITERION');
    spec
      .given(h.decided)
      .when(attach({ recommendation: 9 }))
      .thenThrows('UNKNOWN_RECOMMENDATION');
    spec
      .given(h.selfAssessment)
      .when(attach({ recommendation: 1 }))
      .thenThrows('SELF_ASSESSMENT_REPORT_REQUIRED');
    spec
      .given(h.decided)
      .when(attach({ criterion: '1.1' }))
      .thenThrows('SECTION_APPROVED');
  });
});

describe('accreditation command inputs', () => {
  const issues = (name: keyof typeof accreditationCaseCommands, input: Record<string, unknown>) =>
    accreditationCaseCommands[name].safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

  it('programme accreditation names its programmes, each once, by six-digit code', () => {
    const base = { kind: 'programme', agencyId, framework: 'programme', appliedOn: '2026-01-15' };
    expect(issues('applyForAccreditation', { ...base, programmeCodes: [] })).toEqual([
      'programmeCodes: must name at least one programme for programme accreditation',
    ]);
    expect(issues('applyForAccreditation', { ...base, programmeCodes: ['580100', '580100'] })).toEqual(['programmeCodes: must not repeat a programme']);
    expect(issues('applyForAccreditation', { ...base, programmeCodes: ['5801'] })).toEqual([
      'programmeCodes.0: must be the six-digit code of the direction or specialty (e.g. 580100)',
    ]);
    expect(issues('applyForAccreditation', { ...base, kind: 'institutional', programmeCodes: [] })).toBeUndefined();
  });

  it('groups and panels have exactly one chair; a visit ends after it starts', () => {
    expect(issues('startSelfAssessment', { accreditationId, workingGroup: [{ name: 'A', role: 'member' }], startedOn: '2026-02-01' })).toEqual([
      'workingGroup: must have exactly one chair',
    ]);
    expect(
      issues('appointExpertPanel', { accreditationId, members: panel, visitFrom: '2026-04-14', visitTo: '2026-04-13', appointedOn: '2026-03-10' }),
    ).toEqual(['visitTo: must not be before visitFrom']);
  });

  it('a decision has validity unless it is a denial, and conditions when it is conditional', () => {
    const base = { accreditationId, decidedOn: '2026-05-20', conditions: [], recommendations: [] };
    expect(issues('decideAccreditation', { ...base, outcome: 'accredited' })).toEqual([
      'validUntil: validFrom and validUntil are required unless the accreditation is denied',
    ]);
    expect(issues('decideAccreditation', { ...base, outcome: 'denied', validFrom: '2026-05-20' })).toEqual(['validFrom: a denial has no period of validity']);
    expect(issues('decideAccreditation', { ...base, outcome: 'conditionally_accredited', validFrom: '2026-05-20', validUntil: '2029-05-19' })).toEqual([
      'conditions: must list at least one condition of a conditional accreditation',
    ]);
    expect(issues('decideAccreditation', { ...base, outcome: 'accredited', validFrom: '2026-05-20', validUntil: '2026-05-20' })).toEqual([
      'validUntil: must be after validFrom',
    ]);
  });

  it('evidence goes to exactly one of a criterion or a recommendation', () => {
    expect(issues('attachEvidence', { accreditationId, evidenceId })).toEqual(['criterion: give exactly one of criterion or recommendation']);
    expect(issues('attachEvidence', { accreditationId, evidenceId, criterion: '1.1', recommendation: 1 })).toEqual([
      'criterion: give exactly one of criterion or recommendation',
    ]);
  });
});
