// The organisation in GraphQL: the staffing table (each rate filled or vacant), the staffing cases,
// acting designations, operational tasks (all, or a person's own), the working schedule, balances
// of time off in lieu, and motivation proposals. Mutations are in organisation-mutations.ts.
import type { z } from 'zod';
import type { ActingDesignationRow, StaffCaseRow, StaffingSlotRow } from '../projections/organisation-staffing.ts';
import type {
  BalanceRow,
  MotivationProposalRow,
  OrganisationTaskRow,
  OvertimeRow,
  TaskNoteRow,
  TimeOffRow,
  WorkingScheduleRow,
} from '../projections/organisation-work.ts';
import { actingDesignationStatus, actingDirectorCategory } from '../src/domain/acting-director.ts';
import { motivationAddressee, motivationProposalCategory, motivationProposalStatus } from '../src/domain/motivation-proposals.ts';
import { organisationTaskCategory, organisationTaskStatus } from '../src/domain/organisation-tasks.ts';
import { organisationUnit, staffPosition } from '../src/domain/organisation-units.ts';
import { staffCaseKind, staffCaseStatus } from '../src/domain/staffing.ts';
import type { Labels } from '../src/domain/values.ts';
import { balanceReadersOfAll, overtimeStatus, timeOffStatus } from '../src/domain/working-time.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { labelField } from './labels.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

const signedIn = (context: GraphQLContext) => context.actor !== undefined;
registerStreamKind({ typename: 'ActingDirectorDesignation', category: actingDirectorCategory, personal: false, canRead: signedIn });
registerStreamKind({ typename: 'OrganisationTask', category: organisationTaskCategory, personal: false, canRead: signedIn });
registerStreamKind({ typename: 'MotivationProposal', category: motivationProposalCategory, personal: false, canRead: signedIn });

const labelsOf = (schema: z.ZodType) => (schema.meta() as { labels: Labels<string> }).labels;
const PositionEnum = enumFor(staffPosition);
const UnitEnum = enumFor(organisationUnit);
const CaseKindEnum = enumFor(staffCaseKind);
const CaseStatusEnum = enumFor(staffCaseStatus);
const DesignationStatusEnum = enumFor(actingDesignationStatus);
const TaskStatusEnum = enumFor(organisationTaskStatus);
const OvertimeStatusEnum = enumFor(overtimeStatus);
const TimeOffStatusEnum = enumFor(timeOffStatus);
const AddresseeEnum = enumFor(motivationAddressee);
const ProposalStatusEnum = enumFor(motivationProposalStatus);

export const StaffingPosition = builder.objectRef<StaffingSlotRow>('StaffingPosition').implement({
  description: 'One rate of a position on the staffing table: who fills it and since when, or vacant.',
  fields: (t) => ({
    position: t.field({ type: PositionEnum, description: 'The position; its holder has the role of the same name.', resolve: (r) => r.staff_position }),
    positionLabel: labelField(t, labelsOf(staffPosition), (r) => r.staff_position),
    unit: t.field({ type: UnitEnum, description: 'The unit the position belongs to.', resolve: (r) => r.unit }),
    unitLabel: labelField(t, labelsOf(organisationUnit), (r) => r.unit),
    rate: t.exposeInt('slot', { description: 'Which rate of the position this is, from 1.' }),
    filled: t.boolean({ description: 'Whether someone holds this rate.', resolve: (r) => r.person_id !== null }),
    personId: t.exposeString('person_id', { nullable: true, description: 'The holder’s id (the `sub` of their token); null when vacant.' }),
    personName: t.exposeString('person_name', { nullable: true, description: 'The holder’s name; null when vacant.' }),
    since: t.field({ type: 'Date', nullable: true, description: 'Date of the rector’s order that appointed the holder.', resolve: (r) => r.since }),
    orderNumber: t.exposeString('order_number', { nullable: true, description: 'Number of that order.' }),
  }),
});

export const StaffCase = builder.objectRef<StaffCaseRow>('StaffCase').implement({
  description: 'An appointment or dismissal on its way: proposed by the head, consented or declined by the director, ordered by the rector.',
  fields: (t) => ({
    caseId: t.exposeString('id', { description: 'The case’s id, for the director’s decision and the rector’s order.' }),
    kind: t.field({ type: CaseKindEnum, description: 'Appointment or dismissal.', resolve: (r) => r.kind }),
    kindLabel: labelField(t, labelsOf(staffCaseKind), (r) => r.kind),
    status: t.field({ type: CaseStatusEnum, description: 'Where the case stands.', resolve: (r) => r.status }),
    statusLabel: labelField(t, labelsOf(staffCaseStatus), (r) => r.status),
    personId: t.exposeString('person_id', { description: 'The person concerned.' }),
    personName: t.exposeString('person_name', { description: 'Their name.' }),
    position: t.field({ type: PositionEnum, description: 'The position concerned.', resolve: (r) => r.staff_position }),
    unit: t.field({ type: UnitEnum, description: 'Its unit.', resolve: (r) => r.unit }),
    proposedBy: t.exposeString('proposed_by', { description: 'Who proposed it.' }),
    proposedOn: t.field({ type: 'Date', description: 'Date of the proposal.', resolve: (r) => r.proposed_on }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why, for a dismissal.' }),
    decidedBy: t.exposeString('decided_by', { nullable: true, description: 'Who consented or declined.' }),
    decidedOn: t.field({ type: 'Date', nullable: true, description: 'Date of the director’s decision.', resolve: (r) => r.decided_on }),
    declineReason: t.exposeString('decline_reason', { nullable: true, description: 'Why the director declined.' }),
    orderNumber: t.exposeString('order_number', { nullable: true, description: 'Number of the rector’s order.' }),
    orderDate: t.field({ type: 'Date', nullable: true, description: 'Date of the rector’s order.', resolve: (r) => r.order_date }),
  }),
});

export const ActingDirectorDesignation = builder.loadableNode('ActingDirectorDesignation', {
  description: 'The rector’s designation of who acts for the absent director, for whole days.',
  id: { resolve: (r) => r.id },
  load: async (ids: string[], context: GraphQLContext) => ids.map((id) => context.hub.organisation.designationById(id) ?? null) as ActingDesignationRow[],
  fields: (t) => ({
    designationId: t.exposeString('id', { description: 'The plain id (the global `id` wraps it).' }),
    personId: t.exposeString('person_id', { description: 'Who acts.' }),
    personName: t.exposeString('person_name', { description: 'Their name.' }),
    startsOn: t.field({ type: 'Date', description: 'First day they act.', resolve: (r) => r.starts_on }),
    endsOn: t.field({ type: 'Date', description: 'Last day they act, inclusive.', resolve: (r) => r.ends_on }),
    orderNumber: t.exposeString('order_number', { description: 'Number of the rector’s order.' }),
    reason: t.exposeString('reason', { description: 'Why the director is absent.' }),
    status: t.field({ type: DesignationStatusEnum, description: 'Whether it still stands.', resolve: (r) => r.status }),
    statusLabel: labelField(t, labelsOf(actingDesignationStatus), (r) => r.status),
    endedOn: t.field({ type: 'Date', nullable: true, description: 'Day it was recalled or ended.', resolve: (r) => r.ended_on }),
    recallReason: t.exposeString('recall_reason', { nullable: true, description: 'Why it was recalled.' }),
    revision: t.exposeInt('revision', { description: 'Revision of the designation stream; pass it as expectedRevision.' }),
  }),
});

const TaskNote = builder.objectRef<TaskNoteRow>('OrganisationTaskNote').implement({
  description: 'A progress report, the completion report or the director’s feedback on a task.',
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'progress, completion or feedback.' }),
    note: t.exposeString('note', { description: 'What it says.' }),
    on: t.field({ type: 'Date', description: 'Its date.', resolve: (r) => r.on_date }),
    author: t.exposeString('author', { description: 'Who wrote it (person id).' }),
  }),
});

export const OrganisationTask = builder.loadableNode('OrganisationTask', {
  description: 'An operational task the director gave to a person or a unit, with its due date, reports and feedback.',
  id: { resolve: (r) => r.id },
  load: async (ids: string[], context: GraphQLContext) => ids.map((id) => context.hub.organisation.taskById(id) ?? null) as OrganisationTaskRow[],
  fields: (t) => ({
    taskId: t.exposeString('id', { description: 'The plain id (the global `id` wraps it).' }),
    title: t.exposeString('title', { description: 'What is to be done.' }),
    details: t.exposeString('details', { nullable: true, description: 'In full.' }),
    assigneePersonId: t.exposeString('assignee_person_id', { nullable: true, description: 'The person it was given to.' }),
    assigneePersonName: t.exposeString('assignee_person_name', { nullable: true, description: 'Their name.' }),
    assigneeUnit: t.field({ type: UnitEnum, nullable: true, description: 'The unit it was given to.', resolve: (r) => r.assignee_unit }),
    assignedOn: t.field({ type: 'Date', description: 'Date it was given.', resolve: (r) => r.assigned_on }),
    dueOn: t.field({ type: 'Date', description: 'Date it is due.', resolve: (r) => r.due_on }),
    assignedBy: t.exposeString('assigned_by', { description: 'Who gave it.' }),
    status: t.field({ type: TaskStatusEnum, description: 'Where it stands.', resolve: (r) => r.status }),
    statusLabel: labelField(t, labelsOf(organisationTaskStatus), (r) => r.status),
    overdue: t.boolean({
      description: 'True while it is open and the clock has recorded its due date passed.',
      resolve: (r) => r.overdue_on !== null && r.status !== 'done',
    }),
    overdueOn: t.field({ type: 'Date', nullable: true, description: 'Day it was recorded overdue.', resolve: (r) => r.overdue_on }),
    completedOn: t.field({ type: 'Date', nullable: true, description: 'Date it was done.', resolve: (r) => r.completed_on }),
    result: t.exposeString('result', { nullable: true, description: 'What was done.' }),
    notes: t.field({
      type: [TaskNote],
      description: 'Reports and feedback, oldest first.',
      resolve: (r, _a, context) => context.hub.organisation.taskNotes(r.id),
    }),
    revision: t.exposeInt('revision', { description: 'Revision of the task stream; pass it as expectedRevision.' }),
  }),
});

export const WorkingSchedule = builder.objectRef<WorkingScheduleRow>('WorkingSchedule').implement({
  description: 'A version of the department’s working schedule (six-day week), set by the director and approved by the rector.',
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'Version, from 1; pass it to approveWorkingSchedule.' }),
    weekdayStart: t.exposeString('weekday_start', { description: 'Start of the working day, Monday to Friday.' }),
    weekdayEnd: t.exposeString('weekday_end', { description: 'End of the working day, Monday to Friday.' }),
    lunchStart: t.exposeString('lunch_start', { description: 'Start of lunch.' }),
    lunchEnd: t.exposeString('lunch_end', { description: 'End of lunch.' }),
    saturdayStart: t.exposeString('saturday_start', { description: 'Start of Saturday’s work.' }),
    saturdayEnd: t.exposeString('saturday_end', { description: 'End of Saturday’s work.' }),
    effectiveFrom: t.field({ type: 'Date', description: 'First day it applies, once approved.', resolve: (r) => r.effective_from }),
    approved: t.boolean({ description: 'Whether the rector approved it.', resolve: (r) => r.approved_on !== null }),
    approvedOn: t.field({ type: 'Date', nullable: true, description: 'Date of the rector’s approval.', resolve: (r) => r.approved_on }),
  }),
});

const Overtime = builder.objectRef<OvertimeRow>('Overtime').implement({
  description: 'Overtime worked for a university event.',
  fields: (t) => ({
    overtimeId: t.exposeString('id', { description: 'Its id, for approveOvertime.' }),
    event: t.exposeString('event', { description: 'The university event.' }),
    workedOn: t.field({ type: 'Date', description: 'Date worked.', resolve: (r) => r.worked_on }),
    hours: t.exposeFloat('hours', { description: 'Hours worked.' }),
    status: t.field({ type: OvertimeStatusEnum, description: 'Recorded or approved.', resolve: (r) => r.status }),
    approvedOn: t.field({ type: 'Date', nullable: true, description: 'Date the director approved it.', resolve: (r) => r.approved_on }),
  }),
});
const TimeOff = builder.objectRef<TimeOffRow>('TimeOffInLieu').implement({
  description: 'Time off in lieu granted against approved overtime.',
  fields: (t) => ({
    timeOffId: t.exposeString('id', { description: 'Its id, for recordTimeOffTaken.' }),
    offOn: t.field({ type: 'Date', description: 'The day off.', resolve: (r) => r.off_on }),
    hours: t.exposeFloat('hours', { description: 'Hours of time off.' }),
    status: t.field({ type: TimeOffStatusEnum, description: 'Granted or taken.', resolve: (r) => r.status }),
    takenOn: t.field({ type: 'Date', nullable: true, description: 'Date it was taken.', resolve: (r) => r.taken_on }),
  }),
});

export const TimeOffBalance = builder.objectRef<BalanceRow>('TimeOffBalance').implement({
  description: 'A person’s account of overtime and time off in lieu.',
  fields: (t) => ({
    personId: t.exposeString('person_id', { description: 'The person.' }),
    personName: t.exposeString('person_name', { description: 'Their name.' }),
    earnedHours: t.exposeFloat('earned_hours', { description: 'Approved overtime hours.' }),
    grantedHours: t.exposeFloat('granted_hours', { description: 'Hours of time off granted.' }),
    balanceHours: t.float({
      description: 'Hours still owed as time off: approved overtime less time off granted; never negative.',
      resolve: (r) => r.earned_hours - r.granted_hours,
    }),
    overtime: t.field({
      type: [Overtime],
      description: 'Overtime recorded, by date.',
      resolve: (r, _a, context) => context.hub.organisation.overtimeOf(r.person_id),
    }),
    timeOff: t.field({
      type: [TimeOff],
      description: 'Time off granted, by date.',
      resolve: (r, _a, context) => context.hub.organisation.timeOffOf(r.person_id),
    }),
    revision: t.exposeInt('revision', { description: 'Revision of the person’s time-off stream.' }),
  }),
});

export const MotivationProposal = builder.loadableNode('MotivationProposal', {
  description: 'The director’s proposal to management or the trade union on staff motivation, and its answer.',
  id: { resolve: (r) => r.id },
  load: async (ids: string[], context: GraphQLContext) => ids.map((id) => context.hub.organisation.proposalById(id) ?? null) as MotivationProposalRow[],
  fields: (t) => ({
    proposalId: t.exposeString('id', { description: 'The plain id (the global `id` wraps it).' }),
    addressee: t.field({ type: AddresseeEnum, description: 'To whom it went.', resolve: (r) => r.addressee }),
    addresseeLabel: labelField(t, labelsOf(motivationAddressee), (r) => r.addressee),
    subject: t.exposeString('subject', { description: 'What is proposed.' }),
    justification: t.exposeString('justification', { description: 'Why, and for whom.' }),
    submittedOn: t.field({ type: 'Date', description: 'Date submitted.', resolve: (r) => r.submitted_on }),
    status: t.field({ type: ProposalStatusEnum, description: 'Where it stands.', resolve: (r) => r.status }),
    statusLabel: labelField(t, labelsOf(motivationProposalStatus), (r) => r.status),
    note: t.exposeString('note', { nullable: true, description: 'What the decision says.' }),
    decidedOn: t.field({ type: 'Date', nullable: true, description: 'Date of the decision.', resolve: (r) => r.decided_on }),
    revision: t.exposeInt('revision', { description: 'Revision of the proposal stream; pass it as expectedRevision.' }),
  }),
});

const MyOrganisation = builder.objectRef<{ personId: string; unit: string | null; roles: string[] }>('MyOrganisation').implement({
  description: 'The signed-in person in the organisation: positions held, rights in force, tasks and time off.',
  fields: (t) => ({
    personId: t.exposeString('personId', { description: 'Their id (the `sub` of their token).' }),
    roles: t.exposeStringList('roles', { description: 'Their rights now: the token’s roles, their positions’ and an acting designation’s in force.' }),
    unit: t.exposeString('unit', { nullable: true, description: 'Their unit: their position’s, else their token’s.' }),
    positions: t.field({
      type: [StaffingPosition],
      description: 'Positions they hold now.',
      resolve: (me, _a, context) => context.hub.organisation.slotsOfPerson(me.personId),
    }),
    timeOffBalance: t.field({
      type: TimeOffBalance,
      nullable: true,
      description: 'Their overtime and time off, if any.',
      resolve: (me, _a, context) => context.hub.organisation.balanceOf(me.personId) ?? null,
    }),
    tasks: t.connection(
      {
        type: OrganisationTask,
        description: 'Tasks given to them or to their unit, soonest due first.',
        complexity: pageComplexity,
        resolve: (me, args, context) => {
          const request = pageRequest(args, 'due');
          const queries = context.hub.organisation;
          const { rows, hasMore } = queries.tasks({ personId: me.personId, unit: me.unit }, request);
          return connectionOf(rows, hasMore, request, (row) => encodeCursor('due', queries.taskSortKey(row)));
        },
      },
      { name: 'MyOrganisationTaskConnection', description: 'A page of the person’s own tasks.' },
      { name: 'MyOrganisationTaskEdge', description: 'A task of theirs, with its cursor.' },
    ),
  }),
});

builder.queryFields((t) => ({
  staffingTable: t.field({
    type: [StaffingPosition],
    description: 'The department’s staffing table: every rate of every position, filled or vacant, in the regulation’s order.',
    authScopes: { authenticated: true },
    resolve: (_root, _args, context) => context.hub.organisation.slots(),
  }),
  staffCases: t.field({
    type: [StaffCase],
    description: 'Appointments and dismissals, latest proposals first (at most 200).',
    authScopes: { authenticated: true },
    resolve: (_root, _args, context) => context.hub.organisation.cases(),
  }),
  personPositions: t.field({
    type: [StaffingPosition],
    description: 'The positions a person holds now.',
    authScopes: { authenticated: true },
    args: { personId: t.arg.string({ required: true, description: 'The person’s id (the `sub` of their token).' }) },
    resolve: (_root, args, context) => context.hub.organisation.slotsOfPerson(args.personId),
  }),
  actingDirectorDesignations: t.field({
    type: [ActingDirectorDesignation],
    description: 'Designations of an acting director, latest first (at most 200).',
    authScopes: { authenticated: true },
    resolve: (_root, _args, context) => context.hub.organisation.designations(),
  }),
  organisationTasks: t.connection(
    {
      type: OrganisationTask,
      description: 'Every operational task, soonest due first; the director’s view of execution.',
      authScopes: { anyRole: ['director', 'acting_director', 'head_of_accreditation_sector', 'head_of_rating_division', 'rector', 'auditor'] },
      complexity: pageComplexity,
      args: {
        unit: t.arg({ type: UnitEnum, required: false, description: 'Only tasks given to this unit.' }),
        statuses: t.arg({ type: [TaskStatusEnum], required: false, description: 'Only tasks in these statuses.' }),
      },
      resolve: (_root, args, context) => {
        const request = pageRequest(args, 'due');
        const queries = context.hub.organisation;
        const { rows, hasMore } = queries.tasks({ unit: args.unit ?? null, statuses: args.statuses ?? null }, request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor('due', queries.taskSortKey(row)));
      },
    },
    { name: 'OrganisationTaskConnection', description: 'A page of operational tasks.' },
    { name: 'OrganisationTaskEdge', description: 'A task in a page, with its cursor.' },
  ),
  myOrganisation: t.field({
    type: MyOrganisation,
    description: 'The signed-in person: positions, rights now, own tasks and time off.',
    authScopes: { authenticated: true },
    resolve: (_root, _args, context) => ({ personId: context.actor!.id, unit: context.actor!.unit ?? null, roles: context.actor!.roles }),
  }),
  workingSchedules: t.field({
    type: [WorkingSchedule],
    description: 'Versions of the working schedule, latest first.',
    authScopes: { authenticated: true },
    resolve: (_root, _args, context) => context.hub.organisation.schedules(),
  }),
  timeOffBalance: t.field({
    type: TimeOffBalance,
    nullable: true,
    description: 'A person’s overtime and time off: their own, or anyone’s for the director, heads, rector and auditors.',
    authScopes: { authenticated: true },
    args: { personId: t.arg.string({ required: true, description: 'The person’s id.' }) },
    resolve: (_root, args, context) => {
      const actor = context.actor!;
      // Whose balance a caller sees: their own, or anyone's for those who manage working time.
      if (args.personId !== actor.id && !actor.roles.some((r) => balanceReadersOfAll.includes(r))) return null;
      return context.hub.organisation.balanceOf(args.personId) ?? null;
    },
  }),
  timeOffBalances: t.field({
    type: [TimeOffBalance],
    description: 'Every person’s overtime and time off (at most 500).',
    authScopes: { anyRole: balanceReadersOfAll },
    resolve: (_root, _args, context) => context.hub.organisation.balances(),
  }),
  motivationProposals: t.field({
    type: [MotivationProposal],
    description: 'Motivation proposals, latest first (at most 200).',
    authScopes: { anyRole: ['director', 'acting_director', 'rector', 'auditor'] },
    resolve: (_root, _args, context) => context.hub.organisation.proposals(),
  }),
}));
