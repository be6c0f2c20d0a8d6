// One mutation per accreditation case command. A decider does no I/O, so what a command needs to
// know of other streams (the agency and its framework when applying, the case being renewed, the
// document being attached) is read here and handed to it with the command.
import {
  accreditationCaseCommands,
  accreditationCaseDecider,
  accreditationCategory,
  type AccreditationCaseCommandName,
} from '../src/domain/accreditation-cases.ts';
import { agencyCategory, agencyDecider } from '../src/domain/agencies.ts';
import { evidenceCategory, evidenceDecider } from '../src/domain/evidence.ts';
import type { Hub } from '../src/hub.ts';
import { Accreditation, accreditationIdOf } from './accreditation.ts';
import { foldStream } from './accreditation-commands.ts';
import { entityPayload, runEntityCommand } from './entity-command.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { evidenceIdOf } from './evidence.ts';
import { plainIdOf } from './ids.ts';

const AccreditationPayload = entityPayload('AccreditationPayload', 'accreditation', Accreditation, 'accreditation case');

const descriptions: Record<AccreditationCaseCommandName, string> = {
  applyForAccreditation:
    'Applies to an agency for institutional or programme accreditation under the current version of one of its frameworks. Creates the case.',
  startSelfAssessment: 'Starts the self-assessment: forms the working group.',
  draftSelfAssessmentSection: 'Drafts (or redrafts after its return) the self-assessment section on one criterion.',
  submitSelfAssessmentSection: 'Sends a drafted section for review.',
  returnSelfAssessmentSection: 'Returns a section under review with comments.',
  approveSelfAssessmentSection: 'Approves a section under review.',
  recordSelfAssessmentSwot: 'Records the SWOT analysis of the whole self-assessment.',
  submitSelfAssessmentReport: 'Submits the self-assessment report to the agency, once every section is approved and the SWOT recorded.',
  appointExpertPanel: 'Records the expert panel the agency appointed and the dates of its visit (again to change them).',
  recordVisitHeld: 'Records that the expert panel’s visit was held.',
  recordExpertReport: 'Records the expert panel’s report.',
  decideAccreditation: 'Records the agency’s decision: outcome, validity, conditions and recommendations.',
  planRecommendationAction: 'Plans the corrective action on a recommendation: what, who, by when.',
  completeRecommendationAction: 'Records that the corrective action on a recommendation is done.',
  closeRecommendation: 'Closes a recommendation whose corrective action is done.',
  escalateRecommendation: 'Escalates a recommendation to management.',
  markRecommendationActionOverdue: 'Records that a corrective action passed its due date (sent by the clock).',
  submitInterimReport: 'Records an interim (post-accreditation monitoring) report.',
  closeAccreditationCase: 'Closes a decided case once every recommendation is closed.',
  recordAccreditationExpiry: 'Records that an accreditation’s validity has ended (sent by the clock).',
  withdrawAccreditation: 'Withdraws an application or an accreditation.',
  recordAccreditationRenewal: 'Records which new case renews this one (sent when the renewal is applied for).',
  attachEvidence: 'Attaches a document of the evidence library to a criterion’s section or a recommendation.',
};

/** What the decider must know of other streams for this command. */
async function factsFor(name: AccreditationCaseCommandName, input: Record<string, unknown>, hub: Hub): Promise<Record<string, unknown>> {
  if (name === 'applyForAccreditation') {
    const agency = await foldStream(hub.store, `${agencyCategory}-${String(input.agencyId)}`, agencyDecider);
    const renewed =
      input.renews === undefined ? undefined : await foldStream(hub.store, `${accreditationCategory}-${String(input.renews)}`, accreditationCaseDecider);
    return {
      agency: agency.exists
        ? { name: agency.name, registeredFrom: agency.registeredFrom, registeredUntil: agency.registeredUntil, frameworks: agency.frameworks }
        : undefined,
      renewed: renewed?.exists ? { outcome: renewed.outcome } : undefined,
    };
  }
  if (name === 'attachEvidence') {
    const evidence = await foldStream(hub.store, `${evidenceCategory}-${String(input.evidenceId)}`, evidenceDecider);
    return { evidence: evidence.exists ? { title: evidence.title } : undefined };
  }
  return {};
}

/** Ids may come as global ids; the commands take plain ones. */
function plainIds(raw: Record<string, unknown>): Record<string, unknown> {
  const ids: Record<string, (id: string) => string> = {
    accreditationId: accreditationIdOf,
    renews: accreditationIdOf,
    renewedBy: accreditationIdOf,
    agencyId: (id) => plainIdOf(id, 'Agency'),
    evidenceId: evidenceIdOf,
  };
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, typeof value === 'string' && ids[key] ? ids[key](value) : value]));
}

for (const name of Object.keys(accreditationCaseCommands) as AccreditationCaseCommandName[]) {
  commandMutation({
    name,
    description: descriptions[name],
    schema: accreditationCaseCommands[name],
    payload: AccreditationPayload,
    acceptsExpectedRevision: name !== 'applyForAccreditation',
    prepare: plainIds,
    run: async (call) =>
      runEntityCommand({
        call: call as CommandCall<Record<string, unknown>>,
        name,
        decider: accreditationCaseDecider,
        category: accreditationCategory,
        entity: 'accreditation case',
        idField: 'accreditationId',
        creates: name === 'applyForAccreditation',
        facts: await factsFor(name, call.input as Record<string, unknown>, call.context.hub),
        stamp: (id) => call.context.hub.accreditations.byIds([id])[0],
      }),
  });
}
