// Corrective actions in GraphQL: the register (soonest due first, with filters), one action by id,
// the actions of an indicator, and one mutation per command.
import type { CorrectiveActionRow } from '../projections/corrective-actions.ts';
import {
  correctiveActionCategory,
  correctiveActionCommands,
  correctiveActionDecider,
  correctiveActionSource,
  correctiveActionStatus,
  type CorrectiveActionCommandName,
} from '../src/domain/corrective-actions.ts';
import { NotFoundError } from '../src/domain/errors.ts';
import { languageArg } from './language.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { plainIdOf } from './ids.ts';
import { Indicator, labelIn } from './indicators.ts';
import { runStrategyCommand, type StrategyPayloadShape } from './strategy-command.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

registerStreamKind({ typename: 'CorrectiveAction', category: correctiveActionCategory, personal: false, canRead: (context) => context.actor !== undefined });

const StatusEnum = enumFor(correctiveActionStatus);
const SourceEnum = enumFor(correctiveActionSource);

export const CorrectiveAction = builder.loadableNode('CorrectiveAction', {
  description: 'A corrective action: the problem, its root cause, what is done about it, by whom and by when, and whether it worked.',
  id: { resolve: (r) => r.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.correctiveActions.byIds(ids).map((r) => r ?? null) as CorrectiveActionRow[],
  fields: (t) => ({
    correctiveActionId: t.exposeString('id', { description: 'The plain id of the action (the global `id` wraps it).' }),
    source: t.field({ type: SourceEnum, description: 'What raised it.', resolve: (r) => r.source }),
    sourceLabel: t.string({
      description: 'What raised it, in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => labelIn(correctiveActionSource, r.source, args.language, context),
    }),
    sourceId: t.exposeString('source_id', { description: 'Id of the indicator, monitoring finding or accreditation recommendation.' }),
    indicator: t.field({
      type: Indicator,
      nullable: true,
      description: 'The indicator that raised it, when it was one.',
      resolve: (r, _args, context) => (r.source === 'indicator' ? (context.hub.indicators.byIds([r.source_id])[0] ?? null) : null),
    }),
    problem: t.exposeString('problem', { description: 'The problem it answers.' }),
    rootCause: t.exposeString('root_cause', { description: 'Why the problem arose.' }),
    action: t.exposeString('action', { description: 'What is done.' }),
    owner: t.exposeString('owner', { description: 'The person responsible.' }),
    ownerUnit: t.exposeString('owner_unit', { description: 'The unit responsible.' }),
    plannedOn: t.field({ type: 'Date', description: 'Date it was planned.', resolve: (r) => r.planned_on }),
    dueOn: t.field({ type: 'Date', description: 'Date it is due.', resolve: (r) => r.due_on }),
    status: t.field({ type: StatusEnum, description: 'Where it stands.', resolve: (r) => r.status }),
    statusLabel: t.string({
      description: 'The status in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => labelIn(correctiveActionStatus, r.status, args.language, context),
    }),
    overdue: t.boolean({
      description: 'True while it is open and the clock has recorded its due date passed.',
      resolve: (r) => r.overdue_on !== null && (r.status === 'planned' || r.status === 'in_progress'),
    }),
    overdueOn: t.field({ type: 'Date', nullable: true, description: 'The day it was recorded overdue.', resolve: (r) => r.overdue_on }),
    startedOn: t.field({ type: 'Date', nullable: true, description: 'Date work started.', resolve: (r) => r.started_on }),
    completedOn: t.field({ type: 'Date', nullable: true, description: 'Date it was done.', resolve: (r) => r.completed_on }),
    evidence: t.exposeString('evidence', { nullable: true, description: 'Evidence of completion.' }),
    effective: t.boolean({
      nullable: true,
      description: 'Whether the effectiveness check found it worked; null before the check.',
      resolve: (r) => (r.effective === null ? null : r.effective === 1),
    }),
    conclusion: t.exposeString('conclusion', { nullable: true, description: 'What the effectiveness check found.' }),
    verifiedOn: t.field({ type: 'Date', nullable: true, description: 'Date of the effectiveness check.', resolve: (r) => r.verified_on }),
    cancelledOn: t.field({ type: 'Date', nullable: true, description: 'Date of cancellation.', resolve: (r) => r.cancelled_on }),
    cancellationReason: t.exposeString('cancellation_reason', { nullable: true, description: 'Why it was cancelled.' }),
    revision: t.exposeInt('revision', { description: 'Revision of the action stream; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updated_at }),
  }),
});

const FilterInput = builder.inputType('CorrectiveActionFilter', {
  description: 'Narrows the register of corrective actions; all given conditions must hold.',
  fields: (t) => ({
    statuses: t.field({ type: [StatusEnum], required: false, description: 'Any of these statuses.' }),
    source: t.field({ type: SourceEnum, required: false, description: 'Only actions raised by this kind of source.' }),
    sourceId: t.id({ required: false, description: 'Only actions raised by this indicator (global or plain id), finding or recommendation.' }),
    ownerUnit: t.string({ required: false, description: 'Only actions of this unit.' }),
    open: t.boolean({ required: false, description: 'True: only planned or in-progress actions; false: only finished or cancelled ones.' }),
    overdue: t.boolean({ required: false, description: 'True: only open actions recorded overdue; false: all others.' }),
  }),
});

builder.queryFields((t) => ({
  correctiveActions: t.connection(
    {
      type: CorrectiveAction,
      description: 'The register of corrective actions, soonest due first, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: { filter: t.arg({ type: FilterInput, required: false, description: 'Conditions the actions must meet.' }) },
      resolve: (_root, args, context) => {
        const request = pageRequest(args, 'due');
        const queries = context.hub.correctiveActions;
        const sourceId = args.filter?.sourceId ? plainIdOf(String(args.filter.sourceId), 'Indicator') : null;
        const { rows, hasMore } = queries.page({ ...args.filter, sourceId }, request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor('due', queries.sortKey(row)));
      },
    },
    { name: 'CorrectiveActionConnection', description: 'A page of the register of corrective actions.' },
    { name: 'CorrectiveActionEdge', description: 'A corrective action in a page, with its cursor.' },
  ),
}));

builder.objectField(Indicator, 'correctiveActions', (t) =>
  t.field({
    type: [CorrectiveAction],
    description: 'Corrective actions raised by this indicator, soonest due first.',
    resolve: (v, _args, context) => context.hub.correctiveActions.page({ sourceId: v.row.id }, { direction: 'forward', from: undefined, limit: 100 }).rows,
  }),
);

const CorrectiveActionPayload = builder.objectRef<StrategyPayloadShape>('CorrectiveActionPayload').implement({
  description: 'The corrective action after the command, with where the command landed in the log.',
  fields: (t) => ({
    correctiveAction: t.field({
      type: CorrectiveAction,
      description: 'The action as the register shows it now, including this command.',
      resolve: (p, _args, context) => context.hub.correctiveActions.byIds([p.id])[0]!,
    }),
    revision: t.int({ description: 'Revision of the action stream after the command.', resolve: (p) => Number(p.revision) }),
    position: t.exposeString('position', { description: 'Position of the command’s last event in the global log.' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this commandId was handled before and its first answer is returned.' }),
  }),
});

const descriptions: Record<CorrectiveActionCommandName, string> = {
  planCorrectiveAction: 'Plans a corrective action for an indicator, a monitoring finding or an accreditation recommendation. Creates the action.',
  startCorrectiveAction: 'Records that work on a planned action started.',
  completeCorrectiveAction: 'Records that an action is done, with evidence.',
  verifyCorrectiveActionEffectiveness: 'Records whether a done action proved effective.',
  cancelCorrectiveAction: 'Cancels an open action with the reason.',
  markCorrectiveActionOverdue: 'Records that an open action passed its due date (sent by the hub’s clock).',
};

async function runCorrectiveActionCommand(name: CorrectiveActionCommandName, call: CommandCall<Record<string, unknown>>): Promise<StrategyPayloadShape> {
  const { hub } = call.context;
  if (name === 'planCorrectiveAction' && call.input.source === 'indicator') {
    const indicatorId = plainIdOf(String(call.input.sourceId), 'Indicator');
    if (!hub.indicators.byIds([indicatorId])[0]) throw new NotFoundError('indicator', indicatorId);
    call = { ...call, input: { ...call.input, sourceId: indicatorId } };
  }
  if (name === 'planCorrectiveAction' && call.input.source === 'monitoring_finding') {
    // A finding is named `<monitoringId>:<finding code>`, as MonitoringFinding.findingId gives it.
    const sourceId = String(call.input.sourceId);
    const [monitoringId = '', code = ''] = sourceId.split(':');
    const monitoring = hub.monitorings.byIds([monitoringId])[0];
    if (!monitoring?.findings.some((f) => f.code === code)) throw new NotFoundError('monitoring finding', sourceId);
  }
  return runStrategyCommand({
    name,
    call,
    decider: correctiveActionDecider,
    category: correctiveActionCategory,
    idField: 'correctiveActionId',
    entity: 'corrective action',
    creates: name === 'planCorrectiveAction',
    current: (id) => hub.correctiveActions.byIds([id])[0],
  });
}

for (const name of Object.keys(correctiveActionCommands) as CorrectiveActionCommandName[]) {
  commandMutation({
    name,
    description: descriptions[name],
    schema: correctiveActionCommands[name],
    payload: CorrectiveActionPayload,
    acceptsExpectedRevision: name !== 'planCorrectiveAction',
    prepare: (raw) =>
      typeof raw.correctiveActionId === 'string' ? { ...raw, correctiveActionId: plainIdOf(raw.correctiveActionId, 'CorrectiveAction') } : raw,
    run: (call) => runCorrectiveActionCommand(name, call as CommandCall<Record<string, unknown>>),
  });
}
