// How the department's work is given and accounted for: operational tasks with their reports and
// feedback, the working schedule's versions, each person's overtime, time off in lieu and balance,
// and the director's motivation proposals.
import { z } from 'zod';
import {
  motivationAddressee,
  motivationProposalEventSchemas,
  motivationProposalEventTypes,
  motivationProposalStatus,
  type MotivationProposalEvent,
} from '../src/domain/motivation-proposals.ts';
import {
  organisationTaskEventSchemas,
  organisationTaskEventTypes,
  organisationTaskStatus,
  type OrganisationTaskEvent,
} from '../src/domain/organisation-tasks.ts';
import { organisationUnit } from '../src/domain/organisation-units.ts';
import {
  overtimeStatus,
  timeOffEventSchemas,
  timeOffEventTypes,
  timeOffStatus,
  workingScheduleEventSchemas,
  workingScheduleEventTypes,
  type TimeOffEvent,
  type WorkingScheduleEvent,
} from '../src/domain/working-time.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { inList, keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table =
  | 'organisation_tasks'
  | 'organisation_task_notes'
  | 'working_schedules'
  | 'time_off_balances'
  | 'overtime_entries'
  | 'time_off_entries'
  | 'motivation_proposals';
type Event = OrganisationTaskEvent | WorkingScheduleEvent | TimeOffEvent | MotivationProposalEvent;

const schemas: Record<string, z.ZodType> = {
  ...organisationTaskEventSchemas,
  ...workingScheduleEventSchemas,
  ...timeOffEventSchemas,
  ...motivationProposalEventSchemas,
};
const parse = (event: RecordedEvent) => ({ type: event.type, data: schemas[event.type]!.parse(event.data) }) as Event;

export const organisationWorkProjection: ProjectionDefinition<Table> = {
  name: 'organisation-work',
  version: 1,
  tables: [
    'organisation_tasks',
    'organisation_task_notes',
    'working_schedules',
    'time_off_balances',
    'overtime_entries',
    'time_off_entries',
    'motivation_proposals',
  ],
  eventTypes: [...organisationTaskEventTypes, ...workingScheduleEventTypes, ...timeOffEventTypes, ...motivationProposalEventTypes],
  open(db, t: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${t.organisation_tasks} (id TEXT PRIMARY KEY, title TEXT NOT NULL, details TEXT, assignee_person_id TEXT,
        assignee_person_name TEXT, assignee_unit TEXT, assigned_on TEXT NOT NULL, due_on TEXT NOT NULL, assigned_by TEXT NOT NULL, status TEXT NOT NULL,
        overdue_on TEXT, completed_on TEXT, result TEXT, revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS ${t.organisation_tasks}_due ON ${t.organisation_tasks} (due_on, id);
      CREATE INDEX IF NOT EXISTS ${t.organisation_tasks}_person ON ${t.organisation_tasks} (assignee_person_id);
      CREATE TABLE IF NOT EXISTS ${t.organisation_task_notes} (task_id TEXT NOT NULL, revision INTEGER NOT NULL, kind TEXT NOT NULL, note TEXT NOT NULL,
        on_date TEXT NOT NULL, author TEXT NOT NULL, PRIMARY KEY (task_id, revision));
      CREATE TABLE IF NOT EXISTS ${t.working_schedules} (version INTEGER PRIMARY KEY, weekday_start TEXT NOT NULL, weekday_end TEXT NOT NULL,
        lunch_start TEXT NOT NULL, lunch_end TEXT NOT NULL, saturday_start TEXT NOT NULL, saturday_end TEXT NOT NULL, effective_from TEXT NOT NULL,
        set_by TEXT NOT NULL, approved_on TEXT, approved_by TEXT, revision INTEGER NOT NULL, position TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${t.time_off_balances} (person_id TEXT PRIMARY KEY, person_name TEXT NOT NULL, earned_hours REAL NOT NULL,
        granted_hours REAL NOT NULL, revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${t.overtime_entries} (id TEXT PRIMARY KEY, person_id TEXT NOT NULL, event TEXT NOT NULL, worked_on TEXT NOT NULL,
        hours REAL NOT NULL, status TEXT NOT NULL, approved_on TEXT);
      CREATE INDEX IF NOT EXISTS ${t.overtime_entries}_person ON ${t.overtime_entries} (person_id, worked_on);
      CREATE TABLE IF NOT EXISTS ${t.time_off_entries} (id TEXT PRIMARY KEY, person_id TEXT NOT NULL, off_on TEXT NOT NULL, hours REAL NOT NULL,
        status TEXT NOT NULL, taken_on TEXT);
      CREATE INDEX IF NOT EXISTS ${t.time_off_entries}_person ON ${t.time_off_entries} (person_id, off_on);
      CREATE TABLE IF NOT EXISTS ${t.motivation_proposals} (id TEXT PRIMARY KEY, addressee TEXT NOT NULL, subject TEXT NOT NULL, justification TEXT NOT NULL,
        submitted_on TEXT NOT NULL, submitted_by TEXT NOT NULL, status TEXT NOT NULL, note TEXT, decided_on TEXT,
        revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);`);
    const stampSql = 'revision = @revision, position = @position, updated_at = @updatedAt';
    const task = {
      insert: db.prepare(`INSERT INTO ${t.organisation_tasks} (id, title, details, assignee_person_id, assignee_person_name, assignee_unit, assigned_on, due_on,
        assigned_by, status, revision, position, updated_at) VALUES (@taskId, @title, @details, @assigneePersonId, @assigneePersonName, @assigneeUnit,
        @assignedOn, @dueOn, @assignedBy, 'assigned', @revision, @position, @updatedAt)`),
      update: (set: string) => db.prepare(`UPDATE ${t.organisation_tasks} SET ${set}, ${stampSql} WHERE id = @taskId`),
      note: db.prepare(
        `INSERT INTO ${t.organisation_task_notes} (task_id, revision, kind, note, on_date, author) VALUES (@taskId, @revision, @kind, @note, @on, @by)`,
      ),
    };
    const taskUpdates = {
      progress: task.update(`status = 'in_progress'`),
      completed: task.update(`status = 'done', completed_on = @on, result = @result`),
      touched: task.update('title = title'),
      overdue: task.update('overdue_on = @on'),
    };
    const schedule = {
      set: db.prepare(`INSERT INTO ${t.working_schedules} (version, weekday_start, weekday_end, lunch_start, lunch_end, saturday_start, saturday_end,
        effective_from, set_by, revision, position) VALUES (@version, @weekdayStart, @weekdayEnd, @lunchStart, @lunchEnd, @saturdayStart, @saturdayEnd,
        @effectiveFrom, @setBy, @revision, @position)`),
      approved: db.prepare(
        `UPDATE ${t.working_schedules} SET approved_on = @approvedOn, approved_by = @approvedBy, revision = @revision, position = @position WHERE version = @version`,
      ),
    };
    const ledger = {
      touch: db.prepare(`INSERT INTO ${t.time_off_balances} (person_id, person_name, earned_hours, granted_hours, revision, position, updated_at)
        VALUES (@personId, @personName, 0, 0, @revision, @position, @updatedAt)
        ON CONFLICT (person_id) DO UPDATE SET revision = excluded.revision, position = excluded.position, updated_at = excluded.updated_at`),
      earned: db.prepare(`UPDATE ${t.time_off_balances} SET earned_hours = earned_hours + @hours WHERE person_id = @personId`),
      granted: db.prepare(`UPDATE ${t.time_off_balances} SET granted_hours = granted_hours + @hours WHERE person_id = @personId`),
      overtime: db.prepare(
        `INSERT INTO ${t.overtime_entries} (id, person_id, event, worked_on, hours, status) VALUES (@overtimeId, @personId, @event, @workedOn, @hours, 'recorded')`,
      ),
      approve: db.prepare(`UPDATE ${t.overtime_entries} SET status = 'approved', approved_on = @approvedOn WHERE id = @overtimeId`),
      grant: db.prepare(`INSERT INTO ${t.time_off_entries} (id, person_id, off_on, hours, status) VALUES (@timeOffId, @personId, @offOn, @hours, 'granted')`),
      take: db.prepare(`UPDATE ${t.time_off_entries} SET status = 'taken', taken_on = @takenOn WHERE id = @timeOffId`),
    };
    const motivation = {
      insert:
        db.prepare(`INSERT INTO ${t.motivation_proposals} (id, addressee, subject, justification, submitted_on, submitted_by, status, revision, position, updated_at)
        VALUES (@proposalId, @addressee, @subject, @justification, @submittedOn, @submittedBy, 'submitted', @revision, @position, @updatedAt)`),
      decided: db.prepare(`UPDATE ${t.motivation_proposals} SET status = @decision, note = @note, decided_on = @decidedOn, ${stampSql} WHERE id = @proposalId`),
    };
    return {
      apply(recorded) {
        const stamp = { revision: recorded.revision, position: encodePosition(recorded.position), updatedAt: recorded.recordedAt };
        const event = parse(recorded);
        switch (event.type) {
          case 'OrganisationTaskAssigned':
            task.insert.run({ ...event.data, ...stamp });
            return;
          case 'OrganisationTaskProgressReported': {
            const d = event.data;
            taskUpdates.progress.run({ taskId: d.taskId, ...stamp });
            task.note.run({ taskId: d.taskId, revision: stamp.revision, kind: 'progress', note: d.note, on: d.reportedOn, by: d.reportedBy });
            return;
          }
          case 'OrganisationTaskCompleted': {
            const d = event.data;
            taskUpdates.completed.run({ taskId: d.taskId, on: d.completedOn, result: d.result, ...stamp });
            task.note.run({ taskId: d.taskId, revision: stamp.revision, kind: 'completion', note: d.result, on: d.completedOn, by: d.completedBy });
            return;
          }
          case 'OrganisationTaskFeedbackGiven': {
            const d = event.data;
            taskUpdates.touched.run({ taskId: d.taskId, ...stamp });
            task.note.run({ taskId: d.taskId, revision: stamp.revision, kind: 'feedback', note: d.feedback, on: d.givenOn, by: d.givenBy });
            return;
          }
          case 'OrganisationTaskOverdue':
            taskUpdates.overdue.run({ taskId: event.data.taskId, on: event.data.overdueOn, ...stamp });
            return;
          case 'WorkingScheduleSet':
            schedule.set.run({ ...event.data, ...stamp, updatedAt: undefined });
            return;
          case 'WorkingScheduleApproved':
            schedule.approved.run({ ...event.data, revision: stamp.revision, position: stamp.position });
            return;
          case 'OvertimeRecorded':
            ledger.touch.run({ personId: event.data.personId, personName: event.data.personName, ...stamp });
            ledger.overtime.run(event.data);
            return;
          case 'OvertimeApproved':
            ledger.touch.run({ personId: event.data.personId, personName: event.data.personId, ...stamp });
            ledger.earned.run(event.data);
            ledger.approve.run(event.data);
            return;
          case 'TimeOffInLieuGranted':
            ledger.touch.run({ personId: event.data.personId, personName: event.data.personId, ...stamp });
            ledger.granted.run(event.data);
            ledger.grant.run(event.data);
            return;
          case 'TimeOffInLieuTaken':
            ledger.touch.run({ personId: event.data.personId, personName: event.data.personId, ...stamp });
            ledger.take.run(event.data);
            return;
          case 'MotivationProposalSubmitted':
            motivation.insert.run({ ...event.data, ...stamp });
            return;
          case 'MotivationProposalDecided':
            motivation.decided.run({ ...event.data, ...stamp });
            return;
        }
      },
    };
  },
};

export const organisationTaskRow = z.object({
  id: z.string(),
  title: z.string(),
  details: z.string().nullable(),
  assignee_person_id: z.string().nullable(),
  assignee_person_name: z.string().nullable(),
  assignee_unit: organisationUnit.nullable(),
  assigned_on: z.string(),
  due_on: z.string(),
  assigned_by: z.string(),
  status: organisationTaskStatus,
  overdue_on: z.string().nullable(),
  completed_on: z.string().nullable(),
  result: z.string().nullable(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type OrganisationTaskRow = z.infer<typeof organisationTaskRow>;
export const taskNoteRow = z.object({
  task_id: z.string(),
  revision: z.number(),
  kind: z.enum(['progress', 'completion', 'feedback']),
  note: z.string(),
  on_date: z.string(),
  author: z.string(),
});
export type TaskNoteRow = z.infer<typeof taskNoteRow>;
export const workingScheduleRow = z.object({
  version: z.number(),
  weekday_start: z.string(),
  weekday_end: z.string(),
  lunch_start: z.string(),
  lunch_end: z.string(),
  saturday_start: z.string(),
  saturday_end: z.string(),
  effective_from: z.string(),
  set_by: z.string(),
  approved_on: z.string().nullable(),
  approved_by: z.string().nullable(),
  revision: z.number(),
  position: z.string(),
});
export type WorkingScheduleRow = z.infer<typeof workingScheduleRow>;
export const balanceRow = z.object({
  person_id: z.string(),
  person_name: z.string(),
  earned_hours: z.number(),
  granted_hours: z.number(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type BalanceRow = z.infer<typeof balanceRow>;
export const overtimeRow = z.object({
  id: z.string(),
  person_id: z.string(),
  event: z.string(),
  worked_on: z.string(),
  hours: z.number(),
  status: overtimeStatus,
  approved_on: z.string().nullable(),
});
export type OvertimeRow = z.infer<typeof overtimeRow>;
export const timeOffRow = z.object({
  id: z.string(),
  person_id: z.string(),
  off_on: z.string(),
  hours: z.number(),
  status: timeOffStatus,
  taken_on: z.string().nullable(),
});
export type TimeOffRow = z.infer<typeof timeOffRow>;
export const motivationProposalRow = z.object({
  id: z.string(),
  addressee: motivationAddressee,
  subject: z.string(),
  justification: z.string(),
  submitted_on: z.string(),
  submitted_by: z.string(),
  status: motivationProposalStatus,
  note: z.string().nullable(),
  decided_on: z.string().nullable(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type MotivationProposalRow = z.infer<typeof motivationProposalRow>;

export type OrganisationTaskFilter = {
  /** Tasks given to this person or to this unit (a person's own tasks). */
  personId?: string | null;
  unit?: string | null;
  statuses?: string[] | null;
};

const one = <Row>(schema: z.ZodType<Row>, row: unknown): Row | undefined => (row === undefined ? undefined : schema.parse(row));

export function createOrganisationWorkQueries(db: ReadModelDatabase) {
  const taskById = db.prepare<[string], unknown>('SELECT * FROM organisation_tasks WHERE id = ?');
  const notes = db.prepare<[string], unknown>('SELECT * FROM organisation_task_notes WHERE task_id = ? ORDER BY revision');
  const schedules = db.prepare<[], unknown>('SELECT * FROM working_schedules ORDER BY version DESC');
  const balance = db.prepare<[string], unknown>('SELECT * FROM time_off_balances WHERE person_id = ?');
  const balances = db.prepare<[], unknown>('SELECT * FROM time_off_balances ORDER BY person_id LIMIT 500');
  const overtime = db.prepare<[string], unknown>('SELECT * FROM overtime_entries WHERE person_id = ? ORDER BY worked_on, id');
  const timeOff = db.prepare<[string], unknown>('SELECT * FROM time_off_entries WHERE person_id = ? ORDER BY off_on, id');
  const proposalById = db.prepare<[string], unknown>('SELECT * FROM motivation_proposals WHERE id = ?');
  const proposals = db.prepare<[], unknown>('SELECT * FROM motivation_proposals ORDER BY submitted_on DESC, id LIMIT 200');
  return {
    taskById: (id: string) => one(organisationTaskRow, taskById.get(id)),
    taskNotes: (id: string): TaskNoteRow[] => notes.all(id).map((r) => taskNoteRow.parse(r)),
    taskSortKey: (row: OrganisationTaskRow): [string, string] => [row.due_on, row.id],
    /** One page of tasks, soonest due first. */
    tasks(filter: OrganisationTaskFilter, request: PageRequest) {
      const conditions: Conditions = { where: [], params: [] };
      if (filter.personId !== undefined && filter.personId !== null) {
        // A person's own tasks: given to them, or to the unit they belong to.
        conditions.where.push('(assignee_person_id = ? OR assignee_unit = ?)');
        conditions.params.push(filter.personId, filter.unit ?? null);
      } else inList(conditions, 'assignee_unit', filter.unit ? [filter.unit] : null);
      inList(conditions, 'status', filter.statuses);
      return keysetPage(db, 'organisation_tasks', conditions, 'due_on', request, (r) => organisationTaskRow.parse(r));
    },
    schedules: (): WorkingScheduleRow[] => schedules.all().map((r) => workingScheduleRow.parse(r)),
    balanceOf: (personId: string) => one(balanceRow, balance.get(personId)),
    balances: (): BalanceRow[] => balances.all().map((r) => balanceRow.parse(r)),
    overtimeOf: (personId: string): OvertimeRow[] => overtime.all(personId).map((r) => overtimeRow.parse(r)),
    timeOffOf: (personId: string): TimeOffRow[] => timeOff.all(personId).map((r) => timeOffRow.parse(r)),
    proposalById: (id: string) => one(motivationProposalRow, proposalById.get(id)),
    proposals: (): MotivationProposalRow[] => proposals.all().map((r) => motivationProposalRow.parse(r)),
  };
}
export type OrganisationWorkQueries = ReturnType<typeof createOrganisationWorkQueries>;
