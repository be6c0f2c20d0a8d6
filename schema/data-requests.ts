// Data requests in GraphQL: the register (a unit head sees only their own unit's requests), one
// request by id, a change subscription that carries reminders and overdue records, and one mutation
// per command.
import { z } from 'zod';
import { dataRequestOrders, dataRequestsProjection, type DataRequestRow } from '../projections/data-requests.ts';
import {
  canReadDataRequest,
  dataRequestCategory,
  dataRequestCommands,
  dataRequestDecider,
  dataRequestReaders,
  dataRequestStatus,
  dataRequestUnitKind,
  type DataRequestCommandName,
  type DataRequestResponse,
} from '../src/domain/data-requests.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { changesOf, entityOfCategory, endOfChange, type Change } from './changes.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { entityPayload } from './entity-command.ts';
import { plainIdOf } from './ids.ts';
import { labelField } from './labels.ts';
import { entityMutations, labelsOf } from './secretariat-support.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

const readable = (context: GraphQLContext, row: DataRequestRow | undefined): DataRequestRow | undefined =>
  row && canReadDataRequest(context.actor, row.state.unit) ? row : undefined;

// A unit's requests and answers are the department's working papers: its staff, the rector and
// auditors read them all, a unit head those of their own unit.
registerStreamKind({
  typename: 'DataRequest',
  category: dataRequestCategory,
  personal: false,
  canRead: (context, id) => readable(context, context.hub.secretariat.dataRequests.byIds([id])[0]) !== undefined,
});

const UnitKindEnum = enumFor(dataRequestUnitKind);
const StatusEnum = enumFor(dataRequestStatus);
export const dataRequestOrder = z.enum(['due', 'sent']).meta({
  id: 'DataRequestOrder',
  description: 'Order of the register of data requests.',
  labels: {
    due: { ky: 'Мөөнөтү боюнча', ru: 'По сроку', en: 'By due date' },
    sent: { ky: 'Жөнөтүлгөн күнү боюнча', ru: 'По дате отправки', en: 'By date sent' },
  },
});
const OrderEnum = enumFor(dataRequestOrder);

const Figure = builder.objectRef<{ name: string; unit: string }>('DataRequestFigure').implement({
  description: 'A named figure a data request asks for.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name of the figure.' }),
    unit: t.exposeString('unit', { description: 'Unit of measure.' }),
  }),
});
const FigureValue = builder.objectRef<{ name: string; value: number }>('DataRequestFigureValue').implement({
  description: 'The value a unit gave for a named figure.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name of the figure.' }),
    value: t.exposeFloat('value', { description: 'The value, in the unit the request names.' }),
  }),
});
const responseOutcomes = z.enum(['pending', 'accepted', 'returned']).meta({
  id: 'DataRequestResponseOutcome',
  description: 'What the department made of an answer.',
  labels: {
    pending: { ky: 'Каралууда', ru: 'На рассмотрении', en: 'Under review' },
    accepted: { ky: 'Кабыл алынды', ru: 'Принят', en: 'Accepted' },
    returned: { ky: 'Оңдоого кайтарылды', ru: 'Возвращён на доработку', en: 'Returned for correction' },
  },
});
const OutcomeEnum = enumFor(responseOutcomes);

const Response = builder.objectRef<DataRequestResponse>('DataRequestResponse').implement({
  description: 'One answer of the unit to a data request, and what the department made of it.',
  fields: (t) => ({
    answeredOn: t.field({ type: 'Date', description: 'Date the unit answered.', resolve: (r) => r.answeredOn }),
    answeredBy: t.string({ description: 'Who answered for the unit.', resolve: (r) => r.answeredBy.name }),
    values: t.field({ type: [FigureValue], description: 'Values of the named figures.', resolve: (r) => r.values }),
    documents: t.stringList({ description: 'Documents or links attached.', resolve: (r) => r.documents }),
    note: t.string({ nullable: true, description: 'The answer in words.', resolve: (r) => r.note ?? null }),
    late: t.exposeBoolean('late', { description: 'True when it came after the due date in force.' }),
    outcome: t.field({ type: OutcomeEnum, description: 'Accepted, returned, or still under review.', resolve: (r) => r.outcome }),
    outcomeLabel: labelField(t, labelsOf(responseOutcomes), (r) => r.outcome),
    decidedOn: t.field({ type: 'Date', nullable: true, description: 'Date it was accepted or returned.', resolve: (r) => r.decidedOn ?? null }),
    returnReason: t.string({ nullable: true, description: 'What had to be corrected, when it was returned.', resolve: (r) => r.reason ?? null }),
  }),
});

export const DataRequest = builder.loadableNode('DataRequest', {
  description: 'A request for information to a structural unit: what is asked, by when, and the unit’s answers.',
  id: { resolve: (r) => r.id },
  load: async (ids: string[], context: GraphQLContext) =>
    context.hub.secretariat.dataRequests.byIds(ids).map((r) => readable(context, r) ?? null) as DataRequestRow[],
  fields: (t) => ({
    dataRequestId: t.exposeString('id', { description: 'The plain id of the request (the global `id` wraps it).' }),
    subject: t.string({ description: 'What the request is about.', resolve: (r) => r.state.subject }),
    question: t.string({ description: 'What is asked.', resolve: (r) => r.state.question }),
    figures: t.field({ type: [Figure], description: 'Named figures asked for.', resolve: (r) => r.state.figures ?? [] }),
    unitKind: t.field({ type: UnitKindEnum, description: 'Kind of the responsible unit.', resolve: (r) => r.state.unitKind }),
    unitKindLabel: labelField(t, labelsOf(dataRequestUnitKind), (r) => r.state.unitKind),
    unit: t.string({ description: 'The responsible unit.', resolve: (r) => r.state.unit }),
    requester: t.string({ description: 'Who sent the request.', resolve: (r) => r.state.requester.name }),
    requesterId: t.string({ description: 'Id of who sent the request (the `requester` filter takes it).', resolve: (r) => r.state.requester.id }),
    sentOn: t.field({ type: 'Date', description: 'Date it was sent.', resolve: (r) => r.state.sentOn }),
    dueOn: t.field({ type: 'Date', description: 'The due date in force (a return for correction sets a new one).', resolve: (r) => r.state.currentDueOn }),
    firstDueOn: t.field({ type: 'Date', description: 'The due date the request was sent with.', resolve: (r) => r.state.dueOn }),
    status: t.field({ type: StatusEnum, description: 'Where it stands.', resolve: (r) => r.state.status }),
    statusLabel: labelField(t, labelsOf(dataRequestStatus), (r) => r.state.status),
    overdue: t.boolean({
      description: 'True while an answer is owed and the clock has recorded the due date passed.',
      resolve: (r) => r.columns.overdue === 1,
    }),
    overdueOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'The day the clock recorded the due date in force passed.',
      resolve: (r) => r.state.overdueOn,
    }),
    remindedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'The day the unit was reminded of the due date in force.',
      resolve: (r) => r.state.remindedOn,
    }),
    responses: t.field({ type: [Response], description: 'Every answer of the unit, oldest first.', resolve: (r) => r.state.responses }),
    withdrawnOn: t.field({ type: 'Date', nullable: true, description: 'Date it was withdrawn.', resolve: (r) => r.state.withdrawal?.withdrawnOn ?? null }),
    withdrawalReason: t.string({ nullable: true, description: 'Why it was withdrawn.', resolve: (r) => r.state.withdrawal?.reason ?? null }),
    revision: t.exposeInt('revision', { description: 'Revision of the request stream; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updatedAt }),
  }),
});

const FilterInput = builder.inputType('DataRequestFilter', {
  description: 'Narrows the register of data requests; all given conditions must hold.',
  fields: (t) => ({
    units: t.stringList({ required: false, description: 'Any of these units.' }),
    statuses: t.field({ type: [StatusEnum], required: false, description: 'Any of these statuses.' }),
    requester: t.string({ required: false, description: 'Only requests sent by this person (their id).' }),
    overdue: t.boolean({ required: false, description: 'True: only requests owed past their due date; false: all others.' }),
  }),
});

/** The units a caller may see: all (undefined) for the department's readers, their own for a unit head, none otherwise. */
function visibleUnits(context: GraphQLContext): string[] | undefined {
  const actor = context.actor;
  if (actor?.roles.some((r) => dataRequestReaders.includes(r))) return undefined;
  return actor?.roles.includes('unit_head') && actor.unit ? [actor.unit] : [];
}

builder.queryFields((t) => ({
  dataRequests: t.connection(
    {
      type: DataRequest,
      description:
        'The register of data requests a page at a time: all of them for the department, the rector and auditors; a unit head’s own unit’s for a unit head.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: {
        filter: t.arg({ type: FilterInput, required: false, description: 'Conditions the requests must meet.' }),
        orderBy: t.arg({ type: OrderEnum, required: false, description: 'Order of the list; soonest due first by default.' }),
      },
      resolve: (_root, args, context) => {
        const order = args.orderBy ?? 'due';
        const request = pageRequest(args, order);
        const visible = visibleUnits(context);
        const asked = args.filter?.units ?? null;
        const units = visible === undefined ? asked : asked ? asked.filter((u) => visible.includes(u)) : visible;
        const { rows, hasMore } = context.hub.secretariat.dataRequests.page(
          { units, statuses: args.filter?.statuses ?? null, requesterId: args.filter?.requester ?? null, overdue: args.filter?.overdue ?? null },
          order,
          request,
        );
        return connectionOf(rows, hasMore, request, (row) => encodeCursor(order, context.hub.secretariat.dataRequests.sortKey(row, dataRequestOrders[order])));
      },
    },
    { name: 'DataRequestConnection', description: 'A page of the register of data requests.' },
    { name: 'DataRequestEdge', description: 'A data request in a page, with its cursor.' },
  ),
}));

const DataRequestChange = builder.objectRef<Change<DataRequestRow>>('DataRequestChange').implement({
  description: 'A data request changed: the event (sent, answered, reminded, overdue...) and the request once the change was in.',
  fields: (t) => ({
    dataRequest: t.field({ type: DataRequest, description: 'The request after the change.', resolve: (c) => c.row }),
    eventType: t.exposeString('eventType', { description: 'The event that changed it, e.g. DataRequestReminded or DataRequestOverdue.' }),
    revision: t.int({ description: 'Revision of the request stream after the change.', resolve: (c) => Number(c.revision) }),
    position: t.exposeString('position', { description: 'Position of the event in the global log.' }),
  }),
});

builder.subscriptionField('dataRequestChanged', (t) =>
  t.field({
    type: DataRequestChange,
    description:
      'Each change to a data request the caller may read, reminders and overdue records included, once the register includes it; pass id to follow one request.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: false, description: 'Only this request (global id or plain dataRequestId).' }) },
    subscribe: (_root, args, context) => {
      const only = args.id ? plainIdOf(String(args.id), 'DataRequest') : undefined;
      const visible = visibleUnits(context);
      const selection = {
        key: `data-request:${visible === undefined ? '*' : visible.join('|')}`,
        projection: dataRequestsProjection.name,
        entityOf: entityOfCategory(dataRequestCategory),
        read: (id: string) => {
          const row = context.hub.secretariat.dataRequests.byIds([id])[0];
          return row && (visible === undefined || visible.includes(row.state.unit)) ? row : undefined;
        },
      };
      return changesOf(context.hub, selection, (id) => only === undefined || id === only);
    },
    resolve: endOfChange,
  }),
);

const descriptions: Record<DataRequestCommandName, string> = {
  sendDataRequest: 'Sends a data request to a structural unit: what is asked, the named figures, the due date. Creates the request.',
  answerDataRequest: 'Records the unit’s answer: values for the named figures, documents, a note (the head of the unit addressed).',
  acceptDataRequestResponse: 'Accepts the unit’s answer.',
  returnDataRequestResponse: 'Returns the unit’s answer for correction, with what to correct and a new due date.',
  withdrawDataRequest: 'Withdraws a request that is no longer needed.',
  remindDataRequest: 'Reminds the unit of the coming due date (the hub’s clock sends it some days before).',
  markDataRequestOverdue: 'Records that the due date passed without an answer (sent by the hub’s clock).',
};

entityMutations({
  commands: dataRequestCommands,
  descriptions,
  creates: 'sendDataRequest',
  decider: dataRequestDecider,
  category: dataRequestCategory,
  entity: 'data request',
  typename: 'DataRequest',
  idField: 'dataRequestId',
  payload: entityPayload('DataRequestPayload', 'dataRequest', DataRequest, 'data request'),
  stamp: (call, id) => call.context.hub.secretariat.dataRequests.byIds([id])[0],
});
