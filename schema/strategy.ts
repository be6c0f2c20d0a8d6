// Strategic plans in GraphQL: the plan with its tree of directions and goals, each rolled up by
// weight from the indicators beneath for a year (src/domain/indicator-status.ts), a list of plans,
// and one mutation per plan command.
import { createStrategicPlanQueries, strategicPlansProjection, type PlanNodeRow, type StrategicPlanRow } from '../projections/strategic-plans.ts';
import { foldAsOf } from '../projections/time-travel.ts';
import { indicatorStatus, rollUp, type IndicatorStatus, type RollUp } from '../src/domain/indicator-status.ts';
import type { IndicatorPassport } from '../src/domain/indicators.ts';
import {
  strategicPlanCategory,
  strategicPlanCommands,
  strategicPlanDecider,
  strategicPlanStatus,
  type StrategicPlanCommandName,
} from '../src/domain/strategic-plan.ts';
import { AsOfInput, parseAsOf } from './as-of.ts';
import { languageArg } from './language.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { plainIdOf } from './ids.ts';
import { currentYear, IndicatorDashboardRowRef, IndicatorStatusEnum, labelIn, type DashboardRowShape } from './indicators.ts';
import { MultilingualNameRef } from './licensing.ts';
import { runStrategyCommand, type StrategyPayloadShape } from './strategy-command.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

registerStreamKind({ typename: 'StrategicPlan', category: strategicPlanCategory, personal: false, canRead: (context) => context.actor !== undefined });

const StrategicPlanStatusEnum = enumFor(strategicPlanStatus);

const RollUpRef = builder.objectRef<RollUp>('StrategyRollUp').implement({
  description: 'The indicators beneath a goal, a direction or the plan, rolled up by weight for a year.',
  fields: (t) => ({
    status: t.field({ type: IndicatorStatusEnum, description: 'Status of the whole.', resolve: (r) => r.status }),
    statusLabel: t.string({
      description: 'The status in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => labelIn(indicatorStatus, r.status, args.language, context),
    }),
    score: t.float({
      nullable: true,
      description: 'Weighted mean of the achievement ratios (each capped at 1) of the indicators with a verified value.',
      resolve: (r) => r.score,
    }),
    weight: t.float({ description: 'Total weight of the indicators that have a value.', resolve: (r) => r.weight }),
  }),
});

type GoalShape = { node: PlanNodeRow; rows: DashboardRowShape[] };
type DirectionShape = { node: PlanNodeRow; goals: GoalShape[] };
/** A plan judged in a year: its row, its tree, and the dashboard rows of its indicators. */
type PlanShape = { row: StrategicPlanRow; year: number; directions: DirectionShape[]; rows: DashboardRowShape[] };

const rollUpOf = (rows: DashboardRowShape[]): RollUp =>
  rollUp(
    rows.map((r) => {
      const passport = JSON.parse(r.view.row.passport) as IndicatorPassport;
      return { weight: passport.weight, status: r.year.status as IndicatorStatus, ratio: r.year.ratio, thresholds: passport.thresholds };
    }),
  );

const nameOf = (n: PlanNodeRow) => ({ ky: n.name_ky, ru: n.name_ru, en: n.name_en });

const GoalRef = builder.objectRef<GoalShape>('StrategicGoal').implement({
  description: 'A goal of a strategic direction, with its indicators and their roll-up.',
  fields: (t) => ({
    code: t.string({ description: 'Code of the goal.', resolve: (g) => g.node.code }),
    name: t.field({ type: MultilingualNameRef, description: 'Name of the goal.', resolve: (g) => nameOf(g.node) }),
    rollUp: t.field({ type: RollUpRef, description: 'Its indicators rolled up by weight.', resolve: (g) => rollUpOf(g.rows) }),
    indicators: t.field({ type: [IndicatorDashboardRowRef], description: 'Its indicators in the year, by code.', resolve: (g) => g.rows }),
  }),
});

const DirectionRef = builder.objectRef<DirectionShape>('StrategicDirection').implement({
  description: 'A strategic direction of the plan, with its goals.',
  fields: (t) => ({
    code: t.string({ description: 'Code of the direction.', resolve: (d) => d.node.code }),
    name: t.field({ type: MultilingualNameRef, description: 'Name of the direction.', resolve: (d) => nameOf(d.node) }),
    rollUp: t.field({ type: RollUpRef, description: 'All indicators under it rolled up by weight.', resolve: (d) => rollUpOf(d.goals.flatMap((g) => g.rows)) }),
    goals: t.field({ type: [GoalRef], description: 'Its goals.', resolve: (d) => d.goals }),
  }),
});

/** The plan's tree with its indicators judged in `year`, read from the live read models. */
function planShape(row: StrategicPlanRow, year: number, context: GraphQLContext, nodes: PlanNodeRow[]): PlanShape {
  const judged = context.hub.indicators.ofPlan(row.id, year).filter((i) => i.judged !== undefined);
  const views = context.hub.indicators.byIds(judged.map((i) => i.row.id));
  const rows: DashboardRowShape[] = judged.map((i, index) => ({ year: i.judged!, view: views[index]! }));
  const goalsOf = (direction: string) =>
    nodes
      .filter((n) => n.kind === 'goal' && n.direction_code === direction)
      .map((node) => ({ node, rows: rows.filter((r) => r.view.row.goal_code === node.code) }));
  const directions = nodes.filter((n) => n.kind === 'direction').map((node) => ({ node, goals: goalsOf(node.code) }));
  return { row, year, directions, rows };
}

export const StrategicPlan = builder.loadableNode('StrategicPlan', {
  description: 'A strategic development plan: its period, directions, goals and indicators, rolled up for a year.',
  id: { resolve: (p) => p.row.id },
  load: async (ids: string[], context: GraphQLContext) =>
    context.hub.strategicPlans
      .byIds(ids)
      .map((row) => (row ? planShape(row, currentYear(), context, context.hub.strategicPlans.nodes(row.id)) : null)) as PlanShape[],
  fields: (t) => ({
    planId: t.string({ description: 'The plain id of the plan (the global `id` wraps it).', resolve: (p) => p.row.id }),
    title: t.field({
      type: MultilingualNameRef,
      description: 'Title of the plan.',
      resolve: (p) => ({ ky: p.row.title_ky, ru: p.row.title_ru, en: p.row.title_en }),
    }),
    startYear: t.int({ description: 'First year of the period.', resolve: (p) => p.row.start_year }),
    endYear: t.int({ description: 'Last year of the period.', resolve: (p) => p.row.end_year }),
    status: t.field({ type: StrategicPlanStatusEnum, description: 'Draft or adopted.', resolve: (p) => p.row.status }),
    statusLabel: t.string({
      description: 'The status in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (p, args, context) => labelIn(strategicPlanStatus, p.row.status, args.language, context),
    }),
    adoptedOn: t.field({ type: 'Date', nullable: true, description: 'Date of adoption.', resolve: (p) => p.row.adopted_on }),
    decision: t.string({ nullable: true, description: 'The decision adopting it.', resolve: (p) => p.row.decision }),
    year: t.int({ description: 'The year the roll-ups below are for.', resolve: (p) => p.year }),
    rollUp: t.field({ type: RollUpRef, description: 'Every indicator of the plan rolled up by weight.', resolve: (p) => rollUpOf(p.rows) }),
    directions: t.field({ type: [DirectionRef], description: 'Strategic directions, in the order they were added.', resolve: (p) => p.directions }),
    revision: t.int({ description: 'Revision of the plan stream; pass it as expectedRevision.', resolve: (p) => p.row.revision }),
    position: t.string({ description: 'Position in the global log of the last event folded into this state.', resolve: (p) => p.row.position }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (p) => p.row.updated_at }),
  }),
});

const planIdOf = (id: string): string => plainIdOf(id, 'StrategicPlan');

builder.queryFields((t) => ({
  strategicPlan: t.field({
    type: StrategicPlan,
    nullable: true,
    description: 'One strategic plan with its tree rolled up for a year; with `asOf`, the tree as it was then (indicators as they are now).',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, description: 'Global id, or the plain planId.' }),
      year: t.arg.int({ required: false, description: 'The year of the roll-ups; the current year in Kyrgyzstan by default.' }),
      asOf: t.arg({ type: AsOfInput, required: false, description: 'Time travel: the plan as it was at a moment or a revision.' }),
    },
    resolve: async (_root, args, context) => {
      const id = planIdOf(String(args.id));
      const year = args.year ?? currentYear();
      if (!args.asOf) {
        const [row] = context.hub.strategicPlans.byIds([id]);
        return row ? planShape(row, year, context, context.hub.strategicPlans.nodes(id)) : null;
      }
      const past = await foldAsOf(context.hub.store, strategicPlansProjection, { stream: `${strategicPlanCategory}-${id}` }, parseAsOf(args.asOf));
      if (!past) return null;
      try {
        const queries = createStrategicPlanQueries(past);
        const [row] = queries.byIds([id]);
        return row ? planShape(row, year, context, queries.nodes(id)) : null;
      } finally {
        past.close();
      }
    },
  }),
  strategicPlans: t.connection(
    {
      type: StrategicPlan,
      description: 'Strategic plans, oldest first, each rolled up for the current year.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      resolve: (_root, args, context) => {
        const request = pageRequest(args, 'drafted');
        const { rows, hasMore } = context.hub.strategicPlans.page(request);
        const shaped = rows.map((row) => planShape(row, currentYear(), context, context.hub.strategicPlans.nodes(row.id)));
        return connectionOf(shaped, hasMore, request, (p) => encodeCursor('drafted', [p.row.drafted_position, p.row.id]));
      },
    },
    { name: 'StrategicPlanConnection', description: 'A page of strategic plans.' },
    { name: 'StrategicPlanEdge', description: 'A strategic plan in a page, with its cursor.' },
  ),
}));

const StrategicPlanPayload = builder.objectRef<StrategyPayloadShape>('StrategicPlanPayload').implement({
  description: 'The plan after the command, with where the command landed in the log.',
  fields: (t) => ({
    strategicPlan: t.field({
      type: StrategicPlan,
      description: 'The plan as the read model shows it now, rolled up for the current year.',
      resolve: (p, _args, context) => planShape(context.hub.strategicPlans.byIds([p.id])[0]!, currentYear(), context, context.hub.strategicPlans.nodes(p.id)),
    }),
    revision: t.int({ description: 'Revision of the plan stream after the command.', resolve: (p) => Number(p.revision) }),
    position: t.exposeString('position', { description: 'Position of the command’s last event in the global log.' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this commandId was handled before and its first answer is returned.' }),
  }),
});

const descriptions: Record<StrategicPlanCommandName, string> = {
  draftStrategicPlan: 'Drafts a strategic development plan for a period of years. Creates the plan.',
  addStrategicDirection: 'Adds a strategic direction to a plan.',
  addStrategicGoal: 'Adds a goal under a strategic direction of a plan.',
  adoptStrategicPlan: 'Records the decision adopting the plan.',
};

for (const name of Object.keys(strategicPlanCommands) as StrategicPlanCommandName[]) {
  commandMutation({
    name,
    description: descriptions[name],
    schema: strategicPlanCommands[name],
    payload: StrategicPlanPayload,
    acceptsExpectedRevision: name !== 'draftStrategicPlan',
    prepare: (raw) => (typeof raw.planId === 'string' ? { ...raw, planId: planIdOf(raw.planId) } : raw),
    run: (call) =>
      runStrategyCommand({
        name,
        call: call as CommandCall<Record<string, unknown>>,
        decider: strategicPlanDecider,
        category: strategicPlanCategory,
        idField: 'planId',
        entity: 'strategic plan',
        creates: name === 'draftStrategicPlan',
        current: (id) => call.context.hub.strategicPlans.byIds([id])[0],
      }),
  });
}
