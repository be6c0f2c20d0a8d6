// Proposals to management in GraphQL: the list (`proposals`), node lookups, and their two commands.
import type { ProposalRow } from '../projections/proposals.ts';
import { proposalBasis, proposalCategory, proposalCommands, proposalDecider, proposalStatus, type ProposalCommandName } from '../src/domain/proposals.ts';
import { languageArg } from './language.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { plainIdOf } from './ids.ts';
import { labelIn } from './indicators.ts';
import { runStrategyCommand, type StrategyPayloadShape } from './strategy-command.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

registerStreamKind({ typename: 'Proposal', category: proposalCategory, personal: false, canRead: (context) => context.actor !== undefined });

const StatusEnum = enumFor(proposalStatus);
const BasisEnum = enumFor(proposalBasis);

export const Proposal = builder.loadableNode('Proposal', {
  description: 'A proposal to management on quality assurance, and the decision on it.',
  id: { resolve: (r) => r.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.proposals.byIds(ids).map((r) => r ?? null) as ProposalRow[],
  fields: (t) => ({
    proposalId: t.exposeString('id', { description: 'The plain id of the proposal (the global `id` wraps it).' }),
    title: t.exposeString('title', { description: 'Title.' }),
    summary: t.exposeString('summary', { description: 'What is proposed and why.' }),
    bases: t.field({ type: [BasisEnum], description: 'What it is drawn from.', resolve: (r) => r.bases }),
    basisLabels: t.stringList({
      description: 'What it is drawn from, in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => r.bases.map((b) => labelIn(proposalBasis, b, args.language, context)),
    }),
    addressedTo: t.exposeString('addressed_to', { description: 'Whom it is addressed to.' }),
    references: t.exposeStringList('refs', { description: 'Monitorings, analyses or documents it rests on.' }),
    submittedOn: t.field({ type: 'Date', description: 'Date of submission.', resolve: (r) => r.submitted_on }),
    status: t.field({ type: StatusEnum, description: 'Submitted, accepted or rejected.', resolve: (r) => r.status }),
    statusLabel: t.string({
      description: 'The status in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => labelIn(proposalStatus, r.status, args.language, context),
    }),
    reason: t.exposeString('reason', { nullable: true, description: "The decision's reason." }),
    decidedBy: t.exposeString('decided_by', { nullable: true, description: 'Who decided.' }),
    decidedOn: t.field({ type: 'Date', nullable: true, description: 'Date of the decision.', resolve: (r) => r.decided_on }),
    revision: t.exposeInt('revision', { description: 'Revision of the proposal stream; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updated_at }),
  }),
});

const FilterInput = builder.inputType('ProposalFilter', {
  description: 'Narrows the list of proposals.',
  fields: (t) => ({ statuses: t.field({ type: [StatusEnum], required: false, description: 'Any of these statuses.' }) }),
});

builder.queryFields((t) => ({
  proposals: t.connection(
    {
      type: Proposal,
      description: 'Proposals to management, oldest submission first, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: { filter: t.arg({ type: FilterInput, required: false, description: 'Conditions the proposals must meet.' }) },
      resolve: (_root, args, context) => {
        const request = pageRequest(args, 'submitted');
        const queries = context.hub.proposals;
        const { rows, hasMore } = queries.page(args.filter ?? {}, request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor('submitted', queries.sortKey(row)));
      },
    },
    { name: 'ProposalConnection', description: 'A page of proposals.' },
    { name: 'ProposalEdge', description: 'A proposal in a page, with its cursor.' },
  ),
}));

const Payload = builder.objectRef<StrategyPayloadShape>('ProposalPayload').implement({
  description: 'The proposal after the command, with where the command landed in the log.',
  fields: (t) => ({
    proposal: t.field({
      type: Proposal,
      description: 'The proposal as it is now, including this command.',
      resolve: (p, _args, context) => context.hub.proposals.byIds([p.id])[0]!,
    }),
    revision: t.int({ description: 'Revision of the proposal stream after the command.', resolve: (p) => Number(p.revision) }),
    position: t.exposeString('position', { description: 'Position of the command’s last event in the global log.' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this commandId was handled before and its first answer is returned.' }),
  }),
});

const descriptions: Record<ProposalCommandName, string> = {
  submitProposal: 'Submits a proposal to management. Creates the proposal.',
  decideProposal: "Records management's decision on a proposal (accepted or rejected) with its reason.",
};

for (const name of Object.keys(proposalCommands) as ProposalCommandName[]) {
  commandMutation({
    name,
    description: descriptions[name],
    schema: proposalCommands[name],
    payload: Payload,
    acceptsExpectedRevision: name !== 'submitProposal',
    prepare: (raw) => (typeof raw.proposalId === 'string' ? { ...raw, proposalId: plainIdOf(raw.proposalId, 'Proposal') } : raw),
    run: (call) =>
      runStrategyCommand({
        name,
        call: call as CommandCall<Record<string, unknown>>,
        decider: proposalDecider,
        category: proposalCategory,
        idField: 'proposalId',
        entity: 'proposal',
        creates: name === 'submitProposal',
        current: (id) => call.context.hub.proposals.byIds([id])[0],
      }),
  });
}
