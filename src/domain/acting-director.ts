// Who acts for the director while the director is absent (DOMAIN.md 1.1; the director's part,
// clause 5): the rector designates a person for whole days in Kyrgyzstan time. The designation
// gives its holder the acting director's rights (src/auth/derived-roles.ts) only on those days; it
// ends when the rector recalls it or, by the clock, the day after its last day.
import { z } from 'zod';
import type { ClockRule } from '../automation/contracts.ts';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { isoDate, localDateOf, text, type IsoDate, type Labels } from './values.ts';

export const actingDirectorCategory = 'actingDirector';

const statuses = ['designated', 'recalled', 'ended'] as const;
export type ActingDesignationStatus = (typeof statuses)[number];
export const actingDesignationStatus = z.enum(statuses).meta({
  id: 'ActingDesignationStatus',
  description: 'Whether a designation of an acting director still stands.',
  labels: {
    designated: { ky: 'Дайындалган', ru: 'Назначен', en: 'Designated' },
    recalled: { ky: 'Ректор кайтарып алды', ru: 'Отозван ректором', en: 'Recalled by the rector' },
    ended: { ky: 'Мөөнөтү бүттү', ru: 'Срок истёк', en: 'Period ended' },
  } satisfies Labels<ActingDesignationStatus>,
});

const ref = { designationId: z.uuid({ error: 'must be the id of an existing designation' }).describe('The designation acted on.') };

export const actingDirectorCommands = {
  designateActingDirector: z
    .object({
      personId: text(200).describe('Who acts: the `sub` of their sign-in token.'),
      personName: text(300).describe('Their full name.'),
      startsOn: isoDate.describe('First day they act (Kyrgyzstan time).'),
      endsOn: isoDate.describe('Last day they act, inclusive.'),
      orderNumber: text(100).describe('Number of the rector’s order.'),
      reason: text(1000).describe('Why the director is absent (leave, business trip, illness).'),
    })
    .refine((c) => c.endsOn >= c.startsOn, { path: ['endsOn'], message: 'must not be before startsOn' }),
  recallActingDirector: z.object({ ...ref, reason: text(1000).describe('Why the designation is recalled early.') }),
  endActingDirectorDesignation: z.object({ ...ref, endedOn: isoDate.describe('The first day after the period.') }),
} as const;

export type ActingDirectorCommandName = keyof typeof actingDirectorCommands;
export type ActingDirectorCommand = {
  [Name in ActingDirectorCommandName]: { type: Name; designationId: string } & z.infer<(typeof actingDirectorCommands)[Name]>;
}[ActingDirectorCommandName];

export const actingDirectorEventSchemas = {
  ActingDirectorDesignated: z.object({
    designationId: z.string(),
    personId: z.string(),
    personName: z.string(),
    startsOn: isoDate,
    endsOn: isoDate,
    orderNumber: z.string(),
    reason: z.string(),
    designatedBy: z.string(),
  }),
  ActingDirectorRecalled: z.object({ designationId: z.string(), reason: z.string(), recalledOn: isoDate, recalledBy: z.string() }),
  ActingDirectorDesignationEnded: z.object({ designationId: z.string(), endedOn: isoDate }),
} as const;

export type ActingDirectorEventType = keyof typeof actingDirectorEventSchemas;
export type ActingDirectorEvent = {
  [Type in ActingDirectorEventType]: { type: Type; data: z.infer<(typeof actingDirectorEventSchemas)[Type]> };
}[ActingDirectorEventType];
export const actingDirectorEventTypes = Object.keys(actingDirectorEventSchemas) as ActingDirectorEventType[];

export type ActingDirectorState = { exists: false } | { exists: true; status: ActingDesignationStatus; startsOn: IsoDate; endsOn: IsoDate };

function evolve(state: ActingDirectorState, event: ActingDirectorEvent): ActingDirectorState {
  if (event.type === 'ActingDirectorDesignated') return { exists: true, status: 'designated', startsOn: event.data.startsOn, endsOn: event.data.endsOn };
  if (!state.exists) return state;
  return { ...state, status: event.type === 'ActingDirectorRecalled' ? 'recalled' : 'ended' };
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);

function decide(command: ActingDirectorCommand, state: ActingDirectorState, context: CommandContext): ActingDirectorEvent[] {
  if (command.type === 'designateActingDirector') {
    if (state.exists) throw rule('DESIGNATION_ALREADY_EXISTS', 'this designation already exists');
    const { type: _type, ...data } = command;
    return [{ type: 'ActingDirectorDesignated', data: { ...data, designatedBy: context.actor.id } }];
  }
  if (!state.exists) throw rule('DESIGNATION_NOT_FOUND', 'designationId: no designation of an acting director with this id');
  if (state.status !== 'designated') throw rule('DESIGNATION_NOT_IN_FORCE', `the designation is already ${state.status}`);
  if (command.type === 'recallActingDirector') {
    return [
      {
        type: 'ActingDirectorRecalled',
        data: { designationId: command.designationId, reason: command.reason, recalledOn: localDateOf(context.now), recalledBy: context.actor.id },
      },
    ];
  }
  if (command.endedOn <= state.endsOn) throw rule('DESIGNATION_PERIOD_NOT_OVER', `endedOn: the designation runs to ${state.endsOn} inclusive`);
  return [{ type: 'ActingDirectorDesignationEnded', data: { designationId: command.designationId, endedOn: command.endedOn } }];
}

export const actingDirectorDecider: Decider<ActingDirectorCommand, ActingDirectorEvent, ActingDirectorState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

export const actingDirectorPermissions: Record<ActingDirectorCommandName, Role[]> = {
  designateActingDirector: ['rector'],
  recallActingDirector: ['rector'],
  endActingDirectorDesignation: ['rector'],
};
export const actingDirectorFollowUps = ['endActingDirectorDesignation'] as const;

const dayAfter = (date: IsoDate): IsoDate => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const endKey = (id: string) => `acting-director:${id}:end`;

/** At the start of the day after the last day (Kyrgyzstan time) the designation ends; a recall cancels the alarm. */
export const actingDirectorClock: ClockRule = {
  name: 'acting-director-end',
  eventTypes: ['ActingDirectorDesignated', 'ActingDirectorRecalled'],
  changes(event) {
    const id = String(event.data.designationId);
    if (event.type !== 'ActingDirectorDesignated') return [{ action: 'cancel', key: endKey(id) }];
    const endedOn = dayAfter(String(event.data.endsOn));
    return [
      {
        action: 'at',
        key: endKey(id),
        at: `${endedOn}T00:00:00+06:00`,
        followUp: { command: 'endActingDirectorDesignation', input: { designationId: id, endedOn } },
      },
    ];
  },
};

/** Whether a designation gives rights on the Kyrgyz day `today`. */
export const designationInForce = (row: { status: string; starts_on: string; ends_on: string }, today: IsoDate): boolean =>
  row.status === 'designated' && row.starts_on <= today && today <= row.ends_on;
