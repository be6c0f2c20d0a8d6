// Proposals to management on quality assurance (DOMAIN.md 2.1 item 21, 2.3): the department submits
// a proposal drawn from monitoring data, societal challenges or stakeholders' suggestions; the
// management's decision (accepted or rejected, with its reason) is recorded once.
import { z } from 'zod';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { strategyStaff } from './strategic-plan.ts';
import { entityId, isoDate, text, type IsoDate, type Labels } from './values.ts';

export const proposalCategory = 'proposal';

const bases = ['monitoring_data', 'societal_challenge', 'stakeholder_suggestion', 'swot_analysis'] as const;
const statuses = ['submitted', 'accepted', 'rejected'] as const;
const outcomes = ['accepted', 'rejected'] as const;

export const proposalBasisLabels: Labels<(typeof bases)[number]> = {
  monitoring_data: { ky: 'Мониторингдин маалыматтары', ru: 'Данные мониторинга', en: 'Monitoring data' },
  societal_challenge: { ky: 'Коомдук чакырыктар', ru: 'Вызовы общества', en: 'Societal challenge' },
  stakeholder_suggestion: { ky: 'Кызыкдар тараптардын сунуштары', ru: 'Предложения заинтересованных сторон', en: 'Stakeholder suggestion' },
  swot_analysis: { ky: 'SWOT-талдоо', ru: 'SWOT-анализ', en: 'SWOT analysis' },
};
export const proposalStatusLabels: Labels<(typeof statuses)[number]> = {
  submitted: { ky: 'Берилди', ru: 'Подано', en: 'Submitted' },
  accepted: { ky: 'Кабыл алынды', ru: 'Принято', en: 'Accepted' },
  rejected: { ky: 'Четке кагылды', ru: 'Отклонено', en: 'Rejected' },
};

export const proposalBasis = z.enum(bases).meta({ id: 'ProposalBasis', description: 'What a proposal is drawn from.', labels: proposalBasisLabels });
export const proposalStatus = z.enum(statuses).meta({ id: 'ProposalStatus', description: 'Where a proposal stands.', labels: proposalStatusLabels });
export const proposalOutcome = z.enum(outcomes).meta({
  id: 'ProposalOutcome',
  description: "Management's decision on a proposal.",
  labels: { accepted: proposalStatusLabels.accepted, rejected: proposalStatusLabels.rejected },
});

const submitFields = z.object({
  title: text(300).describe('Title of the proposal.'),
  summary: text(4000).describe('What is proposed and why.'),
  bases: z.array(proposalBasis).min(1, 'must name at least one basis').max(4, 'must have at most 4 items').describe('What it is drawn from.'),
  addressedTo: text(200).describe('Whom it is addressed to: the rector, the Academic Council...'),
  references: z
    .array(text(200))
    .max(20, 'must have at most 20 items')
    .optional()
    .describe('Ids or numbers of the monitorings, analyses or documents it rests on.'),
  submittedOn: isoDate.describe('Date of submission.'),
});

export const proposalCommands = {
  submitProposal: submitFields,
  decideProposal: z.object({
    proposalId: entityId('proposal').describe('The proposal decided.'),
    outcome: proposalOutcome,
    reason: text(2000).describe("The decision's reason."),
    decidedBy: text(200).describe('Who decided: the rector, the Academic Council (protocol number)...'),
    decidedOn: isoDate.describe('Date of the decision.'),
  }),
} as const;

export type ProposalCommandName = keyof typeof proposalCommands;
export type ProposalCommand = {
  [Name in ProposalCommandName]: { type: Name; proposalId: string } & z.infer<(typeof proposalCommands)[Name]>;
}[ProposalCommandName];

export const proposalEventSchemas = {
  ProposalSubmitted: submitFields.extend({ proposalId: z.string() }),
  ProposalDecided: z.object({ proposalId: z.string(), outcome: proposalOutcome, reason: z.string(), decidedBy: z.string(), decidedOn: isoDate }),
} as const;
export type ProposalEventType = keyof typeof proposalEventSchemas;
export type ProposalEvent = {
  [Type in ProposalEventType]: { type: Type; data: z.infer<(typeof proposalEventSchemas)[Type]> };
}[ProposalEventType];
export const proposalEventTypes = Object.keys(proposalEventSchemas) as ProposalEventType[];

export type ProposalState = { exists: false } | { exists: true; decided: boolean; submittedOn: IsoDate };

function evolve(state: ProposalState, event: ProposalEvent): ProposalState {
  if (event.type === 'ProposalSubmitted') return { exists: true, decided: false, submittedOn: event.data.submittedOn };
  return state.exists ? { ...state, decided: true } : state;
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

function decide(command: ProposalCommand, state: ProposalState, _context: CommandContext): ProposalEvent[] {
  if (command.type === 'submitProposal') {
    if (state.exists) throw rule('PROPOSAL_ALREADY_SUBMITTED', 'this proposal already exists');
    const { type: _type, ...data } = command;
    return [{ type: 'ProposalSubmitted', data }];
  }
  if (!state.exists) throw rule('PROPOSAL_NOT_FOUND', 'no proposal with this id exists');
  if (state.decided) throw rule('PROPOSAL_ALREADY_DECIDED', 'the proposal has been decided already');
  if (command.decidedOn < state.submittedOn)
    throw rule('DECIDED_BEFORE_SUBMISSION', `decidedOn (${command.decidedOn}) cannot be before the submission (${state.submittedOn})`);
  const { type: _type, ...data } = command;
  return [{ type: 'ProposalDecided', data }];
}

export const proposalDecider: Decider<ProposalCommand, ProposalEvent, ProposalState> = { initialState: { exists: false }, evolve, decide };

/** Management decides; the rector, or the director recording the decision of a council. */
export const proposalPermissions: Record<ProposalCommandName, Role[]> = {
  submitProposal: strategyStaff,
  decideProposal: ['rector', 'director', 'acting_director'],
};
