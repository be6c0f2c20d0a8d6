// Working time (DOMAIN.md 1.3): the department's schedule, set by the director and approved by the
// rector (a six-day week: weekday hours with a lunch break, and shorter Saturday hours); overtime
// worked for university events, approved by the director, earns time off in lieu. Each person's
// overtime and time off is one stream, so their balance (approved overtime hours less time off
// granted) is the decider's state and a grant beyond it is refused: the balance never goes negative.
import { z } from 'zod';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { organisationStaff } from './organisation-tasks.ts';
import { isoDate, text, type IsoDate, type Labels } from './values.ts';

export const workingScheduleCategory = 'workingSchedule';
export const workingScheduleStreamId = 'department';
export const timeOffCategory = 'timeOffInLieu';

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day written HH:MM (24-hour)')
  .describe('A time of day, HH:MM.');

export const workingScheduleCommands = {
  setWorkingSchedule: z
    .object({
      weekdayStart: clockTime.describe('When the working day starts, Monday to Friday (HH:MM).'),
      weekdayEnd: clockTime.describe('When it ends, Monday to Friday (HH:MM).'),
      lunchStart: clockTime.describe('Start of the lunch break (HH:MM).'),
      lunchEnd: clockTime.describe('End of the lunch break (HH:MM).'),
      saturdayStart: clockTime.describe('When Saturday’s work starts (HH:MM).'),
      saturdayEnd: clockTime.describe('When it ends (HH:MM).'),
      effectiveFrom: isoDate.describe('First day the schedule applies, once approved.'),
    })
    .refine((s) => s.weekdayStart < s.weekdayEnd, { path: ['weekdayEnd'], message: 'must be after weekdayStart' })
    .refine((s) => s.lunchStart < s.lunchEnd, { path: ['lunchEnd'], message: 'must be after lunchStart' })
    .refine((s) => s.weekdayStart <= s.lunchStart && s.lunchEnd <= s.weekdayEnd, {
      path: ['lunchStart'],
      message: 'the lunch break must fall within the working day',
    })
    .refine((s) => s.saturdayStart < s.saturdayEnd, { path: ['saturdayEnd'], message: 'must be after saturdayStart' }),
  approveWorkingSchedule: z.object({
    version: z.number().int().min(1, 'must be a version the director set').describe('The version of the schedule approved.'),
    approvedOn: isoDate.describe('Date of the rector’s approval.'),
  }),
} as const;

export type WorkingScheduleCommandName = keyof typeof workingScheduleCommands;
export type WorkingScheduleCommand = {
  [Name in WorkingScheduleCommandName]: { type: Name } & z.infer<(typeof workingScheduleCommands)[Name]>;
}[WorkingScheduleCommandName];

const scheduleFields = z.object({
  weekdayStart: z.string(),
  weekdayEnd: z.string(),
  lunchStart: z.string(),
  lunchEnd: z.string(),
  saturdayStart: z.string(),
  saturdayEnd: z.string(),
  effectiveFrom: isoDate,
});
export const workingScheduleEventSchemas = {
  WorkingScheduleSet: scheduleFields.extend({ version: z.number().int(), setBy: z.string() }),
  WorkingScheduleApproved: z.object({ version: z.number().int(), approvedOn: isoDate, approvedBy: z.string() }),
} as const;
export type WorkingScheduleEvent = {
  [Type in keyof typeof workingScheduleEventSchemas]: { type: Type; data: z.infer<(typeof workingScheduleEventSchemas)[Type]> };
}[keyof typeof workingScheduleEventSchemas];
export const workingScheduleEventTypes = Object.keys(workingScheduleEventSchemas) as WorkingScheduleEvent['type'][];

export type WorkingScheduleState = { version: number; approvedVersion: number };

const rule = (code: string, message: string) => new DomainRuleError(code, message);

export const workingScheduleDecider: Decider<WorkingScheduleCommand, WorkingScheduleEvent, WorkingScheduleState> = {
  initialState: { version: 0, approvedVersion: 0 },
  evolve: (state, event) =>
    event.type === 'WorkingScheduleSet' ? { ...state, version: event.data.version } : { ...state, approvedVersion: event.data.version },
  decide(command, state, context: CommandContext) {
    if (command.type === 'setWorkingSchedule') {
      const { type: _type, ...data } = command;
      return [{ type: 'WorkingScheduleSet', data: { ...data, version: state.version + 1, setBy: context.actor.id } }];
    }
    if (command.version !== state.version)
      throw rule('SCHEDULE_VERSION_NOT_CURRENT', `version: the schedule awaiting approval is version ${state.version || 'none (the director has set none)'}`);
    if (state.approvedVersion === state.version) throw rule('SCHEDULE_ALREADY_APPROVED', `version ${state.version} is already approved`);
    return [{ type: 'WorkingScheduleApproved', data: { version: command.version, approvedOn: command.approvedOn, approvedBy: context.actor.id } }];
  },
};

const overtimeStatuses = ['recorded', 'approved'] as const;
export const overtimeStatus = z.enum(overtimeStatuses).meta({
  id: 'OvertimeStatus',
  description: 'Whether overtime has been approved by the director (only approved hours earn time off).',
  labels: {
    recorded: { ky: 'Катталды', ru: 'Записано', en: 'Recorded' },
    approved: { ky: 'Директор бекитти', ru: 'Утверждено директором', en: 'Approved by the director' },
  } satisfies Labels<(typeof overtimeStatuses)[number]>,
});
const timeOffStatuses = ['granted', 'taken'] as const;
export const timeOffStatus = z.enum(timeOffStatuses).meta({
  id: 'TimeOffStatus',
  description: 'Whether time off in lieu has been granted or already taken.',
  labels: {
    granted: { ky: 'Берилди', ru: 'Предоставлен', en: 'Granted' },
    taken: { ky: 'Пайдаланылды', ru: 'Использован', en: 'Taken' },
  } satisfies Labels<(typeof timeOffStatuses)[number]>,
});

const personRef = { personId: text(200).describe('Whose overtime or time off: the `sub` of their token.') };
const hours = (what: string) =>
  z
    .number()
    .positive('must be more than 0')
    .max(24, 'must be at most 24')
    .refine((h) => Number.isInteger(h * 2), 'must be a whole or half hour')
    .describe(what);

export const timeOffCommands = {
  recordOvertime: z.object({
    ...personRef,
    personName: text(300).describe('Their full name.'),
    event: text(500).describe('The university event the overtime was worked for.'),
    workedOn: isoDate.describe('Date the overtime was worked.'),
    hours: hours('Hours worked beyond the schedule (whole or half hours).'),
  }),
  approveOvertime: z.object({
    ...personRef,
    overtimeId: z.uuid({ error: 'must be the id of recorded overtime' }).describe('The overtime approved.'),
    approvedOn: isoDate.describe('Date of approval.'),
  }),
  grantTimeOffInLieu: z.object({ ...personRef, offOn: isoDate.describe('The day off.'), hours: hours('Hours of time off (whole or half hours).') }),
  recordTimeOffTaken: z.object({
    ...personRef,
    timeOffId: z.uuid({ error: 'must be the id of granted time off' }).describe('The time off taken.'),
    takenOn: isoDate.describe('Date it was taken.'),
  }),
} as const;

export type TimeOffCommandName = keyof typeof timeOffCommands;
/** Recording overtime and granting time off carry the id the hub derived from the commandId. */
export type TimeOffCommand = { [Name in TimeOffCommandName]: { type: Name; entryId: string } & z.infer<(typeof timeOffCommands)[Name]> }[TimeOffCommandName];

export const timeOffEventSchemas = {
  OvertimeRecorded: z.object({
    overtimeId: z.string(),
    personId: z.string(),
    personName: z.string(),
    event: z.string(),
    workedOn: isoDate,
    hours: z.number(),
    recordedBy: z.string(),
  }),
  OvertimeApproved: z.object({ overtimeId: z.string(), personId: z.string(), hours: z.number(), approvedOn: isoDate, approvedBy: z.string() }),
  TimeOffInLieuGranted: z.object({ timeOffId: z.string(), personId: z.string(), offOn: isoDate, hours: z.number(), grantedBy: z.string() }),
  TimeOffInLieuTaken: z.object({ timeOffId: z.string(), personId: z.string(), takenOn: isoDate }),
} as const;
export type TimeOffEvent = {
  [Type in keyof typeof timeOffEventSchemas]: { type: Type; data: z.infer<(typeof timeOffEventSchemas)[Type]> };
}[keyof typeof timeOffEventSchemas];
export const timeOffEventTypes = Object.keys(timeOffEventSchemas) as TimeOffEvent['type'][];

export type TimeOffState = {
  overtime: Record<string, { hours: number; approved: boolean; workedOn: IsoDate }>;
  timeOff: Record<string, { taken: boolean; offOn: IsoDate }>;
  /** Approved overtime hours less granted time off: never below zero. */
  balance: number;
};

function evolveTimeOff(state: TimeOffState, event: TimeOffEvent): TimeOffState {
  switch (event.type) {
    case 'OvertimeRecorded':
      return {
        ...state,
        overtime: { ...state.overtime, [event.data.overtimeId]: { hours: event.data.hours, approved: false, workedOn: event.data.workedOn } },
      };
    case 'OvertimeApproved': {
      const entry = state.overtime[event.data.overtimeId]!;
      return { ...state, overtime: { ...state.overtime, [event.data.overtimeId]: { ...entry, approved: true } }, balance: state.balance + event.data.hours };
    }
    case 'TimeOffInLieuGranted':
      return {
        ...state,
        timeOff: { ...state.timeOff, [event.data.timeOffId]: { taken: false, offOn: event.data.offOn } },
        balance: state.balance - event.data.hours,
      };
    case 'TimeOffInLieuTaken':
      return { ...state, timeOff: { ...state.timeOff, [event.data.timeOffId]: { ...state.timeOff[event.data.timeOffId]!, taken: true } } };
  }
}

function decideTimeOff(command: TimeOffCommand, state: TimeOffState, context: CommandContext): TimeOffEvent[] {
  const by = context.actor.id;
  const { personId } = command;
  switch (command.type) {
    case 'recordOvertime':
      if (state.overtime[command.entryId]) throw rule('OVERTIME_ALREADY_RECORDED', 'this overtime is already recorded');
      return [
        {
          type: 'OvertimeRecorded',
          data: {
            overtimeId: command.entryId,
            personId,
            personName: command.personName,
            event: command.event,
            workedOn: command.workedOn,
            hours: command.hours,
            recordedBy: by,
          },
        },
      ];
    case 'approveOvertime': {
      const entry = state.overtime[command.overtimeId];
      if (!entry) throw rule('OVERTIME_NOT_FOUND', `overtimeId: ${personId} has no recorded overtime ${command.overtimeId}`);
      if (entry.approved) throw rule('OVERTIME_ALREADY_APPROVED', 'overtimeId: this overtime is already approved');
      if (command.approvedOn < entry.workedOn)
        throw rule('DATE_BEFORE_OVERTIME', `approvedOn (${command.approvedOn}) cannot be before the day worked (${entry.workedOn})`);
      return [
        { type: 'OvertimeApproved', data: { overtimeId: command.overtimeId, personId, hours: entry.hours, approvedOn: command.approvedOn, approvedBy: by } },
      ];
    }
    case 'grantTimeOffInLieu':
      if (state.timeOff[command.entryId]) throw rule('TIME_OFF_ALREADY_GRANTED', 'this time off is already granted');
      if (command.hours > state.balance)
        throw rule('TIME_OFF_EXCEEDS_BALANCE', `hours: ${personId} has ${state.balance} hour(s) of approved overtime left; ${command.hours} cannot be granted`);
      return [{ type: 'TimeOffInLieuGranted', data: { timeOffId: command.entryId, personId, offOn: command.offOn, hours: command.hours, grantedBy: by } }];
    case 'recordTimeOffTaken': {
      const entry = state.timeOff[command.timeOffId];
      if (!entry) throw rule('TIME_OFF_NOT_FOUND', `timeOffId: ${personId} has no granted time off ${command.timeOffId}`);
      if (entry.taken) throw rule('TIME_OFF_ALREADY_TAKEN', 'timeOffId: this time off is already taken');
      return [{ type: 'TimeOffInLieuTaken', data: { timeOffId: command.timeOffId, personId, takenOn: command.takenOn } }];
    }
  }
}

export const timeOffDecider: Decider<TimeOffCommand, TimeOffEvent, TimeOffState> = {
  initialState: { overtime: {}, timeOff: {}, balance: 0 },
  evolve: evolveTimeOff,
  decide: decideTimeOff,
};

const directorRoles: Role[] = ['director', 'acting_director'];
const heads: Role[] = [...directorRoles, 'head_of_accreditation_sector', 'head_of_rating_division'];
export const workingTimePermissions: Record<WorkingScheduleCommandName | TimeOffCommandName, Role[]> = {
  setWorkingSchedule: directorRoles,
  approveWorkingSchedule: ['rector'],
  recordOvertime: heads,
  approveOvertime: directorRoles,
  grantTimeOffInLieu: directorRoles,
  recordTimeOffTaken: heads,
};
/** Who reads every person's balance; others read their own. */
export const balanceReadersOfAll: Role[] = [...heads, 'rector', 'auditor'];
export { organisationStaff };
