// The secretariat through GraphQL (yoga.fetch) on a hub with the real embedded store and a clock the
// test moves by hand: the register of data requests with its filters, orders and paging both ways; a
// unit head who sees, follows and answers only their own unit's requests; reminders and overdue
// records reaching a subscriber; history; and meetings, UMO sessions (quorum), reports and
// publications with who may approve them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { automationParts } from '../schema/follow-up.ts';
import { startAutomation, type Automation } from '../src/automation/index.ts';
import type { Actor } from '../src/domain/decider.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { sseSubscription, yogaClient } from './support/graphql.ts';
import { manualClock } from './support/manual-clock.ts';

const division: Actor = { id: 'u-rating', name: 'Elmira Tashieva', roles: ['head_of_rating_division'] };
const specialist: Actor = { id: 'u-specialist', name: 'Cholpon Asanova', roles: ['specialist'] };
const economics: Actor = { id: 'u-dean-econ', name: 'Dean of Economics', roles: ['unit_head'], unit: 'faculty-economics' };
const medicine: Actor = { id: 'u-dean-med', name: 'Dean of Medicine', roles: ['unit_head'], unit: 'faculty-medicine' };

const time = manualClock('2027-03-01T04:00:00.000Z');
let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let automation: Automation;
let yoga: ReturnType<typeof createGraphQLHandler>;
let gql: ReturnType<typeof yogaClient>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path), { clock: time.clock });
  automation = await startAutomation(hub, { ...automationParts(hub), clock: time.clock });
  yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
  gql = yogaClient(yoga);
  for (const actor of [division, specialist, economics, medicine, director]) tokens[actor.id] = await tokenFor(actor);
});
afterAll(async () => {
  await automation.stop();
  await hub.close();
  dir.remove();
});

const capitalise = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;
const REQUEST_FIELDS = `id dataRequestId unit status statusLabel(language: RU) dueOn overdue overdueOn remindedOn requesterId
  responses { answeredOn late outcome values { name value } documents returnReason }`;
const payloadFields: Record<string, string> = {
  DataRequestPayload: `dataRequest { ${REQUEST_FIELDS} }`,
  MeetingPayload: 'meeting { id status heldOn outcome materials { title } }',
  UmoSessionPayload: 'umoSession { id status quorum present decisions { decisionNumber responsible dueOn doneOn overdue } }',
  AnalyticalReportPayload: 'analyticalReport { id status approvedBy dispatches { recipientKind recipient } }',
  PublicationPayload: 'publication { id status channel publishedOn }',
};

async function send(name: string, input: Record<string, unknown>, actor: Actor) {
  const type = /DataRequest/.test(name)
    ? 'DataRequestPayload'
    : /Meeting/.test(name)
      ? 'MeetingPayload'
      : /Umo/.test(name)
        ? 'UmoSessionPayload'
        : /AnalyticalReport/.test(name)
          ? 'AnalyticalReportPayload'
          : 'PublicationPayload';
  const payloads = `... on ${type} { ${payloadFields[type]} }`;
  const query = `mutation($input: ${capitalise(name)}Input!) { ${name}(input: $input) { __typename ${payloads}
    ... on ValidationError { issues { path message } } ... on DomainRuleError { code message } ... on ForbiddenError { message } } }`;
  const res = await gql(query, { input }, { token: tokens[actor.id] });
  expect(res.errors).toBeUndefined();
  return res.data![name] as Record<string, any>;
}

async function accepted(name: string, input: Record<string, unknown>, actor: Actor) {
  const result = await send(name, input, actor);
  expect(result.__typename, JSON.stringify(result)).toMatch(/Payload$/);
  return result;
}

const head = async () => {
  const position = await hub.store.headPosition();
  return position ? encodePosition(position) : null;
};

const request = (unit: string, sentOn: string, dueOn: string) => ({
  subject: `Staff figures of ${unit}`,
  question: 'Give the number of academic staff as of 1 March.',
  figures: [{ name: 'Academic staff', unit: 'persons' }],
  unitKind: 'FACULTY',
  unit,
  sentOn,
  dueOn,
});

const REGISTER = `query($filter: DataRequestFilter, $orderBy: DataRequestOrder, $first: Int, $after: String, $last: Int, $before: String) {
  dataRequests(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { dataRequestId unit dueOn } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } }`;
const register = async (variables: Record<string, unknown>, actor: Actor = division) => {
  const res = await gql(REGISTER, variables, { token: tokens[actor.id] });
  expect(res.errors).toBeUndefined();
  return res.data!.dataRequests as { edges: { cursor: string; node: { dataRequestId: string; unit: string; dueOn: string } }[]; pageInfo: Record<string, any> };
};
const idsOf = (page: Awaited<ReturnType<typeof register>>) => page.edges.map((e) => e.node.dataRequestId);

describe('data requests', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ids.econSoon = (await accepted('sendDataRequest', request('faculty-economics', '2027-03-01', '2027-03-10'), division)).dataRequest.dataRequestId;
    ids.medSoon = (await accepted('sendDataRequest', request('faculty-medicine', '2027-03-01', '2027-03-12'), division)).dataRequest.dataRequestId;
    ids.econLater = (await accepted('sendDataRequest', request('faculty-economics', '2027-03-01', '2027-04-30'), specialist)).dataRequest.dataRequestId;
  });

  it('lists the register soonest due first, by the filters, a page at a time both ways and in another order', async () => {
    expect(idsOf(await register({}))).toEqual([ids.econSoon, ids.medSoon, ids.econLater]);
    expect(idsOf(await register({ filter: { units: ['faculty-economics'] } }))).toEqual([ids.econSoon, ids.econLater]);
    expect(idsOf(await register({ filter: { requester: specialist.id } }))).toEqual([ids.econLater]);
    expect(idsOf(await register({ filter: { statuses: ['ANSWERED'] } }))).toEqual([]);
    const first = await register({ first: 2 });
    expect(idsOf(first)).toEqual([ids.econSoon, ids.medSoon]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await register({ first: 2, after: first.pageInfo.endCursor });
    expect(idsOf(second)).toEqual([ids.econLater]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const back = await register({ last: 2, before: second.edges[0]!.cursor });
    expect(idsOf(back)).toEqual([ids.econSoon, ids.medSoon]);
    // A cursor of one order is refused in another, naming the argument.
    const wrong = await gql(REGISTER, { orderBy: 'SENT', after: first.pageInfo.endCursor }, { token: tokens[division.id] });
    expect(wrong.errors?.[0]?.message).toMatch(/^after: /);
    expect((await register({ orderBy: 'SENT', first: 5 })).edges).toHaveLength(3);
  });

  it('shows a unit head only their own unit’s requests, in the register, by id and in history', async () => {
    expect(idsOf(await register({}, economics))).toEqual([ids.econSoon, ids.econLater]);
    expect(idsOf(await register({ filter: { units: ['faculty-medicine'] } }, economics))).toEqual([]);
    const med = (await register({ filter: { units: ['faculty-medicine'] } })).edges[0]!;
    const byId = await gql(
      'query($id: ID!) { node(id: $id) { id } }',
      {
        id: (
          await gql(
            'query($u: [String!]) { dataRequests(filter: { units: $u }) { edges { node { id } } } }',
            { u: ['faculty-medicine'] },
            { token: tokens[division.id] },
          )
        ).data!.dataRequests.edges[0].node.id,
      },
      { token: tokens[economics.id] },
    );
    expect(byId.data?.node).toBeNull();
    const HISTORY = 'query($id: ID!) { history(id: $id) { events { type } } }';
    expect((await gql(HISTORY, { id: med.node.dataRequestId }, { token: tokens[economics.id] })).data!.history.events).toEqual([]);
    expect((await gql(HISTORY, { id: med.node.dataRequestId }, { token: tokens[medicine.id] })).data!.history.events).toEqual([{ type: 'DataRequestSent' }]);
  });

  it('lets a unit head answer only their own unit’s requests, and only unit heads answer', async () => {
    const before = await head();
    const answer = (dataRequestId: string) => ({ dataRequestId, answeredOn: '2027-03-05', values: [{ name: 'Academic staff', value: 84 }] });
    expect(await send('answerDataRequest', answer(ids.medSoon!), economics)).toMatchObject({
      __typename: 'ForbiddenError',
      message: expect.stringContaining('faculty-medicine'),
    });
    expect((await send('answerDataRequest', answer(ids.econSoon!), division)).__typename).toBe('ForbiddenError');
    expect(await send('answerDataRequest', { ...answer(ids.econSoon!), values: [{ name: 'Students', value: 3 }] }, economics)).toMatchObject({
      __typename: 'DomainRuleError',
      code: 'DATA_REQUEST_UNKNOWN_FIGURE',
    });
    expect(await send('sendDataRequest', { ...request('faculty-economics', '2027-03-01', '2027-02-01') }, division)).toEqual({
      __typename: 'ValidationError',
      issues: [{ path: ['dueOn'], message: 'must not be before sentOn' }],
    });
    expect((await send('sendDataRequest', request('faculty-economics', '2027-03-01', '2027-03-10'), economics)).__typename).toBe('ForbiddenError');
    expect(await head()).toBe(before);
  });

  it('reminds and records overdue by the clock, each reaching the subscriber of the unit, and takes a late answer, a return and an acceptance', async () => {
    const CHANGES = 'subscription { dataRequestChanged { eventType dataRequest { dataRequestId unit overdue remindedOn } } }';
    const feed = await sseSubscription(yoga, CHANGES, {}, tokens[economics.id]!);
    // Three days before 10 March, at the start of the day in Kyrgyzstan: the reminder.
    time.advanceTo('2027-03-06T18:00:00.000Z');
    await automation.settled();
    expect((await feed.next())?.data?.dataRequestChanged).toEqual({
      eventType: 'DataRequestReminded',
      dataRequest: { dataRequestId: ids.econSoon, unit: 'faculty-economics', overdue: false, remindedOn: '2027-03-07' },
    });
    time.advanceTo('2027-03-10T18:00:00.000Z');
    await automation.settled();
    // The medicine request's reminder (9 March) went to no one here; economics' overdue record did.
    expect((await feed.next())?.data?.dataRequestChanged).toEqual({
      eventType: 'DataRequestOverdue',
      dataRequest: { dataRequestId: ids.econSoon, unit: 'faculty-economics', overdue: true, remindedOn: '2027-03-07' },
    });
    expect(idsOf(await register({ filter: { overdue: true } }))).toEqual([ids.econSoon]);
    expect(idsOf(await register({ filter: { overdue: false } }))).toEqual([ids.medSoon, ids.econLater]);
    const deadlines = await gql('query { deadlines(unit: "faculty-economics") { edges { node { kind dueOn overdue } } } }', {}, { token: tokens[division.id] });
    expect(deadlines.data?.deadlines.edges).toContainEqual({ node: { kind: 'data_request', dueOn: '2027-03-10', overdue: true } });

    const late = await accepted(
      'answerDataRequest',
      { dataRequestId: ids.econSoon, answeredOn: '2027-03-11', values: [{ name: 'Academic staff', value: 84 }], documents: ['01-12/45'] },
      economics,
    );
    expect(late.dataRequest).toMatchObject({ status: 'ANSWERED', overdue: false, responses: [{ late: true, outcome: 'PENDING' }] });
    expect((await feed.next())?.data?.dataRequestChanged.eventType).toBe('DataRequestAnswered');
    const back = await accepted(
      'returnDataRequestResponse',
      { dataRequestId: ids.econSoon, returnedOn: '2027-03-12', reason: 'Count part-time staff separately', correctionDueOn: '2027-03-20' },
      division,
    );
    expect(back.dataRequest).toMatchObject({ status: 'RETURNED', statusLabel: 'Возвращён на доработку', dueOn: '2027-03-20', overdueOn: null });
    await accepted('answerDataRequest', { dataRequestId: ids.econSoon, answeredOn: '2027-03-14', values: [{ name: 'Academic staff', value: 79 }] }, economics);
    const done = await accepted('acceptDataRequestResponse', { dataRequestId: ids.econSoon, acceptedOn: '2027-03-15' }, division);
    expect(done.dataRequest.responses).toEqual([
      {
        answeredOn: '2027-03-11',
        late: true,
        outcome: 'RETURNED',
        values: [{ name: 'Academic staff', value: 84 }],
        documents: ['01-12/45'],
        returnReason: 'Count part-time staff separately',
      },
      { answeredOn: '2027-03-14', late: false, outcome: 'ACCEPTED', values: [{ name: 'Academic staff', value: 79 }], documents: [], returnReason: null },
    ]);
    await feed.close();
    const history = await gql('query($id: ID!) { history(id: $id) { events { type actor { id } } } }', { id: ids.econSoon }, { token: tokens[economics.id] });
    expect(history.data?.history.events.map((e: { type: string }) => e.type)).toEqual([
      'DataRequestSent',
      'DataRequestReminded',
      'DataRequestOverdue',
      'DataRequestAnswered',
      'DataRequestResponseReturned',
      'DataRequestAnswered',
      'DataRequestResponseAccepted',
    ]);
    // The clock's follow-ups are the system's, not a person's.
    expect(history.data?.history.events[2].actor.id).toBe('sapat-system');
  });
});

describe('meetings, UMO sessions, reports and publications', () => {
  it('plans, holds and lists meetings by kind and status, a page at a time', async () => {
    const plan = (topic: string, kind: string, date: string) => ({
      topic,
      kind,
      date,
      place: 'Hall 2',
      organiser: 'Rating division',
      participants: ['Deans'],
      plannedOn: '2027-03-01',
    });
    const seminar = (await accepted('planMeeting', plan('Rankings 2027', 'SEMINAR', '2027-03-20'), specialist)).meeting.id;
    await accepted('planMeeting', plan('Accreditation plans', 'MEETING', '2027-03-10'), specialist);
    await accepted('planMeeting', plan('Quality week', 'CONFERENCE', '2027-04-10'), specialist);
    await accepted('addMeetingMaterial', { meetingId: seminar, material: { title: 'Slides', reference: 'https://oshsu.kg/s.pdf' } }, specialist);
    const held = await accepted(
      'recordMeetingOutcome',
      { meetingId: seminar, heldOn: '2027-03-20', attended: ['Deans'], outcome: 'Figures due by April' },
      specialist,
    );
    expect(held.meeting).toMatchObject({ status: 'HELD', heldOn: '2027-03-20', materials: [{ title: 'Slides' }] });
    const LIST = `query($filter: MeetingFilter, $first: Int, $after: String) { meetings(filter: $filter, first: $first, after: $after) {
      edges { node { topic date } } pageInfo { hasNextPage endCursor } } }`;
    const page1 = (await gql(LIST, { first: 2 }, { token: tokens[economics.id] })).data!.meetings;
    expect(page1.edges.map((e: any) => e.node.date)).toEqual(['2027-03-10', '2027-03-20']);
    const page2 = (await gql(LIST, { first: 2, after: page1.pageInfo.endCursor }, { token: tokens[economics.id] })).data!.meetings;
    expect(page2.edges.map((e: any) => e.node.topic)).toEqual(['Quality week']);
    const plannedSeminars = (await gql(LIST, { filter: { kinds: ['SEMINAR', 'CONFERENCE'], statuses: ['PLANNED'] } }, { token: tokens[economics.id] })).data!
      .meetings;
    expect(plannedSeminars.edges.map((e: any) => e.node.topic)).toEqual(['Quality week']);
  });

  it('records a UMO session’s decisions only with a quorum and follows them up on the clock', async () => {
    const members = ['Asanova', 'Bakirov', 'Chynybaeva', 'Dzhumabaev'];
    const schedule = { title: 'UMO session No. 3', scheduledOn: '2027-04-15', place: 'Room 204', members, agenda: ['Curricula for 2027'] };
    const thin = (await accepted('scheduleUmoSession', schedule, specialist)).umoSession.id;
    expect((await accepted('recordUmoAttendance', { umoSessionId: thin, present: ['Asanova', 'Bakirov'] }, specialist)).umoSession.quorum).toBe(false);
    const decision = { agendaItem: 1, decision: 'Approve the curricula', responsible: 'Bakirov', dueOn: '2027-04-30' };
    expect(await send('recordUmoDecision', { umoSessionId: thin, ...decision }, specialist)).toMatchObject({
      __typename: 'DomainRuleError',
      code: 'UMO_NO_QUORUM',
    });

    const full = (await accepted('scheduleUmoSession', { ...schedule, scheduledOn: '2027-04-16' }, specialist)).umoSession.id;
    await accepted('recordUmoAttendance', { umoSessionId: full, present: members.slice(0, 3) }, specialist);
    const decided = await accepted('recordUmoDecision', { umoSessionId: full, ...decision }, specialist);
    expect(decided.umoSession.decisions).toEqual([{ decisionNumber: 1, responsible: 'Bakirov', dueOn: '2027-04-30', doneOn: null, overdue: false }]);
    time.advanceTo('2027-04-30T18:00:00.000Z');
    await automation.settled();
    const LIST = 'query($filter: UmoSessionFilter) { umoSessions(filter: $filter) { edges { node { umoSessionId decisions { overdue } } } } }';
    const overdue = (await gql(LIST, { filter: { hasOverdueDecisions: true } }, { token: tokens[director.id] })).data!.umoSessions.edges;
    expect(overdue).toEqual([{ node: { umoSessionId: expect.any(String), decisions: [{ overdue: true }] } }]);
    const done = await accepted(
      'completeUmoDecision',
      { umoSessionId: full, decisionNumber: 1, doneOn: '2027-05-02', note: 'Approved by the council' },
      specialist,
    );
    expect(done.umoSession.decisions[0]).toMatchObject({ doneOn: '2027-05-02', overdue: false });
  });

  it('has reports approved by the director only, sent once approved, and found by what they report on', async () => {
    const prepare = (title: string, periodTo: string, references: object[]) => ({
      title,
      subject: 'Licensing',
      periodFrom: '2026-01-01',
      periodTo,
      summary: 'Findings.',
      references,
      preparedOn: '2027-01-15',
    });
    const licence = 'a3c5e7f9-1b2d-4f6a-8c0e-2a4c6e8f0b1d';
    const report = (await accepted('prepareAnalyticalReport', prepare('Licensing 2026', '2026-12-31', [{ kind: 'LICENSE', id: licence }]), specialist))
      .analyticalReport.id;
    await accepted('prepareAnalyticalReport', prepare('Rankings H1', '2026-06-30', [{ kind: 'RANKING_EDITION', id: 'qs-2026' }]), specialist);
    await accepted('submitAnalyticalReport', { analyticalReportId: report, submittedOn: '2027-01-20' }, specialist);
    expect((await send('approveAnalyticalReport', { analyticalReportId: report, approvedOn: '2027-01-22' }, specialist)).__typename).toBe('ForbiddenError');
    expect(
      (await send('sendAnalyticalReport', { analyticalReportId: report, sentOn: '2027-01-22', recipientKind: 'AGENCY', recipient: 'Ministry' }, specialist))
        .code,
    ).toBe('REPORT_NOT_APPROVED');
    expect((await accepted('approveAnalyticalReport', { analyticalReportId: report, approvedOn: '2027-01-22' }, director)).analyticalReport.approvedBy).toBe(
      director.name,
    );
    const sent = await accepted(
      'sendAnalyticalReport',
      { analyticalReportId: report, sentOn: '2027-01-25', recipientKind: 'AGENCY', recipient: 'Ministry' },
      specialist,
    );
    expect(sent.analyticalReport).toMatchObject({ status: 'SENT', dispatches: [{ recipientKind: 'AGENCY', recipient: 'Ministry' }] });
    const LIST =
      'query($filter: AnalyticalReportFilter, $orderBy: AnalyticalReportOrder) { reports(filter: $filter, orderBy: $orderBy) { edges { node { title references { kind id } } } } }';
    const titles = async (variables: Record<string, unknown>) =>
      (await gql(LIST, variables, { token: tokens[director.id] })).data!.reports.edges.map((e: any) => e.node.title);
    expect(await titles({})).toEqual(['Rankings H1', 'Licensing 2026']);
    expect(await titles({ filter: { reference: { kind: 'LICENSE', id: licence } } })).toEqual(['Licensing 2026']);
    expect(await titles({ filter: { statuses: ['DRAFT'] } })).toEqual(['Rankings H1']);
  });

  it('has publications approved by the director, published and withdrawn, listed by topic and status', async () => {
    const draft = { title: 'OshSU in QS Asia', kind: 'PRESS_RELEASE', topic: 'RANKINGS', body: 'OshSU entered the ranking.', draftedOn: '2027-02-01' };
    const id = (await accepted('draftPublication', draft, specialist)).publication.id;
    await accepted('draftPublication', { ...draft, title: 'Licence renewed', topic: 'LICENSING' }, specialist);
    expect((await send('publishPublication', { publicationId: id, publishedOn: '2027-02-03', channel: 'oshsu.kg' }, specialist)).code).toBe(
      'PUBLICATION_NOT_APPROVED',
    );
    expect((await send('approvePublication', { publicationId: id, approvedOn: '2027-02-02' }, specialist)).__typename).toBe('ForbiddenError');
    await accepted('approvePublication', { publicationId: id, approvedOn: '2027-02-02' }, director);
    const published = await accepted(
      'publishPublication',
      { publicationId: id, publishedOn: '2027-02-03', channel: 'oshsu.kg', link: 'https://oshsu.kg/n/1' },
      specialist,
    );
    expect(published.publication).toMatchObject({ status: 'PUBLISHED', channel: 'oshsu.kg', publishedOn: '2027-02-03' });
    const LIST = 'query($filter: PublicationFilter) { publications(filter: $filter) { edges { node { title status } } } }';
    const list = async (filter: object) => (await gql(LIST, { filter }, { token: tokens[economics.id] })).data!.publications.edges.map((e: any) => e.node);
    expect(await list({ topics: ['RANKINGS'], statuses: ['PUBLISHED'] })).toEqual([{ title: 'OshSU in QS Asia', status: 'PUBLISHED' }]);
    await accepted('withdrawPublication', { publicationId: id, withdrawnOn: '2027-02-05', reason: 'Figures corrected' }, director);
    expect(await list({ topics: ['RANKINGS'] })).toEqual([{ title: 'OshSU in QS Asia', status: 'WITHDRAWN' }]);
  });
});
