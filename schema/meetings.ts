// Meetings, seminars and conferences in GraphQL: the register by date, one by id, and the mutations.
import type { MeetingRow } from '../projections/meetings.ts';
import { meetingCategory, meetingCommands, meetingDecider, meetingKind, meetingStatus, type MeetingCommandName } from '../src/domain/meetings.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { entityPayload } from './entity-command.ts';
import { labelField } from './labels.ts';
import { entityMutations, labelsOf } from './secretariat-support.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

// The department's meetings are its public calendar: any signed-in caller reads them and their history.
registerStreamKind({ typename: 'Meeting', category: meetingCategory, personal: false, canRead: (context) => context.actor !== undefined });

const KindEnum = enumFor(meetingKind);
const StatusEnum = enumFor(meetingStatus);

const Material = builder.objectRef<{ title: string; reference: string }>('MeetingMaterial').implement({
  description: 'A material of a meeting: an agenda, a presentation, minutes.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'Title of the material.' }),
    reference: t.exposeString('reference', { description: 'Where it is kept.' }),
  }),
});

export const Meeting = builder.loadableNode('Meeting', {
  description: 'A meeting, seminar, conference or round table: topic, date and place, organiser, participants, materials and outcome.',
  id: { resolve: (r) => r.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.secretariat.meetings.byIds(ids).map((r) => r ?? null) as MeetingRow[],
  fields: (t) => ({
    meetingId: t.exposeString('id', { description: 'The plain id of the meeting (the global `id` wraps it).' }),
    topic: t.string({ description: 'The topic.', resolve: (r) => r.state.topic }),
    kind: t.field({ type: KindEnum, description: 'What kind of gathering it is.', resolve: (r) => r.state.kind }),
    kindLabel: labelField(t, labelsOf(meetingKind), (r) => r.state.kind),
    date: t.field({ type: 'Date', description: 'The day it takes place.', resolve: (r) => r.state.date }),
    place: t.string({ description: 'Where it takes place.', resolve: (r) => r.state.place }),
    organiser: t.string({ description: 'Who organises it.', resolve: (r) => r.state.organiser }),
    participants: t.stringList({ description: 'Who is invited.', resolve: (r) => r.state.participants }),
    materials: t.field({ type: [Material], description: 'Its materials, in the order added.', resolve: (r) => r.state.materials }),
    status: t.field({ type: StatusEnum, description: 'Where it stands.', resolve: (r) => r.state.status }),
    statusLabel: labelField(t, labelsOf(meetingStatus), (r) => r.state.status),
    heldOn: t.field({ type: 'Date', nullable: true, description: 'The day it was held.', resolve: (r) => r.state.held?.heldOn ?? null }),
    attended: t.stringList({ nullable: true, description: 'Who took part, once held.', resolve: (r) => r.state.held?.attended ?? null }),
    outcome: t.string({ nullable: true, description: 'What came of it.', resolve: (r) => r.state.held?.outcome ?? null }),
    cancellationReason: t.string({ nullable: true, description: 'Why it was cancelled.', resolve: (r) => r.state.cancellation?.reason ?? null }),
    revision: t.exposeInt('revision', { description: 'Revision of the meeting stream; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updatedAt }),
  }),
});

const FilterInput = builder.inputType('MeetingFilter', {
  description: 'Narrows the register of meetings; all given conditions must hold.',
  fields: (t) => ({
    kinds: t.field({ type: [KindEnum], required: false, description: 'Any of these kinds.' }),
    statuses: t.field({ type: [StatusEnum], required: false, description: 'Any of these statuses.' }),
  }),
});

builder.queryFields((t) => ({
  meetings: t.connection(
    {
      type: Meeting,
      description: 'Meetings, seminars and conferences by date, earliest first, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: { filter: t.arg({ type: FilterInput, required: false, description: 'Conditions the meetings must meet.' }) },
      resolve: (_root, args, context) => {
        const request = pageRequest(args, 'date');
        const queries = context.hub.secretariat.meetings;
        const { rows, hasMore } = queries.page({ kinds: args.filter?.kinds ?? null, statuses: args.filter?.statuses ?? null }, request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor('date', queries.sortKey(row, 'date')));
      },
    },
    { name: 'MeetingConnection', description: 'A page of the register of meetings.' },
    { name: 'MeetingEdge', description: 'A meeting in a page, with its cursor.' },
  ),
}));

const descriptions: Record<MeetingCommandName, string> = {
  planMeeting: 'Plans a meeting, seminar or conference: topic, kind, date and place, organiser, participants. Creates the meeting.',
  addMeetingMaterial: 'Adds a material to a meeting.',
  recordMeetingOutcome: 'Records that a meeting was held: who took part and what came of it.',
  cancelMeeting: 'Cancels a planned meeting with the reason.',
};

entityMutations({
  commands: meetingCommands,
  descriptions,
  creates: 'planMeeting',
  decider: meetingDecider,
  category: meetingCategory,
  entity: 'meeting',
  typename: 'Meeting',
  idField: 'meetingId',
  payload: entityPayload('MeetingPayload', 'meeting', Meeting, 'meeting'),
  stamp: (call, id) => call.context.hub.secretariat.meetings.byIds([id])[0],
});
