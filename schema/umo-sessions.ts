// The UMO secretariat in GraphQL: sessions with agenda, attendance and quorum, decisions and their
// follow-up, listed by date.
import type { UmoSessionRow } from '../projections/umo-sessions.ts';
import {
  umoSessionCategory,
  umoSessionCommands,
  umoSessionDecider,
  umoSessionStatus,
  type UmoDecision,
  type UmoSessionCommandName,
} from '../src/domain/umo-sessions.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { entityPayload } from './entity-command.ts';
import { labelField } from './labels.ts';
import { entityMutations, labelsOf } from './secretariat-support.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

// The association's minutes are open to the university: any signed-in caller reads them and their history.
registerStreamKind({ typename: 'UmoSession', category: umoSessionCategory, personal: false, canRead: (context) => context.actor !== undefined });

const StatusEnum = enumFor(umoSessionStatus);

const Decision = builder.objectRef<UmoDecision>('UmoDecision').implement({
  description: 'A decision of a UMO session: what, who answers for it, by when, and whether it was carried out.',
  fields: (t) => ({
    decisionNumber: t.exposeInt('decisionNumber', { description: 'Number of the decision within the session, from 1.' }),
    agendaItem: t.exposeInt('agendaItem', { description: 'Number of the agenda item it decides on, from 1.' }),
    decision: t.exposeString('decision', { description: 'What was decided.' }),
    responsible: t.exposeString('responsible', { description: 'Who answers for carrying it out.' }),
    decidedOn: t.field({ type: 'Date', description: 'The day of the session that decided it.', resolve: (d) => d.decidedOn }),
    dueOn: t.field({ type: 'Date', description: 'Date by which it must be carried out.', resolve: (d) => d.dueOn }),
    doneOn: t.field({ type: 'Date', nullable: true, description: 'Date it was carried out.', resolve: (d) => d.doneOn }),
    note: t.exposeString('note', { nullable: true, description: 'How it was carried out.' }),
    overdue: t.boolean({
      description: 'True while it is undone and the clock has recorded its due date passed.',
      resolve: (d) => d.overdueOn !== null && d.doneOn === null,
    }),
    overdueOn: t.field({ type: 'Date', nullable: true, description: 'The day the clock recorded it overdue.', resolve: (d) => d.overdueOn }),
  }),
});

export const UmoSession = builder.loadableNode('UmoSession', {
  description: 'A session of the educational-methodical association (UMO): agenda, members present, quorum, decisions.',
  id: { resolve: (r) => r.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.secretariat.umoSessions.byIds(ids).map((r) => r ?? null) as UmoSessionRow[],
  fields: (t) => ({
    umoSessionId: t.exposeString('id', { description: 'The plain id of the session (the global `id` wraps it).' }),
    title: t.string({ description: 'Title of the session.', resolve: (r) => r.state.title }),
    scheduledOn: t.field({ type: 'Date', description: 'The day it is held.', resolve: (r) => r.state.scheduledOn }),
    place: t.string({ description: 'Where it is held.', resolve: (r) => r.state.place }),
    members: t.stringList({ description: 'Members of the association.', resolve: (r) => r.state.members }),
    agenda: t.stringList({ description: 'Agenda items in order (numbered from 1).', resolve: (r) => r.state.agenda }),
    present: t.stringList({ nullable: true, description: 'Members present, once attendance is recorded.', resolve: (r) => r.state.present }),
    quorum: t.boolean({ description: 'True when more than half of the members were present.', resolve: (r) => r.state.quorum }),
    status: t.field({ type: StatusEnum, description: 'Where it stands.', resolve: (r) => r.state.status }),
    statusLabel: labelField(t, labelsOf(umoSessionStatus), (r) => r.state.status),
    decisions: t.field({ type: [Decision], description: 'Its decisions in order.', resolve: (r) => r.state.decisions }),
    cancellationReason: t.string({ nullable: true, description: 'Why it was cancelled.', resolve: (r) => r.state.cancellationReason }),
    revision: t.exposeInt('revision', { description: 'Revision of the session stream; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updatedAt }),
  }),
});

const FilterInput = builder.inputType('UmoSessionFilter', {
  description: 'Narrows the list of UMO sessions; all given conditions must hold.',
  fields: (t) => ({
    statuses: t.field({ type: [StatusEnum], required: false, description: 'Any of these statuses.' }),
    hasOverdueDecisions: t.boolean({ required: false, description: 'True: only sessions with a decision overdue; false: only those without.' }),
  }),
});

builder.queryFields((t) => ({
  umoSessions: t.connection(
    {
      type: UmoSession,
      description: 'Sessions of the educational-methodical association with their decisions, earliest first, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: { filter: t.arg({ type: FilterInput, required: false, description: 'Conditions the sessions must meet.' }) },
      resolve: (_root, args, context) => {
        const request = pageRequest(args, 'scheduled');
        const queries = context.hub.secretariat.umoSessions;
        const { rows, hasMore } = queries.page(
          { statuses: args.filter?.statuses ?? null, hasOverdueDecisions: args.filter?.hasOverdueDecisions ?? null },
          request,
        );
        return connectionOf(rows, hasMore, request, (row) => encodeCursor('scheduled', queries.sortKey(row, 'scheduled_on')));
      },
    },
    { name: 'UmoSessionConnection', description: 'A page of UMO sessions.' },
    { name: 'UmoSessionEdge', description: 'A UMO session in a page, with its cursor.' },
  ),
}));

const descriptions: Record<UmoSessionCommandName, string> = {
  scheduleUmoSession: 'Schedules a UMO session with its members and agenda. Creates the session.',
  addUmoAgendaItem: 'Adds an item to the agenda of a scheduled session.',
  recordUmoAttendance: 'Records the members present; the session has a quorum when more than half of its members are.',
  recordUmoDecision: 'Records a decision on an agenda item, with who answers for it and by when; refused without a quorum.',
  completeUmoDecision: 'Records that a decision was carried out.',
  markUmoDecisionOverdue: 'Records that a decision passed its due date undone (sent by the hub’s clock).',
  cancelUmoSession: 'Cancels a scheduled session with the reason.',
};

entityMutations({
  commands: umoSessionCommands,
  descriptions,
  creates: 'scheduleUmoSession',
  decider: umoSessionDecider,
  category: umoSessionCategory,
  entity: 'UMO session',
  typename: 'UmoSession',
  idField: 'umoSessionId',
  payload: entityPayload('UmoSessionPayload', 'umoSession', UmoSession, 'UMO session'),
  stamp: (call, id) => call.context.hub.secretariat.umoSessions.byIds([id])[0],
});
