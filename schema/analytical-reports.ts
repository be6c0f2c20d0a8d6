// Analytical reports in GraphQL: the register (by period or by preparation, filtered by status and
// by a record reported on), one report by id, and the mutations.
import { z } from 'zod';
import { analyticalReportOrders, type AnalyticalReportRow } from '../projections/analytical-reports.ts';
import {
  analyticalReportCategory,
  analyticalReportCommands,
  analyticalReportDecider,
  analyticalReportStatus,
  reportRecipientKind,
  reportReferenceKind,
  type AnalyticalReportCommandName,
} from '../src/domain/analytical-reports.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { entityPayload } from './entity-command.ts';
import { labelField } from './labels.ts';
import { entityMutations, labelsOf } from './secretariat-support.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

// Reports are the department's own papers to management and agencies: any signed-in caller reads them.
registerStreamKind({ typename: 'AnalyticalReport', category: analyticalReportCategory, personal: false, canRead: (context) => context.actor !== undefined });

const StatusEnum = enumFor(analyticalReportStatus);
const ReferenceKindEnum = enumFor(reportReferenceKind);
const RecipientKindEnum = enumFor(reportRecipientKind);
export const analyticalReportOrder = z.enum(['period', 'prepared']).meta({
  id: 'AnalyticalReportOrder',
  description: 'Order of the register of analytical reports.',
  labels: {
    period: { ky: 'Мезгилдин аягы боюнча', ru: 'По концу периода', en: 'By end of period' },
    prepared: { ky: 'Даярдалган күнү боюнча', ru: 'По дате подготовки', en: 'By date prepared' },
  },
});
const OrderEnum = enumFor(analyticalReportOrder);

type Reference = { kind: z.infer<typeof reportReferenceKind>; id: string };
const ReferenceRef = builder.objectRef<Reference>('ReportReference').implement({
  description: 'A record a report reports on.',
  fields: (t) => ({
    kind: t.field({ type: ReferenceKindEnum, description: 'Kind of the record.', resolve: (r) => r.kind }),
    kindLabel: labelField(t, labelsOf(reportReferenceKind), (r) => r.kind),
    id: t.exposeString('id', { description: 'Plain id of the record.' }),
  }),
});
type Dispatch = { sentOn: string; recipientKind: z.infer<typeof reportRecipientKind>; recipient: string };
const DispatchRef = builder.objectRef<Dispatch>('ReportDispatch').implement({
  description: 'A report sent to someone.',
  fields: (t) => ({
    sentOn: t.field({ type: 'Date', description: 'Date it was sent.', resolve: (d) => d.sentOn }),
    recipientKind: t.field({ type: RecipientKindEnum, description: 'Management, an agency or an external party.', resolve: (d) => d.recipientKind }),
    recipient: t.exposeString('recipient', { description: 'Who it was sent to.' }),
  }),
});
const ReturnRef = builder.objectRef<{ returnedOn: string; reason: string }>('ReportReturn').implement({
  description: 'A report returned by the director for rework.',
  fields: (t) => ({
    returnedOn: t.field({ type: 'Date', description: 'Date it was returned.', resolve: (r) => r.returnedOn }),
    reason: t.exposeString('reason', { description: 'What had to be reworked.' }),
  }),
});

export const AnalyticalReport = builder.loadableNode('AnalyticalReport', {
  description: 'An analytical report on a subject for a period: its findings, what it reports on, approval and where it was sent.',
  id: { resolve: (r) => r.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.secretariat.reports.byIds(ids).map((r) => r ?? null) as AnalyticalReportRow[],
  fields: (t) => ({
    analyticalReportId: t.exposeString('id', { description: 'The plain id of the report (the global `id` wraps it).' }),
    title: t.string({ description: 'Title.', resolve: (r) => r.state.title }),
    subject: t.string({ description: 'What it is about.', resolve: (r) => r.state.subject }),
    periodFrom: t.field({ type: 'Date', description: 'First day of the period.', resolve: (r) => r.state.periodFrom }),
    periodTo: t.field({ type: 'Date', description: 'Last day of the period.', resolve: (r) => r.state.periodTo }),
    summary: t.string({ description: 'The findings in short.', resolve: (r) => r.state.summary }),
    references: t.field({ type: [ReferenceRef], description: 'The records it reports on.', resolve: (r) => r.state.references }),
    preparedOn: t.field({ type: 'Date', description: 'Date the draft was prepared.', resolve: (r) => r.state.preparedOn }),
    submittedOn: t.field({ type: 'Date', nullable: true, description: 'Date it was last submitted.', resolve: (r) => r.state.submittedOn }),
    approvedOn: t.field({ type: 'Date', nullable: true, description: 'Date the director approved it.', resolve: (r) => r.state.approval?.approvedOn ?? null }),
    approvedBy: t.string({ nullable: true, description: 'Who approved it.', resolve: (r) => r.state.approval?.approvedBy ?? null }),
    returns: t.field({ type: [ReturnRef], description: 'Each return for rework.', resolve: (r) => r.state.returns }),
    dispatches: t.field({ type: [DispatchRef], description: 'To whom it was sent, in order.', resolve: (r) => r.state.dispatches }),
    status: t.field({ type: StatusEnum, description: 'Where it stands.', resolve: (r) => r.state.status }),
    statusLabel: labelField(t, labelsOf(analyticalReportStatus), (r) => r.state.status),
    revision: t.exposeInt('revision', { description: 'Revision of the report stream; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updatedAt }),
  }),
});

const ReferenceInput = builder.inputType('ReportReferenceFilter', {
  description: 'A record a report must refer to.',
  fields: (t) => ({
    kind: t.field({ type: ReferenceKindEnum, description: 'Kind of the record.' }),
    id: t.string({ description: 'Plain id of the record.' }),
  }),
});
const FilterInput = builder.inputType('AnalyticalReportFilter', {
  description: 'Narrows the register of analytical reports; all given conditions must hold.',
  fields: (t) => ({
    statuses: t.field({ type: [StatusEnum], required: false, description: 'Any of these statuses.' }),
    reference: t.field({ type: ReferenceInput, required: false, description: 'Only reports on this record.' }),
  }),
});

builder.queryFields((t) => ({
  reports: t.connection(
    {
      type: AnalyticalReport,
      description: 'The register of analytical reports, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: {
        filter: t.arg({ type: FilterInput, required: false, description: 'Conditions the reports must meet.' }),
        orderBy: t.arg({ type: OrderEnum, required: false, description: 'Order of the list; by the end of the period, earliest first, by default.' }),
      },
      resolve: (_root, args, context) => {
        const order = args.orderBy ?? 'period';
        const request = pageRequest(args, order);
        const queries = context.hub.secretariat.reports;
        const { rows, hasMore } = queries.page({ statuses: args.filter?.statuses ?? null, reference: args.filter?.reference ?? null }, order, request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor(order, queries.sortKey(row, analyticalReportOrders[order])));
      },
    },
    { name: 'AnalyticalReportConnection', description: 'A page of the register of analytical reports.' },
    { name: 'AnalyticalReportEdge', description: 'An analytical report in a page, with its cursor.' },
  ),
}));

const descriptions: Record<AnalyticalReportCommandName, string> = {
  prepareAnalyticalReport: 'Prepares an analytical report on a subject for a period, with the records it reports on. Creates the report.',
  submitAnalyticalReport: 'Submits a draft or returned report to the director.',
  approveAnalyticalReport: 'Records the director’s approval of a submitted report.',
  returnAnalyticalReport: 'Returns a submitted report for rework, with what to rework.',
  sendAnalyticalReport: 'Records that an approved report was sent to management, an agency or an external party.',
};

entityMutations({
  commands: analyticalReportCommands,
  descriptions,
  creates: 'prepareAnalyticalReport',
  decider: analyticalReportDecider,
  category: analyticalReportCategory,
  entity: 'analytical report',
  typename: 'AnalyticalReport',
  idField: 'analyticalReportId',
  payload: entityPayload('AnalyticalReportPayload', 'analyticalReport', AnalyticalReport, 'analytical report'),
  stamp: (call, id) => call.context.hub.secretariat.reports.byIds([id])[0],
});
