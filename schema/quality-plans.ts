// Quality development plans in GraphQL: the list (`qualityPlans`) with each plan's completion, node
// lookups, and one mutation per command.
import type { QualityPlanAction, QualityPlanRow } from '../projections/quality-plans.ts';
import {
  qualityPlanActionStatus,
  qualityPlanCategory,
  qualityPlanCommands,
  qualityPlanDecider,
  qualityPlanStatus,
  type QualityPlanCommandName,
} from '../src/domain/quality-plans.ts';
import { languageArg } from './language.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { plainIdOf } from './ids.ts';
import { labelIn } from './indicators.ts';
import { runStrategyCommand, type StrategyPayloadShape } from './strategy-command.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

registerStreamKind({ typename: 'QualityPlan', category: qualityPlanCategory, personal: false, canRead: (context) => context.actor !== undefined });

const StatusEnum = enumFor(qualityPlanStatus);
const ActionStatusEnum = enumFor(qualityPlanActionStatus);

const ActionRef = builder.objectRef<QualityPlanAction>('QualityPlanAction').implement({
  description: 'An action of a quality development plan.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code within the plan.' }),
    action: t.exposeString('action', { description: 'What is done.' }),
    responsibleUnit: t.exposeString('responsibleUnit', { description: 'The unit responsible.' }),
    dueOn: t.field({ type: 'Date', description: 'Date it is due.', resolve: (a) => a.dueOn }),
    status: t.field({ type: ActionStatusEnum, description: 'Open, completed or cancelled.', resolve: (a) => a.status }),
    statusLabel: t.string({
      description: 'The status in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (a, args, context) => labelIn(qualityPlanActionStatus, a.status, args.language, context),
    }),
    completedOn: t.field({ type: 'Date', nullable: true, description: 'Date completed.', resolve: (a) => a.completedOn ?? null }),
    evidence: t.string({ nullable: true, description: 'Evidence of completion.', resolve: (a) => a.evidence ?? null }),
    cancelledOn: t.field({ type: 'Date', nullable: true, description: 'Date cancelled.', resolve: (a) => a.cancelledOn ?? null }),
    cancellationReason: t.string({ nullable: true, description: 'Why it was cancelled.', resolve: (a) => a.reason ?? null }),
  }),
});

export const QualityPlan = builder.loadableNode('QualityPlan', {
  description: 'A quality development plan for a period, its actions and how far they are done.',
  id: { resolve: (r) => r.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.qualityPlans.byIds(ids).map((r) => r ?? null) as QualityPlanRow[],
  fields: (t) => ({
    qualityPlanId: t.exposeString('id', { description: 'The plain id of the plan (the global `id` wraps it).' }),
    title: t.exposeString('title', { description: 'Title.' }),
    startYear: t.exposeInt('start_year', { description: 'First year.' }),
    endYear: t.exposeInt('end_year', { description: 'Last year.' }),
    basis: t.exposeString('basis', { description: 'The data it is drawn up from.' }),
    status: t.field({ type: StatusEnum, description: 'Draft or adopted.', resolve: (r) => r.status }),
    statusLabel: t.string({
      description: 'The status in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => labelIn(qualityPlanStatus, r.status, args.language, context),
    }),
    adoptedOn: t.field({ type: 'Date', nullable: true, description: 'Date of adoption.', resolve: (r) => r.adopted_on }),
    decision: t.exposeString('decision', { nullable: true, description: 'The decision adopting it.' }),
    actions: t.field({ type: [ActionRef], description: 'Its actions, in the order added.', resolve: (r) => r.actions }),
    completedActions: t.exposeInt('completed_count', { description: 'Actions completed.' }),
    completion: t.float({
      nullable: true,
      description: 'Share of the actions not cancelled that are completed (0 to 1); null without such actions.',
      resolve: (r) => (r.action_count - r.cancelled_count > 0 ? r.completed_count / (r.action_count - r.cancelled_count) : null),
    }),
    revision: t.exposeInt('revision', { description: 'Revision of the plan stream; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updated_at }),
  }),
});

const FilterInput = builder.inputType('QualityPlanFilter', {
  description: 'Narrows the list of quality development plans.',
  fields: (t) => ({ statuses: t.field({ type: [StatusEnum], required: false, description: 'Any of these statuses.' }) }),
});

builder.queryFields((t) => ({
  qualityPlans: t.connection(
    {
      type: QualityPlan,
      description: 'Quality development plans by their first year, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: { filter: t.arg({ type: FilterInput, required: false, description: 'Conditions the plans must meet.' }) },
      resolve: (_root, args, context) => {
        const request = pageRequest(args, 'start');
        const queries = context.hub.qualityPlans;
        const { rows, hasMore } = queries.page(args.filter ?? {}, request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor('start', queries.sortKey(row)));
      },
    },
    { name: 'QualityPlanConnection', description: 'A page of quality development plans.' },
    { name: 'QualityPlanEdge', description: 'A quality development plan in a page, with its cursor.' },
  ),
}));

const Payload = builder.objectRef<StrategyPayloadShape>('QualityPlanPayload').implement({
  description: 'The plan after the command, with where the command landed in the log.',
  fields: (t) => ({
    qualityPlan: t.field({
      type: QualityPlan,
      description: 'The plan as it is now, including this command.',
      resolve: (p, _args, context) => context.hub.qualityPlans.byIds([p.id])[0]!,
    }),
    revision: t.int({ description: 'Revision of the plan stream after the command.', resolve: (p) => Number(p.revision) }),
    position: t.exposeString('position', { description: 'Position of the command’s last event in the global log.' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this commandId was handled before and its first answer is returned.' }),
  }),
});

const descriptions: Record<QualityPlanCommandName, string> = {
  draftQualityPlan: 'Drafts a quality development plan for a period. Creates the plan.',
  addQualityPlanAction: 'Adds an action to a quality development plan.',
  adoptQualityPlan: 'Records the decision adopting the plan.',
  completeQualityPlanAction: 'Records an action of an adopted plan as completed, with evidence.',
  cancelQualityPlanAction: 'Cancels an open action of an adopted plan, with the reason.',
};

for (const name of Object.keys(qualityPlanCommands) as QualityPlanCommandName[]) {
  commandMutation({
    name,
    description: descriptions[name],
    schema: qualityPlanCommands[name],
    payload: Payload,
    acceptsExpectedRevision: name !== 'draftQualityPlan',
    prepare: (raw) => (typeof raw.qualityPlanId === 'string' ? { ...raw, qualityPlanId: plainIdOf(raw.qualityPlanId, 'QualityPlan') } : raw),
    run: (call) =>
      runStrategyCommand({
        name,
        call: call as CommandCall<Record<string, unknown>>,
        decider: qualityPlanDecider,
        category: qualityPlanCategory,
        idField: 'qualityPlanId',
        entity: 'quality development plan',
        creates: name === 'draftQualityPlan',
        current: (id) => call.context.hub.qualityPlans.byIds([id])[0],
      }),
  });
}
