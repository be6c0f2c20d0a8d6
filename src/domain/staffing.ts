// The staffing table and who fills it (DOMAIN.md 1.1, 3.3–3.5, 4.3–4.5): one stream for the whole
// department, since every appointment is checked against the table's rates and the other holders.
// Appointments and dismissals go the regulation's way: the unit's head proposes, the director
// consents or declines, and the rector's order makes it take effect; the director is appointed and
// dismissed by the rector's order alone. The table itself is established once (by the rector's order,
// or from the regulation when the first other command arrives) and its rates change by order.
import { z } from 'zod';
import type { Actor, CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError, ForbiddenError } from './errors.ts';
import {
  headOfUnit,
  isHeadPosition,
  organisationUnit,
  regulationRates,
  staffPosition,
  unitOfPosition,
  type OrganisationUnit,
  type StaffPosition,
} from './organisation-units.ts';
import { isoDate, text, type IsoDate, type Labels } from './values.ts';

export const staffingCategory = 'staffing';
/** The department's one staffing stream is `staffing-department`. */
export const staffingStreamId = 'department';

const caseKinds = ['appointment', 'dismissal'] as const;
const caseStatuses = ['proposed', 'consented', 'declined', 'ordered'] as const;
export type StaffCaseKind = (typeof caseKinds)[number];
export type StaffCaseStatus = (typeof caseStatuses)[number];

export const staffCaseKind = z.enum(caseKinds).meta({
  id: 'StaffCaseKind',
  description: 'Whether a staffing case appoints someone or dismisses them.',
  labels: {
    appointment: { ky: 'Дайындоо', ru: 'Назначение', en: 'Appointment' },
    dismissal: { ky: 'Бошотуу', ru: 'Освобождение', en: 'Dismissal' },
  } satisfies Labels<StaffCaseKind>,
});
export const staffCaseStatus = z.enum(caseStatuses).meta({
  id: 'StaffCaseStatus',
  description: 'Where a staffing case stands: proposed by the head, consented or declined by the director, ordered by the rector.',
  labels: {
    proposed: { ky: 'Сунушталды', ru: 'Предложено', en: 'Proposed' },
    consented: { ky: 'Директор макул болду', ru: 'Согласовано директором', en: 'Director consented' },
    declined: { ky: 'Директор четке какты', ru: 'Отклонено директором', en: 'Director declined' },
    ordered: { ky: 'Ректордун буйругу менен', ru: 'Приказ ректора издан', en: 'Ordered by the rector' },
  } satisfies Labels<StaffCaseStatus>,
});

const personId = text(200).describe('The person’s id: the `sub` of their sign-in token.');
const personName = text(300).describe('The person’s full name.');
const orderFields = {
  orderNumber: text(100).describe('Number of the rector’s order.'),
  orderDate: isoDate.describe('Date of the rector’s order.'),
};
const caseRef = { caseId: z.uuid({ error: 'must be the id of an existing staffing case' }).describe('The staffing case acted on.') };

export const staffingCommands = {
  establishStaffingTable: z.object(orderFields),
  changeStaffingRates: z.object({
    position: staffPosition,
    rates: z.number().int('must be a whole number').min(0, 'must not be negative').max(20, 'must be at most 20').describe('The new number of rates.'),
    ...orderFields,
  }),
  proposeStaffAppointment: z.object({ personId, personName, position: staffPosition, proposedOn: isoDate.describe('Date of the proposal.') }),
  proposeStaffDismissal: z.object({
    personId,
    position: staffPosition,
    reason: text(2000).describe('Why the person should leave the position.'),
    proposedOn: isoDate.describe('Date of the proposal.'),
  }),
  consentToStaffCase: z.object({ ...caseRef, consentedOn: isoDate.describe('Date of the director’s consent.') }),
  declineStaffCase: z.object({ ...caseRef, reason: text(2000).describe('Why the director declines.'), declinedOn: isoDate.describe('Date of the refusal.') }),
  recordStaffCaseOrder: z.object({ ...caseRef, ...orderFields }),
  appointDirector: z.object({ personId, personName, ...orderFields }),
  dismissDirector: z.object(orderFields),
} as const;

export type StaffingCommandName = keyof typeof staffingCommands;
/** A proposal carries the case id the hub derived from its commandId. */
export type StaffingCommand = {
  [Name in StaffingCommandName]: { type: Name } & z.infer<(typeof staffingCommands)[Name]> &
    (Name extends 'proposeStaffAppointment' | 'proposeStaffDismissal' ? { caseId: string } : unknown);
}[StaffingCommandName];

const ratesSchema = z.record(staffPosition, z.number().int());
const holding = {
  personId: z.string(),
  personName: z.string(),
  position: staffPosition,
  unit: organisationUnit,
  orderNumber: z.string(),
  orderDate: isoDate,
  caseId: z.string().nullable(),
};

export const staffingEventSchemas = {
  StaffingTableEstablished: z.object({
    basis: z.enum(['regulation', 'order']),
    orderNumber: z.string().nullable(),
    orderDate: isoDate.nullable(),
    rates: ratesSchema,
  }),
  StaffingRatesChanged: z.object({ position: staffPosition, rates: z.number().int(), orderNumber: z.string(), orderDate: isoDate }),
  StaffCaseProposed: z.object({
    caseId: z.string(),
    kind: staffCaseKind,
    personId: z.string(),
    personName: z.string(),
    position: staffPosition,
    unit: organisationUnit,
    reason: z.string().nullable(),
    proposedBy: z.string(),
    proposedOn: isoDate,
  }),
  StaffCaseConsented: z.object({ caseId: z.string(), consentedBy: z.string(), consentedOn: isoDate }),
  StaffCaseDeclined: z.object({ caseId: z.string(), reason: z.string(), declinedBy: z.string(), declinedOn: isoDate }),
  StaffAppointed: z.object(holding),
  StaffDismissed: z.object(holding),
} as const;

export type StaffingEventType = keyof typeof staffingEventSchemas;
export type StaffingEvent = { [Type in StaffingEventType]: { type: Type; data: z.infer<(typeof staffingEventSchemas)[Type]> } }[StaffingEventType];
export const staffingEventTypes = Object.keys(staffingEventSchemas) as StaffingEventType[];

type Holder = { personId: string; personName: string; position: StaffPosition };
type StaffCase = {
  kind: StaffCaseKind;
  personId: string;
  personName: string;
  position: StaffPosition;
  unit: OrganisationUnit;
  status: StaffCaseStatus;
  proposedOn: IsoDate;
};
export type StaffingState = {
  established: boolean;
  rates: Record<StaffPosition, number>;
  holders: Holder[];
  cases: Record<string, StaffCase>;
};

function evolve(state: StaffingState, event: StaffingEvent): StaffingState {
  switch (event.type) {
    case 'StaffingTableEstablished':
      return { ...state, established: true, rates: { ...regulationRates, ...event.data.rates } };
    case 'StaffingRatesChanged':
      return { ...state, rates: { ...state.rates, [event.data.position]: event.data.rates } };
    case 'StaffCaseProposed': {
      const { caseId, kind, personId, personName, position, unit, proposedOn } = event.data;
      return { ...state, cases: { ...state.cases, [caseId]: { kind, personId, personName, position, unit, proposedOn, status: 'proposed' } } };
    }
    case 'StaffCaseConsented':
    case 'StaffCaseDeclined': {
      const existing = state.cases[event.data.caseId];
      if (!existing) return state;
      const status = event.type === 'StaffCaseConsented' ? 'consented' : 'declined';
      return { ...state, cases: { ...state.cases, [event.data.caseId]: { ...existing, status } } };
    }
    case 'StaffAppointed':
    case 'StaffDismissed': {
      const { caseId, personId, personName, position } = event.data;
      const existing = caseId ? state.cases[caseId] : undefined;
      const cases = existing && caseId ? { ...state.cases, [caseId]: { ...existing, status: 'ordered' as const } } : state.cases;
      const holders =
        event.type === 'StaffAppointed'
          ? [...state.holders, { personId, personName, position }]
          : state.holders.filter((h) => !(h.personId === personId && h.position === position));
      return { ...state, cases, holders };
    }
  }
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);
const isDirector = (actor: Actor) => actor.roles.includes('director') || actor.roles.includes('acting_director');

const holdersOf = (state: StaffingState, position: StaffPosition) => state.holders.filter((h) => h.position === position);
const openCases = (state: StaffingState) => Object.values(state.cases).filter((c) => c.status === 'proposed' || c.status === 'consented');

/**
 * Who may propose for a position: the head of its unit for the unit's staff, the director for the
 * heads of units. The director's own position is the rector's alone.
 */
function requireProposer(actor: Actor, position: StaffPosition): void {
  if (position === 'director')
    throw rule(
      'DIRECTOR_APPOINTED_BY_RECTOR',
      'position: the director is appointed and dismissed by the rector’s order (appointDirector, dismissDirector), not proposed',
    );
  const unit = unitOfPosition[position] as Exclude<OrganisationUnit, 'department'>;
  if (isHeadPosition(position)) {
    if (!isDirector(actor)) throw new ForbiddenError(`position: the director proposes the ${position}; a head proposes only their own unit’s staff`);
    return;
  }
  const head = headOfUnit[unit];
  if (!actor.roles.includes(head)) throw new ForbiddenError(`position: ${position} belongs to the ${unit}, whose head (${head}) proposes its staff`);
}

function decideStaffing(command: StaffingCommand, state: StaffingState, context: CommandContext): StaffingEvent[] {
  const { actor } = context;
  switch (command.type) {
    case 'establishStaffingTable':
      if (state.established)
        throw rule('STAFFING_TABLE_ALREADY_ESTABLISHED', 'the staffing table is already established; change its rates with changeStaffingRates');
      return [
        {
          type: 'StaffingTableEstablished',
          data: { basis: 'order', orderNumber: command.orderNumber, orderDate: command.orderDate, rates: { ...regulationRates } },
        },
      ];
    case 'changeStaffingRates': {
      const filled =
        holdersOf(state, command.position).length + openCases(state).filter((c) => c.kind === 'appointment' && c.position === command.position).length;
      if (command.position === 'director' && command.rates !== 1)
        throw rule('DIRECTOR_RATE_FIXED', 'rates: the department has exactly one director (regulation 1.1)');
      if (command.rates === state.rates[command.position]) throw rule('RATES_UNCHANGED', `rates: ${command.position} already has ${command.rates} rate(s)`);
      if (command.rates < filled)
        throw rule(
          'RATES_BELOW_FILLED',
          `rates: ${command.position} has ${filled} rate(s) filled or in appointment; dismiss or decline before cutting to ${command.rates}`,
        );
      const { type: _type, ...data } = command;
      return [{ type: 'StaffingRatesChanged', data }];
    }
    case 'proposeStaffAppointment': {
      requireProposer(actor, command.position);
      if (state.cases[command.caseId]) throw rule('CASE_ALREADY_EXISTS', 'a staffing case with this id already exists');
      if (state.holders.some((h) => h.personId === command.personId && h.position === command.position))
        throw rule('ALREADY_HOLDS_POSITION', `personId: ${command.personId} already holds the position ${command.position}`);
      if (openCases(state).some((c) => c.personId === command.personId && c.position === command.position))
        throw rule('CASE_ALREADY_OPEN', `personId: a case for ${command.personId} as ${command.position} is already open`);
      const taken =
        holdersOf(state, command.position).length + openCases(state).filter((c) => c.kind === 'appointment' && c.position === command.position).length;
      if (taken >= state.rates[command.position])
        throw rule('NO_VACANT_RATE', `position: all ${state.rates[command.position]} rate(s) of ${command.position} are filled or in appointment`);
      const proposed: StaffingEvent = {
        type: 'StaffCaseProposed',
        data: {
          caseId: command.caseId,
          kind: 'appointment',
          personId: command.personId,
          personName: command.personName,
          position: command.position,
          unit: unitOfPosition[command.position],
          reason: null,
          proposedBy: actor.id,
          proposedOn: command.proposedOn,
        },
      };
      // The director proposing a head has consented by proposing; the rector's order follows.
      return isHeadPosition(command.position)
        ? [proposed, { type: 'StaffCaseConsented', data: { caseId: command.caseId, consentedBy: actor.id, consentedOn: command.proposedOn } }]
        : [proposed];
    }
    case 'proposeStaffDismissal': {
      requireProposer(actor, command.position);
      if (state.cases[command.caseId]) throw rule('CASE_ALREADY_EXISTS', 'a staffing case with this id already exists');
      const holder = state.holders.find((h) => h.personId === command.personId && h.position === command.position);
      if (!holder) throw rule('NOT_HOLDING_POSITION', `personId: ${command.personId} does not hold the position ${command.position}`);
      if (openCases(state).some((c) => c.personId === command.personId && c.position === command.position))
        throw rule('CASE_ALREADY_OPEN', `personId: a case for ${command.personId} as ${command.position} is already open`);
      const proposed: StaffingEvent = {
        type: 'StaffCaseProposed',
        data: {
          caseId: command.caseId,
          kind: 'dismissal',
          personId: command.personId,
          personName: holder.personName,
          position: command.position,
          unit: unitOfPosition[command.position],
          reason: command.reason,
          proposedBy: actor.id,
          proposedOn: command.proposedOn,
        },
      };
      return isHeadPosition(command.position)
        ? [proposed, { type: 'StaffCaseConsented', data: { caseId: command.caseId, consentedBy: actor.id, consentedOn: command.proposedOn } }]
        : [proposed];
    }
    case 'consentToStaffCase':
    case 'declineStaffCase': {
      const found = state.cases[command.caseId];
      if (!found) throw rule('CASE_NOT_FOUND', `caseId: no staffing case ${command.caseId}`);
      if (found.status !== 'proposed') throw rule('CASE_NOT_PROPOSED', `the director consents to or declines a proposed case; this one is ${found.status}`);
      const on = command.type === 'consentToStaffCase' ? command.consentedOn : command.declinedOn;
      if (on < found.proposedOn) throw rule('DATE_BEFORE_PROPOSAL', `the decision (${on}) cannot be before the proposal (${found.proposedOn})`);
      return command.type === 'consentToStaffCase'
        ? [{ type: 'StaffCaseConsented', data: { caseId: command.caseId, consentedBy: actor.id, consentedOn: command.consentedOn } }]
        : [{ type: 'StaffCaseDeclined', data: { caseId: command.caseId, reason: command.reason, declinedBy: actor.id, declinedOn: command.declinedOn } }];
    }
    case 'recordStaffCaseOrder': {
      const found = state.cases[command.caseId];
      if (!found) throw rule('CASE_NOT_FOUND', `caseId: no staffing case ${command.caseId}`);
      if (found.status === 'proposed') throw rule('CASE_NOT_CONSENTED', 'the rector’s order follows the director’s consent, which this case has not had yet');
      if (found.status !== 'consented') throw rule('CASE_CLOSED', `the case is ${found.status}; no order can be recorded for it`);
      if (command.orderDate < found.proposedOn)
        throw rule('DATE_BEFORE_PROPOSAL', `orderDate (${command.orderDate}) cannot be before the proposal (${found.proposedOn})`);
      const data = {
        caseId: command.caseId,
        personId: found.personId,
        personName: found.personName,
        position: found.position,
        unit: found.unit,
        orderNumber: command.orderNumber,
        orderDate: command.orderDate,
      };
      return [{ type: found.kind === 'appointment' ? 'StaffAppointed' : 'StaffDismissed', data }];
    }
    case 'appointDirector': {
      const current = holdersOf(state, 'director')[0];
      if (current) throw rule('DIRECTOR_POSITION_FILLED', `${current.personName} is the director; dismiss them by order first`);
      const { type: _type, ...data } = command;
      return [{ type: 'StaffAppointed', data: { ...data, position: 'director', unit: 'department', caseId: null } }];
    }
    case 'dismissDirector': {
      const current = holdersOf(state, 'director')[0];
      if (!current) throw rule('DIRECTOR_POSITION_VACANT', 'the director’s position is vacant; there is nobody to dismiss');
      const { type: _type, ...order } = command;
      return [
        {
          type: 'StaffDismissed',
          data: { ...order, personId: current.personId, personName: current.personName, position: 'director', unit: 'department', caseId: null },
        },
      ];
    }
  }
}

/** Before anything else happens to the table, it is the regulation's (seeded by the first command). */
function decide(command: StaffingCommand, state: StaffingState, context: CommandContext): StaffingEvent[] {
  if (state.established || command.type === 'establishStaffingTable') return decideStaffing(command, state, context);
  const seed: StaffingEvent = {
    type: 'StaffingTableEstablished',
    data: { basis: 'regulation', orderNumber: null, orderDate: null, rates: { ...regulationRates } },
  };
  return [seed, ...decideStaffing(command, evolve(state, seed), context)];
}

export const staffingDecider: Decider<StaffingCommand, StaffingEvent, StaffingState> = {
  initialState: { established: false, rates: { ...regulationRates }, holders: [], cases: {} },
  evolve,
  decide,
};

const heads: Role[] = ['director', 'acting_director', 'head_of_accreditation_sector', 'head_of_rating_division'];
const directorDecisions: Role[] = ['director', 'acting_director'];
export const staffingPermissions: Record<StaffingCommandName, Role[]> = {
  establishStaffingTable: ['rector'],
  changeStaffingRates: ['rector'],
  proposeStaffAppointment: heads,
  proposeStaffDismissal: heads,
  consentToStaffCase: directorDecisions,
  declineStaffCase: directorDecisions,
  recordStaffCaseOrder: ['rector'],
  appointDirector: ['rector'],
  dismissDirector: ['rector'],
};
export const staffingScopes: Partial<Record<StaffingCommandName, string>> = {
  proposeStaffAppointment: 'a head only their own unit’s staff; the director the heads of units',
  proposeStaffDismissal: 'a head only their own unit’s staff; the director the heads of units',
};
