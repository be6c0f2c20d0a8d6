// The secretariat of the educational-methodical association (UMO; DOMAIN.md 2.1 item 14): sessions
// scheduled with their members and agenda, attendance, decisions and their follow-up. A session
// decides only with a quorum, more than half of its members present. Each decision names who answers
// for it and by when; its due date is on the deadlines list and the clock records it overdue the day
// after it passes undone.
import { z } from 'zod';
import type { ClockRule, DueDateSource } from '../automation/contracts.ts';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { departmentStaff } from './staff.ts';
import { entityId, isoDate, text, type IsoDate, type Labels } from './values.ts';

export const umoSessionCategory = 'umoSession';

const statuses = ['scheduled', 'held', 'cancelled'] as const;
export const umoSessionStatus = z.enum(statuses).meta({
  id: 'UmoSessionStatus',
  description: 'Where a session of the educational-methodical association stands.',
  labels: {
    scheduled: { ky: 'Белгиленди', ru: 'Назначено', en: 'Scheduled' },
    held: { ky: 'Өткөрүлдү', ru: 'Проведено', en: 'Held' },
    cancelled: { ky: 'Жокко чыгарылды', ru: 'Отменено', en: 'Cancelled' },
  } satisfies Labels<(typeof statuses)[number]>,
});

const sessionRef = { umoSessionId: entityId('UMO session').describe('The session acted on.') };
const decisionRef = { ...sessionRef, decisionNumber: z.number().int().min(1).describe('Number of the decision within the session, from 1.') };

const scheduleFields = z.object({
  title: text(300).describe('Title of the session, e.g. "UMO session No. 3".'),
  scheduledOn: isoDate.describe('The day the session is held.'),
  place: text(300).describe('Where it is held.'),
  members: z.array(text(200)).min(1).max(200).describe('Members of the association: the quorum is more than half of them.'),
  agenda: z.array(text(1000)).max(100).describe('Agenda items, in order.'),
});

export const umoSessionCommands = {
  scheduleUmoSession: scheduleFields.refine((c) => new Set(c.members).size === c.members.length, {
    path: ['members'],
    message: 'must not name a member twice',
  }),
  addUmoAgendaItem: z.object({ ...sessionRef, item: text(1000).describe('The agenda item.') }),
  recordUmoAttendance: z.object({ ...sessionRef, present: z.array(text(200)).max(200).describe('Members present.') }),
  recordUmoDecision: z.object({
    ...sessionRef,
    agendaItem: z.number().int().min(1).describe('Number of the agenda item decided on, from 1.'),
    decision: text(4000).describe('What was decided.'),
    responsible: text(200).describe('Who answers for carrying it out.'),
    dueOn: isoDate.describe('Date by which it must be carried out.'),
  }),
  completeUmoDecision: z.object({ ...decisionRef, doneOn: isoDate.describe('Date it was carried out.'), note: text(2000).describe('How it was carried out.') }),
  markUmoDecisionOverdue: z.object({ ...decisionRef, overdueOn: isoDate.describe('The first day after the due date on which it was still undone.') }),
  cancelUmoSession: z.object({ ...sessionRef, reason: text(2000).describe('Why the session is cancelled.') }),
} as const;

export type UmoSessionCommandName = keyof typeof umoSessionCommands;
export type UmoSessionCommand = {
  [N in UmoSessionCommandName]: { type: N; umoSessionId: string } & z.infer<(typeof umoSessionCommands)[N]>;
}[UmoSessionCommandName];

const decisionFields = z.object({
  umoSessionId: z.string(),
  decisionNumber: z.number().int(),
  agendaItem: z.number().int(),
  decision: z.string(),
  responsible: z.string(),
  dueOn: isoDate,
  decidedOn: isoDate,
});

export const umoSessionEventSchemas = {
  UmoSessionScheduled: scheduleFields.extend({ umoSessionId: z.string() }),
  UmoAgendaItemAdded: z.object({ umoSessionId: z.string(), item: z.string() }),
  UmoAttendanceRecorded: z.object({ umoSessionId: z.string(), present: z.array(z.string()), quorum: z.boolean() }),
  UmoDecisionRecorded: decisionFields,
  UmoDecisionCompleted: z.object({ umoSessionId: z.string(), decisionNumber: z.number().int(), doneOn: isoDate, note: z.string() }),
  UmoDecisionOverdue: z.object({ umoSessionId: z.string(), decisionNumber: z.number().int(), overdueOn: isoDate }),
  UmoSessionCancelled: z.object({ umoSessionId: z.string(), reason: z.string() }),
} as const;
export type UmoSessionEvent = {
  [T in keyof typeof umoSessionEventSchemas]: { type: T; data: z.infer<(typeof umoSessionEventSchemas)[T]> };
}[keyof typeof umoSessionEventSchemas];
export const umoSessionEventTypes = Object.keys(umoSessionEventSchemas) as UmoSessionEvent['type'][];

export type UmoDecision = Omit<z.infer<typeof decisionFields>, 'umoSessionId'> & { doneOn: IsoDate | null; note: string | null; overdueOn: IsoDate | null };

export type UmoSessionState =
  | { exists: false }
  | (z.infer<typeof scheduleFields> & {
      exists: true;
      status: z.infer<typeof umoSessionStatus>;
      present: string[] | null;
      quorum: boolean;
      decisions: UmoDecision[];
      cancellationReason: string | null;
    });

/** Quorum: more than half of the members present. */
export const hasQuorum = (present: number, members: number): boolean => present * 2 > members;

function evolve(state: UmoSessionState, event: UmoSessionEvent): UmoSessionState {
  if (event.type === 'UmoSessionScheduled') {
    const { umoSessionId: _id, ...d } = event.data;
    return { exists: true, ...d, status: 'scheduled', present: null, quorum: false, decisions: [], cancellationReason: null };
  }
  if (!state.exists) return state;
  const decision = (n: number, change: Partial<UmoDecision>) => state.decisions.map((d) => (d.decisionNumber === n ? { ...d, ...change } : d));
  switch (event.type) {
    case 'UmoAgendaItemAdded':
      return { ...state, agenda: [...state.agenda, event.data.item] };
    case 'UmoAttendanceRecorded':
      return { ...state, status: 'held', present: event.data.present, quorum: event.data.quorum };
    case 'UmoDecisionRecorded': {
      const { umoSessionId: _id, ...d } = event.data;
      return { ...state, decisions: [...state.decisions, { ...d, doneOn: null, note: null, overdueOn: null }] };
    }
    case 'UmoDecisionCompleted':
      return { ...state, decisions: decision(event.data.decisionNumber, { doneOn: event.data.doneOn, note: event.data.note }) };
    case 'UmoDecisionOverdue':
      return { ...state, decisions: decision(event.data.decisionNumber, { overdueOn: event.data.overdueOn }) };
    case 'UmoSessionCancelled':
      return { ...state, status: 'cancelled', cancellationReason: event.data.reason };
  }
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);
type Existing = Extract<UmoSessionState, { exists: true }>;

function decisionOf(state: Existing, n: number): UmoDecision {
  const found = state.decisions.find((d) => d.decisionNumber === n);
  if (!found) throw rule('UMO_DECISION_NOT_FOUND', `decisionNumber: the session has no decision ${n}`);
  return found;
}

function decide(command: UmoSessionCommand, state: UmoSessionState, _context: CommandContext): UmoSessionEvent[] {
  if (command.type === 'scheduleUmoSession') {
    if (state.exists) throw rule('UMO_SESSION_ALREADY_SCHEDULED', 'this session already exists');
    const { type: _type, ...data } = command;
    return [{ type: 'UmoSessionScheduled', data }];
  }
  if (!state.exists) throw rule('UMO_SESSION_NOT_FOUND', 'no UMO session with this id exists');
  const { umoSessionId } = command;
  switch (command.type) {
    case 'addUmoAgendaItem':
      if (state.status !== 'scheduled') throw rule('UMO_SESSION_NOT_SCHEDULED', `the agenda of a ${state.status} session is closed`);
      return [{ type: 'UmoAgendaItemAdded', data: { umoSessionId, item: command.item } }];
    case 'recordUmoAttendance': {
      if (state.status !== 'scheduled')
        throw rule('UMO_SESSION_NOT_SCHEDULED', `attendance is recorded once, for a scheduled session; this one is ${state.status}`);
      const strangers = command.present.filter((p) => !state.members.includes(p));
      if (strangers.length)
        throw rule('UMO_NOT_A_MEMBER', `present: ${strangers.join(', ')} ${strangers.length > 1 ? 'are not members' : 'is not a member'} of the association`);
      const present = [...new Set(command.present)];
      return [{ type: 'UmoAttendanceRecorded', data: { umoSessionId, present, quorum: hasQuorum(present.length, state.members.length) } }];
    }
    case 'recordUmoDecision': {
      if (state.status !== 'held') throw rule('UMO_ATTENDANCE_NOT_RECORDED', 'decisions are recorded once the attendance of the session is');
      if (!state.quorum) {
        throw rule(
          'UMO_NO_QUORUM',
          `no quorum: ${state.present?.length ?? 0} of ${state.members.length} members were present, more than half are needed to decide`,
        );
      }
      if (command.agendaItem > state.agenda.length) throw rule('UMO_AGENDA_ITEM_NOT_FOUND', `agendaItem: the agenda has ${state.agenda.length} items`);
      if (command.dueOn < state.scheduledOn) throw rule('UMO_DECISION_DUE_BEFORE_SESSION', `dueOn must not be before the session (${state.scheduledOn})`);
      const { type: _type, ...data } = command;
      return [{ type: 'UmoDecisionRecorded', data: { ...data, decisionNumber: state.decisions.length + 1, decidedOn: state.scheduledOn } }];
    }
    case 'completeUmoDecision': {
      const decision = decisionOf(state, command.decisionNumber);
      if (decision.doneOn) throw rule('UMO_DECISION_ALREADY_DONE', `decision ${decision.decisionNumber} was carried out on ${decision.doneOn}`);
      if (command.doneOn < decision.decidedOn)
        throw rule('DATE_BEFORE_PREVIOUS_STEP', `doneOn (${command.doneOn}) cannot be before the decision (${decision.decidedOn})`);
      const { type: _type, ...data } = command;
      return [{ type: 'UmoDecisionCompleted', data }];
    }
    case 'markUmoDecisionOverdue': {
      const decision = decisionOf(state, command.decisionNumber);
      if (decision.doneOn) throw rule('UMO_DECISION_ALREADY_DONE', `decision ${decision.decisionNumber} was carried out on ${decision.doneOn}`);
      if (decision.overdueOn) throw rule('UMO_DECISION_ALREADY_OVERDUE', `decision ${decision.decisionNumber} is already recorded overdue`);
      if (command.overdueOn <= decision.dueOn)
        throw rule('UMO_DECISION_NOT_DUE', `overdueOn: the decision is due on ${decision.dueOn}; it is overdue only after that day`);
      const { type: _type, ...data } = command;
      return [{ type: 'UmoDecisionOverdue', data }];
    }
    case 'cancelUmoSession':
      if (state.status !== 'scheduled') throw rule('UMO_SESSION_NOT_SCHEDULED', `only a scheduled session can be cancelled; this one is ${state.status}`);
      return [{ type: 'UmoSessionCancelled', data: { umoSessionId, reason: command.reason } }];
  }
}

export const umoSessionDecider: Decider<UmoSessionCommand, UmoSessionEvent, UmoSessionState> = { initialState: { exists: false }, evolve, decide };

export const umoSessionPermissions: Record<UmoSessionCommandName, Role[]> = {
  scheduleUmoSession: departmentStaff,
  addUmoAgendaItem: departmentStaff,
  recordUmoAttendance: departmentStaff,
  recordUmoDecision: departmentStaff,
  completeUmoDecision: departmentStaff,
  markUmoDecisionOverdue: departmentStaff,
  cancelUmoSession: departmentStaff,
};

const dayAfter = (date: IsoDate): IsoDate => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const key = (id: string, n: unknown, what: string) => `umo-session:${id}:decision:${String(n)}:${what}`;

/** A decision's due date is on the deadlines list until it is carried out. */
export const umoDecisionDueDates: DueDateSource = {
  module: 'umo-sessions',
  eventTypes: ['UmoDecisionRecorded', 'UmoDecisionCompleted'],
  kindLabels: { umo_decision: { ky: 'ОУБ чечими', ru: 'Решение УМО', en: 'UMO decision' } },
  changes(event) {
    const id = String(event.data.umoSessionId);
    if (event.type === 'UmoDecisionCompleted') return [{ action: 'done', key: key(id, event.data.decisionNumber, 'due'), on: String(event.data.doneOn) }];
    const d = umoSessionEventSchemas.UmoDecisionRecorded.parse(event.data);
    return [
      {
        action: 'due',
        key: key(id, d.decisionNumber, 'due'),
        kind: 'umo_decision',
        title: d.decision.slice(0, 300),
        dueOn: d.dueOn,
        entityType: 'UmoSession',
        entityId: id,
        assignee: d.responsible,
      },
    ];
  },
};

/** The day after a decision's due date (Kyrgyzstan time) an undone decision is recorded overdue. */
export const umoDecisionOverdueRule: ClockRule = {
  name: 'umo-decision-overdue',
  eventTypes: ['UmoDecisionRecorded', 'UmoDecisionCompleted'],
  changes(event) {
    const id = String(event.data.umoSessionId);
    const n = Number(event.data.decisionNumber);
    if (event.type === 'UmoDecisionCompleted') return [{ action: 'cancel', key: key(id, n, 'overdue') }];
    const overdueOn = dayAfter(String(event.data.dueOn));
    return [
      {
        action: 'at',
        key: key(id, n, 'overdue'),
        at: `${overdueOn}T00:00:00+06:00`,
        followUp: { command: 'markUmoDecisionOverdue', input: { umoSessionId: id, decisionNumber: n, overdueOn } },
      },
    ];
  },
};
