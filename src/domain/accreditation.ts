// Accreditation (regulation 2.1.9, DOMAIN.md §3): the module's commands and who may send them. The
// rules live with their stream kind: agencies in agencies.ts, cases in accreditation-cases.ts,
// the evidence library in evidence.ts; the automation's declarations in accreditation-automation.ts.
//
// Who may do what: the sector's staff (head, senior inspectors, specialist, inspectors) and the
// director prepare a case: apply, run the self-assessment, record what the agency did, plan and
// complete corrective actions, keep the evidence library and the agencies. Signing off
// (approving or returning a section, submitting the report, recording the decision, closing or
// escalating a recommendation, closing, withdrawing or expiring a case) is a decision of the head
// of the sector or the director. Auditors, like every signed-in caller, read.
import type { Role } from './decider.ts';
import type { AccreditationCaseCommandName } from './accreditation-cases.ts';
import type { AgencyCommandName } from './agencies.ts';
import type { EvidenceCommandName } from './evidence.ts';

type AccreditationCommandName = AgencyCommandName | AccreditationCaseCommandName | EvidenceCommandName;

const sectorStaff: Role[] = ['director', 'acting_director', 'head_of_accreditation_sector', 'senior_inspector', 'specialist', 'inspector'];
const sectorDecisions: Role[] = ['director', 'acting_director', 'head_of_accreditation_sector'];

export const accreditationPermissions: Record<AccreditationCommandName, Role[]> = {
  registerAgency: sectorStaff,
  renewAgencyRegistration: sectorStaff,
  publishAgencyFramework: sectorStaff,
  applyForAccreditation: sectorStaff,
  startSelfAssessment: sectorStaff,
  draftSelfAssessmentSection: sectorStaff,
  submitSelfAssessmentSection: sectorStaff,
  returnSelfAssessmentSection: sectorDecisions,
  approveSelfAssessmentSection: sectorDecisions,
  recordSelfAssessmentSwot: sectorStaff,
  submitSelfAssessmentReport: sectorDecisions,
  appointExpertPanel: sectorStaff,
  recordVisitHeld: sectorStaff,
  recordExpertReport: sectorStaff,
  decideAccreditation: sectorDecisions,
  planRecommendationAction: sectorStaff,
  completeRecommendationAction: sectorStaff,
  closeRecommendation: sectorDecisions,
  escalateRecommendation: sectorDecisions,
  markRecommendationActionOverdue: sectorDecisions,
  submitInterimReport: sectorStaff,
  closeAccreditationCase: sectorDecisions,
  recordAccreditationExpiry: sectorDecisions,
  withdrawAccreditation: sectorDecisions,
  recordAccreditationRenewal: sectorStaff,
  registerEvidence: sectorStaff,
  reviseEvidence: sectorStaff,
  attachEvidence: sectorStaff,
};
