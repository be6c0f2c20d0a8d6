// Meetings, seminars and conferences the department organises (DOMAIN.md 3.2 and 4.2): the topic and
// kind, date and place, the organiser and who takes part, the materials, and what came of it.
import { z } from 'zod';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { departmentStaff } from './staff.ts';
import { entityId, isoDate, text, type IsoDate, type Labels } from './values.ts';

export const meetingCategory = 'meeting';

const kinds = ['meeting', 'seminar', 'conference', 'round_table'] as const;
const statuses = ['planned', 'held', 'cancelled'] as const;

export const meetingKind = z.enum(kinds).meta({
  id: 'MeetingKind',
  description: 'What kind of gathering it is.',
  labels: {
    meeting: { ky: 'Жыйын', ru: 'Совещание', en: 'Meeting' },
    seminar: { ky: 'Семинар', ru: 'Семинар', en: 'Seminar' },
    conference: { ky: 'Конференция', ru: 'Конференция', en: 'Conference' },
    round_table: { ky: 'Тегерек стол', ru: 'Круглый стол', en: 'Round table' },
  } satisfies Labels<(typeof kinds)[number]>,
});
export const meetingStatus = z.enum(statuses).meta({
  id: 'MeetingStatus',
  description: 'Where a meeting stands.',
  labels: {
    planned: { ky: 'Пландалды', ru: 'Запланировано', en: 'Planned' },
    held: { ky: 'Өткөрүлдү', ru: 'Проведено', en: 'Held' },
    cancelled: { ky: 'Жокко чыгарылды', ru: 'Отменено', en: 'Cancelled' },
  } satisfies Labels<(typeof statuses)[number]>,
});

const material = z
  .object({ title: text(300).describe('Title of the material.'), reference: text(500).describe('Where it is kept: a link or registry number.') })
  .meta({ id: 'MeetingMaterial', description: 'A material of a meeting: an agenda, a presentation, minutes.' });

const meetingRef = { meetingId: entityId('meeting').describe('The meeting acted on.') };

const planFields = z.object({
  topic: text(500).describe('The topic.'),
  kind: meetingKind,
  date: isoDate.describe('The day it takes place.'),
  place: text(300).describe('Where it takes place.'),
  organiser: text(200).describe('Who organises it (a person or unit).'),
  participants: z.array(text(200)).max(500).describe('Who is invited to take part.'),
  plannedOn: isoDate.describe('Date it was planned.'),
});

export const meetingCommands = {
  planMeeting: planFields.refine((c) => c.date >= c.plannedOn, { path: ['date'], message: 'must not be before plannedOn' }),
  addMeetingMaterial: z.object({ ...meetingRef, material }),
  recordMeetingOutcome: z.object({
    ...meetingRef,
    heldOn: isoDate.describe('The day it was held.'),
    attended: z.array(text(200)).max(500).describe('Who took part.'),
    outcome: text(4000).describe('What came of it: conclusions, resolutions.'),
  }),
  cancelMeeting: z.object({ ...meetingRef, cancelledOn: isoDate.describe('Date of cancellation.'), reason: text(2000).describe('Why it was cancelled.') }),
} as const;

export type MeetingCommandName = keyof typeof meetingCommands;
export type MeetingCommand = { [N in MeetingCommandName]: { type: N; meetingId: string } & z.infer<(typeof meetingCommands)[N]> }[MeetingCommandName];

export const meetingEventSchemas = {
  MeetingPlanned: planFields.extend({ meetingId: z.string() }),
  MeetingMaterialAdded: z.object({ meetingId: z.string(), material: z.object({ title: z.string(), reference: z.string() }) }),
  MeetingHeld: z.object({ meetingId: z.string(), heldOn: isoDate, attended: z.array(z.string()), outcome: z.string() }),
  MeetingCancelled: z.object({ meetingId: z.string(), cancelledOn: isoDate, reason: z.string() }),
} as const;
export type MeetingEvent = {
  [T in keyof typeof meetingEventSchemas]: { type: T; data: z.infer<(typeof meetingEventSchemas)[T]> };
}[keyof typeof meetingEventSchemas];
export const meetingEventTypes = Object.keys(meetingEventSchemas) as MeetingEvent['type'][];

export type MeetingState =
  | { exists: false }
  | (Omit<z.infer<typeof planFields>, never> & {
      exists: true;
      status: z.infer<typeof meetingStatus>;
      materials: { title: string; reference: string }[];
      held: { heldOn: IsoDate; attended: string[]; outcome: string } | null;
      cancellation: { cancelledOn: IsoDate; reason: string } | null;
    });

function evolve(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.type === 'MeetingPlanned') {
    const { meetingId: _id, ...d } = event.data;
    return { exists: true, ...d, status: 'planned', materials: [], held: null, cancellation: null };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'MeetingMaterialAdded':
      return { ...state, materials: [...state.materials, event.data.material] };
    case 'MeetingHeld':
      return { ...state, status: 'held', held: { heldOn: event.data.heldOn, attended: event.data.attended, outcome: event.data.outcome } };
    case 'MeetingCancelled':
      return { ...state, status: 'cancelled', cancellation: { cancelledOn: event.data.cancelledOn, reason: event.data.reason } };
  }
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

function decide(command: MeetingCommand, state: MeetingState, _context: CommandContext): MeetingEvent[] {
  if (command.type === 'planMeeting') {
    if (state.exists) throw rule('MEETING_ALREADY_PLANNED', 'this meeting already exists');
    const { type: _type, ...data } = command;
    return [{ type: 'MeetingPlanned', data }];
  }
  if (!state.exists) throw rule('MEETING_NOT_FOUND', 'no meeting with this id exists');
  const { meetingId } = command;
  switch (command.type) {
    case 'addMeetingMaterial':
      if (state.status === 'cancelled') throw rule('MEETING_CANCELLED', 'a cancelled meeting takes no materials');
      if (state.materials.some((m) => m.reference === command.material.reference))
        throw rule('MEETING_MATERIAL_ALREADY_ADDED', 'material.reference: this material is already listed');
      return [{ type: 'MeetingMaterialAdded', data: { meetingId, material: command.material } }];
    case 'recordMeetingOutcome':
      if (state.status !== 'planned') throw rule('MEETING_NOT_PLANNED', `only a planned meeting can be held; this one is ${state.status}`);
      if (command.heldOn < state.plannedOn)
        throw rule('DATE_BEFORE_PREVIOUS_STEP', `heldOn (${command.heldOn}) cannot be before the meeting was planned (${state.plannedOn})`);
      return [{ type: 'MeetingHeld', data: { meetingId, heldOn: command.heldOn, attended: command.attended, outcome: command.outcome } }];
    case 'cancelMeeting':
      if (state.status !== 'planned') throw rule('MEETING_NOT_PLANNED', `only a planned meeting can be cancelled; this one is ${state.status}`);
      if (command.cancelledOn < state.plannedOn)
        throw rule('DATE_BEFORE_PREVIOUS_STEP', `cancelledOn (${command.cancelledOn}) cannot be before the meeting was planned (${state.plannedOn})`);
      return [{ type: 'MeetingCancelled', data: { meetingId, cancelledOn: command.cancelledOn, reason: command.reason } }];
  }
}

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = { initialState: { exists: false }, evolve, decide };

export const meetingPermissions: Record<MeetingCommandName, Role[]> = {
  planMeeting: departmentStaff,
  addMeetingMaterial: departmentStaff,
  recordMeetingOutcome: departmentStaff,
  cancelMeeting: departmentStaff,
};
