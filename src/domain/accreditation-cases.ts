// An accreditation case (DOMAIN.md §3.1; research §3.3): institutional or programme accreditation by
// one agency under one version of its framework, from the application through self-assessment (one
// section per criterion, and a SWOT of the whole), the expert panel and its visit, the expert
// report and the agency's decision, to the follow-up of its recommendations, interim reports, and
// the end of the cycle (renewal by a new case, expiry, withdrawal). Each step names what must
// happen before it, so a step out of order is refused with a code and a message saying so.
import { z } from 'zod';
import type { FrameworkVersion } from './agencies.ts';
import type { CommandContext, Decider } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import {
  accreditationKind,
  accreditationOutcome,
  accreditationStageLabels,
  panelRole,
  programmeCode,
  recommendationStatusLabels,
  sectionStatusLabels,
  type AccreditationOutcome,
  type AccreditationStage,
  type RecommendationStatus,
  type SectionStatus,
} from './accreditation-terms.ts';
import { entityId, isoDate, text, type IsoDate } from './values.ts';

export const accreditationCategory = 'accreditation';

const criterionCode = text(20).describe('Code of the criterion in the case’s framework, e.g. 1.2.');
const recommendationNumber = z
  .int()
  .min(1, 'must be the number of a recommendation (from 1)')
  .max(1000)
  .describe('Number of the recommendation in the decision (from 1).');

const workingGroupMember = z
  .object({
    name: text(200).describe('Full name.'),
    role: panelRole,
    unit: text(200).optional().describe('Unit the member works in.'),
  })
  .meta({ id: 'WorkingGroupMember', description: 'A member of the self-assessment working group.' });
const panelMember = z
  .object({
    name: text(200).describe('Full name.'),
    role: panelRole,
    external: z.boolean().describe('True for an expert from outside the university.'),
    affiliation: text(300).optional().describe('Organisation the expert represents.'),
  })
  .meta({ id: 'PanelMember', description: 'A member of the agency’s expert panel.' });
const recommendationInput = z
  .object({
    text: text(2000).describe('What the agency recommends.'),
    dueOn: isoDate.optional().describe('By when the agency expects it to be addressed.'),
  })
  .meta({ id: 'DecisionRecommendation', description: 'A recommendation of the agency, given with its decision.' });
const oneChair = <T extends { role: string }>(members: T[]) => members.filter((m) => m.role === 'chair').length === 1;
const items = (what: string) => z.array(text(1000)).min(1, `must name at least one ${what}`).max(30);

const caseRef = { accreditationId: entityId('accreditation case').describe('The accreditation case acted on.') };

// One schema per command: the GraphQL input, the validation and the decider's input.
export const accreditationCaseCommands = {
  applyForAccreditation: z
    .object({
      kind: accreditationKind,
      agencyId: entityId('accreditation agency').describe('The agency that accredits.'),
      framework: text(40).describe('Key of the agency’s framework to be assessed against; the case keeps its current version.'),
      programmeCodes: z.array(programmeCode).max(100).default([]).describe('Programmes in scope (required for programme accreditation).'),
      faculty: text(200).optional().describe('Faculty, institute or college whose programmes are accredited.'),
      appliedOn: isoDate.describe('Date the application went to the agency.'),
      renews: entityId('accreditation case').optional().describe('The earlier case this one renews (a new cycle).'),
    })
    .refine((c) => c.kind === 'institutional' || c.programmeCodes.length > 0, {
      path: ['programmeCodes'],
      message: 'must name at least one programme for programme accreditation',
    })
    .refine((c) => new Set(c.programmeCodes).size === c.programmeCodes.length, { path: ['programmeCodes'], message: 'must not repeat a programme' }),
  startSelfAssessment: z
    .object({
      ...caseRef,
      workingGroup: z.array(workingGroupMember).min(1, 'must name at least one member').max(50).describe('The working group, exactly one of them the chair.'),
      startedOn: isoDate.describe('Date of the order forming the working group.'),
    })
    .refine((c) => oneChair(c.workingGroup), { path: ['workingGroup'], message: 'must have exactly one chair' }),
  draftSelfAssessmentSection: z.object({
    ...caseRef,
    criterion: criterionCode,
    narrative: text(20000).describe('The section’s text: how the university meets the criterion.'),
    draftedOn: isoDate.describe('Date of this draft.'),
  }),
  submitSelfAssessmentSection: z.object({ ...caseRef, criterion: criterionCode, submittedOn: isoDate.describe('Date the section went for review.') }),
  returnSelfAssessmentSection: z.object({
    ...caseRef,
    criterion: criterionCode,
    comments: text(4000).describe('What must change before the section can be approved.'),
    returnedOn: isoDate.describe('Date it was returned.'),
  }),
  approveSelfAssessmentSection: z.object({ ...caseRef, criterion: criterionCode, approvedOn: isoDate.describe('Date of approval.') }),
  recordSelfAssessmentSwot: z.object({
    ...caseRef,
    strengths: items('strength').describe('Strengths.'),
    weaknesses: items('weakness').describe('Weaknesses.'),
    opportunities: items('opportunity').describe('Opportunities.'),
    threats: items('threat').describe('Threats.'),
    recordedOn: isoDate.describe('Date of the analysis.'),
  }),
  submitSelfAssessmentReport: z.object({ ...caseRef, submittedOn: isoDate.describe('Date the report went to the agency.') }),
  appointExpertPanel: z
    .object({
      ...caseRef,
      members: z.array(panelMember).min(1, 'must name at least one member').max(30).describe('The panel, exactly one of them the chair.'),
      visitFrom: isoDate.describe('First day of the visit.'),
      visitTo: isoDate.describe('Last day of the visit.'),
      appointedOn: isoDate.describe('Date the agency appointed the panel (appointing again replaces it).'),
    })
    .refine((c) => oneChair(c.members), { path: ['members'], message: 'must have exactly one chair' })
    .refine((c) => c.visitTo >= c.visitFrom, { path: ['visitTo'], message: 'must not be before visitFrom' })
    .refine((c) => c.visitFrom >= c.appointedOn, { path: ['visitFrom'], message: 'must not be before appointedOn' }),
  recordVisitHeld: z
    .object({
      ...caseRef,
      heldFrom: isoDate.describe('First day the panel visited.'),
      heldTo: isoDate.describe('Last day of the visit.'),
      notes: text(4000).optional().describe('Who the panel met, what it looked at.'),
    })
    .refine((c) => c.heldTo >= c.heldFrom, { path: ['heldTo'], message: 'must not be before heldFrom' }),
  recordExpertReport: z.object({
    ...caseRef,
    receivedOn: isoDate.describe('Date the panel’s report arrived.'),
    summary: text(8000).describe('What the panel found.'),
  }),
  decideAccreditation: z
    .object({
      ...caseRef,
      outcome: accreditationOutcome,
      decidedOn: isoDate.describe('Date of the agency council’s decision.'),
      validFrom: isoDate.optional().describe('First day the accreditation is valid (not for a denial).'),
      validUntil: isoDate.optional().describe('Last day it is valid (not for a denial).'),
      conditions: z.array(text(2000)).max(30).default([]).describe('Conditions of a conditional accreditation.'),
      recommendations: z.array(recommendationInput).max(100).default([]).describe('The agency’s recommendations, numbered from 1 in this order.'),
      interimReportDueOn: isoDate.optional().describe('When the first interim (post-accreditation) report is due.'),
    })
    .refine((c) => c.outcome === 'denied' || (c.validFrom !== undefined && c.validUntil !== undefined), {
      path: ['validUntil'],
      message: 'validFrom and validUntil are required unless the accreditation is denied',
    })
    .refine((c) => c.outcome !== 'denied' || (c.validFrom === undefined && c.validUntil === undefined), {
      path: ['validFrom'],
      message: 'a denial has no period of validity',
    })
    .refine((c) => c.validFrom === undefined || c.validUntil === undefined || c.validUntil > c.validFrom, {
      path: ['validUntil'],
      message: 'must be after validFrom',
    })
    .refine((c) => c.outcome !== 'conditionally_accredited' || c.conditions.length > 0, {
      path: ['conditions'],
      message: 'must list at least one condition of a conditional accreditation',
    }),
  planRecommendationAction: z.object({
    ...caseRef,
    recommendation: recommendationNumber,
    action: text(2000).describe('What will be done.'),
    owner: text(200).describe('Who answers for it (person or unit).'),
    dueOn: isoDate.describe('By when.'),
    plannedOn: isoDate.describe('Date the action was agreed.'),
  }),
  completeRecommendationAction: z.object({
    ...caseRef,
    recommendation: recommendationNumber,
    result: text(4000).describe('What was done.'),
    completedOn: isoDate.describe('Date it was completed.'),
  }),
  closeRecommendation: z.object({ ...caseRef, recommendation: recommendationNumber, closedOn: isoDate.describe('Date the recommendation is considered met.') }),
  escalateRecommendation: z.object({
    ...caseRef,
    recommendation: recommendationNumber,
    reason: text(2000).describe('Why it goes to management.'),
    escalatedOn: isoDate.describe('Date of escalation.'),
  }),
  markRecommendationActionOverdue: z.object({
    ...caseRef,
    recommendation: recommendationNumber,
    on: isoDate.describe('Date the action was found past its due date.'),
  }),
  submitInterimReport: z.object({
    ...caseRef,
    summary: text(8000).describe('Progress on the recommendations and changes since the decision.'),
    submittedOn: isoDate.describe('Date the report went to the agency.'),
    nextDueOn: isoDate.optional().describe('When the next interim report is due, if another is.'),
  }),
  closeAccreditationCase: z.object({ ...caseRef, closedOn: isoDate.describe('Date the case is closed.') }),
  recordAccreditationExpiry: z.object({ ...caseRef, expiredOn: isoDate.describe('Date the accreditation ceased to be valid.') }),
  withdrawAccreditation: z.object({
    ...caseRef,
    reason: text(2000).describe('Why the application or accreditation is withdrawn.'),
    withdrawnOn: isoDate.describe('Date of withdrawal.'),
  }),
  attachEvidence: z
    .object({
      ...caseRef,
      evidenceId: entityId('evidence document').describe('The document from the evidence library.'),
      criterion: criterionCode.optional(),
      recommendation: recommendationNumber.optional(),
    })
    .refine((c) => (c.criterion === undefined) !== (c.recommendation === undefined), {
      path: ['criterion'],
      message: 'give exactly one of criterion or recommendation',
    }),
  recordAccreditationRenewal: z.object({ ...caseRef, renewedBy: entityId('accreditation case').describe('The new case that renews this one.') }),
} as const;

export type AccreditationCaseCommandName = keyof typeof accreditationCaseCommands;

/** The agency as the resolver read it when the case is applied for (deciders do no I/O). */
export type AgencySnapshot = { name: string; registeredFrom: IsoDate; registeredUntil: IsoDate | undefined; frameworks: Record<string, FrameworkVersion> };
/** The document being attached, as read from the evidence library. */
export type EvidenceSnapshot = { title: string };
/** The case a new one renews, as read when it is applied for. */
export type RenewedCaseSnapshot = { outcome: AccreditationOutcome | undefined };

export type AccreditationCaseCommand = {
  [Name in AccreditationCaseCommandName]: { type: Name; accreditationId: string } & z.infer<(typeof accreditationCaseCommands)[Name]> &
    (Name extends 'applyForAccreditation' ? { agency: AgencySnapshot | undefined; renewed: RenewedCaseSnapshot | undefined } : unknown) &
    (Name extends 'attachEvidence' ? { evidence: EvidenceSnapshot | undefined } : unknown);
}[AccreditationCaseCommandName];

const frameworkSnapshot = z.object({
  framework: z.string(),
  version: z.number(),
  title: z.string(),
  adoptedOn: isoDate,
  criteria: z.array(z.object({ code: z.string(), standard: z.string(), title: z.string() })),
});
const recommendationNo = z.number();

export const accreditationCaseEventSchemas = {
  AccreditationApplied: z.object({
    accreditationId: z.string(),
    kind: accreditationKind,
    agencyId: z.string(),
    agencyName: z.string(),
    framework: frameworkSnapshot,
    programmeCodes: z.array(z.string()),
    faculty: z.string().optional(),
    appliedOn: isoDate,
    renews: z.string().optional(),
  }),
  SelfAssessmentStarted: z.object({ accreditationId: z.string(), workingGroup: z.array(workingGroupMember), startedOn: isoDate }),
  SelfAssessmentSectionDrafted: z.object({ accreditationId: z.string(), criterion: z.string(), narrative: z.string(), draftedOn: isoDate }),
  SelfAssessmentSectionSubmitted: z.object({ accreditationId: z.string(), criterion: z.string(), submittedOn: isoDate }),
  SelfAssessmentSectionReturned: z.object({ accreditationId: z.string(), criterion: z.string(), comments: z.string(), returnedOn: isoDate }),
  SelfAssessmentSectionApproved: z.object({ accreditationId: z.string(), criterion: z.string(), approvedOn: isoDate }),
  SelfAssessmentSwotRecorded: z.object({
    accreditationId: z.string(),
    strengths: z.array(z.string()),
    weaknesses: z.array(z.string()),
    opportunities: z.array(z.string()),
    threats: z.array(z.string()),
    recordedOn: isoDate,
  }),
  SelfAssessmentReportSubmitted: z.object({ accreditationId: z.string(), submittedOn: isoDate }),
  ExpertPanelAppointed: z.object({ accreditationId: z.string(), members: z.array(panelMember), visitFrom: isoDate, visitTo: isoDate, appointedOn: isoDate }),
  AccreditationVisitHeld: z.object({ accreditationId: z.string(), heldFrom: isoDate, heldTo: isoDate, notes: z.string().optional() }),
  ExpertReportReceived: z.object({ accreditationId: z.string(), receivedOn: isoDate, summary: z.string() }),
  AccreditationDecided: z.object({
    accreditationId: z.string(),
    outcome: accreditationOutcome,
    decidedOn: isoDate,
    validFrom: isoDate.optional(),
    validUntil: isoDate.optional(),
    conditions: z.array(z.string()),
    recommendations: z.array(z.object({ number: recommendationNo, text: z.string(), dueOn: isoDate.optional() })),
    interimReportDueOn: isoDate.optional(),
  }),
  RecommendationActionPlanned: z.object({
    accreditationId: z.string(),
    recommendation: recommendationNo,
    action: z.string(),
    owner: z.string(),
    dueOn: isoDate,
    plannedOn: isoDate,
  }),
  RecommendationActionCompleted: z.object({ accreditationId: z.string(), recommendation: recommendationNo, result: z.string(), completedOn: isoDate }),
  RecommendationActionOverdue: z.object({ accreditationId: z.string(), recommendation: recommendationNo, dueOn: isoDate, on: isoDate }),
  RecommendationClosed: z.object({ accreditationId: z.string(), recommendation: recommendationNo, closedOn: isoDate }),
  RecommendationEscalated: z.object({ accreditationId: z.string(), recommendation: recommendationNo, reason: z.string(), escalatedOn: isoDate }),
  InterimReportSubmitted: z.object({ accreditationId: z.string(), summary: z.string(), submittedOn: isoDate, nextDueOn: isoDate.optional() }),
  AccreditationCaseClosed: z.object({ accreditationId: z.string(), closedOn: isoDate }),
  AccreditationExpired: z.object({ accreditationId: z.string(), expiredOn: isoDate }),
  AccreditationWithdrawn: z.object({ accreditationId: z.string(), reason: z.string(), withdrawnOn: isoDate }),
  AccreditationRenewed: z.object({ accreditationId: z.string(), renewedBy: z.string() }),
  EvidenceAttached: z.object({
    accreditationId: z.string(),
    evidenceId: z.string(),
    title: z.string(),
    criterion: z.string().optional(),
    recommendation: recommendationNo.optional(),
  }),
} as const;

export type AccreditationCaseEventType = keyof typeof accreditationCaseEventSchemas;
export type AccreditationCaseEvent = {
  [Type in AccreditationCaseEventType]: { type: Type; data: z.infer<(typeof accreditationCaseEventSchemas)[Type]> };
}[AccreditationCaseEventType];
export const accreditationCaseEventTypes = Object.keys(accreditationCaseEventSchemas) as AccreditationCaseEventType[];

type Recommendation = { status: RecommendationStatus; dueOn: IsoDate | undefined };
type Step = { name: string; on: IsoDate };

/** What the decider remembers of a case to judge the next command. */
export type AccreditationCaseState =
  | { exists: false }
  | {
      exists: true;
      stage: AccreditationStage;
      /** The latest dated step of the case as a whole: no later step may be dated before it. */
      lastStep: Step;
      /**
       * The latest step of each strand that runs in parallel (a section, the SWOT, a recommendation,
       * interim reports): a strand's steps are in order among themselves and after the case's last
       * step, and the case's next step comes after all of them.
       */
      strands: Record<string, Step>;
      sections: Record<string, SectionStatus>;
      swotRecorded: boolean;
      outcome: AccreditationOutcome | undefined;
      validUntil: IsoDate | undefined;
      recommendations: Recommendation[];
      renewedBy: string | undefined;
      /** Attachments made, as `evidence@criterion:1.2` or `evidence@recommendation:3`. */
      attached: string[];
    };
type Case = Extract<AccreditationCaseState, { exists: true }>;

const initialState: AccreditationCaseState = { exists: false };

const attachmentKey = (a: { evidenceId: string; criterion?: string | undefined; recommendation?: number | undefined }): string =>
  a.criterion !== undefined ? `${a.evidenceId}@criterion:${a.criterion}` : `${a.evidenceId}@recommendation:${a.recommendation}`;

const sectionStrand = (criterion: string) => `section ${criterion}`;
const recommendationStrand = (number: number) => `recommendation ${number}`;
const stepIn = (state: Case, strand: string, step: Step): Case['strands'] => ({ ...state.strands, [strand]: step });

const setSection = (state: Case, criterion: string, status: SectionStatus, step: Step): Case => ({
  ...state,
  sections: { ...state.sections, [criterion]: status },
  strands: stepIn(state, sectionStrand(criterion), step),
});
const setRecommendation = (state: Case, number: number, change: Partial<Recommendation>, step?: Step): Case => ({
  ...state,
  recommendations: state.recommendations.map((r, i) => (i === number - 1 ? { ...r, ...change } : r)),
  strands: step ? stepIn(state, recommendationStrand(number), step) : state.strands,
});

function evolve(state: AccreditationCaseState, event: AccreditationCaseEvent): AccreditationCaseState {
  if (event.type === 'AccreditationApplied') {
    const d = event.data;
    return {
      exists: true,
      stage: 'application',
      lastStep: { name: 'the application', on: d.appliedOn },
      strands: {},
      sections: Object.fromEntries(d.framework.criteria.map((c) => [c.code, 'not_started' as const])),
      swotRecorded: false,
      outcome: undefined,
      validUntil: undefined,
      recommendations: [],
      renewedBy: undefined,
      attached: [],
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'SelfAssessmentStarted':
      return { ...state, stage: 'self_assessment', lastStep: { name: 'the start of self-assessment', on: event.data.startedOn } };
    case 'SelfAssessmentSectionDrafted':
      return setSection(state, event.data.criterion, 'draft', { name: `the draft of section ${event.data.criterion}`, on: event.data.draftedOn });
    case 'SelfAssessmentSectionSubmitted':
      return setSection(state, event.data.criterion, 'for_review', { name: `the submission of section ${event.data.criterion}`, on: event.data.submittedOn });
    case 'SelfAssessmentSectionReturned':
      return setSection(state, event.data.criterion, 'returned', { name: `the return of section ${event.data.criterion}`, on: event.data.returnedOn });
    case 'SelfAssessmentSectionApproved':
      return setSection(state, event.data.criterion, 'approved', { name: `the approval of section ${event.data.criterion}`, on: event.data.approvedOn });
    case 'SelfAssessmentSwotRecorded':
      return { ...state, swotRecorded: true, strands: stepIn(state, 'swot', { name: 'the SWOT analysis', on: event.data.recordedOn }) };
    case 'SelfAssessmentReportSubmitted':
      return { ...state, stage: 'report_submitted', lastStep: { name: 'the submission of the self-assessment report', on: event.data.submittedOn } };
    case 'ExpertPanelAppointed':
      return { ...state, stage: 'expert_panel', lastStep: { name: 'the appointment of the expert panel', on: event.data.appointedOn } };
    case 'AccreditationVisitHeld':
      return { ...state, stage: 'visit_held', lastStep: { name: 'the visit', on: event.data.heldTo } };
    case 'ExpertReportReceived':
      return { ...state, stage: 'expert_report', lastStep: { name: 'the expert report', on: event.data.receivedOn } };
    case 'AccreditationDecided':
      return {
        ...state,
        stage: 'decided',
        lastStep: { name: 'the decision', on: event.data.decidedOn },
        outcome: event.data.outcome,
        validUntil: event.data.validUntil,
        recommendations: event.data.recommendations.map((r) => ({ status: 'open', dueOn: r.dueOn })),
      };
    case 'RecommendationActionPlanned':
      return setRecommendation(
        state,
        event.data.recommendation,
        { status: 'action_planned', dueOn: event.data.dueOn },
        { name: `the action planned on recommendation ${event.data.recommendation}`, on: event.data.plannedOn },
      );
    case 'RecommendationActionCompleted':
      return setRecommendation(
        state,
        event.data.recommendation,
        { status: 'action_completed' },
        { name: `the completion of the action on recommendation ${event.data.recommendation}`, on: event.data.completedOn },
      );
    case 'RecommendationActionOverdue':
      return setRecommendation(state, event.data.recommendation, { status: 'overdue' });
    case 'RecommendationClosed':
      return setRecommendation(
        state,
        event.data.recommendation,
        { status: 'closed' },
        { name: `the closing of recommendation ${event.data.recommendation}`, on: event.data.closedOn },
      );
    case 'RecommendationEscalated':
      return setRecommendation(
        state,
        event.data.recommendation,
        { status: 'escalated' },
        { name: `the escalation of recommendation ${event.data.recommendation}`, on: event.data.escalatedOn },
      );
    case 'InterimReportSubmitted':
      return { ...state, strands: stepIn(state, 'interim reports', { name: 'the last interim report', on: event.data.submittedOn }) };
    case 'AccreditationCaseClosed':
      return { ...state, stage: 'closed', lastStep: { name: 'the closing of the case', on: event.data.closedOn } };
    case 'AccreditationExpired':
      return { ...state, stage: 'expired', lastStep: { name: 'the expiry', on: event.data.expiredOn } };
    case 'AccreditationWithdrawn':
      return { ...state, stage: 'withdrawn', lastStep: { name: 'the withdrawal', on: event.data.withdrawnOn } };
    case 'AccreditationRenewed':
      return { ...state, renewedBy: event.data.renewedBy };
    case 'EvidenceAttached':
      return { ...state, attached: [...state.attached, attachmentKey(event.data)] };
  }
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

/** A command's fields without its type: the data of the event that records it. */
const payload = <Command extends { type: string }>({ type: _type, ...data }: Command): Omit<Command, 'type'> => data;

/**
 * Steps happen in order: a step dated before the one it follows is a mistake in the date. A step of
 * a `strand` follows the case's last step and its strand's; a step of the whole case follows all.
 */
function requireInOrder(state: Case, date: IsoDate, field: string, strand?: string): void {
  const parallel = strand === undefined ? Object.values(state.strands) : [state.strands[strand]].filter((s): s is Step => s !== undefined);
  const latest = parallel.reduce((a, b) => (b.on > a.on ? b : a), state.lastStep);
  if (date < latest.on) throw rule('DATE_BEFORE_PREVIOUS_STEP', `${field} (${date}) cannot be before ${latest.name} (${latest.on})`);
}

/** A case that has ended takes no more steps. */
function requireOpen(state: Case, action: string): void {
  if (state.stage === 'expired')
    throw rule('ACCREDITATION_EXPIRED', `the accreditation has expired, so ${action} is not possible; apply for a new cycle instead`);
  if (state.stage === 'withdrawn') throw rule('ACCREDITATION_WITHDRAWN', `the case was withdrawn, so ${action} is not possible`);
  if (state.stage === 'closed') throw rule('CASE_CLOSED', `the case is closed, so ${action} is not possible`);
}

const order: AccreditationStage[] = ['application', 'self_assessment', 'report_submitted', 'expert_panel', 'visit_held', 'expert_report', 'decided'];

/** What must happen before a stage can be reached, said to the caller who skipped it. */
const before: Record<string, [code: string, message: string]> = {
  self_assessment: ['SELF_ASSESSMENT_NOT_STARTED', 'start the self-assessment (form the working group) first'],
  report_submitted: ['SELF_ASSESSMENT_REPORT_REQUIRED', 'submit the self-assessment report first'],
  expert_panel: ['EXPERT_PANEL_REQUIRED', 'the agency must appoint the expert panel first'],
  visit_held: ['VISIT_REQUIRED', 'record the expert panel’s visit first'],
  expert_report: ['EXPERT_REPORT_REQUIRED', 'record the expert report first'],
  decided: ['DECISION_REQUIRED', 'record the agency’s decision first'],
};

/** The case must stand at one of the `allowed` stages; a case behind is told its own next step, one past them that it is too late. */
function requireStage(state: Case, allowed: AccreditationStage[], action: string): void {
  requireOpen(state, action);
  if (allowed.includes(state.stage)) return;
  const first = Math.min(...allowed.map((s) => order.indexOf(s)));
  const current = order.indexOf(state.stage);
  if (current < first) {
    const [code, message] = before[order[current + 1]!]!;
    throw rule(code, `${action} is not possible yet: ${message}`);
  }
  throw rule('STAGE_PASSED', `${action} is no longer possible: the case is at the stage “${accreditationStageLabels[state.stage].en}”`);
}

function section(state: Case, criterion: string): SectionStatus {
  const status = state.sections[criterion];
  if (status === undefined)
    throw rule('UNKNOWN_CRITERION', `criterion ${criterion} is not in the case’s framework; its criteria are ${Object.keys(state.sections).join(', ')}`);
  return status;
}

function recommendation(state: Case, number: number): Recommendation {
  const found = state.recommendations[number - 1];
  if (!found) throw rule('UNKNOWN_RECOMMENDATION', `the decision has ${state.recommendations.length} recommendation(s); there is no number ${number}`);
  return found;
}

function decideApplication(
  command: Extract<AccreditationCaseCommand, { type: 'applyForAccreditation' }>,
  state: AccreditationCaseState,
): AccreditationCaseEvent[] {
  if (state.exists) throw rule('ACCREDITATION_ALREADY_APPLIED', 'this accreditation case already exists');
  const { agency, renewed } = command;
  if (!agency) throw rule('AGENCY_NOT_FOUND', 'no agency with this id is registered; register the agency first');
  if (command.appliedOn < agency.registeredFrom || (agency.registeredUntil !== undefined && command.appliedOn > agency.registeredUntil)) {
    throw rule(
      'AGENCY_NOT_REGISTERED',
      `${agency.name} is not in the national register on ${command.appliedOn} (registered ${agency.registeredFrom} to ${agency.registeredUntil ?? 'open-ended'})`,
    );
  }
  const framework = agency.frameworks[command.framework];
  if (!framework) {
    throw rule(
      'FRAMEWORK_NOT_FOUND',
      `${agency.name} has no framework ${command.framework}; publish it first (it has: ${Object.keys(agency.frameworks).join(', ') || 'none'})`,
    );
  }
  if (command.renews !== undefined) {
    if (!renewed) throw rule('RENEWED_CASE_NOT_FOUND', 'the case to renew does not exist');
    if (renewed.outcome !== 'accredited' && renewed.outcome !== 'conditionally_accredited') {
      throw rule('NOTHING_TO_RENEW', 'only a case that ended in accreditation can be renewed; apply without renews instead');
    }
  }
  return [
    {
      type: 'AccreditationApplied',
      data: {
        accreditationId: command.accreditationId,
        kind: command.kind,
        agencyId: command.agencyId,
        agencyName: agency.name,
        framework,
        programmeCodes: command.programmeCodes,
        ...(command.faculty !== undefined ? { faculty: command.faculty } : {}),
        appliedOn: command.appliedOn,
        ...(command.renews !== undefined ? { renews: command.renews } : {}),
      },
    },
  ];
}

function decide(command: AccreditationCaseCommand, state: AccreditationCaseState, _context: CommandContext): AccreditationCaseEvent[] {
  if (command.type === 'applyForAccreditation') return decideApplication(command, state);
  if (!state.exists) throw rule('ACCREDITATION_NOT_FOUND', 'no accreditation case with this id exists');
  switch (command.type) {
    case 'startSelfAssessment':
      requireStage(state, ['application'], 'starting the self-assessment');
      requireInOrder(state, command.startedOn, 'startedOn');
      return [{ type: 'SelfAssessmentStarted', data: payload(command) }];
    case 'draftSelfAssessmentSection': {
      requireStage(state, ['self_assessment'], 'drafting a section');
      const status = section(state, command.criterion);
      if (status === 'for_review')
        throw rule('SECTION_UNDER_REVIEW', `section ${command.criterion} is under review; it must be returned before it is drafted again`);
      if (status === 'approved') throw rule('SECTION_APPROVED', `section ${command.criterion} is approved and can no longer be changed`);
      requireInOrder(state, command.draftedOn, 'draftedOn', sectionStrand(command.criterion));
      return [{ type: 'SelfAssessmentSectionDrafted', data: payload(command) }];
    }
    case 'submitSelfAssessmentSection': {
      requireStage(state, ['self_assessment'], 'submitting a section for review');
      const status = section(state, command.criterion);
      if (status !== 'draft')
        throw rule(
          'SECTION_NOT_DRAFTED',
          `section ${command.criterion} is ${sectionStatusLabels[status].en.toLowerCase()}; only a (re)drafted section goes for review, so draft it first`,
        );
      requireInOrder(state, command.submittedOn, 'submittedOn', sectionStrand(command.criterion));
      return [{ type: 'SelfAssessmentSectionSubmitted', data: payload(command) }];
    }
    case 'returnSelfAssessmentSection':
    case 'approveSelfAssessmentSection': {
      const returning = command.type === 'returnSelfAssessmentSection';
      requireStage(state, ['self_assessment'], returning ? 'returning a section' : 'approving a section');
      const status = section(state, command.criterion);
      if (status !== 'for_review')
        throw rule(
          'SECTION_NOT_FOR_REVIEW',
          `section ${command.criterion} is ${sectionStatusLabels[status].en.toLowerCase()}; it must be submitted for review first`,
        );
      if (command.type === 'returnSelfAssessmentSection') {
        requireInOrder(state, command.returnedOn, 'returnedOn', sectionStrand(command.criterion));
        return [{ type: 'SelfAssessmentSectionReturned', data: payload(command) }];
      }
      requireInOrder(state, command.approvedOn, 'approvedOn', sectionStrand(command.criterion));
      return [{ type: 'SelfAssessmentSectionApproved', data: payload(command) }];
    }
    case 'recordSelfAssessmentSwot':
      requireStage(state, ['self_assessment'], 'recording the SWOT analysis');
      requireInOrder(state, command.recordedOn, 'recordedOn', 'swot');
      return [{ type: 'SelfAssessmentSwotRecorded', data: payload(command) }];
    case 'submitSelfAssessmentReport': {
      requireStage(state, ['self_assessment'], 'submitting the self-assessment report');
      const pending = Object.entries(state.sections)
        .filter(([, s]) => s !== 'approved')
        .map(([code]) => code);
      if (pending.length > 0) throw rule('SECTIONS_NOT_APPROVED', `approve the sections for criteria ${pending.join(', ')} first`);
      if (!state.swotRecorded) throw rule('SWOT_REQUIRED', 'record the SWOT analysis of the whole first');
      requireInOrder(state, command.submittedOn, 'submittedOn');
      return [{ type: 'SelfAssessmentReportSubmitted', data: payload(command) }];
    }
    case 'appointExpertPanel':
      requireStage(state, ['report_submitted', 'expert_panel'], 'appointing the expert panel');
      requireInOrder(state, command.appointedOn, 'appointedOn');
      return [{ type: 'ExpertPanelAppointed', data: payload(command) }];
    case 'recordVisitHeld':
      requireStage(state, ['expert_panel'], 'recording the visit');
      requireInOrder(state, command.heldFrom, 'heldFrom');
      return [{ type: 'AccreditationVisitHeld', data: payload(command) }];
    case 'recordExpertReport':
      requireStage(state, ['visit_held'], 'recording the expert report');
      requireInOrder(state, command.receivedOn, 'receivedOn');
      return [{ type: 'ExpertReportReceived', data: payload(command) }];
    case 'decideAccreditation': {
      requireStage(state, ['expert_report'], 'recording the decision');
      requireInOrder(state, command.decidedOn, 'decidedOn');
      const { recommendations, ...rest } = payload(command);
      return [{ type: 'AccreditationDecided', data: { ...rest, recommendations: recommendations.map((r, i) => ({ number: i + 1, ...r })) } }];
    }
    case 'planRecommendationAction': {
      requireFollowUp(state, 'planning a corrective action');
      const r = recommendation(state, command.recommendation);
      if (r.status === 'closed') throw rule('RECOMMENDATION_CLOSED', `recommendation ${command.recommendation} is closed`);
      if (r.status === 'action_completed')
        throw rule(
          'ACTION_ALREADY_COMPLETED',
          `the action on recommendation ${command.recommendation} is completed; close or escalate the recommendation instead`,
        );
      requireInOrder(state, command.plannedOn, 'plannedOn', recommendationStrand(command.recommendation));
      if (command.dueOn < command.plannedOn) throw rule('DUE_BEFORE_PLANNED', `dueOn (${command.dueOn}) cannot be before plannedOn (${command.plannedOn})`);
      return [{ type: 'RecommendationActionPlanned', data: payload(command) }];
    }
    case 'completeRecommendationAction': {
      requireFollowUp(state, 'completing a corrective action');
      const r = recommendation(state, command.recommendation);
      if (r.status !== 'action_planned' && r.status !== 'overdue') {
        throw rule(
          'ACTION_NOT_PLANNED',
          `recommendation ${command.recommendation} is ${recommendationStatusLabels[r.status].en.toLowerCase()}; plan a corrective action first`,
        );
      }
      requireInOrder(state, command.completedOn, 'completedOn', recommendationStrand(command.recommendation));
      return [{ type: 'RecommendationActionCompleted', data: payload(command) }];
    }
    case 'markRecommendationActionOverdue': {
      requireFollowUp(state, 'marking an action overdue');
      const r = recommendation(state, command.recommendation);
      if (r.status !== 'action_planned' || r.dueOn === undefined)
        throw rule('NO_ACTION_PENDING', `recommendation ${command.recommendation} has no planned action pending`);
      if (command.on <= r.dueOn) throw rule('ACTION_NOT_DUE', `the action is due on ${r.dueOn}; it can only be overdue after that date`);
      return [
        {
          type: 'RecommendationActionOverdue',
          data: { accreditationId: command.accreditationId, recommendation: command.recommendation, dueOn: r.dueOn, on: command.on },
        },
      ];
    }
    case 'closeRecommendation': {
      requireFollowUp(state, 'closing a recommendation');
      const r = recommendation(state, command.recommendation);
      if (r.status === 'closed') throw rule('RECOMMENDATION_CLOSED', `recommendation ${command.recommendation} is already closed`);
      if (r.status !== 'action_completed') throw rule('ACTION_NOT_COMPLETED', `complete a corrective action on recommendation ${command.recommendation} first`);
      requireInOrder(state, command.closedOn, 'closedOn', recommendationStrand(command.recommendation));
      return [{ type: 'RecommendationClosed', data: payload(command) }];
    }
    case 'escalateRecommendation': {
      requireFollowUp(state, 'escalating a recommendation');
      const r = recommendation(state, command.recommendation);
      if (r.status === 'closed') throw rule('RECOMMENDATION_CLOSED', `recommendation ${command.recommendation} is closed`);
      if (r.status === 'escalated')
        throw rule('RECOMMENDATION_ESCALATED', `recommendation ${command.recommendation} is already escalated; plan a new action on it`);
      requireInOrder(state, command.escalatedOn, 'escalatedOn', recommendationStrand(command.recommendation));
      return [{ type: 'RecommendationEscalated', data: payload(command) }];
    }
    case 'submitInterimReport':
      requireAccredited(state, 'submitting an interim report');
      requireInOrder(state, command.submittedOn, 'submittedOn', 'interim reports');
      if (command.nextDueOn !== undefined && command.nextDueOn <= command.submittedOn)
        throw rule('NEXT_REPORT_BEFORE_THIS', `nextDueOn (${command.nextDueOn}) must be after submittedOn (${command.submittedOn})`);
      return [{ type: 'InterimReportSubmitted', data: payload(command) }];
    case 'closeAccreditationCase': {
      requireStage(state, ['decided'], 'closing the case');
      const open = state.recommendations.flatMap((r, i) => (r.status === 'closed' ? [] : [i + 1]));
      if (open.length > 0) throw rule('RECOMMENDATIONS_OPEN', `close recommendations ${open.join(', ')} first`);
      requireInOrder(state, command.closedOn, 'closedOn');
      return [{ type: 'AccreditationCaseClosed', data: payload(command) }];
    }
    case 'recordAccreditationExpiry': {
      if (state.stage === 'expired') throw rule('ACCREDITATION_EXPIRED', 'the expiry of this accreditation is already recorded');
      if (state.stage === 'withdrawn') throw rule('ACCREDITATION_WITHDRAWN', 'a withdrawn accreditation does not expire');
      if (state.validUntil === undefined) throw rule('NOT_ACCREDITED', 'the case has no accreditation with a period of validity, so it cannot expire');
      if (command.expiredOn <= state.validUntil)
        throw rule('ACCREDITATION_STILL_VALID', `the accreditation is valid until ${state.validUntil}; expiry can only be recorded after that date`);
      return [{ type: 'AccreditationExpired', data: payload(command) }];
    }
    case 'withdrawAccreditation':
      if (state.stage === 'expired') throw rule('ACCREDITATION_EXPIRED', 'an expired accreditation cannot be withdrawn');
      if (state.stage === 'withdrawn') throw rule('ACCREDITATION_WITHDRAWN', 'the case is already withdrawn');
      if (state.outcome === 'denied') throw rule('ACCREDITATION_DENIED', 'the accreditation was denied; there is nothing to withdraw');
      requireInOrder(state, command.withdrawnOn, 'withdrawnOn');
      return [{ type: 'AccreditationWithdrawn', data: payload(command) }];
    case 'attachEvidence': {
      requireOpen(state, 'attaching evidence');
      if (!command.evidence) throw rule('EVIDENCE_NOT_FOUND', 'no document with this id is in the evidence library; register it first');
      if (command.criterion !== undefined) {
        const status = section(state, command.criterion);
        if (status === 'approved') throw rule('SECTION_APPROVED', `section ${command.criterion} is approved and can no longer be changed`);
      } else {
        requireFollowUp(state, 'attaching evidence to a recommendation');
        recommendation(state, command.recommendation!);
      }
      if (state.attached.includes(attachmentKey(command))) return [];
      const { evidence, type: _type, ...target } = command;
      return [{ type: 'EvidenceAttached', data: { ...target, title: evidence.title } }];
    }
    case 'recordAccreditationRenewal':
      if (state.outcome !== 'accredited' && state.outcome !== 'conditionally_accredited')
        throw rule('NOTHING_TO_RENEW', 'only a case that ended in accreditation can be renewed');
      if (state.renewedBy === command.renewedBy) return [];
      if (state.renewedBy !== undefined) throw rule('ALREADY_RENEWED', `the case is already renewed by ${state.renewedBy}`);
      return [{ type: 'AccreditationRenewed', data: payload(command) }];
  }
}

/** Follow-up of recommendations runs from the decision until the case is closed, whatever the outcome but a denial. */
function requireFollowUp(state: Case, action: string): void {
  requireStage(state, ['decided'], action);
  if (state.outcome === 'denied') throw rule('ACCREDITATION_DENIED', `the accreditation was denied, so ${action} is not possible`);
}

/** Post-accreditation monitoring needs an accreditation in force (the case may be closed). */
function requireAccredited(state: Case, action: string): void {
  if (state.stage === 'closed' && state.outcome !== 'denied') return;
  requireFollowUp(state, action);
}

export const accreditationCaseDecider: Decider<AccreditationCaseCommand, AccreditationCaseEvent, AccreditationCaseState> = { initialState, evolve, decide };
