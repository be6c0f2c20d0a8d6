// Given/when/then for quality monitoring (DOMAIN.md 2.1 items 5, 18; 2.3 focus groups): planned,
// a focus group with the student self-government and the ombudsman office, findings,
// recommendations and their follow-up, closure; and the recommendations' due dates.
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../src/domain/decider.ts';
import { monitoringCommands, monitoringDecider, monitoringDueDates, type MonitoringEvent } from '../src/domain/monitoring.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import { deciderSpec } from './support/decider-spec.ts';

const context: CommandContext = {
  actor: { id: 'staff-0007', name: 'Cholpon Zhusupova', roles: ['specialist'] },
  now: '2027-03-01T04:00:00.000Z',
  commandId: '2c4e6a8b-0d2f-4b6d-8f0a-2c4e6a8b0d2f',
};
const spec = deciderSpec(monitoringDecider, context);
const monitoringId = '4d6f8a0c-2e4a-4c8e-9a2c-4e6a8c0e2a4c';

const plan = {
  objectKind: 'faculty' as const,
  objectName: 'Faculty of Law',
  title: 'Student satisfaction with teaching',
  procedure: 'Questionnaire Q-STUD v2 and two focus-group sessions',
  startsOn: '2027-02-01',
  endsOn: '2027-04-30',
};
const members = [
  { name: 'Aizhan Tokonova', affiliation: 'student_self_government' as const, role: 'Chair of the student council' },
  { name: 'Marat Osmonov', affiliation: 'ombudsman_office' as const },
  { name: 'Elmira Kasymova', affiliation: 'teaching_staff' as const },
];
const planned: MonitoringEvent = { type: 'MonitoringPlanned', data: { monitoringId, ...plan } };
const finding: MonitoringEvent = {
  type: 'MonitoringFindingRecorded',
  data: { monitoringId, code: 'F1', kind: 'weakness', description: 'Syllabi not published for 40 % of courses', recordedOn: '2027-03-10' },
};
const recommendation: MonitoringEvent = {
  type: 'MonitoringRecommendationIssued',
  data: {
    monitoringId,
    findingCode: 'F1',
    code: 'R1',
    text: 'Publish every syllabus on the portal',
    responsibleUnit: 'faculty-law',
    dueOn: '2027-06-01',
    issuedOn: '2027-03-15',
  },
};
const implemented: MonitoringEvent = {
  type: 'RecommendationFollowedUp',
  data: { monitoringId, recommendationCode: 'R1', followUp: 'implemented', note: 'All syllabi online', recordedOn: '2027-05-20' },
};

describe('a quality monitoring', () => {
  it('is planned for a unit or programme and a period', () => {
    spec
      .given([])
      .when({ type: 'planMonitoring', monitoringId, ...plan })
      .then([planned]);
    spec
      .given([planned])
      .when({ type: 'planMonitoring', monitoringId, ...plan })
      .thenThrows('MONITORING_ALREADY_PLANNED');
    expect(monitoringCommands.planMonitoring.safeParse({ ...plan, endsOn: '2027-01-01' }).error?.issues[0]?.path).toEqual(['endsOn']);
  });

  it('forms a focus group that includes the student self-government and the ombudsman office', () => {
    spec
      .given([planned])
      .when({ type: 'formMonitoringFocusGroup', monitoringId, members, formedOn: '2027-02-05' })
      .then([{ type: 'MonitoringFocusGroupFormed', data: { monitoringId, members, formedOn: '2027-02-05' } }]);
    const withoutOmbudsman = monitoringCommands.formMonitoringFocusGroup.safeParse({ monitoringId, members: [members[0], members[2]], formedOn: '2027-02-05' });
    expect(withoutOmbudsman.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['members'], 'must include a member of the student self-government and one of the ombudsman office'],
    ]);
  });

  it('records findings, each code once, not before the monitoring starts', () => {
    spec
      .given([planned])
      .when({
        type: 'recordMonitoringFinding',
        monitoringId,
        code: 'F1',
        kind: 'weakness',
        description: 'Syllabi not published for 40 % of courses',
        recordedOn: '2027-03-10',
      })
      .then([finding]);
    spec
      .given([planned, finding])
      .when({ type: 'recordMonitoringFinding', monitoringId, code: 'F1', kind: 'strength', description: 'x', recordedOn: '2027-03-11' })
      .thenThrows('FINDING_CODE_TAKEN');
    spec
      .given([planned])
      .when({ type: 'recordMonitoringFinding', monitoringId, code: 'F2', kind: 'strength', description: 'x', recordedOn: '2027-01-11' })
      .thenThrows('DATE_BEFORE_MONITORING');
    spec
      .given([])
      .when({ type: 'recordMonitoringFinding', monitoringId, code: 'F2', kind: 'strength', description: 'x', recordedOn: '2027-03-11' })
      .thenThrows('MONITORING_NOT_FOUND');
  });

  it('issues recommendations on findings, with a due date not before the issue', () => {
    const issue = {
      type: 'issueMonitoringRecommendation' as const,
      monitoringId,
      findingCode: 'F1',
      code: 'R1',
      text: 'Publish every syllabus on the portal',
      responsibleUnit: 'faculty-law',
      dueOn: '2027-06-01',
      issuedOn: '2027-03-15',
    };
    spec.given([planned, finding]).when(issue).then([recommendation]);
    spec.given([planned]).when(issue).thenThrows('FINDING_NOT_FOUND');
    spec.given([planned, finding, recommendation]).when(issue).thenThrows('RECOMMENDATION_CODE_TAKEN');
    spec
      .given([planned, finding])
      .when({ ...issue, dueOn: '2027-03-01' })
      .thenThrows('DUE_BEFORE_ISSUE');
  });

  it('follows recommendations up until a final follow-up', () => {
    const followUp = {
      type: 'recordRecommendationFollowUp' as const,
      monitoringId,
      recommendationCode: 'R1',
      followUp: 'implemented' as const,
      note: 'All syllabi online',
      recordedOn: '2027-05-20',
    };
    spec.given([planned, finding, recommendation]).when(followUp).then([implemented]);
    spec.given([planned, finding, recommendation, implemented]).when(followUp).thenThrows('RECOMMENDATION_SETTLED');
    spec.given([planned, finding]).when(followUp).thenThrows('RECOMMENDATION_NOT_FOUND');
  });

  it('closes once every recommendation has a final follow-up, and then takes nothing more', () => {
    const close = { type: 'closeMonitoring' as const, monitoringId, conclusion: 'Satisfaction is adequate; syllabi now public', closedOn: '2027-06-05' };
    const closed: MonitoringEvent = { type: 'MonitoringClosed', data: { monitoringId, conclusion: close.conclusion, closedOn: '2027-06-05' } };
    spec.given([planned, finding, recommendation, implemented]).when(close).then([closed]);
    spec.given([planned, finding, recommendation]).when(close).thenThrows('RECOMMENDATIONS_OPEN');
    spec.given([planned]).when(close).thenThrows('NO_FINDINGS');
    spec
      .given([planned, finding, closed])
      .when({ type: 'recordMonitoringFinding', monitoringId, code: 'F2', kind: 'strength', description: 'x', recordedOn: '2027-06-06' })
      .thenThrows('MONITORING_CLOSED');
  });
});

describe('the due dates monitoring declares', () => {
  const recorded = (event: MonitoringEvent): RecordedEvent =>
    ({
      id: 'e-1',
      stream: `monitoring-${monitoringId}`,
      revision: 0n,
      position: { commit: 3n, prepare: 3n },
      type: event.type,
      data: event.data,
      metadata: {} as RecordedEvent['metadata'],
      recordedAt: '2027-03-15T05:00:00.000Z',
    }) as RecordedEvent;
  const key = `monitoring:${monitoringId}:recommendation:R1`;

  it('lists a recommendation from its issue until it is implemented or settled as not implemented', () => {
    expect(monitoringDueDates.changes(recorded(recommendation))).toEqual([
      {
        action: 'due',
        key,
        kind: 'monitoring_recommendation',
        title: 'Publish every syllabus on the portal',
        dueOn: '2027-06-01',
        entityType: 'Monitoring',
        entityId: monitoringId,
        unit: 'faculty-law',
      },
    ]);
    expect(monitoringDueDates.changes(recorded(implemented))).toEqual([{ action: 'done', key, on: '2027-05-20' }]);
    const notDone: MonitoringEvent = {
      type: 'RecommendationFollowedUp',
      data: { ...(implemented.data as { monitoringId: string; recommendationCode: string; note: string; recordedOn: string }), followUp: 'not_implemented' },
    };
    expect(monitoringDueDates.changes(recorded(notDone))).toEqual([{ action: 'dropped', key }]);
    const partly: MonitoringEvent = {
      type: 'RecommendationFollowedUp',
      data: { ...(implemented.data as { monitoringId: string; recommendationCode: string; note: string; recordedOn: string }), followUp: 'in_progress' },
    };
    expect(monitoringDueDates.changes(recorded(partly))).toEqual([]);
  });
});
