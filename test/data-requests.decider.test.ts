// Given/when/then for data requests to units: sent, answered by the unit's head (only their own
// unit's), accepted or returned for correction and answered again, withdrawn, reminded and recorded
// overdue by the clock; and the due dates and clock moments the module declares, as pure functions
// of its events.
import { describe, expect, it } from 'vitest';
import { dataRequestClock, dataRequestCommands, dataRequestDecider, dataRequestDueDates, type DataRequestEvent } from '../src/domain/data-requests.ts';
import type { Actor, CommandContext } from '../src/domain/decider.ts';
import { ForbiddenError } from '../src/domain/errors.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import { deciderSpec } from './support/decider-spec.ts';

const division: Actor = { id: 'u-rating', name: 'Elmira Tashieva', roles: ['head_of_rating_division'] };
const dean: Actor = { id: 'u-dean', name: 'Dean of Economics', roles: ['unit_head'], unit: 'faculty-economics' };
const otherDean: Actor = { id: 'u-dean-2', name: 'Dean of Medicine', roles: ['unit_head'], unit: 'faculty-medicine' };
const contextOf = (actor: Actor): CommandContext => ({ actor, now: '2027-03-01T04:00:00.000Z', commandId: '5e7a9c1b-3d5f-4a7c-9e1b-3d5f7a9c1b3d' });
const staff = deciderSpec(dataRequestDecider, contextOf(division));
const unitHead = deciderSpec(dataRequestDecider, contextOf(dean));
const dataRequestId = '8b0d2f4a-6c8e-4a1c-8e2f-4a6c8e0a2c4e';

const send = {
  subject: 'Staff figures for the THE ranking',
  question: 'Give the number of academic staff and of those with a doctorate as of 1 March.',
  figures: [
    { name: 'Academic staff', unit: 'persons' },
    { name: 'With a doctorate', unit: 'persons' },
  ],
  unitKind: 'faculty' as const,
  unit: 'faculty-economics',
  sentOn: '2027-03-01',
  dueOn: '2027-03-10',
};
const sent: DataRequestEvent = { type: 'DataRequestSent', data: { dataRequestId, ...send, requester: { id: division.id, name: division.name } } };
const values = [
  { name: 'Academic staff', value: 84 },
  { name: 'With a doctorate', value: 31 },
];
const answer = { type: 'answerDataRequest' as const, dataRequestId, answeredOn: '2027-03-08', values, documents: ['registry 01-12/45'] };
const answered = (answeredOn: string, late: boolean): DataRequestEvent => ({
  type: 'DataRequestAnswered',
  data: { dataRequestId, answeredOn, values, documents: ['registry 01-12/45'], answeredBy: { id: dean.id, name: dean.name }, late },
});
const returned: DataRequestEvent = {
  type: 'DataRequestResponseReturned',
  data: { dataRequestId, returnedOn: '2027-03-09', reason: 'Count part-time staff separately', correctionDueOn: '2027-03-15' },
};
const overdue: DataRequestEvent = { type: 'DataRequestOverdue', data: { dataRequestId, overdueOn: '2027-03-11', dueOn: '2027-03-10' } };

describe('a data request', () => {
  it('is sent by the department with the requester recorded, its figures named once and its due date not before sending', () => {
    staff
      .given([])
      .when({ type: 'sendDataRequest', dataRequestId, ...send })
      .then([sent]);
    staff
      .given([sent])
      .when({ type: 'sendDataRequest', dataRequestId, ...send })
      .thenThrows('DATA_REQUEST_ALREADY_SENT');
    const issues = (input: object) => dataRequestCommands.sendDataRequest.safeParse(input).error?.issues.map((i) => i.path);
    expect(issues({ ...send, dueOn: '2027-02-01' })).toEqual([['dueOn']]);
    expect(issues({ ...send, figures: [send.figures[0], send.figures[0]] })).toEqual([['figures']]);
    expect(issues({ ...send, unitKind: 'department' })).toEqual([['unitKind']]);
  });

  it('is answered by the head of the unit addressed, with a value for every figure, on time before the due date', () => {
    unitHead
      .given([sent])
      .when(answer)
      .then([answered('2027-03-08', false)]);
    unitHead
      .given([sent])
      .when({ ...answer, answeredOn: '2027-03-12' })
      .then([answered('2027-03-12', true)]);
    unitHead
      .given([sent])
      .when({ ...answer, values: [values[0]!] })
      .thenThrows('DATA_REQUEST_FIGURES_MISSING');
    unitHead
      .given([sent])
      .when({ ...answer, values: [...values, { name: 'Students', value: 3 }] })
      .thenThrows('DATA_REQUEST_UNKNOWN_FIGURE');
    unitHead
      .given([sent])
      .when({ ...answer, values: [...values, values[0]!] })
      .thenThrows('DATA_REQUEST_FIGURE_TWICE');
    unitHead
      .given([sent])
      .when({ ...answer, answeredOn: '2027-02-28' })
      .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
    unitHead
      .given([sent, answered('2027-03-08', false)])
      .when(answer)
      .thenThrows('DATA_REQUEST_NOT_OPEN');
    unitHead.given([]).when(answer).thenThrows('DATA_REQUEST_NOT_FOUND');
  });

  it('needs something in an answer to a request without figures', () => {
    const { figures: _figures, ...plain } = send;
    const sentPlain: DataRequestEvent = { type: 'DataRequestSent', data: { dataRequestId, ...plain, requester: { id: division.id, name: division.name } } };
    unitHead.given([sentPlain]).when({ type: 'answerDataRequest', dataRequestId, answeredOn: '2027-03-02' }).thenThrows('DATA_REQUEST_EMPTY_ANSWER');
    unitHead
      .given([sentPlain])
      .when({ type: 'answerDataRequest', dataRequestId, answeredOn: '2027-03-02', note: 'No changes since last year' })
      .then([
        {
          type: 'DataRequestAnswered',
          data: {
            dataRequestId,
            answeredOn: '2027-03-02',
            values: [],
            documents: [],
            note: 'No changes since last year',
            answeredBy: { id: dean.id, name: dean.name },
            late: false,
          },
        },
      ]);
  });

  it('is never answered by the head of another unit', () => {
    const state = [sent].reduce(dataRequestDecider.evolve, dataRequestDecider.initialState);
    expect(() => dataRequestDecider.decide(answer, state, contextOf(otherDean))).toThrow(ForbiddenError);
  });

  it('is late when answered after the clock recorded it overdue', () => {
    unitHead
      .given([sent, overdue])
      .when({ ...answer, answeredOn: '2027-03-12' })
      .then([answered('2027-03-12', true)]);
  });

  it('has its answer accepted, or returned for correction with a new due date and answered again', () => {
    staff
      .given([sent, answered('2027-03-08', false)])
      .when({ type: 'acceptDataRequestResponse', dataRequestId, acceptedOn: '2027-03-09' })
      .then([{ type: 'DataRequestResponseAccepted', data: { dataRequestId, acceptedOn: '2027-03-09' } }]);
    staff.given([sent]).when({ type: 'acceptDataRequestResponse', dataRequestId, acceptedOn: '2027-03-09' }).thenThrows('DATA_REQUEST_NOT_ANSWERED');
    staff
      .given([sent, answered('2027-03-08', false)])
      .when({
        type: 'returnDataRequestResponse',
        dataRequestId,
        returnedOn: '2027-03-09',
        reason: 'Count part-time staff separately',
        correctionDueOn: '2027-03-15',
      })
      .then([returned]);
    staff
      .given([sent, answered('2027-03-08', false)])
      .when({ type: 'returnDataRequestResponse', dataRequestId, returnedOn: '2027-03-09', reason: 'x', correctionDueOn: '2027-03-08' })
      .thenThrows('DATA_REQUEST_CORRECTION_DUE_BEFORE_RETURN');
    staff
      .given([sent])
      .when({ type: 'returnDataRequestResponse', dataRequestId, returnedOn: '2027-03-09', reason: 'x', correctionDueOn: '2027-03-15' })
      .thenThrows('DATA_REQUEST_NOT_ANSWERED');
    // Answered again after the return: on time against the correction's due date.
    unitHead
      .given([sent, answered('2027-03-08', false), returned])
      .when({ ...answer, answeredOn: '2027-03-14' })
      .then([answered('2027-03-14', false)]);
    const state = [sent, answered('2027-03-08', false), returned].reduce(dataRequestDecider.evolve, dataRequestDecider.initialState);
    expect(state).toMatchObject({
      status: 'returned',
      currentDueOn: '2027-03-15',
      responses: [{ outcome: 'returned', reason: 'Count part-time staff separately' }],
    });
  });

  it('is withdrawn while not accepted', () => {
    const withdraw = { type: 'withdrawDataRequest' as const, dataRequestId, withdrawnOn: '2027-03-05', reason: 'Ranking postponed' };
    staff
      .given([sent])
      .when(withdraw)
      .then([{ type: 'DataRequestWithdrawn', data: { dataRequestId, withdrawnOn: '2027-03-05', reason: 'Ranking postponed' } }]);
    staff
      .given([sent, answered('2027-03-08', false), { type: 'DataRequestResponseAccepted', data: { dataRequestId, acceptedOn: '2027-03-09' } }])
      .when({ ...withdraw, withdrawnOn: '2027-03-10' })
      .thenThrows('DATA_REQUEST_CLOSED');
  });

  it('is reminded once before its due date, and recorded overdue only after it and only while unanswered', () => {
    const remind = { type: 'remindDataRequest' as const, dataRequestId, remindedOn: '2027-03-07' };
    const reminded: DataRequestEvent = { type: 'DataRequestReminded', data: { dataRequestId, remindedOn: '2027-03-07', dueOn: '2027-03-10' } };
    staff.given([sent]).when(remind).then([reminded]);
    staff.given([sent, reminded]).when(remind).thenThrows('DATA_REQUEST_ALREADY_REMINDED');
    staff
      .given([sent])
      .when({ ...remind, remindedOn: '2027-03-11' })
      .thenThrows('DATA_REQUEST_PAST_DUE');
    staff
      .given([sent, answered('2027-03-08', false)])
      .when(remind)
      .thenThrows('DATA_REQUEST_NOT_OPEN');

    const mark = { type: 'markDataRequestOverdue' as const, dataRequestId, overdueOn: '2027-03-11' };
    staff.given([sent]).when(mark).then([overdue]);
    staff
      .given([sent])
      .when({ ...mark, overdueOn: '2027-03-10' })
      .thenThrows('DATA_REQUEST_NOT_DUE');
    staff.given([sent, overdue]).when(mark).thenThrows('DATA_REQUEST_ALREADY_OVERDUE');
    staff
      .given([sent, answered('2027-03-08', false)])
      .when(mark)
      .thenThrows('DATA_REQUEST_NOT_OPEN');
    // A return sets a new due date: the request is overdue again only after that one.
    staff
      .given([sent, answered('2027-03-08', false), returned])
      .when({ ...mark, overdueOn: '2027-03-15' })
      .thenThrows('DATA_REQUEST_NOT_DUE');
    staff
      .given([sent, answered('2027-03-08', false), returned])
      .when({ ...mark, overdueOn: '2027-03-16' })
      .then([{ type: 'DataRequestOverdue', data: { dataRequestId, overdueOn: '2027-03-16', dueOn: '2027-03-15' } }]);
  });
});

const recorded = (event: DataRequestEvent): RecordedEvent => ({ ...event, stream: `dataRequest-${dataRequestId}`, id: 'e-1' }) as unknown as RecordedEvent;

describe('the data request on the deadlines list and the clock', () => {
  it('lists the answer as due from sending and from each return, done when answered, dropped when withdrawn', () => {
    const key = `data-request:${dataRequestId}:answer`;
    expect(dataRequestDueDates.changes(recorded(sent))).toEqual([
      { action: 'concerns', entityType: 'DataRequest', entityId: dataRequestId, unit: 'faculty-economics' },
      {
        action: 'due',
        key,
        kind: 'data_request',
        title: send.subject,
        dueOn: '2027-03-10',
        entityType: 'DataRequest',
        entityId: dataRequestId,
        unit: 'faculty-economics',
      },
    ]);
    expect(dataRequestDueDates.changes(recorded(answered('2027-03-08', false)))).toEqual([{ action: 'done', key, on: '2027-03-08' }]);
    expect(dataRequestDueDates.changes(recorded(returned))).toMatchObject([{ action: 'due', key, dueOn: '2027-03-15' }]);
    expect(dataRequestDueDates.changes(recorded({ type: 'DataRequestWithdrawn', data: { dataRequestId, withdrawnOn: '2027-03-05', reason: 'x' } }))).toEqual([
      { action: 'dropped', key },
    ]);
  });

  it('reminds three days before the due date and records it overdue at the start of the day after, in Kyrgyzstan time', () => {
    expect(dataRequestClock.changes(recorded(sent))).toEqual([
      {
        action: 'at',
        key: `data-request:${dataRequestId}:reminder`,
        at: '2027-03-07T00:00:00+06:00',
        followUp: { command: 'remindDataRequest', input: { dataRequestId, remindedOn: '2027-03-07' } },
      },
      {
        action: 'at',
        key: `data-request:${dataRequestId}:overdue`,
        at: '2027-03-11T00:00:00+06:00',
        followUp: { command: 'markDataRequestOverdue', input: { dataRequestId, overdueOn: '2027-03-11' } },
      },
    ]);
    // A due date too close for a reminder after sending gets none; a return moves both moments.
    expect(dataRequestClock.changes(recorded({ ...sent, data: { ...sent.data, dueOn: '2027-03-03' } } as DataRequestEvent))[0]).toEqual({
      action: 'cancel',
      key: `data-request:${dataRequestId}:reminder`,
    });
    expect(dataRequestClock.changes(recorded(returned))).toMatchObject([{ at: '2027-03-12T00:00:00+06:00' }, { at: '2027-03-16T00:00:00+06:00' }]);
    expect(dataRequestClock.changes(recorded(answered('2027-03-08', false)))).toEqual([
      { action: 'cancel', key: `data-request:${dataRequestId}:overdue` },
      { action: 'cancel', key: `data-request:${dataRequestId}:reminder` },
    ]);
  });
});
