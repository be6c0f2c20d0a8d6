// Requests for information to the university's structural units (DOMAIN.md 3.2 and 4.2: the
// department asks faculties, colleges, chairs, subject-cycle commissions and offices for the figures
// and documents its monitoring, accreditation and ratings need). A request names what is asked (free
// text and, optionally, named figures with their units), the responsible unit and the due date. The
// unit's head answers with values and documents; the department accepts the answer or returns it for
// correction with a new due date, and the unit answers again. The clock reminds the unit some days
// before the due date and records the request overdue the day after it; both are events, so the
// history and the change subscription see them.
import { z } from 'zod';
import type { ClockRule, DueDateSource } from '../automation/contracts.ts';
import type { Actor, CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError, ForbiddenError } from './errors.ts';
import { departmentStaff } from './staff.ts';
import { entityId, isoDate, text, type IsoDate, type Labels } from './values.ts';

export const dataRequestCategory = 'dataRequest';

const unitKinds = ['faculty', 'college', 'chair', 'subject_cycle_commission', 'office'] as const;
const statuses = ['sent', 'answered', 'returned', 'accepted', 'withdrawn'] as const;

export const dataRequestUnitKindLabels: Labels<(typeof unitKinds)[number]> = {
  faculty: { ky: 'Факультет', ru: 'Факультет', en: 'Faculty' },
  college: { ky: 'Колледж', ru: 'Колледж', en: 'College' },
  chair: { ky: 'Кафедра', ru: 'Кафедра', en: 'Chair' },
  subject_cycle_commission: { ky: 'Предметтик-циклдик комиссия', ru: 'Предметно-цикловая комиссия', en: 'Subject-cycle commission' },
  office: { ky: 'Бөлүм', ru: 'Отдел', en: 'Office' },
};
export const dataRequestStatusLabels: Labels<(typeof statuses)[number]> = {
  sent: { ky: 'Жөнөтүлдү', ru: 'Направлен', en: 'Sent' },
  answered: { ky: 'Жооп берилди', ru: 'Получен ответ', en: 'Answered' },
  returned: { ky: 'Оңдоого кайтарылды', ru: 'Возвращён на доработку', en: 'Returned for correction' },
  accepted: { ky: 'Кабыл алынды', ru: 'Принят', en: 'Accepted' },
  withdrawn: { ky: 'Кайтарып алынды', ru: 'Отозван', en: 'Withdrawn' },
};

export const dataRequestUnitKind = z
  .enum(unitKinds)
  .meta({ id: 'DataRequestUnitKind', description: 'The kind of structural unit a data request is addressed to.', labels: dataRequestUnitKindLabels });
export const dataRequestStatus = z
  .enum(statuses)
  .meta({ id: 'DataRequestStatus', description: 'Where a data request stands.', labels: dataRequestStatusLabels });
export type DataRequestStatus = z.infer<typeof dataRequestStatus>;

const figure = z
  .object({
    name: text(200).describe('Name of the figure asked for, e.g. "Students enrolled".'),
    unit: text(50).describe('Unit of measure, e.g. "persons", "%", "som".'),
  })
  .meta({ id: 'DataRequestFigure', description: 'A named figure a data request asks for, with its unit of measure.' });
const figureValue = z
  .object({
    name: text(200).describe('Name of the figure, as the request names it.'),
    value: z.number().finite().describe('The value, in the unit the request names.'),
  })
  .meta({ id: 'DataRequestFigureValue', description: 'The value a unit gives for one named figure.' });

const requestRef = { dataRequestId: entityId('data request').describe('The data request acted on.') };

const sendFields = z.object({
  subject: text(300).describe('What the request is about, in a line.'),
  question: text(4000).describe('What is asked, in the words of the request.'),
  figures: z.array(figure).max(50).optional().describe('Named figures the unit must give values for.'),
  unitKind: dataRequestUnitKind,
  unit: text(200).describe('The responsible unit, by the code its head’s token names (the `unit` claim).'),
  sentOn: isoDate.describe('Date the request was sent.'),
  dueOn: isoDate.describe('Date by which the unit must answer.'),
});

export const dataRequestCommands = {
  sendDataRequest: sendFields
    .refine((c) => c.dueOn >= c.sentOn, { path: ['dueOn'], message: 'must not be before sentOn' })
    .refine((c) => new Set((c.figures ?? []).map((f) => f.name)).size === (c.figures ?? []).length, {
      path: ['figures'],
      message: 'must not name the same figure twice',
    }),
  answerDataRequest: z.object({
    ...requestRef,
    answeredOn: isoDate.describe('Date the unit answered.'),
    values: z.array(figureValue).max(50).optional().describe('A value for every figure the request names.'),
    documents: z.array(text(500)).max(50).optional().describe('Documents or links the unit attaches.'),
    note: text(4000).optional().describe('The unit’s answer in words.'),
  }),
  acceptDataRequestResponse: z.object({ ...requestRef, acceptedOn: isoDate.describe('Date the answer was accepted.') }),
  returnDataRequestResponse: z.object({
    ...requestRef,
    returnedOn: isoDate.describe('Date the answer was returned.'),
    reason: text(2000).describe('What must be corrected.'),
    correctionDueOn: isoDate.describe('Date by which the corrected answer is due.'),
  }),
  withdrawDataRequest: z.object({ ...requestRef, withdrawnOn: isoDate.describe('Date of withdrawal.'), reason: text(2000).describe('Why it is withdrawn.') }),
  remindDataRequest: z.object({ ...requestRef, remindedOn: isoDate.describe('Date of the reminder.') }),
  markDataRequestOverdue: z.object({ ...requestRef, overdueOn: isoDate.describe('The first day after the due date on which no answer had come.') }),
} as const;

export type DataRequestCommandName = keyof typeof dataRequestCommands;
export type DataRequestCommand = {
  [Name in DataRequestCommandName]: { type: Name; dataRequestId: string } & z.infer<(typeof dataRequestCommands)[Name]>;
}[DataRequestCommandName];

const requester = z.object({ id: z.string(), name: z.string() });

export const dataRequestEventSchemas = {
  DataRequestSent: sendFields.extend({ dataRequestId: z.string(), requester }),
  DataRequestAnswered: z.object({
    dataRequestId: z.string(),
    answeredOn: isoDate,
    values: z.array(z.object({ name: z.string(), value: z.number() })),
    documents: z.array(z.string()),
    note: z.string().optional(),
    answeredBy: requester,
    late: z.boolean(),
  }),
  DataRequestResponseAccepted: z.object({ dataRequestId: z.string(), acceptedOn: isoDate }),
  DataRequestResponseReturned: z.object({ dataRequestId: z.string(), returnedOn: isoDate, reason: z.string(), correctionDueOn: isoDate }),
  DataRequestWithdrawn: z.object({ dataRequestId: z.string(), withdrawnOn: isoDate, reason: z.string() }),
  DataRequestReminded: z.object({ dataRequestId: z.string(), remindedOn: isoDate, dueOn: isoDate }),
  DataRequestOverdue: z.object({ dataRequestId: z.string(), overdueOn: isoDate, dueOn: isoDate }),
} as const;

export type DataRequestEventType = keyof typeof dataRequestEventSchemas;
export type DataRequestEvent = {
  [Type in DataRequestEventType]: { type: Type; data: z.infer<(typeof dataRequestEventSchemas)[Type]> };
}[DataRequestEventType];
export const dataRequestEventTypes = Object.keys(dataRequestEventSchemas) as DataRequestEventType[];

export type DataRequestResponse = Omit<z.infer<(typeof dataRequestEventSchemas)['DataRequestAnswered']>, 'dataRequestId'> & {
  outcome: 'pending' | 'accepted' | 'returned';
  decidedOn?: IsoDate;
  reason?: string;
};

/** The whole request as the decider and the register fold it. */
export type DataRequestState =
  | { exists: false }
  | (Omit<z.infer<(typeof dataRequestEventSchemas)['DataRequestSent']>, 'dataRequestId'> & {
      exists: true;
      status: DataRequestStatus;
      /** The due date now in force (a return for correction sets a new one). */
      currentDueOn: IsoDate;
      /** Set when the clock recorded the current due date passed without an answer; cleared by a new due date. */
      overdueOn: IsoDate | null;
      remindedOn: IsoDate | null;
      responses: DataRequestResponse[];
      withdrawal: { withdrawnOn: IsoDate; reason: string } | null;
      lastOn: IsoDate;
    });

/** Open: the unit still owes an answer. */
export const awaitsAnswer = (status: DataRequestStatus): boolean => status === 'sent' || status === 'returned';

function evolve(state: DataRequestState, event: DataRequestEvent): DataRequestState {
  if (event.type === 'DataRequestSent') {
    const { dataRequestId: _id, ...d } = event.data;
    return {
      exists: true,
      ...d,
      status: 'sent',
      currentDueOn: d.dueOn,
      overdueOn: null,
      remindedOn: null,
      responses: [],
      withdrawal: null,
      lastOn: d.sentOn,
    };
  }
  if (!state.exists) return state;
  const lastResponse = (change: Partial<DataRequestResponse>) => state.responses.map((r, i) => (i === state.responses.length - 1 ? { ...r, ...change } : r));
  switch (event.type) {
    case 'DataRequestAnswered': {
      const { dataRequestId: _id, ...d } = event.data;
      return { ...state, status: 'answered', responses: [...state.responses, { ...d, outcome: 'pending' }], lastOn: d.answeredOn };
    }
    case 'DataRequestResponseAccepted':
      return {
        ...state,
        status: 'accepted',
        responses: lastResponse({ outcome: 'accepted', decidedOn: event.data.acceptedOn }),
        lastOn: event.data.acceptedOn,
      };
    case 'DataRequestResponseReturned':
      return {
        ...state,
        status: 'returned',
        currentDueOn: event.data.correctionDueOn,
        overdueOn: null,
        remindedOn: null,
        responses: lastResponse({ outcome: 'returned', decidedOn: event.data.returnedOn, reason: event.data.reason }),
        lastOn: event.data.returnedOn,
      };
    case 'DataRequestWithdrawn':
      return { ...state, status: 'withdrawn', withdrawal: { withdrawnOn: event.data.withdrawnOn, reason: event.data.reason }, lastOn: event.data.withdrawnOn };
    case 'DataRequestReminded':
      return { ...state, remindedOn: event.data.remindedOn };
    case 'DataRequestOverdue':
      return { ...state, overdueOn: event.data.overdueOn };
  }
}

type Existing = Extract<DataRequestState, { exists: true }>;
const rule = (code: string, message: string) => new DomainRuleError(code, message);

/**
 * A value or a document said to come from a data request must come from an answer the department
 * accepted: a request still open, returned or withdrawn has given nothing yet. The request lives in
 * another stream, so the pipeline passes its status here before the command is decided.
 */
export function requireAcceptedDataRequest(dataRequestId: string, status: string): void {
  if (status !== 'accepted') {
    throw rule('DATA_REQUEST_NOT_ACCEPTED', `dataRequestId: data request ${dataRequestId} is ${status}; only a request whose answer was accepted can be cited`);
  }
}

/** A unit head answers only the requests addressed to their own unit. */
function requireOwnUnit(actor: Actor, request: Existing): void {
  if (actor.unit === request.unit) return;
  throw new ForbiddenError(`a unit head answers only the data requests of their own unit; this one is addressed to ${request.unit}`);
}

function requireNotBefore(request: Existing, date: IsoDate, field: string): void {
  if (date < request.lastOn) throw rule('DATE_BEFORE_PREVIOUS_STEP', `${field} (${date}) cannot be before the request's previous step (${request.lastOn})`);
}

function requireAwaitingAnswer(request: Existing, what: string): void {
  if (!awaitsAnswer(request.status)) throw rule('DATA_REQUEST_NOT_OPEN', `${what}: the request is ${request.status}, not awaiting an answer`);
}

function answer(command: Extract<DataRequestCommand, { type: 'answerDataRequest' }>, state: Existing, actor: Actor): DataRequestEvent {
  requireOwnUnit(actor, state);
  requireAwaitingAnswer(state, 'answerDataRequest');
  requireNotBefore(state, command.answeredOn, 'answeredOn');
  const values = command.values ?? [];
  const asked = new Set((state.figures ?? []).map((f) => f.name));
  const unknown = values.find((v) => !asked.has(v.name));
  if (unknown) throw rule('DATA_REQUEST_UNKNOWN_FIGURE', `values: the request asks for no figure named "${unknown.name}"`);
  const given = new Set(values.map((v) => v.name));
  if (given.size !== values.length) throw rule('DATA_REQUEST_FIGURE_TWICE', 'values: a figure is given twice');
  const missing = [...asked].filter((name) => !given.has(name));
  if (missing.length) throw rule('DATA_REQUEST_FIGURES_MISSING', `values: the request also asks for ${missing.map((m) => `"${m}"`).join(', ')}`);
  if (!values.length && !command.documents?.length && !command.note) {
    throw rule('DATA_REQUEST_EMPTY_ANSWER', 'an answer needs values, documents or a note');
  }
  return {
    type: 'DataRequestAnswered',
    data: {
      dataRequestId: command.dataRequestId,
      answeredOn: command.answeredOn,
      values,
      documents: command.documents ?? [],
      ...(command.note ? { note: command.note } : {}),
      answeredBy: { id: actor.id, name: actor.name },
      // Late when it comes after the due date in force, or after the clock recorded that date passed.
      late: command.answeredOn > state.currentDueOn || state.overdueOn !== null,
    },
  };
}

function decide(command: DataRequestCommand, state: DataRequestState, context: CommandContext): DataRequestEvent[] {
  if (command.type === 'sendDataRequest') {
    if (state.exists) throw rule('DATA_REQUEST_ALREADY_SENT', 'this data request already exists');
    const { type: _type, ...data } = command;
    return [{ type: 'DataRequestSent', data: { ...data, requester: { id: context.actor.id, name: context.actor.name } } }];
  }
  if (!state.exists) throw rule('DATA_REQUEST_NOT_FOUND', 'no data request with this id exists');
  const { dataRequestId } = command;
  switch (command.type) {
    case 'answerDataRequest':
      return [answer(command, state, context.actor)];
    case 'acceptDataRequestResponse':
      if (state.status !== 'answered') throw rule('DATA_REQUEST_NOT_ANSWERED', `only an answered request can be accepted; this one is ${state.status}`);
      requireNotBefore(state, command.acceptedOn, 'acceptedOn');
      return [{ type: 'DataRequestResponseAccepted', data: { dataRequestId, acceptedOn: command.acceptedOn } }];
    case 'returnDataRequestResponse': {
      if (state.status !== 'answered') throw rule('DATA_REQUEST_NOT_ANSWERED', `only an answered request can be returned; this one is ${state.status}`);
      requireNotBefore(state, command.returnedOn, 'returnedOn');
      if (command.correctionDueOn < command.returnedOn)
        throw rule('DATA_REQUEST_CORRECTION_DUE_BEFORE_RETURN', 'correctionDueOn must not be before returnedOn');
      const { type: _type, ...data } = command;
      return [{ type: 'DataRequestResponseReturned', data }];
    }
    case 'withdrawDataRequest': {
      if (state.status === 'accepted' || state.status === 'withdrawn') throw rule('DATA_REQUEST_CLOSED', `a ${state.status} request cannot be withdrawn`);
      requireNotBefore(state, command.withdrawnOn, 'withdrawnOn');
      const { type: _type, ...data } = command;
      return [{ type: 'DataRequestWithdrawn', data }];
    }
    case 'remindDataRequest':
      requireAwaitingAnswer(state, 'remindDataRequest');
      if (state.remindedOn !== null) throw rule('DATA_REQUEST_ALREADY_REMINDED', `the unit was already reminded on ${state.remindedOn} of this due date`);
      if (command.remindedOn > state.currentDueOn)
        throw rule('DATA_REQUEST_PAST_DUE', `remindedOn: a reminder comes before the due date (${state.currentDueOn})`);
      return [{ type: 'DataRequestReminded', data: { dataRequestId, remindedOn: command.remindedOn, dueOn: state.currentDueOn } }];
    case 'markDataRequestOverdue':
      requireAwaitingAnswer(state, 'markDataRequestOverdue');
      if (state.overdueOn !== null) throw rule('DATA_REQUEST_ALREADY_OVERDUE', 'the request is already recorded overdue');
      if (command.overdueOn <= state.currentDueOn)
        throw rule('DATA_REQUEST_NOT_DUE', `overdueOn: the request is due on ${state.currentDueOn}; it is overdue only after that day`);
      return [{ type: 'DataRequestOverdue', data: { dataRequestId, overdueOn: command.overdueOn, dueOn: state.currentDueOn } }];
  }
}

export const dataRequestDecider: Decider<DataRequestCommand, DataRequestEvent, DataRequestState> = { initialState: { exists: false }, evolve, decide };

export const dataRequestPermissions: Record<DataRequestCommandName, Role[]> = {
  sendDataRequest: departmentStaff,
  answerDataRequest: ['unit_head'],
  acceptDataRequestResponse: departmentStaff,
  returnDataRequestResponse: departmentStaff,
  withdrawDataRequest: departmentStaff,
  remindDataRequest: departmentStaff,
  markDataRequestOverdue: departmentStaff,
};
export const dataRequestScopes: Partial<Record<DataRequestCommandName, string>> = {
  answerDataRequest: 'a unit head only the requests addressed to their own unit',
};
export const dataRequestFollowUpCommands: DataRequestCommandName[] = ['remindDataRequest', 'markDataRequestOverdue'];

/** Who reads every data request: the department, the rector and auditors; a unit head reads their own unit's. */
export const dataRequestReaders: Role[] = [...departmentStaff, 'rector', 'auditor'];
export const canReadDataRequest = (actor: Actor | undefined, unit: string): boolean =>
  !!actor && (actor.roles.some((r) => dataRequestReaders.includes(r)) || (actor.roles.includes('unit_head') && actor.unit === unit));

/** How many days before the due date the unit is reminded. */
export const REMINDER_DAYS = 3;
const shift = (date: IsoDate, days: number): IsoDate => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const dueKey = (id: string) => `data-request:${id}:answer`;

/** The answer is on the deadlines list from sending (and from each return) until it is accepted or withdrawn. */
export const dataRequestDueDates: DueDateSource = {
  module: 'data-requests',
  eventTypes: ['DataRequestSent', 'DataRequestResponseReturned', 'DataRequestAnswered', 'DataRequestWithdrawn'],
  kindLabels: { data_request: { ky: 'Маалымат суроо', ru: 'Запрос информации', en: 'Data request' } },
  changes(event) {
    const id = String(event.data.dataRequestId);
    switch (event.type) {
      case 'DataRequestSent': {
        const d = dataRequestEventSchemas.DataRequestSent.parse(event.data);
        // The unit is remembered for the due date a return for correction sets later.
        return [
          { action: 'concerns', entityType: 'DataRequest', entityId: id, unit: d.unit },
          { action: 'due', key: dueKey(id), kind: 'data_request', title: d.subject, dueOn: d.dueOn, entityType: 'DataRequest', entityId: id, unit: d.unit },
        ];
      }
      case 'DataRequestResponseReturned': {
        const d = dataRequestEventSchemas.DataRequestResponseReturned.parse(event.data);
        return [
          {
            action: 'due',
            key: dueKey(id),
            kind: 'data_request',
            title: `Correction: ${d.reason}`.slice(0, 300),
            dueOn: d.correctionDueOn,
            entityType: 'DataRequest',
            entityId: id,
          },
        ];
      }
      case 'DataRequestAnswered':
        return [{ action: 'done', key: dueKey(id), on: String(event.data.answeredOn) }];
      default:
        return [{ action: 'dropped', key: dueKey(id) }];
    }
  },
};

const overdueKey = (id: string) => `data-request:${id}:overdue`;
const reminderKey = (id: string) => `data-request:${id}:reminder`;

/**
 * For each due date (at sending, and at each return for correction): a reminder at the start of the
 * day REMINDER_DAYS before it, when that is after the request was sent or returned, and the overdue
 * record at the start of the day after it (Kyrgyzstan time). An answer or a withdrawal cancels both.
 */
export const dataRequestClock: ClockRule = {
  name: 'data-request-due',
  eventTypes: ['DataRequestSent', 'DataRequestResponseReturned', 'DataRequestAnswered', 'DataRequestWithdrawn', 'DataRequestResponseAccepted'],
  changes(event) {
    const id = String(event.data.dataRequestId);
    let from: IsoDate;
    let dueOn: IsoDate;
    if (event.type === 'DataRequestSent') [from, dueOn] = [String(event.data.sentOn), String(event.data.dueOn)];
    else if (event.type === 'DataRequestResponseReturned') [from, dueOn] = [String(event.data.returnedOn), String(event.data.correctionDueOn)];
    else
      return [
        { action: 'cancel', key: overdueKey(id) },
        { action: 'cancel', key: reminderKey(id) },
      ];
    const overdueOn = shift(dueOn, 1);
    const remindOn = shift(dueOn, -REMINDER_DAYS);
    return [
      remindOn > from
        ? {
            action: 'at',
            key: reminderKey(id),
            at: `${remindOn}T00:00:00+06:00`,
            followUp: { command: 'remindDataRequest', input: { dataRequestId: id, remindedOn: remindOn } },
          }
        : { action: 'cancel', key: reminderKey(id) },
      {
        action: 'at',
        key: overdueKey(id),
        at: `${overdueOn}T00:00:00+06:00`,
        followUp: { command: 'markDataRequestOverdue', input: { dataRequestId: id, overdueOn } },
      },
    ];
  },
};
