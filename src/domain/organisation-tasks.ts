// Operational tasks (DOMAIN.md 2.3: the director distributes duties, controls execution, gives
// operational tasks and organises feedback): a task with a due date, given to a person or a unit,
// reported on and completed by whoever it was given to, answered with the director's feedback. The
// clock marks it overdue the day after its due date if it is still open.
import { z } from 'zod';
import type { ClockRule, DueDateSource } from '../automation/contracts.ts';
import type { Actor, CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError, ForbiddenError } from './errors.ts';
import { organisationUnit, type OrganisationUnit } from './organisation-units.ts';
import { isoDate, text, type IsoDate, type Labels } from './values.ts';

export const organisationTaskCategory = 'organisationTask';

const statuses = ['assigned', 'in_progress', 'done'] as const;
export type OrganisationTaskStatus = (typeof statuses)[number];
export const organisationTaskStatus = z.enum(statuses).meta({
  id: 'OrganisationTaskStatus',
  description: 'Where an operational task stands.',
  labels: {
    assigned: { ky: 'Тапшырылды', ru: 'Поручено', en: 'Assigned' },
    in_progress: { ky: 'Аткарылууда', ru: 'Выполняется', en: 'In progress' },
    done: { ky: 'Аткарылды', ru: 'Выполнено', en: 'Done' },
  } satisfies Labels<OrganisationTaskStatus>,
});

const ref = { taskId: z.uuid({ error: 'must be the id of an existing task' }).describe('The task acted on.') };

export const organisationTaskCommands = {
  assignOrganisationTask: z
    .object({
      title: text(300).describe('What is to be done, in a line.'),
      details: text(4000).optional().describe('What is to be done, in full.'),
      assigneePersonId: text(200).optional().describe('The person it is given to (the `sub` of their token); or give assigneeUnit.'),
      assigneePersonName: text(300).optional().describe('That person’s name.'),
      assigneeUnit: organisationUnit.optional().describe('The unit it is given to; or give assigneePersonId.'),
      assignedOn: isoDate.describe('Date it was given.'),
      dueOn: isoDate.describe('Date by which it must be done.'),
    })
    .refine((c) => (c.assigneePersonId === undefined) !== (c.assigneeUnit === undefined), {
      path: ['assigneePersonId'],
      message: 'give exactly one of assigneePersonId and assigneeUnit',
    })
    .refine((c) => c.assigneePersonId === undefined || c.assigneePersonName !== undefined, {
      path: ['assigneePersonName'],
      message: 'is required with assigneePersonId',
    })
    .refine((c) => c.dueOn >= c.assignedOn, { path: ['dueOn'], message: 'must not be before assignedOn' }),
  reportOrganisationTaskProgress: z.object({
    ...ref,
    note: text(4000).describe('What has been done so far.'),
    reportedOn: isoDate.describe('Date of the report.'),
  }),
  completeOrganisationTask: z.object({ ...ref, result: text(4000).describe('What was done.'), completedOn: isoDate.describe('Date it was done.') }),
  giveOrganisationTaskFeedback: z.object({
    ...ref,
    feedback: text(4000).describe('The director’s feedback.'),
    givenOn: isoDate.describe('Date of the feedback.'),
  }),
  markOrganisationTaskOverdue: z.object({ ...ref, overdueOn: isoDate.describe('The first day after the due date on which it was still open.') }),
} as const;

export type OrganisationTaskCommandName = keyof typeof organisationTaskCommands;
export type OrganisationTaskCommand = {
  [Name in OrganisationTaskCommandName]: { type: Name; taskId: string } & z.infer<(typeof organisationTaskCommands)[Name]>;
}[OrganisationTaskCommandName];

export const organisationTaskEventSchemas = {
  OrganisationTaskAssigned: z.object({
    taskId: z.string(),
    title: z.string(),
    details: z.string().nullable(),
    assigneePersonId: z.string().nullable(),
    assigneePersonName: z.string().nullable(),
    assigneeUnit: organisationUnit.nullable(),
    assignedOn: isoDate,
    dueOn: isoDate,
    assignedBy: z.string(),
  }),
  OrganisationTaskProgressReported: z.object({ taskId: z.string(), note: z.string(), reportedOn: isoDate, reportedBy: z.string() }),
  OrganisationTaskCompleted: z.object({ taskId: z.string(), result: z.string(), completedOn: isoDate, completedBy: z.string() }),
  OrganisationTaskFeedbackGiven: z.object({ taskId: z.string(), feedback: z.string(), givenOn: isoDate, givenBy: z.string() }),
  OrganisationTaskOverdue: z.object({ taskId: z.string(), overdueOn: isoDate }),
} as const;

export type OrganisationTaskEventType = keyof typeof organisationTaskEventSchemas;
export type OrganisationTaskEvent = {
  [Type in OrganisationTaskEventType]: { type: Type; data: z.infer<(typeof organisationTaskEventSchemas)[Type]> };
}[OrganisationTaskEventType];
export const organisationTaskEventTypes = Object.keys(organisationTaskEventSchemas) as OrganisationTaskEventType[];

export type OrganisationTaskState =
  | { exists: false }
  | {
      exists: true;
      status: OrganisationTaskStatus;
      assigneePersonId: string | null;
      assigneeUnit: OrganisationUnit | null;
      dueOn: IsoDate;
      lastOn: IsoDate;
      overdue: boolean;
    };

function evolve(state: OrganisationTaskState, event: OrganisationTaskEvent): OrganisationTaskState {
  if (event.type === 'OrganisationTaskAssigned') {
    const { assigneePersonId, assigneeUnit, assignedOn, dueOn } = event.data;
    return { exists: true, status: 'assigned', assigneePersonId, assigneeUnit, dueOn, lastOn: assignedOn, overdue: false };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'OrganisationTaskProgressReported':
      return { ...state, status: 'in_progress', lastOn: event.data.reportedOn };
    case 'OrganisationTaskCompleted':
      return { ...state, status: 'done', lastOn: event.data.completedOn };
    case 'OrganisationTaskFeedbackGiven':
      return { ...state, lastOn: event.data.givenOn };
    case 'OrganisationTaskOverdue':
      return { ...state, overdue: true };
  }
}

type Existing = Extract<OrganisationTaskState, { exists: true }>;
const rule = (code: string, message: string) => new DomainRuleError(code, message);

/** The task's assignee, a member of its unit, or the director (who gave it) reports on and completes it. */
function requireAssignee(actor: Actor, task: Existing): void {
  if (actor.roles.includes('director') || actor.roles.includes('acting_director')) return;
  if (task.assigneePersonId !== null && task.assigneePersonId === actor.id) return;
  if (task.assigneeUnit !== null && task.assigneeUnit === actor.unit) return;
  throw new ForbiddenError(`the task was given to ${task.assigneePersonId ?? `the ${task.assigneeUnit}`}; only they (or the director) report on it`);
}

function requireNotBefore(task: Existing, date: IsoDate, field: string): void {
  if (date < task.lastOn) throw rule('DATE_BEFORE_PREVIOUS_STEP', `${field} (${date}) cannot be before the task's previous step (${task.lastOn})`);
}

function decide(command: OrganisationTaskCommand, state: OrganisationTaskState, context: CommandContext): OrganisationTaskEvent[] {
  const by = context.actor.id;
  if (command.type === 'assignOrganisationTask') {
    if (state.exists) throw rule('TASK_ALREADY_ASSIGNED', 'this task already exists');
    return [
      {
        type: 'OrganisationTaskAssigned',
        data: {
          taskId: command.taskId,
          title: command.title,
          details: command.details ?? null,
          assigneePersonId: command.assigneePersonId ?? null,
          assigneePersonName: command.assigneePersonName ?? null,
          assigneeUnit: command.assigneeUnit ?? null,
          assignedOn: command.assignedOn,
          dueOn: command.dueOn,
          assignedBy: by,
        },
      },
    ];
  }
  if (!state.exists) throw rule('TASK_NOT_FOUND', 'taskId: no task with this id exists');
  const { taskId } = command;
  switch (command.type) {
    case 'reportOrganisationTaskProgress':
      requireAssignee(context.actor, state);
      if (state.status === 'done') throw rule('TASK_DONE', 'the task is done; progress is reported on open tasks');
      requireNotBefore(state, command.reportedOn, 'reportedOn');
      return [{ type: 'OrganisationTaskProgressReported', data: { taskId, note: command.note, reportedOn: command.reportedOn, reportedBy: by } }];
    case 'completeOrganisationTask':
      requireAssignee(context.actor, state);
      if (state.status === 'done') throw rule('TASK_DONE', 'the task is already done');
      requireNotBefore(state, command.completedOn, 'completedOn');
      return [{ type: 'OrganisationTaskCompleted', data: { taskId, result: command.result, completedOn: command.completedOn, completedBy: by } }];
    case 'giveOrganisationTaskFeedback':
      requireNotBefore(state, command.givenOn, 'givenOn');
      return [{ type: 'OrganisationTaskFeedbackGiven', data: { taskId, feedback: command.feedback, givenOn: command.givenOn, givenBy: by } }];
    case 'markOrganisationTaskOverdue':
      if (state.status === 'done') throw rule('TASK_DONE', 'a done task cannot be overdue');
      if (state.overdue) throw rule('TASK_ALREADY_OVERDUE', 'the task is already marked overdue');
      if (command.overdueOn <= state.dueOn) throw rule('TASK_NOT_DUE', `overdueOn: the task is due on ${state.dueOn}; it is overdue only after that day`);
      return [{ type: 'OrganisationTaskOverdue', data: { taskId, overdueOn: command.overdueOn } }];
  }
}

export const organisationTaskDecider: Decider<OrganisationTaskCommand, OrganisationTaskEvent, OrganisationTaskState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

const directorRoles: Role[] = ['director', 'acting_director'];
/** Everyone on the department's staffing table. */
export const organisationStaff: Role[] = [
  'director',
  'acting_director',
  'head_of_accreditation_sector',
  'senior_inspector',
  'specialist',
  'inspector',
  'head_of_rating_division',
  'rating_inspector',
  'methodist',
];
export const organisationTaskPermissions: Record<OrganisationTaskCommandName, Role[]> = {
  assignOrganisationTask: directorRoles,
  reportOrganisationTaskProgress: organisationStaff,
  completeOrganisationTask: organisationStaff,
  giveOrganisationTaskFeedback: directorRoles,
  markOrganisationTaskOverdue: directorRoles,
};
export const organisationTaskScopes: Partial<Record<OrganisationTaskCommandName, string>> = {
  reportOrganisationTaskProgress: 'only the task’s person, a member of its unit, or the director',
  completeOrganisationTask: 'only the task’s person, a member of its unit, or the director',
};

const dayAfter = (date: IsoDate): IsoDate => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const dueKey = (id: string) => `organisation-task:${id}:due`;
const overdueKey = (id: string) => `organisation-task:${id}:overdue`;

/** A task's due date is on the deadlines list from assignment until it is done. */
export const organisationTaskDueDates: DueDateSource = {
  module: 'organisation',
  eventTypes: ['OrganisationTaskAssigned', 'OrganisationTaskCompleted'],
  kindLabels: { organisation_task: { ky: 'Тапшырма', ru: 'Поручение', en: 'Operational task' } },
  changes(event) {
    const id = String(event.data.taskId);
    if (event.type === 'OrganisationTaskCompleted') return [{ action: 'done', key: dueKey(id), on: String(event.data.completedOn) }];
    const d = organisationTaskEventSchemas.OrganisationTaskAssigned.parse(event.data);
    return [
      {
        action: 'due',
        key: dueKey(id),
        kind: 'organisation_task',
        title: d.title,
        dueOn: d.dueOn,
        entityType: 'OrganisationTask',
        entityId: id,
        ...(d.assigneeUnit ? { unit: d.assigneeUnit } : {}),
        ...(d.assigneePersonId ? { assignee: d.assigneePersonId } : {}),
      },
    ];
  },
};

/** At the start of the day after the due date (Kyrgyzstan time) an open task is marked overdue; completing it cancels the alarm. */
export const organisationTaskOverdueRule: ClockRule = {
  name: 'organisation-task-overdue',
  eventTypes: ['OrganisationTaskAssigned', 'OrganisationTaskCompleted'],
  changes(event) {
    const id = String(event.data.taskId);
    if (event.type !== 'OrganisationTaskAssigned') return [{ action: 'cancel', key: overdueKey(id) }];
    const overdueOn = dayAfter(String(event.data.dueOn));
    return [
      {
        action: 'at',
        key: overdueKey(id),
        at: `${overdueOn}T00:00:00+06:00`,
        followUp: { command: 'markOrganisationTaskOverdue', input: { taskId: id, overdueOn } },
      },
    ];
  },
};
