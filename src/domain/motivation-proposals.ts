// Staff motivation (DOMAIN.md 2.3): the director proposes to the university's management or to the
// trade union how staff should be encouraged; the answer is recorded when it comes.
import { z } from 'zod';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { isoDate, text, type IsoDate, type Labels } from './values.ts';

export const motivationProposalCategory = 'motivationProposal';

const addressees = ['management', 'trade_union'] as const;
export const motivationAddressee = z.enum(addressees).meta({
  id: 'MotivationAddressee',
  description: 'To whom a motivation proposal goes.',
  labels: {
    management: { ky: 'Университеттин жетекчилиги', ru: 'Руководство университета', en: 'University management' },
    trade_union: { ky: 'Кесиптик бирлик', ru: 'Профсоюз', en: 'Trade union' },
  } satisfies Labels<(typeof addressees)[number]>,
});
const statuses = ['submitted', 'accepted', 'rejected'] as const;
export type MotivationProposalStatus = (typeof statuses)[number];
export const motivationProposalStatus = z.enum(statuses).meta({
  id: 'MotivationProposalStatus',
  description: 'Where a motivation proposal stands.',
  labels: {
    submitted: { ky: 'Берилди', ru: 'Подано', en: 'Submitted' },
    accepted: { ky: 'Кабыл алынды', ru: 'Принято', en: 'Accepted' },
    rejected: { ky: 'Четке кагылды', ru: 'Отклонено', en: 'Rejected' },
  } satisfies Labels<MotivationProposalStatus>,
});
const decisions = ['accepted', 'rejected'] as const;
export const motivationDecision = z.enum(decisions).meta({
  id: 'MotivationDecision',
  description: 'What management or the trade union decided.',
  labels: {
    accepted: { ky: 'Кабыл алынды', ru: 'Принято', en: 'Accepted' },
    rejected: { ky: 'Четке кагылды', ru: 'Отклонено', en: 'Rejected' },
  } satisfies Labels<(typeof decisions)[number]>,
});

export const motivationProposalCommands = {
  submitMotivationProposal: z.object({
    addressee: motivationAddressee,
    subject: text(300).describe('What is proposed, in a line.'),
    justification: text(4000).describe('Why, and for whom.'),
    submittedOn: isoDate.describe('Date it was submitted.'),
  }),
  decideMotivationProposal: z.object({
    proposalId: z.uuid({ error: 'must be the id of an existing motivation proposal' }).describe('The proposal decided.'),
    decision: motivationDecision,
    note: text(2000).optional().describe('What the decision says.'),
    decidedOn: isoDate.describe('Date of the decision.'),
  }),
} as const;

export type MotivationProposalCommandName = keyof typeof motivationProposalCommands;
export type MotivationProposalCommand = {
  [Name in MotivationProposalCommandName]: { type: Name; proposalId: string } & z.infer<(typeof motivationProposalCommands)[Name]>;
}[MotivationProposalCommandName];

export const motivationProposalEventSchemas = {
  MotivationProposalSubmitted: z.object({
    proposalId: z.string(),
    addressee: motivationAddressee,
    subject: z.string(),
    justification: z.string(),
    submittedOn: isoDate,
    submittedBy: z.string(),
  }),
  MotivationProposalDecided: z.object({
    proposalId: z.string(),
    decision: motivationDecision,
    note: z.string().nullable(),
    decidedOn: isoDate,
    recordedBy: z.string(),
  }),
} as const;
export type MotivationProposalEvent = {
  [Type in keyof typeof motivationProposalEventSchemas]: { type: Type; data: z.infer<(typeof motivationProposalEventSchemas)[Type]> };
}[keyof typeof motivationProposalEventSchemas];
export const motivationProposalEventTypes = Object.keys(motivationProposalEventSchemas) as MotivationProposalEvent['type'][];

export type MotivationProposalState = { exists: false } | { exists: true; status: MotivationProposalStatus; submittedOn: IsoDate };

const rule = (code: string, message: string) => new DomainRuleError(code, message);

export const motivationProposalDecider: Decider<MotivationProposalCommand, MotivationProposalEvent, MotivationProposalState> = {
  initialState: { exists: false },
  evolve: (state, event) =>
    event.type === 'MotivationProposalSubmitted'
      ? { exists: true, status: 'submitted', submittedOn: event.data.submittedOn }
      : state.exists
        ? { ...state, status: event.data.decision }
        : state,
  decide(command, state, context: CommandContext) {
    if (command.type === 'submitMotivationProposal') {
      if (state.exists) throw rule('MOTIVATION_PROPOSAL_EXISTS', 'this motivation proposal already exists');
      const { type: _type, ...data } = command;
      return [{ type: 'MotivationProposalSubmitted', data: { ...data, submittedBy: context.actor.id } }];
    }
    if (!state.exists) throw rule('MOTIVATION_PROPOSAL_NOT_FOUND', 'proposalId: no motivation proposal with this id');
    if (state.status !== 'submitted') throw rule('MOTIVATION_PROPOSAL_DECIDED', `the proposal is already ${state.status}`);
    if (command.decidedOn < state.submittedOn)
      throw rule('DATE_BEFORE_SUBMISSION', `decidedOn (${command.decidedOn}) cannot be before submission (${state.submittedOn})`);
    return [
      {
        type: 'MotivationProposalDecided',
        data: {
          proposalId: command.proposalId,
          decision: command.decision,
          note: command.note ?? null,
          decidedOn: command.decidedOn,
          recordedBy: context.actor.id,
        },
      },
    ];
  },
};

/** The director submits; the rector records management's answer, the director the trade union's as it comes. */
export const motivationProposalPermissions: Record<MotivationProposalCommandName, Role[]> = {
  submitMotivationProposal: ['director', 'acting_director'],
  decideMotivationProposal: ['rector', 'director', 'acting_director'],
};
