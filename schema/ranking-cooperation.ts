// Cooperation plans with ranking organisations in GraphQL: `cooperationPlans` (filters and keyset
// paging), `cooperationPlan(id)`, and one mutation per plan command. Drafting a plan checks what it
// names in other streams: the organisation exists and the agreement, when named, is in force.
import type { RankingCooperationActivityRow, RankingCooperationPlanRow } from '../projections/ranking-cooperation-plans.ts';
import { DomainRuleError, NotFoundError } from '../src/domain/errors.ts';
import {
  rankingCooperationActivityStatus,
  rankingCooperationActivityStatusLabels,
  rankingCooperationCommands,
  rankingCooperationDecider,
  rankingCooperationPlanCategory,
  type RankingCooperationCommandName,
} from '../src/domain/ranking-cooperation.ts';
import { agreementInForce } from '../src/domain/ranking-organisations.ts';
import { localDateOf } from '../src/domain/values.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { entityPayload, runEntityCommand } from './entity-command.ts';
import { plainIdOf } from './ids.ts';
import { labelField } from './labels.ts';
import { plainRankingIds } from './ranking-mutations.ts';
import { RankingOrganisation } from './rankings.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

registerStreamKind({
  typename: 'RankingCooperationPlan',
  category: rankingCooperationPlanCategory,
  personal: false,
  canRead: (context) => context.actor !== undefined,
});

const ActivityStatusEnum = enumFor(rankingCooperationActivityStatus);

const Activity = builder.objectRef<RankingCooperationActivityRow>('RankingCooperationActivity').implement({
  description: 'An activity of a cooperation plan: what, who is responsible, by when, and how it ended.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code of the activity within the plan.' }),
    activity: t.exposeString('activity', { description: 'What is to be done.' }),
    responsible: t.exposeString('responsible', { description: 'The person responsible.' }),
    responsibleUnit: t.exposeString('responsible_unit', { nullable: true, description: 'The unit responsible, if any.' }),
    dueOn: t.field({ type: 'Date', description: 'Date by which it is to be done.', resolve: (a) => a.due_on }),
    status: t.field({ type: ActivityStatusEnum, description: 'Planned, done or cancelled.', resolve: (a) => a.status }),
    statusLabel: labelField(t, rankingCooperationActivityStatusLabels, (a) => a.status),
    overdue: t.boolean({
      description: 'True while it is planned and the clock has recorded its due date passed.',
      resolve: (a) => a.status === 'planned' && a.overdue_on !== null,
    }),
    overdueOn: t.field({ type: 'Date', nullable: true, description: 'The day it was recorded overdue.', resolve: (a) => a.overdue_on }),
    completedOn: t.field({ type: 'Date', nullable: true, description: 'Date it was done.', resolve: (a) => a.completed_on }),
    outcome: t.exposeString('outcome', { nullable: true, description: 'What came of it.' }),
    cancelledOn: t.field({ type: 'Date', nullable: true, description: 'Date it was cancelled.', resolve: (a) => a.cancelled_on }),
    cancellationReason: t.exposeString('cancellation_reason', { nullable: true, description: 'Why it was cancelled.' }),
  }),
});

export const RankingCooperationPlan = builder.loadableNode('RankingCooperationPlan', {
  description: 'A plan of cooperation with a ranking organisation, under an agreement where there is one, with its activities.',
  id: { resolve: (p) => p.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.rankingCooperation.byIds(ids).map((p) => p ?? null) as RankingCooperationPlanRow[],
  fields: (t) => ({
    rankingCooperationPlanId: t.exposeString('id', { description: 'The plain id of the plan (the global `id` wraps it).' }),
    organisation: t.field({
      type: RankingOrganisation,
      description: 'The organisation the plan is with.',
      resolve: (p, _args, context) => context.hub.rankings.organisationsByIds([p.organisation_id])[0]!,
    }),
    agreementNumber: t.exposeString('agreement_number', { nullable: true, description: 'The agreement it implements, if any.' }),
    title: t.exposeString('title', { description: 'Title of the plan.' }),
    year: t.exposeInt('year', { description: 'The year it is for.' }),
    adopted: t.boolean({ description: 'Whether the director has adopted it.', resolve: (p) => p.adopted_on !== null }),
    adoptedOn: t.field({ type: 'Date', nullable: true, description: 'Date it was adopted.', resolve: (p) => p.adopted_on }),
    decision: t.exposeString('decision', { nullable: true, description: 'The order or decision adopting it.' }),
    activities: t.field({
      type: [Activity],
      description: 'Its activities, soonest due first.',
      resolve: (p, _args, context) => context.hub.rankingCooperation.activities(p.id),
    }),
    activityCount: t.exposeInt('activities', { description: 'How many activities it has.' }),
    doneCount: t.exposeInt('done', { description: 'How many of them are done.' }),
    overdueCount: t.exposeInt('overdue', { description: 'How many planned activities are recorded overdue.' }),
    revision: t.exposeInt('revision', { description: 'Revision of the plan’s stream; pass it as expectedRevision.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (p) => p.updated_at }),
  }),
});

const FilterInput = builder.inputType('CooperationPlanFilter', {
  description: 'Narrows the cooperation plans; all given conditions must hold.',
  fields: (t) => ({
    organisationId: t.id({ required: false, description: 'Only plans with this ranking organisation (global or plain id).' }),
    year: t.int({ required: false, description: 'Only plans for this year.' }),
    adopted: t.boolean({ required: false, description: 'True: only adopted plans; false: only drafts.' }),
    overdue: t.boolean({ required: false, description: 'True: only plans with an activity recorded overdue; false: only plans without.' }),
  }),
});

builder.queryFields((t) => ({
  cooperationPlans: t.connection(
    {
      type: RankingCooperationPlan,
      description: 'Cooperation plans with ranking organisations, earliest year first, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: { filter: t.arg({ type: FilterInput, required: false, description: 'Conditions the plans must meet.' }) },
      resolve: (_root, args, context) => {
        const request = pageRequest(args, 'year');
        const queries = context.hub.rankingCooperation;
        const organisationId = args.filter?.organisationId ? plainIdOf(String(args.filter.organisationId), 'RankingOrganisation') : null;
        const { rows, hasMore } = queries.page({ ...args.filter, organisationId }, request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor('year', queries.sortKey(row)));
      },
    },
    { name: 'CooperationPlanConnection', description: 'A page of cooperation plans.' },
    { name: 'CooperationPlanEdge', description: 'A cooperation plan in a page, with its cursor.' },
  ),
  cooperationPlan: t.field({
    type: RankingCooperationPlan,
    nullable: true,
    description: 'One cooperation plan by its global id or plain id; null if there is none.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true, description: 'Global id, or the plain rankingCooperationPlanId.' }) },
    resolve: (_root, args) => plainIdOf(String(args.id), 'RankingCooperationPlan'),
  }),
}));

const PlanPayload = entityPayload('RankingCooperationPlanPayload', 'cooperationPlan', RankingCooperationPlan, 'cooperation plan');

const descriptions: Record<RankingCooperationCommandName, string> = {
  draftRankingCooperationPlan:
    'Drafts a plan of cooperation with a ranking organisation for a year, under an agreement in force where there is one. Creates the plan.',
  addRankingCooperationActivity: 'Adds an activity to a plan, with the person responsible and the due date (it goes on the deadlines list).',
  adoptRankingCooperationPlan: 'The director adopts the plan.',
  completeRankingCooperationActivity: 'Records that a planned activity was done, and what came of it.',
  cancelRankingCooperationActivity: 'Cancels a planned activity, with the reason.',
  markRankingCooperationActivityOverdue: 'Records that a planned activity passed its due date (sent by the hub’s clock).',
};

/** The organisation a plan is drafted with must exist, and a named agreement be in force on the hub's today. */
function checkDraft(call: CommandCall<Record<string, unknown>>): void {
  const { hub } = call.context;
  const organisationId = String(call.input.rankingOrganisationId);
  if (!hub.rankings.organisationsByIds([organisationId])[0]) throw new NotFoundError('ranking organisation', organisationId);
  if (typeof call.input.agreementNumber !== 'string') return;
  const agreement = hub.rankings.agreements(organisationId).find((a) => a.number === call.input.agreementNumber);
  if (!agreement) throw new DomainRuleError('RANKING_AGREEMENT_NOT_FOUND', `agreementNumber: the organisation has no agreement ${call.input.agreementNumber}`);
  const today = localDateOf(new Date(hub.clock.now()).toISOString());
  if (!agreementInForce(agreement, today))
    throw new DomainRuleError('RANKING_AGREEMENT_NOT_IN_FORCE', `agreementNumber: agreement ${agreement.number} is not in force on ${today}`);
}

for (const name of Object.keys(rankingCooperationCommands) as RankingCooperationCommandName[]) {
  commandMutation({
    name,
    description: descriptions[name],
    schema: rankingCooperationCommands[name],
    payload: PlanPayload,
    acceptsExpectedRevision: name !== 'draftRankingCooperationPlan',
    prepare: plainRankingIds,
    run: (call) => {
      if (name === 'draftRankingCooperationPlan') checkDraft(call as CommandCall<Record<string, unknown>>);
      return runEntityCommand({
        call: call as CommandCall<Record<string, unknown>>,
        name,
        decider: rankingCooperationDecider,
        category: rankingCooperationPlanCategory,
        entity: 'cooperation plan',
        idField: 'rankingCooperationPlanId',
        creates: name === 'draftRankingCooperationPlan',
        stamp: (id) => call.context.hub.rankingCooperation.byIds([id])[0],
      });
    },
  });
}
