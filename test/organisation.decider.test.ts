// Given/when/then for the organisation's deciders: the staffing table and its cases, the acting
// director, tasks, working time and time off, motivation proposals; and the clock rules.
import { describe, expect, it } from 'vitest';
import { actingDirectorClock, actingDirectorDecider, type ActingDirectorEvent } from '../src/domain/acting-director.ts';
import type { Actor, CommandContext } from '../src/domain/decider.ts';
import { ForbiddenError } from '../src/domain/errors.ts';
import { motivationProposalDecider, type MotivationProposalEvent } from '../src/domain/motivation-proposals.ts';
import {
  organisationTaskDecider,
  organisationTaskDueDates,
  organisationTaskOverdueRule,
  type OrganisationTaskEvent,
} from '../src/domain/organisation-tasks.ts';
import { regulationRates, type StaffPosition } from '../src/domain/organisation-units.ts';
import { staffingDecider, type StaffingCommand, type StaffingEvent } from '../src/domain/staffing.ts';
import { timeOffDecider, workingScheduleDecider, type TimeOffEvent, type WorkingScheduleEvent } from '../src/domain/working-time.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import { deciderSpec } from './support/decider-spec.ts';

const now = '2026-03-02T05:00:00.000Z';
const as = (actor: Actor): CommandContext => ({ actor, now, commandId: 'c-1' });
const rector: Actor = { id: 'u-rector', name: 'Rector', roles: ['rector'] };
const director: Actor = { id: 'u-director', name: 'Director', roles: ['director'] };
const sectorHead: Actor = { id: 'u-sh', name: 'Sector head', roles: ['head_of_accreditation_sector'] };
const divisionHead: Actor = { id: 'u-dh', name: 'Division head', roles: ['head_of_rating_division'] };
const inspectorActor: Actor = { id: 'u-insp', name: 'Inspector', roles: ['inspector'], unit: 'accreditation_sector' };
const caseId = '11111111-1111-4111-8111-111111111111';
const case2 = '22222222-2222-4222-8222-222222222222';

const seeded: StaffingEvent = {
  type: 'StaffingTableEstablished',
  data: { basis: 'regulation', orderNumber: null, orderDate: null, rates: { ...regulationRates } },
};
const proposed: StaffingEvent = {
  type: 'StaffCaseProposed',
  data: {
    caseId,
    kind: 'appointment',
    personId: 'p-1',
    personName: 'Aibek',
    position: 'inspector',
    unit: 'accreditation_sector',
    reason: null,
    proposedBy: 'u-sh',
    proposedOn: '2026-03-01',
  },
};
const consented: StaffingEvent = { type: 'StaffCaseConsented', data: { caseId, consentedBy: 'u-director', consentedOn: '2026-03-02' } };
const appointed: StaffingEvent = {
  type: 'StaffAppointed',
  data: { caseId, personId: 'p-1', personName: 'Aibek', position: 'inspector', unit: 'accreditation_sector', orderNumber: '12-к', orderDate: '2026-03-03' },
};
const propose = (position: StaffPosition, personId = 'p-1', id = caseId): StaffingCommand => ({
  type: 'proposeStaffAppointment',
  caseId: id,
  personId,
  personName: 'Aibek',
  position,
  proposedOn: '2026-03-01',
});

describe('staffing table', () => {
  it('is established by the rector’s order with the regulation’s rates, once', () => {
    deciderSpec(staffingDecider, as(rector))
      .given([])
      .when({ type: 'establishStaffingTable', orderNumber: '1-о', orderDate: '2026-01-10' })
      .then([{ type: 'StaffingTableEstablished', data: { basis: 'order', orderNumber: '1-о', orderDate: '2026-01-10', rates: regulationRates } }]);
    deciderSpec(staffingDecider, as(rector))
      .given([seeded])
      .when({ type: 'establishStaffingTable', orderNumber: '1', orderDate: '2026-01-10' })
      .thenThrows('STAFFING_TABLE_ALREADY_ESTABLISHED');
  });

  it('is seeded from the regulation by the first other command', () => {
    deciderSpec(staffingDecider, as(sectorHead)).given([]).when(propose('inspector')).then([seeded, proposed]);
  });

  it('changes rates by order, never below those filled or in appointment, and keeps one director', () => {
    const spec = deciderSpec(staffingDecider, as(rector));
    spec
      .given([seeded])
      .when({ type: 'changeStaffingRates', position: 'inspector', rates: 3, orderNumber: '5', orderDate: '2026-02-01' })
      .then([{ type: 'StaffingRatesChanged', data: { position: 'inspector', rates: 3, orderNumber: '5', orderDate: '2026-02-01' } }]);
    spec
      .given([seeded, proposed])
      .when({ type: 'changeStaffingRates', position: 'inspector', rates: 0, orderNumber: '5', orderDate: '2026-02-01' })
      .thenThrows('RATES_BELOW_FILLED');
    spec
      .given([seeded])
      .when({ type: 'changeStaffingRates', position: 'inspector', rates: 2, orderNumber: '5', orderDate: '2026-02-01' })
      .thenThrows('RATES_UNCHANGED');
    spec
      .given([seeded])
      .when({ type: 'changeStaffingRates', position: 'director', rates: 2, orderNumber: '5', orderDate: '2026-02-01' })
      .thenThrows('DIRECTOR_RATE_FIXED');
  });
});

describe('appointments and dismissals', () => {
  it('the head proposes their own unit’s staff, not another unit’s', () => {
    deciderSpec(staffingDecider, as(sectorHead)).given([seeded]).when(propose('inspector')).then([proposed]);
    expect(() => staffingDecider.decide(propose('rating_inspector'), staffingDecider.evolve(staffingDecider.initialState, seeded), as(sectorHead))).toThrow(
      ForbiddenError,
    );
    expect(() => staffingDecider.decide(propose('inspector'), staffingDecider.evolve(staffingDecider.initialState, seeded), as(divisionHead))).toThrow(
      /head_of_accreditation_sector/,
    );
  });

  it('the director proposes a head of unit, consenting by proposing; nobody proposes the director', () => {
    const events = staffingDecider.decide(propose('head_of_rating_division'), staffingDecider.evolve(staffingDecider.initialState, seeded), as(director));
    expect(events.map((e) => e.type)).toEqual(['StaffCaseProposed', 'StaffCaseConsented']);
    expect(() =>
      staffingDecider.decide(propose('head_of_rating_division'), staffingDecider.evolve(staffingDecider.initialState, seeded), as(divisionHead)),
    ).toThrow(ForbiddenError);
    deciderSpec(staffingDecider, as(director)).given([seeded]).when(propose('director')).thenThrows('DIRECTOR_APPOINTED_BY_RECTOR');
  });

  it('refuses a proposal without a vacant rate, a second open case and someone already holding the position', () => {
    const spec = deciderSpec(staffingDecider, as(divisionHead));
    const methodist = (id: string, person: string): StaffingEvent => ({
      ...proposed,
      data: { ...proposed.data, caseId: id, personId: person, position: 'methodist', unit: 'rating_division' },
    });
    spec
      .given([seeded, methodist(caseId, 'p-1')])
      .when(propose('methodist', 'p-2', case2))
      .thenThrows('NO_VACANT_RATE');
    deciderSpec(staffingDecider, as(sectorHead))
      .given([seeded, proposed])
      .when(propose('inspector', 'p-1', case2))
      .thenThrows('CASE_ALREADY_OPEN');
    deciderSpec(staffingDecider, as(sectorHead))
      .given([seeded, proposed, consented, appointed])
      .when(propose('inspector', 'p-1', case2))
      .thenThrows('ALREADY_HOLDS_POSITION');
    deciderSpec(staffingDecider, as(sectorHead))
      .given([seeded, proposed])
      .when(propose('inspector', 'p-2', caseId))
      .thenThrows('CASE_ALREADY_EXISTS');
  });

  it('the director consents or declines (with a reason) only a proposed case, not before the proposal', () => {
    const spec = deciderSpec(staffingDecider, as(director));
    spec.given([seeded, proposed]).when({ type: 'consentToStaffCase', caseId, consentedOn: '2026-03-02' }).then([consented]);
    spec
      .given([seeded, proposed])
      .when({ type: 'declineStaffCase', caseId, reason: 'No budget', declinedOn: '2026-03-02' })
      .then([{ type: 'StaffCaseDeclined', data: { caseId, reason: 'No budget', declinedBy: 'u-director', declinedOn: '2026-03-02' } }]);
    spec.given([seeded, proposed, consented]).when({ type: 'consentToStaffCase', caseId, consentedOn: '2026-03-02' }).thenThrows('CASE_NOT_PROPOSED');
    spec.given([seeded]).when({ type: 'consentToStaffCase', caseId, consentedOn: '2026-03-02' }).thenThrows('CASE_NOT_FOUND');
    spec.given([seeded, proposed]).when({ type: 'consentToStaffCase', caseId, consentedOn: '2026-02-01' }).thenThrows('DATE_BEFORE_PROPOSAL');
  });

  it('the rector’s order makes a consented case take effect, and only a consented one', () => {
    const spec = deciderSpec(staffingDecider, as(rector));
    spec.given([seeded, proposed, consented]).when({ type: 'recordStaffCaseOrder', caseId, orderNumber: '12-к', orderDate: '2026-03-03' }).then([appointed]);
    spec
      .given([seeded, proposed])
      .when({ type: 'recordStaffCaseOrder', caseId, orderNumber: '12-к', orderDate: '2026-03-03' })
      .thenThrows('CASE_NOT_CONSENTED');
    spec
      .given([seeded, proposed, consented, appointed])
      .when({ type: 'recordStaffCaseOrder', caseId, orderNumber: '12-к', orderDate: '2026-03-03' })
      .thenThrows('CASE_CLOSED');
    spec
      .given([seeded, proposed, consented])
      .when({ type: 'recordStaffCaseOrder', caseId, orderNumber: '12-к', orderDate: '2026-01-03' })
      .thenThrows('DATE_BEFORE_PROPOSAL');
  });

  it('a dismissal goes the same way, for someone who holds the position', () => {
    const dismissal: StaffingEvent = { type: 'StaffCaseProposed', data: { ...proposed.data, caseId: case2, kind: 'dismissal', reason: 'Moved away' } };
    const held = [seeded, proposed, consented, appointed];
    deciderSpec(staffingDecider, as(sectorHead))
      .given(held)
      .when({ type: 'proposeStaffDismissal', caseId: case2, personId: 'p-1', position: 'inspector', reason: 'Moved away', proposedOn: '2026-03-01' })
      .then([dismissal]);
    deciderSpec(staffingDecider, as(sectorHead))
      .given([seeded])
      .when({ type: 'proposeStaffDismissal', caseId: case2, personId: 'p-1', position: 'inspector', reason: 'x', proposedOn: '2026-03-01' })
      .thenThrows('NOT_HOLDING_POSITION');
    deciderSpec(staffingDecider, as(rector))
      .given([...held, dismissal, { type: 'StaffCaseConsented', data: { caseId: case2, consentedBy: 'u-director', consentedOn: '2026-04-01' } }])
      .when({ type: 'recordStaffCaseOrder', caseId: case2, orderNumber: '20-к', orderDate: '2026-04-02' })
      .then([{ type: 'StaffDismissed', data: { ...appointed.data, caseId: case2, orderNumber: '20-к', orderDate: '2026-04-02' } }]);
  });

  it('the director is appointed and dismissed by the rector’s order alone', () => {
    const appointedDirector: StaffingEvent = {
      type: 'StaffAppointed',
      data: {
        personId: 'u-director',
        personName: 'Gulnara',
        orderNumber: '1-к',
        orderDate: '2026-01-05',
        position: 'director',
        unit: 'department',
        caseId: null,
      },
    };
    const spec = deciderSpec(staffingDecider, as(rector));
    spec
      .given([seeded])
      .when({ type: 'appointDirector', personId: 'u-director', personName: 'Gulnara', orderNumber: '1-к', orderDate: '2026-01-05' })
      .then([appointedDirector]);
    spec
      .given([seeded, appointedDirector])
      .when({ type: 'appointDirector', personId: 'x', personName: 'X', orderNumber: '2', orderDate: '2026-01-06' })
      .thenThrows('DIRECTOR_POSITION_FILLED');
    spec
      .given([seeded, appointedDirector])
      .when({ type: 'dismissDirector', orderNumber: '9-к', orderDate: '2026-05-01' })
      .then([{ type: 'StaffDismissed', data: { ...appointedDirector.data, orderNumber: '9-к', orderDate: '2026-05-01' } }]);
    spec.given([seeded]).when({ type: 'dismissDirector', orderNumber: '9-к', orderDate: '2026-05-01' }).thenThrows('DIRECTOR_POSITION_VACANT');
  });
});

const designationId = '33333333-3333-4333-8333-333333333333';
const designated: ActingDirectorEvent = {
  type: 'ActingDirectorDesignated',
  data: {
    designationId,
    personId: 'u-sh',
    personName: 'Bakyt',
    startsOn: '2026-03-10',
    endsOn: '2026-03-20',
    orderNumber: '30-к',
    reason: 'Leave',
    designatedBy: 'u-rector',
  },
};
const recorded = (type: string, data: Record<string, unknown>): RecordedEvent => ({ type, data }) as unknown as RecordedEvent;

describe('acting director', () => {
  const spec = deciderSpec(actingDirectorDecider, as(rector));
  it('is designated by the rector for a period', () => {
    const { designatedBy: _by, ...input } = designated.data;
    spec
      .given([])
      .when({ type: 'designateActingDirector', ...input })
      .then([designated]);
    spec
      .given([designated])
      .when({ type: 'designateActingDirector', ...input })
      .thenThrows('DESIGNATION_ALREADY_EXISTS');
  });
  it('is recalled by the rector on the day of the recall, or ended by the clock after its last day', () => {
    spec
      .given([designated])
      .when({ type: 'recallActingDirector', designationId, reason: 'Director back' })
      .then([{ type: 'ActingDirectorRecalled', data: { designationId, reason: 'Director back', recalledOn: '2026-03-02', recalledBy: 'u-rector' } }]);
    spec
      .given([designated])
      .when({ type: 'endActingDirectorDesignation', designationId, endedOn: '2026-03-21' })
      .then([{ type: 'ActingDirectorDesignationEnded', data: { designationId, endedOn: '2026-03-21' } }]);
    spec.given([designated]).when({ type: 'endActingDirectorDesignation', designationId, endedOn: '2026-03-20' }).thenThrows('DESIGNATION_PERIOD_NOT_OVER');
    spec
      .given([designated, { type: 'ActingDirectorDesignationEnded', data: { designationId, endedOn: '2026-03-21' } }])
      .when({ type: 'recallActingDirector', designationId, reason: 'x' })
      .thenThrows('DESIGNATION_NOT_IN_FORCE');
    spec.given([]).when({ type: 'recallActingDirector', designationId, reason: 'x' }).thenThrows('DESIGNATION_NOT_FOUND');
  });
  it('the clock ends it at the start of the day after its last day in Kyrgyzstan; a recall cancels that', () => {
    expect(actingDirectorClock.changes(recorded('ActingDirectorDesignated', designated.data))).toEqual([
      {
        action: 'at',
        key: `acting-director:${designationId}:end`,
        at: '2026-03-21T00:00:00+06:00',
        followUp: { command: 'endActingDirectorDesignation', input: { designationId, endedOn: '2026-03-21' } },
      },
    ]);
    expect(actingDirectorClock.changes(recorded('ActingDirectorRecalled', { designationId }))).toEqual([
      { action: 'cancel', key: `acting-director:${designationId}:end` },
    ]);
  });
});

const taskId = '44444444-4444-4444-8444-444444444444';
const assigned: OrganisationTaskEvent = {
  type: 'OrganisationTaskAssigned',
  data: {
    taskId,
    title: 'Licence report',
    details: null,
    assigneePersonId: null,
    assigneePersonName: null,
    assigneeUnit: 'accreditation_sector',
    assignedOn: '2026-03-01',
    dueOn: '2026-03-15',
    assignedBy: 'u-director',
  },
};

describe('tasks', () => {
  it('the director assigns a task to a unit or a person', () => {
    deciderSpec(organisationTaskDecider, as(director))
      .given([])
      .when({
        type: 'assignOrganisationTask',
        taskId,
        title: 'Licence report',
        assigneeUnit: 'accreditation_sector',
        assignedOn: '2026-03-01',
        dueOn: '2026-03-15',
      })
      .then([assigned]);
    deciderSpec(organisationTaskDecider, as(director))
      .given([assigned])
      .when({ type: 'assignOrganisationTask', taskId, title: 'x', assigneeUnit: 'rating_division', assignedOn: '2026-03-01', dueOn: '2026-03-15' })
      .thenThrows('TASK_ALREADY_ASSIGNED');
  });
  it('its unit reports progress and completes it; others may not; the director gives feedback', () => {
    const spec = deciderSpec(organisationTaskDecider, as(inspectorActor));
    spec
      .given([assigned])
      .when({ type: 'reportOrganisationTaskProgress', taskId, note: 'Half done', reportedOn: '2026-03-05' })
      .then([{ type: 'OrganisationTaskProgressReported', data: { taskId, note: 'Half done', reportedOn: '2026-03-05', reportedBy: 'u-insp' } }]);
    spec
      .given([assigned])
      .when({ type: 'completeOrganisationTask', taskId, result: 'Sent', completedOn: '2026-03-10' })
      .then([{ type: 'OrganisationTaskCompleted', data: { taskId, result: 'Sent', completedOn: '2026-03-10', completedBy: 'u-insp' } }]);
    spec
      .given([assigned])
      .when({ type: 'completeOrganisationTask', taskId, result: 'Sent', completedOn: '2026-02-10' })
      .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
    const done: OrganisationTaskEvent = {
      type: 'OrganisationTaskCompleted',
      data: { taskId, result: 'Sent', completedOn: '2026-03-10', completedBy: 'u-insp' },
    };
    spec.given([assigned, done]).when({ type: 'reportOrganisationTaskProgress', taskId, note: 'x', reportedOn: '2026-03-11' }).thenThrows('TASK_DONE');
    const other: Actor = { id: 'u-m', name: 'Methodist', roles: ['methodist'], unit: 'rating_division' };
    const state = organisationTaskDecider.evolve(organisationTaskDecider.initialState, assigned);
    expect(() =>
      organisationTaskDecider.decide({ type: 'completeOrganisationTask', taskId, result: 'x', completedOn: '2026-03-10' }, state, as(other)),
    ).toThrow(ForbiddenError);
    deciderSpec(organisationTaskDecider, as(director))
      .given([assigned, done])
      .when({ type: 'giveOrganisationTaskFeedback', taskId, feedback: 'Good', givenOn: '2026-03-11' })
      .then([{ type: 'OrganisationTaskFeedbackGiven', data: { taskId, feedback: 'Good', givenOn: '2026-03-11', givenBy: 'u-director' } }]);
    deciderSpec(organisationTaskDecider, as(director))
      .given([])
      .when({ type: 'giveOrganisationTaskFeedback', taskId, feedback: 'x', givenOn: '2026-03-11' })
      .thenThrows('TASK_NOT_FOUND');
  });
  it('is overdue only after its due date, once, and never when done; the clock and deadlines know it', () => {
    const spec = deciderSpec(organisationTaskDecider, as(director));
    spec
      .given([assigned])
      .when({ type: 'markOrganisationTaskOverdue', taskId, overdueOn: '2026-03-16' })
      .then([{ type: 'OrganisationTaskOverdue', data: { taskId, overdueOn: '2026-03-16' } }]);
    spec.given([assigned]).when({ type: 'markOrganisationTaskOverdue', taskId, overdueOn: '2026-03-15' }).thenThrows('TASK_NOT_DUE');
    spec
      .given([assigned, { type: 'OrganisationTaskOverdue', data: { taskId, overdueOn: '2026-03-16' } }])
      .when({ type: 'markOrganisationTaskOverdue', taskId, overdueOn: '2026-03-17' })
      .thenThrows('TASK_ALREADY_OVERDUE');
    expect(organisationTaskOverdueRule.changes(recorded('OrganisationTaskAssigned', assigned.data))[0]).toMatchObject({
      at: '2026-03-16T00:00:00+06:00',
      followUp: { command: 'markOrganisationTaskOverdue' },
    });
    expect(organisationTaskOverdueRule.changes(recorded('OrganisationTaskCompleted', { taskId }))).toEqual([
      { action: 'cancel', key: `organisation-task:${taskId}:overdue` },
    ]);
    expect(organisationTaskDueDates.changes(recorded('OrganisationTaskAssigned', assigned.data))).toEqual([
      {
        action: 'due',
        key: `organisation-task:${taskId}:due`,
        kind: 'organisation_task',
        title: 'Licence report',
        dueOn: '2026-03-15',
        entityType: 'OrganisationTask',
        entityId: taskId,
        unit: 'accreditation_sector',
      },
    ]);
  });
});

describe('working time', () => {
  const schedule = {
    weekdayStart: '09:00',
    weekdayEnd: '17:00',
    lunchStart: '12:00',
    lunchEnd: '13:00',
    saturdayStart: '09:00',
    saturdayEnd: '13:00',
    effectiveFrom: '2026-09-01',
  };
  const set: WorkingScheduleEvent = { type: 'WorkingScheduleSet', data: { ...schedule, version: 1, setBy: 'u-director' } };
  it('the director sets the schedule and the rector approves the current version once', () => {
    deciderSpec(workingScheduleDecider, as(director))
      .given([])
      .when({ type: 'setWorkingSchedule', ...schedule })
      .then([set]);
    const spec = deciderSpec(workingScheduleDecider, as(rector));
    spec
      .given([set])
      .when({ type: 'approveWorkingSchedule', version: 1, approvedOn: '2026-08-20' })
      .then([{ type: 'WorkingScheduleApproved', data: { version: 1, approvedOn: '2026-08-20', approvedBy: 'u-rector' } }]);
    spec.given([set]).when({ type: 'approveWorkingSchedule', version: 2, approvedOn: '2026-08-20' }).thenThrows('SCHEDULE_VERSION_NOT_CURRENT');
    spec
      .given([set, { type: 'WorkingScheduleApproved', data: { version: 1, approvedOn: '2026-08-20', approvedBy: 'u-rector' } }])
      .when({ type: 'approveWorkingSchedule', version: 1, approvedOn: '2026-08-21' })
      .thenThrows('SCHEDULE_ALREADY_APPROVED');
  });

  const overtimeId = '55555555-5555-4555-8555-555555555555';
  const timeOffId = '66666666-6666-4666-8666-666666666666';
  const worked: TimeOffEvent = {
    type: 'OvertimeRecorded',
    data: { overtimeId, personId: 'p-1', personName: 'Aibek', event: 'Open day', workedOn: '2026-04-04', hours: 4, recordedBy: 'u-sh' },
  };
  const approved: TimeOffEvent = {
    type: 'OvertimeApproved',
    data: { overtimeId, personId: 'p-1', hours: 4, approvedOn: '2026-04-05', approvedBy: 'u-director' },
  };
  const granted: TimeOffEvent = { type: 'TimeOffInLieuGranted', data: { timeOffId, personId: 'p-1', offOn: '2026-04-10', hours: 4, grantedBy: 'u-director' } };

  it('overtime is recorded for an event, then approved once by the director', () => {
    deciderSpec(timeOffDecider, as(sectorHead))
      .given([])
      .when({ type: 'recordOvertime', entryId: overtimeId, personId: 'p-1', personName: 'Aibek', event: 'Open day', workedOn: '2026-04-04', hours: 4 })
      .then([worked]);
    const spec = deciderSpec(timeOffDecider, as(director));
    spec.given([worked]).when({ type: 'approveOvertime', entryId: 'x', personId: 'p-1', overtimeId, approvedOn: '2026-04-05' }).then([approved]);
    spec
      .given([worked, approved])
      .when({ type: 'approveOvertime', entryId: 'x', personId: 'p-1', overtimeId, approvedOn: '2026-04-05' })
      .thenThrows('OVERTIME_ALREADY_APPROVED');
    spec.given([]).when({ type: 'approveOvertime', entryId: 'x', personId: 'p-1', overtimeId, approvedOn: '2026-04-05' }).thenThrows('OVERTIME_NOT_FOUND');
    spec
      .given([worked])
      .when({ type: 'approveOvertime', entryId: 'x', personId: 'p-1', overtimeId, approvedOn: '2026-04-01' })
      .thenThrows('DATE_BEFORE_OVERTIME');
  });

  it('time off is granted within the balance of approved overtime only, so the balance never goes negative, and taken once', () => {
    const spec = deciderSpec(timeOffDecider, as(director));
    spec.given([worked, approved]).when({ type: 'grantTimeOffInLieu', entryId: timeOffId, personId: 'p-1', offOn: '2026-04-10', hours: 4 }).then([granted]);
    spec
      .given([worked])
      .when({ type: 'grantTimeOffInLieu', entryId: timeOffId, personId: 'p-1', offOn: '2026-04-10', hours: 1 })
      .thenThrows('TIME_OFF_EXCEEDS_BALANCE');
    spec
      .given([worked, approved, granted])
      .when({ type: 'grantTimeOffInLieu', entryId: overtimeId, personId: 'p-1', offOn: '2026-04-11', hours: 0.5 })
      .thenThrows('TIME_OFF_EXCEEDS_BALANCE');
    const taken: TimeOffEvent = { type: 'TimeOffInLieuTaken', data: { timeOffId, personId: 'p-1', takenOn: '2026-04-10' } };
    spec.given([worked, approved, granted]).when({ type: 'recordTimeOffTaken', entryId: 'x', personId: 'p-1', timeOffId, takenOn: '2026-04-10' }).then([taken]);
    spec
      .given([worked, approved, granted, taken])
      .when({ type: 'recordTimeOffTaken', entryId: 'x', personId: 'p-1', timeOffId, takenOn: '2026-04-10' })
      .thenThrows('TIME_OFF_ALREADY_TAKEN');
    spec
      .given([worked, approved])
      .when({ type: 'recordTimeOffTaken', entryId: 'x', personId: 'p-1', timeOffId, takenOn: '2026-04-10' })
      .thenThrows('TIME_OFF_NOT_FOUND');
  });
});

describe('motivation proposals', () => {
  const proposalId = '77777777-7777-4777-8777-777777777777';
  const submitted: MotivationProposalEvent = {
    type: 'MotivationProposalSubmitted',
    data: { proposalId, addressee: 'trade_union', subject: 'Bonus', justification: 'Accreditation done', submittedOn: '2026-05-01', submittedBy: 'u-director' },
  };
  it('the director submits; the decision is recorded once, not before submission', () => {
    const { submittedBy: _by, ...input } = submitted.data;
    deciderSpec(motivationProposalDecider, as(director))
      .given([])
      .when({ type: 'submitMotivationProposal', ...input })
      .then([submitted]);
    const spec = deciderSpec(motivationProposalDecider, as(rector));
    const decided: MotivationProposalEvent = {
      type: 'MotivationProposalDecided',
      data: { proposalId, decision: 'accepted', note: null, decidedOn: '2026-05-10', recordedBy: 'u-rector' },
    };
    spec.given([submitted]).when({ type: 'decideMotivationProposal', proposalId, decision: 'accepted', decidedOn: '2026-05-10' }).then([decided]);
    spec
      .given([submitted, decided])
      .when({ type: 'decideMotivationProposal', proposalId, decision: 'rejected', decidedOn: '2026-05-11' })
      .thenThrows('MOTIVATION_PROPOSAL_DECIDED');
    spec
      .given([submitted])
      .when({ type: 'decideMotivationProposal', proposalId, decision: 'accepted', decidedOn: '2026-04-10' })
      .thenThrows('DATE_BEFORE_SUBMISSION');
    spec
      .given([])
      .when({ type: 'decideMotivationProposal', proposalId, decision: 'accepted', decidedOn: '2026-04-10' })
      .thenThrows('MOTIVATION_PROPOSAL_NOT_FOUND');
  });
});
