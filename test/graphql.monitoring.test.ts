// Quality monitoring as a frontend reaches it: GraphQL through Yoga (no port) on a hub with the real
// embedded store. A monitoring from its plan through the focus group, findings, a recommendation,
// a corrective action on a finding and the follow-up, to its closure; the register's filters and
// paging; and refusals that store nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePosition } from '../src/eventstore/position.ts';
import type { Hub } from '../src/hub.ts';
import { PLAN_ACTION } from './support/strategy-operations.ts';
import { openDirectorHub, type DirectorHub } from './support/director-hub.ts';

const mutation = (name: string) => `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) {
  __typename
  ... on MonitoringPayload { revision monitoring { id monitoringId status openRecommendations findings { findingId code } } }
  ... on Error { message }
  ... on ValidationError { issues { path message } }
  ... on DomainRuleError { code }
  ... on NotFoundError { entity id }
} }`;
const PLAN = mutation('planMonitoring');
const FOCUS_GROUP = mutation('formMonitoringFocusGroup');
const FINDING = mutation('recordMonitoringFinding');
const RECOMMEND = mutation('issueMonitoringRecommendation');
const FOLLOW_UP = mutation('recordRecommendationFollowUp');
const CLOSE = mutation('closeMonitoring');
const REGISTER = `query($filter: MonitoringFilter, $first: Int, $after: String) {
  monitorings(filter: $filter, first: $first, after: $after) { edges { node { objectName status openRecommendations } } pageInfo { hasNextPage endCursor } }
}`;

let hub: Hub;
let gql: DirectorHub['gql'];
let token: string;
let close: DirectorHub['close'];

beforeAll(async () => ({ hub, gql, token, close } = await openDirectorHub()));
afterAll(() => close());

async function send(operation: string, input: Record<string, unknown>) {
  const res = await gql(operation, { input }, { token });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as Record<string, any>;
}
async function accepted(operation: string, input: Record<string, unknown>) {
  const payload = await send(operation, input);
  expect(payload.__typename, JSON.stringify(payload)).toMatch(/Payload$/);
  return payload;
}

const planInput = (objectName: string, objectKind = 'FACULTY', startsOn = '2027-02-01') => ({
  objectKind,
  objectName,
  title: 'Student satisfaction with teaching',
  procedure: 'Questionnaire Q-STUD v2',
  startsOn,
  endsOn: '2027-04-30',
});
const members = [
  { name: 'Aizhan Tokonova', affiliation: 'STUDENT_SELF_GOVERNMENT', role: 'Chair of the student council' },
  { name: 'Marat Osmonov', affiliation: 'OMBUDSMAN_OFFICE' },
];

describe('a quality monitoring through GraphQL', () => {
  it('runs from its plan to its closure, with a corrective action on a finding', async () => {
    const id = (await accepted(PLAN, planInput('Faculty of Law'))).monitoring.id;
    await accepted(FOCUS_GROUP, { monitoringId: id, members, formedOn: '2027-02-05' });
    const found = await accepted(FINDING, {
      monitoringId: id,
      code: 'F1',
      kind: 'WEAKNESS',
      description: 'Syllabi not published for 40 % of courses',
      recordedOn: '2027-03-10',
    });
    const finding = found.monitoring.findings[0];
    await accepted(RECOMMEND, {
      monitoringId: id,
      findingCode: 'F1',
      code: 'R1',
      text: 'Publish every syllabus',
      responsibleUnit: 'faculty-law',
      dueOn: '2027-06-01',
      issuedOn: '2027-03-15',
    });

    const action = await send(PLAN_ACTION, {
      source: 'MONITORING_FINDING',
      sourceId: finding.findingId,
      problem: 'Syllabi unpublished',
      rootCause: 'No portal accounts for chairs',
      action: 'Open portal accounts',
      owner: 'Nurbek Aliev',
      ownerUnit: 'faculty-law',
      plannedOn: '2027-03-16',
      dueOn: '2027-04-30',
    });
    expect(action.__typename).toBe('CorrectiveActionPayload');
    const unknownFinding = await send(PLAN_ACTION, {
      source: 'MONITORING_FINDING',
      sourceId: `${found.monitoring.monitoringId}:F9`,
      problem: 'x',
      rootCause: 'x',
      action: 'x',
      owner: 'x',
      ownerUnit: 'x',
      plannedOn: '2027-03-16',
      dueOn: '2027-04-30',
    });
    expect(unknownFinding).toMatchObject({ __typename: 'NotFoundError', entity: 'monitoring finding' });

    const early = await send(CLOSE, { monitoringId: id, conclusion: 'Adequate', closedOn: '2027-05-01' });
    expect(early).toMatchObject({ __typename: 'DomainRuleError', code: 'RECOMMENDATIONS_OPEN' });
    await accepted(FOLLOW_UP, { monitoringId: id, recommendationCode: 'R1', followUp: 'IMPLEMENTED', note: 'All syllabi online', recordedOn: '2027-05-20' });
    const closed = await accepted(CLOSE, { monitoringId: id, conclusion: 'Satisfaction adequate; syllabi public', closedOn: '2027-06-05' });
    expect(closed.monitoring).toMatchObject({ status: 'CLOSED', openRecommendations: 0 });

    const res = await gql(
      `query($id: ID!) { monitoring(id: $id) { objectKindLabel(language: RU) statusLabel(language: KY) conclusion
         focusGroup { members { name affiliationLabel(language: EN) } }
         findings { code kindLabel(language: EN) correctiveActions { action status } }
         recommendations { code latestFollowUp followUps { note } } } }`,
      { id },
      { token },
    );
    expect(res.data!.monitoring).toEqual({
      objectKindLabel: 'Факультет',
      statusLabel: 'Жабылды',
      conclusion: 'Satisfaction adequate; syllabi public',
      focusGroup: {
        members: [
          { name: 'Aizhan Tokonova', affiliationLabel: 'Student self-government' },
          { name: 'Marat Osmonov', affiliationLabel: 'Ombudsman office' },
        ],
      },
      findings: [{ code: 'F1', kindLabel: 'Weakness', correctiveActions: [{ action: 'Open portal accounts', status: 'PLANNED' }] }],
      recommendations: [{ code: 'R1', latestFollowUp: 'IMPLEMENTED', followUps: [{ note: 'All syllabi online' }] }],
    });
    const before = await gql(`query($id: ID!) { monitoring(id: $id, asOf: { revision: 3 }) { status openRecommendations } }`, { id }, { token });
    expect(before.data!.monitoring).toEqual({ status: 'IN_PROGRESS', openRecommendations: 1 });
  });

  it('lists monitorings by the start of their period, with filters and paging', async () => {
    const medicine = (await accepted(PLAN, planInput('Faculty of Medicine', 'FACULTY', '2027-01-10'))).monitoring.id;
    await accepted(PLAN, planInput('Medical College', 'COLLEGE', '2027-03-01'));
    await accepted(FINDING, {
      monitoringId: medicine,
      code: 'F1',
      kind: 'NONCONFORMITY',
      description: 'Clinical practice logs missing',
      recordedOn: '2027-02-01',
    });
    await accepted(RECOMMEND, {
      monitoringId: medicine,
      findingCode: 'F1',
      code: 'R1',
      text: 'Keep practice logs',
      responsibleUnit: 'faculty-medicine',
      dueOn: '2027-05-01',
      issuedOn: '2027-02-02',
    });

    const names = async (filter: Record<string, unknown>) =>
      (await gql(REGISTER, { filter }, { token })).data!.monitorings.edges.map((e: any) => e.node.objectName);
    expect(await names({})).toEqual(['Faculty of Medicine', 'Faculty of Law', 'Medical College']);
    expect(await names({ objectKinds: ['COLLEGE'] })).toEqual(['Medical College']);
    expect(await names({ statuses: ['IN_PROGRESS'] })).toEqual(['Faculty of Medicine']);
    expect(await names({ withOpenRecommendations: true })).toEqual(['Faculty of Medicine']);
    const first = await gql(REGISTER, { first: 2 }, { token });
    expect(first.data!.monitorings.pageInfo.hasNextPage).toBe(true);
    const rest = await gql(REGISTER, { first: 2, after: first.data!.monitorings.pageInfo.endCursor }, { token });
    expect(rest.data!.monitorings.edges.map((e: any) => e.node.objectName)).toEqual(['Medical College']);
  });

  it('refuses a focus group without the ombudsman office, and an unknown finding, storing nothing', async () => {
    const id = (await accepted(PLAN, planInput('Faculty of Economics'))).monitoring.id;
    const position = await hub.store.headPosition();
    const before = position && encodePosition(position);
    const group = await send(FOCUS_GROUP, {
      monitoringId: id,
      members: [members[0], { name: 'Elmira Kasymova', affiliation: 'TEACHING_STAFF' }],
      formedOn: '2027-02-05',
    });
    expect(group).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['members'], message: 'must include a member of the student self-government and one of the ombudsman office' }],
    });
    const recommendation = await send(RECOMMEND, {
      monitoringId: id,
      findingCode: 'F7',
      code: 'R1',
      text: 'x',
      responsibleUnit: 'x',
      dueOn: '2027-05-01',
      issuedOn: '2027-02-02',
    });
    expect(recommendation).toMatchObject({ __typename: 'DomainRuleError', code: 'FINDING_NOT_FOUND' });
    const after = await hub.store.headPosition();
    expect(after && encodePosition(after)).toBe(before);
  });
});
