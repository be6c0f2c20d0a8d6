// Quality monitoring in GraphQL: the register (`monitorings`), one monitoring with its focus group,
// findings and recommendations, and one mutation per monitoring command.
import {
  createMonitoringQueries,
  monitoringsProjection,
  type Finding,
  type FocusGroup,
  type MonitoringRow,
  type Recommendation,
} from '../projections/monitorings.ts';
import { foldAsOf } from '../projections/time-travel.ts';
import {
  findingId,
  findingKind,
  focusGroupAffiliation,
  monitoringCategory,
  monitoringCommands,
  monitoringDecider,
  monitoringObjectKind,
  monitoringStatus,
  recommendationFollowUp,
  type MonitoringCommandName,
} from '../src/domain/monitoring.ts';
import { AsOfInput, parseAsOf } from './as-of.ts';
import { languageArg } from './language.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { CorrectiveAction } from './corrective-actions.ts';
import { plainIdOf } from './ids.ts';
import { labelIn } from './indicators.ts';
import { runStrategyCommand, type StrategyPayloadShape } from './strategy-command.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

registerStreamKind({ typename: 'Monitoring', category: monitoringCategory, personal: false, canRead: (context) => context.actor !== undefined });

const ObjectKindEnum = enumFor(monitoringObjectKind);
const StatusEnum = enumFor(monitoringStatus);
const AffiliationEnum = enumFor(focusGroupAffiliation);
const FindingKindEnum = enumFor(findingKind);
const FollowUpEnum = enumFor(recommendationFollowUp);

type Member = FocusGroup['members'][number];
const MemberRef = builder.objectRef<Member>('FocusGroupMember').implement({
  description: 'A member of a monitoring focus group.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Full name.' }),
    affiliation: t.field({ type: AffiliationEnum, description: 'Whom the member represents.', resolve: (m) => m.affiliation }),
    affiliationLabel: t.string({
      description: 'Whom the member represents, in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (m, args, context) => labelIn(focusGroupAffiliation, m.affiliation, args.language, context),
    }),
    role: t.string({ nullable: true, description: 'Position or role.', resolve: (m) => m.role ?? null }),
  }),
});

const FocusGroupRef = builder.objectRef<FocusGroup>('MonitoringFocusGroup').implement({
  description: 'The focus group involved in a monitoring.',
  fields: (t) => ({
    members: t.field({ type: [MemberRef], description: 'Its members.', resolve: (g) => g.members }),
    formedOn: t.field({ type: 'Date', description: 'Date it was formed.', resolve: (g) => g.formedOn }),
  }),
});

type FindingShape = Finding & { monitoringId: string };
const FindingRef = builder.objectRef<FindingShape>('MonitoringFinding').implement({
  description: 'A finding of a monitoring.',
  fields: (t) => ({
    findingId: t.string({
      description: 'Id to link a corrective action to this finding (source MONITORING_FINDING).',
      resolve: (f) => findingId(f.monitoringId, f.code),
    }),
    code: t.exposeString('code', { description: 'Code within the monitoring.' }),
    kind: t.field({ type: FindingKindEnum, description: 'Strength, weakness, nonconformity or observation.', resolve: (f) => f.kind }),
    kindLabel: t.string({
      description: 'The kind in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (f, args, context) => labelIn(findingKind, f.kind, args.language, context),
    }),
    description: t.exposeString('description', { description: 'What was found.' }),
    recordedOn: t.field({ type: 'Date', description: 'Date recorded.', resolve: (f) => f.recordedOn }),
    correctiveActions: t.field({
      type: [CorrectiveAction],
      description: 'Corrective actions planned for this finding, soonest due first.',
      resolve: (f, _args, context) =>
        context.hub.correctiveActions.page({ sourceId: findingId(f.monitoringId, f.code) }, { direction: 'forward', from: undefined, limit: 100 }).rows,
    }),
  }),
});

type FollowUp = Recommendation['followUps'][number];
const FollowUpRef = builder.objectRef<FollowUp>('RecommendationFollowUpRecord').implement({
  description: 'One follow-up of a recommendation.',
  fields: (t) => ({
    followUp: t.field({ type: FollowUpEnum, description: 'How it was followed up.', resolve: (f) => f.followUp }),
    followUpLabel: t.string({
      description: 'The follow-up in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (f, args, context) => labelIn(recommendationFollowUp, f.followUp, args.language, context),
    }),
    note: t.exposeString('note', { description: 'What was done, or why not.' }),
    recordedOn: t.field({ type: 'Date', description: 'Date of the follow-up.', resolve: (f) => f.recordedOn }),
  }),
});

const RecommendationRef = builder.objectRef<Recommendation>('MonitoringRecommendation').implement({
  description: 'A recommendation issued on a finding, with its follow-ups.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code within the monitoring.' }),
    findingCode: t.exposeString('findingCode', { description: 'The finding it answers.' }),
    text: t.exposeString('text', { description: 'What is recommended.' }),
    responsibleUnit: t.exposeString('responsibleUnit', { description: 'The unit to act on it.' }),
    dueOn: t.field({ type: 'Date', description: 'Date it is due.', resolve: (r) => r.dueOn }),
    issuedOn: t.field({ type: 'Date', description: 'Date issued.', resolve: (r) => r.issuedOn }),
    followUps: t.field({ type: [FollowUpRef], description: 'Its follow-ups, oldest first.', resolve: (r) => r.followUps }),
    latestFollowUp: t.field({
      type: FollowUpEnum,
      nullable: true,
      description: 'The latest follow-up; null before any.',
      resolve: (r) => r.followUps.at(-1)?.followUp ?? null,
    }),
  }),
});

export const Monitoring = builder.loadableNode('Monitoring', {
  description: 'A quality monitoring of a faculty, college, chair, unit or programme, from its plan to its closure.',
  id: { resolve: (r) => r.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.monitorings.byIds(ids).map((r) => r ?? null) as MonitoringRow[],
  fields: (t) => ({
    monitoringId: t.exposeString('id', { description: 'The plain id of the monitoring (the global `id` wraps it).' }),
    objectKind: t.field({ type: ObjectKindEnum, description: 'What kind of object is monitored.', resolve: (r) => r.object_kind }),
    objectKindLabel: t.string({
      description: 'The kind of object in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => labelIn(monitoringObjectKind, r.object_kind, args.language, context),
    }),
    objectName: t.exposeString('object_name', { description: 'The object monitored.' }),
    title: t.exposeString('title', { description: 'What the monitoring is about.' }),
    procedure: t.exposeString('procedure', { description: 'The procedure or instrument used.' }),
    startsOn: t.field({ type: 'Date', description: 'First day of the period.', resolve: (r) => r.starts_on }),
    endsOn: t.field({ type: 'Date', description: 'Last day of the period.', resolve: (r) => r.ends_on }),
    status: t.field({ type: StatusEnum, description: 'Where it stands.', resolve: (r) => r.status }),
    statusLabel: t.string({
      description: 'The status in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => labelIn(monitoringStatus, r.status, args.language, context),
    }),
    focusGroup: t.field({ type: FocusGroupRef, nullable: true, description: 'The focus group, once formed.', resolve: (r) => r.focus_group }),
    findings: t.field({
      type: [FindingRef],
      description: 'Findings, in the order recorded.',
      resolve: (r) => r.findings.map((f) => ({ ...f, monitoringId: r.id })),
    }),
    recommendations: t.field({ type: [RecommendationRef], description: 'Recommendations, in the order issued.', resolve: (r) => r.recommendations }),
    openRecommendations: t.exposeInt('open_recommendations', { description: 'Recommendations without a final follow-up.' }),
    conclusion: t.exposeString('conclusion', { nullable: true, description: 'The conclusion, once closed.' }),
    closedOn: t.field({ type: 'Date', nullable: true, description: 'Date closed.', resolve: (r) => r.closed_on }),
    revision: t.exposeInt('revision', { description: 'Revision of the monitoring stream; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updated_at }),
  }),
});

const FilterInput = builder.inputType('MonitoringFilter', {
  description: 'Narrows the register of monitorings; all given conditions must hold.',
  fields: (t) => ({
    statuses: t.field({ type: [StatusEnum], required: false, description: 'Any of these statuses.' }),
    objectKinds: t.field({ type: [ObjectKindEnum], required: false, description: 'Any of these kinds of object.' }),
    objectName: t.string({ required: false, description: 'Exactly this object.' }),
    withOpenRecommendations: t.boolean({ required: false, description: 'True: only monitorings with recommendations still open; false: only those without.' }),
  }),
});

const monitoringIdOf = (id: string): string => plainIdOf(id, 'Monitoring');

builder.queryFields((t) => ({
  monitorings: t.connection(
    {
      type: Monitoring,
      description: 'The register of quality monitorings, by start of their period, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: { filter: t.arg({ type: FilterInput, required: false, description: 'Conditions the monitorings must meet.' }) },
      resolve: (_root, args, context) => {
        const request = pageRequest(args, 'starts');
        const queries = context.hub.monitorings;
        const { rows, hasMore } = queries.page(args.filter ?? {}, request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor('starts', queries.sortKey(row)));
      },
    },
    { name: 'MonitoringConnection', description: 'A page of the register of monitorings.' },
    { name: 'MonitoringEdge', description: 'A monitoring in a page, with its cursor.' },
  ),
  monitoring: t.field({
    type: Monitoring,
    nullable: true,
    description: 'One monitoring by its global id (or plain monitoringId), now or as it was at `asOf`; null if there is none (then).',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, description: 'Global id, or the plain monitoringId.' }),
      asOf: t.arg({ type: AsOfInput, required: false, description: 'Time travel: the monitoring as it was at a moment or a revision.' }),
    },
    resolve: async (_root, args, context) => {
      const id = monitoringIdOf(String(args.id));
      if (!args.asOf) return context.hub.monitorings.byIds([id])[0] ?? null;
      const past = await foldAsOf(context.hub.store, monitoringsProjection, { stream: `${monitoringCategory}-${id}` }, parseAsOf(args.asOf));
      if (!past) return null;
      try {
        return createMonitoringQueries(past).byIds([id])[0] ?? null;
      } finally {
        past.close();
      }
    },
  }),
}));

const MonitoringPayload = builder.objectRef<StrategyPayloadShape>('MonitoringPayload').implement({
  description: 'The monitoring after the command, with where the command landed in the log.',
  fields: (t) => ({
    monitoring: t.field({
      type: Monitoring,
      description: 'The monitoring as the register shows it now, including this command.',
      resolve: (p, _args, context) => context.hub.monitorings.byIds([p.id])[0]!,
    }),
    revision: t.int({ description: 'Revision of the monitoring stream after the command.', resolve: (p) => Number(p.revision) }),
    position: t.exposeString('position', { description: 'Position of the command’s last event in the global log.' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this commandId was handled before and its first answer is returned.' }),
  }),
});

const descriptions: Record<MonitoringCommandName, string> = {
  planMonitoring: 'Plans a quality monitoring of a unit or programme for a period, with its procedure or instrument. Creates the monitoring.',
  formMonitoringFocusGroup: 'Forms the focus group of a monitoring (with the student self-government and the ombudsman office); a new one replaces the old.',
  recordMonitoringFinding: 'Records a finding of a monitoring.',
  issueMonitoringRecommendation: 'Issues a recommendation on a finding, with the responsible unit and a due date.',
  recordRecommendationFollowUp: 'Records how a recommendation was followed up.',
  closeMonitoring: 'Closes a monitoring with its conclusion, once every recommendation has a final follow-up.',
};

for (const name of Object.keys(monitoringCommands) as MonitoringCommandName[]) {
  commandMutation({
    name,
    description: descriptions[name],
    schema: monitoringCommands[name],
    payload: MonitoringPayload,
    acceptsExpectedRevision: name !== 'planMonitoring',
    prepare: (raw) => (typeof raw.monitoringId === 'string' ? { ...raw, monitoringId: monitoringIdOf(raw.monitoringId) } : raw),
    run: (call) =>
      runStrategyCommand({
        name,
        call: call as CommandCall<Record<string, unknown>>,
        decider: monitoringDecider,
        category: monitoringCategory,
        idField: 'monitoringId',
        entity: 'monitoring',
        creates: name === 'planMonitoring',
        current: (id) => call.context.hub.monitorings.byIds([id])[0],
      }),
  });
}
