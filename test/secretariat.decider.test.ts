// Given/when/then for the rest of the secretariat: meetings (planned, materials, held, cancelled), UMO
// sessions (agenda, attendance and quorum, decisions and their follow-up by the clock), analytical
// reports (prepared, submitted, approved or returned, sent) and publications (drafted, approved,
// published, withdrawn).
import { describe, expect, it } from 'vitest';
import { analyticalReportCommands, analyticalReportDecider, type AnalyticalReportEvent } from '../src/domain/analytical-reports.ts';
import type { CommandContext } from '../src/domain/decider.ts';
import { meetingCommands, meetingDecider, type MeetingEvent } from '../src/domain/meetings.ts';
import { publicationDecider, type PublicationEvent } from '../src/domain/publications.ts';
import { hasQuorum, umoDecisionDueDates, umoDecisionOverdueRule, umoSessionDecider, type UmoSessionEvent } from '../src/domain/umo-sessions.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import { deciderSpec } from './support/decider-spec.ts';

const context: CommandContext = {
  actor: { id: 'u-director', name: 'Gulnara Asanova', roles: ['director'] },
  now: '2027-03-01T04:00:00.000Z',
  commandId: '5e7a9c1b-3d5f-4a7c-9e1b-3d5f7a9c1b3d',
};
const id = '8b0d2f4a-6c8e-4a1c-8e2f-4a6c8e0a2c4e';

describe('a meeting', () => {
  const spec = deciderSpec(meetingDecider, context);
  const plan = {
    topic: 'Preparing the self-assessment for IAAR',
    kind: 'seminar' as const,
    date: '2027-03-20',
    place: 'Main building, hall 2',
    organiser: 'Accreditation sector',
    participants: ['Deans', 'Heads of chairs'],
    plannedOn: '2027-03-01',
  };
  const planned: MeetingEvent = { type: 'MeetingPlanned', data: { meetingId: id, ...plan } };
  const material = { title: 'Slides', reference: 'https://oshsu.kg/qa/slides.pdf' };

  it('is planned, not for a day before its planning', () => {
    spec
      .given([])
      .when({ type: 'planMeeting', meetingId: id, ...plan })
      .then([planned]);
    spec
      .given([planned])
      .when({ type: 'planMeeting', meetingId: id, ...plan })
      .thenThrows('MEETING_ALREADY_PLANNED');
    expect(meetingCommands.planMeeting.safeParse({ ...plan, date: '2027-02-01' }).error?.issues.map((i) => i.path)).toEqual([['date']]);
  });

  it('takes materials once each, then is held with who attended and its outcome, or cancelled', () => {
    spec
      .given([planned])
      .when({ type: 'addMeetingMaterial', meetingId: id, material })
      .then([{ type: 'MeetingMaterialAdded', data: { meetingId: id, material } }]);
    spec
      .given([planned, { type: 'MeetingMaterialAdded', data: { meetingId: id, material } }])
      .when({ type: 'addMeetingMaterial', meetingId: id, material })
      .thenThrows('MEETING_MATERIAL_ALREADY_ADDED');
    const held = { heldOn: '2027-03-20', attended: ['Deans'], outcome: 'Drafts due by 1 April' };
    spec
      .given([planned])
      .when({ type: 'recordMeetingOutcome', meetingId: id, ...held })
      .then([{ type: 'MeetingHeld', data: { meetingId: id, ...held } }]);
    spec
      .given([planned])
      .when({ type: 'recordMeetingOutcome', meetingId: id, ...held, heldOn: '2027-02-01' })
      .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
    const cancelled: MeetingEvent = { type: 'MeetingCancelled', data: { meetingId: id, cancelledOn: '2027-03-10', reason: 'Visit moved' } };
    spec.given([planned]).when({ type: 'cancelMeeting', meetingId: id, cancelledOn: '2027-03-10', reason: 'Visit moved' }).then([cancelled]);
    spec
      .given([planned, cancelled])
      .when({ type: 'recordMeetingOutcome', meetingId: id, ...held })
      .thenThrows('MEETING_NOT_PLANNED');
    spec.given([planned, cancelled]).when({ type: 'addMeetingMaterial', meetingId: id, material }).thenThrows('MEETING_CANCELLED');
    spec.given([]).when({ type: 'cancelMeeting', meetingId: id, cancelledOn: '2027-03-10', reason: 'x' }).thenThrows('MEETING_NOT_FOUND');
  });
});

describe('a UMO session', () => {
  const spec = deciderSpec(umoSessionDecider, context);
  const members = ['Asanova', 'Bakirov', 'Chynybaeva', 'Dzhumabaev'];
  const schedule = { title: 'UMO session No. 3', scheduledOn: '2027-03-15', place: 'Room 204', members, agenda: ['Curricula for 2027'] };
  const scheduled: UmoSessionEvent = { type: 'UmoSessionScheduled', data: { umoSessionId: id, ...schedule } };
  const attendance = (present: string[], quorum: boolean): UmoSessionEvent => ({ type: 'UmoAttendanceRecorded', data: { umoSessionId: id, present, quorum } });
  const decide = {
    type: 'recordUmoDecision' as const,
    umoSessionId: id,
    agendaItem: 1,
    decision: 'Approve the curricula',
    responsible: 'Bakirov',
    dueOn: '2027-04-01',
  };
  const decided: UmoSessionEvent = {
    type: 'UmoDecisionRecorded',
    data: {
      umoSessionId: id,
      decisionNumber: 1,
      agendaItem: 1,
      decision: 'Approve the curricula',
      responsible: 'Bakirov',
      dueOn: '2027-04-01',
      decidedOn: '2027-03-15',
    },
  };

  it('is scheduled with its members and agenda, and takes agenda items until held', () => {
    spec
      .given([])
      .when({ type: 'scheduleUmoSession', umoSessionId: id, ...schedule })
      .then([scheduled]);
    spec
      .given([scheduled])
      .when({ type: 'scheduleUmoSession', umoSessionId: id, ...schedule })
      .thenThrows('UMO_SESSION_ALREADY_SCHEDULED');
    spec
      .given([scheduled])
      .when({ type: 'addUmoAgendaItem', umoSessionId: id, item: 'Textbooks' })
      .then([{ type: 'UmoAgendaItemAdded', data: { umoSessionId: id, item: 'Textbooks' } }]);
    spec
      .given([scheduled, attendance(members, true)])
      .when({ type: 'addUmoAgendaItem', umoSessionId: id, item: 'Textbooks' })
      .thenThrows('UMO_SESSION_NOT_SCHEDULED');
  });

  it('has a quorum when more than half of the members are present, and only members count', () => {
    expect([hasQuorum(2, 4), hasQuorum(3, 4), hasQuorum(3, 5), hasQuorum(2, 5)]).toEqual([false, true, true, false]);
    spec
      .given([scheduled])
      .when({ type: 'recordUmoAttendance', umoSessionId: id, present: members.slice(0, 3) })
      .then([attendance(members.slice(0, 3), true)]);
    spec
      .given([scheduled])
      .when({ type: 'recordUmoAttendance', umoSessionId: id, present: members.slice(0, 2) })
      .then([attendance(members.slice(0, 2), false)]);
    spec
      .given([scheduled])
      .when({ type: 'recordUmoAttendance', umoSessionId: id, present: ['Asanova', 'Stranger'] })
      .thenThrows('UMO_NOT_A_MEMBER');
    spec
      .given([scheduled, attendance(members, true)])
      .when({ type: 'recordUmoAttendance', umoSessionId: id, present: members })
      .thenThrows('UMO_SESSION_NOT_SCHEDULED');
  });

  it('records decisions only with a quorum, on an agenda item, numbered in order', () => {
    spec
      .given([scheduled, attendance(members.slice(0, 3), true)])
      .when(decide)
      .then([decided]);
    spec
      .given([scheduled, attendance(members.slice(0, 2), false)])
      .when(decide)
      .thenThrows('UMO_NO_QUORUM');
    spec.given([scheduled]).when(decide).thenThrows('UMO_ATTENDANCE_NOT_RECORDED');
    spec
      .given([scheduled, attendance(members, true)])
      .when({ ...decide, agendaItem: 2 })
      .thenThrows('UMO_AGENDA_ITEM_NOT_FOUND');
    spec
      .given([scheduled, attendance(members, true)])
      .when({ ...decide, dueOn: '2027-03-01' })
      .thenThrows('UMO_DECISION_DUE_BEFORE_SESSION');
    spec
      .given([scheduled, attendance(members, true), decided])
      .when(decide)
      .then([{ ...decided, data: { ...decided.data, decisionNumber: 2 } } as UmoSessionEvent]);
  });

  it('follows a decision up: done once, or overdue after its due date while undone', () => {
    const given = [scheduled, attendance(members, true), decided];
    const done: UmoSessionEvent = {
      type: 'UmoDecisionCompleted',
      data: { umoSessionId: id, decisionNumber: 1, doneOn: '2027-03-30', note: 'Approved by the council' },
    };
    spec
      .given(given)
      .when({ type: 'completeUmoDecision', umoSessionId: id, decisionNumber: 1, doneOn: '2027-03-30', note: 'Approved by the council' })
      .then([done]);
    spec
      .given([...given, done])
      .when({ type: 'completeUmoDecision', umoSessionId: id, decisionNumber: 1, doneOn: '2027-03-31', note: 'x' })
      .thenThrows('UMO_DECISION_ALREADY_DONE');
    spec
      .given(given)
      .when({ type: 'completeUmoDecision', umoSessionId: id, decisionNumber: 2, doneOn: '2027-03-30', note: 'x' })
      .thenThrows('UMO_DECISION_NOT_FOUND');
    const mark = { type: 'markUmoDecisionOverdue' as const, umoSessionId: id, decisionNumber: 1, overdueOn: '2027-04-02' };
    const overdue: UmoSessionEvent = { type: 'UmoDecisionOverdue', data: { umoSessionId: id, decisionNumber: 1, overdueOn: '2027-04-02' } };
    spec.given(given).when(mark).then([overdue]);
    spec
      .given(given)
      .when({ ...mark, overdueOn: '2027-04-01' })
      .thenThrows('UMO_DECISION_NOT_DUE');
    spec
      .given([...given, overdue])
      .when(mark)
      .thenThrows('UMO_DECISION_ALREADY_OVERDUE');
    spec
      .given([...given, done])
      .when(mark)
      .thenThrows('UMO_DECISION_ALREADY_DONE');
  });

  it('is cancelled only while scheduled', () => {
    spec
      .given([scheduled])
      .when({ type: 'cancelUmoSession', umoSessionId: id, reason: 'No quorum expected' })
      .then([{ type: 'UmoSessionCancelled', data: { umoSessionId: id, reason: 'No quorum expected' } }]);
    spec
      .given([scheduled, attendance(members, true)])
      .when({ type: 'cancelUmoSession', umoSessionId: id, reason: 'x' })
      .thenThrows('UMO_SESSION_NOT_SCHEDULED');
  });

  it('puts a decision on the deadlines list and the clock records it overdue the day after its due date', () => {
    const recorded = (event: UmoSessionEvent) => ({ ...event, stream: `umoSession-${id}`, id: 'e-1' }) as unknown as RecordedEvent;
    expect(umoDecisionDueDates.changes(recorded(decided))).toEqual([
      {
        action: 'due',
        key: `umo-session:${id}:decision:1:due`,
        kind: 'umo_decision',
        title: 'Approve the curricula',
        dueOn: '2027-04-01',
        entityType: 'UmoSession',
        entityId: id,
        assignee: 'Bakirov',
      },
    ]);
    expect(umoDecisionOverdueRule.changes(recorded(decided))).toEqual([
      {
        action: 'at',
        key: `umo-session:${id}:decision:1:overdue`,
        at: '2027-04-02T00:00:00+06:00',
        followUp: { command: 'markUmoDecisionOverdue', input: { umoSessionId: id, decisionNumber: 1, overdueOn: '2027-04-02' } },
      },
    ]);
    const done: UmoSessionEvent = { type: 'UmoDecisionCompleted', data: { umoSessionId: id, decisionNumber: 1, doneOn: '2027-03-30', note: 'x' } };
    expect(umoDecisionOverdueRule.changes(recorded(done))).toEqual([{ action: 'cancel', key: `umo-session:${id}:decision:1:overdue` }]);
    expect(umoDecisionDueDates.changes(recorded(done))).toEqual([{ action: 'done', key: `umo-session:${id}:decision:1:due`, on: '2027-03-30' }]);
  });
});

describe('an analytical report', () => {
  const spec = deciderSpec(analyticalReportDecider, context);
  const prepare = {
    title: 'Licensing in 2026',
    subject: 'Licences granted and expiring',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    summary: 'Twelve licences granted, two expiring in 2027.',
    references: [{ kind: 'license' as const, id: 'a3c5e7f9-1b2d-4f6a-8c0e-2a4c6e8f0b1d' }],
    preparedOn: '2027-01-15',
  };
  const prepared: AnalyticalReportEvent = { type: 'AnalyticalReportPrepared', data: { analyticalReportId: id, ...prepare } };
  const submitted: AnalyticalReportEvent = { type: 'AnalyticalReportSubmitted', data: { analyticalReportId: id, submittedOn: '2027-01-20' } };
  const approved: AnalyticalReportEvent = {
    type: 'AnalyticalReportApproved',
    data: { analyticalReportId: id, approvedOn: '2027-01-22', approvedBy: 'Gulnara Asanova' },
  };
  const returned: AnalyticalReportEvent = {
    type: 'AnalyticalReportReturned',
    data: { analyticalReportId: id, returnedOn: '2027-01-21', reason: 'Add the expiring ones' },
  };

  it('is prepared for a period that does not end before it starts', () => {
    spec
      .given([])
      .when({ type: 'prepareAnalyticalReport', analyticalReportId: id, ...prepare })
      .then([prepared]);
    spec
      .given([prepared])
      .when({ type: 'prepareAnalyticalReport', analyticalReportId: id, ...prepare })
      .thenThrows('REPORT_ALREADY_PREPARED');
    expect(analyticalReportCommands.prepareAnalyticalReport.safeParse({ ...prepare, periodTo: '2025-01-01' }).error?.issues.map((i) => i.path)).toEqual([
      ['periodTo'],
    ]);
  });

  it('is submitted, then approved by the director or returned and submitted again', () => {
    spec.given([prepared]).when({ type: 'submitAnalyticalReport', analyticalReportId: id, submittedOn: '2027-01-20' }).then([submitted]);
    spec.given([prepared, submitted]).when({ type: 'approveAnalyticalReport', analyticalReportId: id, approvedOn: '2027-01-22' }).then([approved]);
    spec.given([prepared]).when({ type: 'approveAnalyticalReport', analyticalReportId: id, approvedOn: '2027-01-22' }).thenThrows('REPORT_NOT_SUBMITTED');
    spec
      .given([prepared, submitted])
      .when({ type: 'returnAnalyticalReport', analyticalReportId: id, returnedOn: '2027-01-21', reason: 'Add the expiring ones' })
      .then([returned]);
    spec
      .given([prepared, submitted, returned])
      .when({ type: 'submitAnalyticalReport', analyticalReportId: id, submittedOn: '2027-01-23' })
      .then([{ ...submitted, data: { ...submitted.data, submittedOn: '2027-01-23' } } as AnalyticalReportEvent]);
    spec
      .given([prepared, submitted])
      .when({ type: 'submitAnalyticalReport', analyticalReportId: id, submittedOn: '2027-01-23' })
      .thenThrows('REPORT_NOT_DRAFT');
    spec
      .given([prepared, submitted])
      .when({ type: 'approveAnalyticalReport', analyticalReportId: id, approvedOn: '2027-01-01' })
      .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
  });

  it('is sent, once approved, to management, agencies or external parties, as often as needed', () => {
    const send = {
      type: 'sendAnalyticalReport' as const,
      analyticalReportId: id,
      sentOn: '2027-01-25',
      recipientKind: 'agency' as const,
      recipient: 'Ministry of Education',
    };
    const sent: AnalyticalReportEvent = {
      type: 'AnalyticalReportSent',
      data: { analyticalReportId: id, sentOn: '2027-01-25', recipientKind: 'agency', recipient: 'Ministry of Education' },
    };
    spec.given([prepared, submitted, approved]).when(send).then([sent]);
    spec
      .given([prepared, submitted, approved, sent])
      .when({ ...send, recipientKind: 'management', recipient: 'Rector' })
      .then([{ ...sent, data: { ...sent.data, recipientKind: 'management', recipient: 'Rector' } } as AnalyticalReportEvent]);
    spec.given([prepared, submitted]).when(send).thenThrows('REPORT_NOT_APPROVED');
    spec.given([]).when(send).thenThrows('REPORT_NOT_FOUND');
  });
});

describe('a publication', () => {
  const spec = deciderSpec(publicationDecider, context);
  const draft = {
    title: 'OshSU in the QS Asia ranking',
    kind: 'press_release' as const,
    topic: 'rankings' as const,
    body: 'OshSU entered the ranking.',
    draftedOn: '2027-02-01',
  };
  const drafted: PublicationEvent = { type: 'PublicationDrafted', data: { publicationId: id, ...draft } };
  const approved: PublicationEvent = { type: 'PublicationApproved', data: { publicationId: id, approvedOn: '2027-02-02', approvedBy: 'Gulnara Asanova' } };
  const published: PublicationEvent = {
    type: 'PublicationPublished',
    data: { publicationId: id, publishedOn: '2027-02-03', channel: 'oshsu.kg', link: 'https://oshsu.kg/news/qs' },
  };

  it('is drafted, approved by the director, published where and when, and withdrawn', () => {
    spec
      .given([])
      .when({ type: 'draftPublication', publicationId: id, ...draft })
      .then([drafted]);
    spec
      .given([drafted])
      .when({ type: 'draftPublication', publicationId: id, ...draft })
      .thenThrows('PUBLICATION_ALREADY_DRAFTED');
    spec.given([drafted]).when({ type: 'approvePublication', publicationId: id, approvedOn: '2027-02-02' }).then([approved]);
    spec.given([drafted, approved]).when({ type: 'approvePublication', publicationId: id, approvedOn: '2027-02-02' }).thenThrows('PUBLICATION_NOT_DRAFT');
    spec
      .given([drafted, approved])
      .when({ type: 'publishPublication', publicationId: id, publishedOn: '2027-02-03', channel: 'oshsu.kg', link: 'https://oshsu.kg/news/qs' })
      .then([published]);
    spec
      .given([drafted])
      .when({ type: 'publishPublication', publicationId: id, publishedOn: '2027-02-03', channel: 'oshsu.kg' })
      .thenThrows('PUBLICATION_NOT_APPROVED');
    spec
      .given([drafted, approved])
      .when({ type: 'publishPublication', publicationId: id, publishedOn: '2027-01-03', channel: 'oshsu.kg' })
      .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
    const withdrawn: PublicationEvent = { type: 'PublicationWithdrawn', data: { publicationId: id, withdrawnOn: '2027-02-05', reason: 'Figures corrected' } };
    spec
      .given([drafted, approved, published])
      .when({ type: 'withdrawPublication', publicationId: id, withdrawnOn: '2027-02-05', reason: 'Figures corrected' })
      .then([withdrawn]);
    spec
      .given([drafted, approved, published, withdrawn])
      .when({ type: 'withdrawPublication', publicationId: id, withdrawnOn: '2027-02-06', reason: 'x' })
      .thenThrows('PUBLICATION_ALREADY_WITHDRAWN');
    spec.given([]).when({ type: 'approvePublication', publicationId: id, approvedOn: '2027-02-02' }).thenThrows('PUBLICATION_NOT_FOUND');
  });
});
