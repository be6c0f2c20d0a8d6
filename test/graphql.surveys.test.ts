// Assessment instruments and survey rounds as a frontend reaches them: GraphQL through Yoga (no
// port) on a hub with the real embedded store. An instrument drafted, published and superseded by
// a second version (the history kept); a round with the version in use, linked to a monitoring,
// from plan to results and their correction; the list of rounds with its filters and paging; and
// refusals (a superseded version, results before closing, a teacher) that store nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePosition } from '../src/eventstore/position.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, teacher, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { sseSubscription, yogaClient } from './support/graphql.ts';

const payloads = {
  instrument: '... on AssessmentInstrumentPayload { revision assessmentInstrument { id instrumentId publishedVersion latestVersion } }',
  survey: '... on SurveyRoundPayload { revision surveyRound { id surveyId status instrumentVersion responseRate } }',
};
const mutation = (
  name: string,
  payload = name.includes('Instrument') ? payloads.instrument : payloads.survey,
) => `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) {
  __typename
  ${payload}
  ... on Error { message }
  ... on ValidationError { issues { path message } }
  ... on DomainRuleError { code }
  ... on NotFoundError { entity id }
} }`;
const DRAFT = mutation('draftAssessmentInstrument');
const DRAFT_VERSION = mutation('draftAssessmentInstrumentVersion');
const PUBLISH = mutation('publishAssessmentInstrumentVersion');
const PLAN = mutation('planSurveyRound');
const OPEN = mutation('openSurveyRound');
const CLOSE = mutation('closeSurveyRound');
const RECORD = mutation('recordSurveyRoundResults');
const CORRECT = mutation('correctSurveyRoundResults');
const SURVEYS = `query($filter: SurveyFilter, $first: Int, $after: String, $last: Int, $before: String) {
  surveys(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    edges { node { title } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let gql: ReturnType<typeof yogaClient>;
let yoga: ReturnType<typeof createGraphQLHandler>;
let token: string;

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path));
  yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
  gql = yogaClient(yoga);
  token = await tokenFor(director);
});
afterAll(async () => {
  await hub.close();
  dir.remove();
});

async function send(operation: string, input: Record<string, unknown>, as = token) {
  const res = await gql(operation, { input }, { token: as });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as Record<string, any>;
}
async function accepted(operation: string, input: Record<string, unknown>) {
  const payload = await send(operation, input);
  expect(payload.__typename, JSON.stringify(payload)).toMatch(/Payload$/);
  return payload;
}
const head = async () => {
  const position = await hub.store.headPosition();
  return position ? encodePosition(position) : null;
};

const name = (en: string) => ({ ky: `${en} (ky)`, ru: `${en} (ru)`, en });
const questions = [
  { code: 'Q1', text: name('The teaching is clear'), kind: 'SCALE_1_5' },
  { code: 'Q2', text: name('Would you recommend the programme?'), kind: 'YES_NO' },
  { code: 'Q3', text: name('What should change?'), kind: 'OPEN' },
];
const results = [
  {
    questionCode: 'Q1',
    counts: [
      { option: '5', count: 50 },
      { option: '4', count: 25 },
      { option: '2', count: 25 },
    ],
  },
  {
    questionCode: 'Q2',
    counts: [
      { option: 'yes', count: 80 },
      { option: 'no', count: 20 },
    ],
  },
  { questionCode: 'Q3', answered: 40, summary: 'More practice' },
];
const roundInput = (instrumentId: string, title: string, overrides: Record<string, unknown> = {}) => ({
  instrumentId,
  title,
  targetGroup: 'STUDENTS',
  unit: 'Faculty of Law',
  startsOn: '2027-03-01',
  endsOn: '2027-03-31',
  invitedCount: 200,
  ...overrides,
});

/** An instrument with version 1 published and version 2 published over it. */
async function instrumentWithTwoVersions(code: string): Promise<string> {
  const drafted = await accepted(DRAFT, { code, title: name('Student satisfaction'), purpose: 'Students on teaching', questions, draftedOn: '2027-01-10' });
  const id = drafted.assessmentInstrument.id;
  expect(drafted.assessmentInstrument).toMatchObject({ publishedVersion: null, latestVersion: 1 });
  await accepted(PUBLISH, { instrumentId: id, version: 1, publishedOn: '2027-01-20' });
  await accepted(DRAFT_VERSION, { instrumentId: id, questions, changeNote: 'Wording of Q1', draftedOn: '2027-02-01' });
  const published = await accepted(PUBLISH, { instrumentId: id, version: 2, publishedOn: '2027-02-10' });
  expect(published.assessmentInstrument).toMatchObject({ publishedVersion: 2, latestVersion: 2 });
  return id;
}

describe('assessment instruments and survey rounds through GraphQL', () => {
  let instrumentId: string;

  it('keeps the version history of an instrument: a new version supersedes the one in use', async () => {
    instrumentId = await instrumentWithTwoVersions('SSQ');
    const res = await gql(
      `query($id: ID!) { assessmentInstrument(id: $id) { code title { en } publishedVersion
         versionInUse { version }
         versions { version status statusLabel(language: RU) changeNote draftedOn publishedOn supersededOn draftedBy
           questions { code kind kindLabel(language: EN) text { ru } } } } }`,
      { id: instrumentId },
      { token },
    );
    expect(res.errors).toBeUndefined();
    const instrument = res.data!.assessmentInstrument;
    expect(instrument).toMatchObject({ code: 'SSQ', title: { en: 'Student satisfaction' }, publishedVersion: 2, versionInUse: { version: 2 } });
    expect(instrument.versions.map((v: any) => [v.version, v.status, v.statusLabel, v.changeNote, v.publishedOn, v.supersededOn])).toEqual([
      [1, 'SUPERSEDED', 'Заменена', null, '2027-01-20', '2027-02-10'],
      [2, 'PUBLISHED', 'Опубликована', 'Wording of Q1', '2027-02-10', null],
    ]);
    expect(instrument.versions[0].draftedBy).toBe(director.name);
    const history = await gql(`query($id: ID!) { history(id: $id) { events { type category entityId } } }`, { id: instrumentId }, { token });
    expect(history.errors).toBeUndefined();
    expect(history.data!.history.events.map((e: any) => [e.type, e.category, e.entityId])).toEqual(
      ['AssessmentInstrumentDrafted', 'AssessmentInstrumentVersionPublished', 'AssessmentInstrumentVersionDrafted', 'AssessmentInstrumentVersionPublished'].map(
        (type) => [type, 'assessmentInstrument', instrumentId],
      ),
    );
    expect(instrument.versions[1].questions[0]).toEqual({ code: 'Q1', kind: 'SCALE_1_5', kindLabel: 'Scale 1–5', text: { ru: 'The teaching is clear (ru)' } });
  });

  it('runs a round with the published version, linked to a monitoring, from plan to corrected results', async () => {
    const monitoring = await send(
      `mutation($input: PlanMonitoringInput!) { planMonitoring(input: $input) { ... on MonitoringPayload { monitoring { id } } } }`,
      {
        objectKind: 'FACULTY',
        objectName: 'Faculty of Law',
        title: 'Student satisfaction',
        procedure: 'Questionnaire SSQ v2',
        startsOn: '2027-03-01',
        endsOn: '2027-05-31',
      },
    );
    const monitoringId = monitoring.monitoring.id;
    const planned = await accepted(PLAN, roundInput(instrumentId, 'Law, spring 2027', { monitoringId, programme: 'Jurisprudence (BA)' }));
    const id = planned.surveyRound.id;
    expect(planned.surveyRound).toMatchObject({ status: 'PLANNED', instrumentVersion: 2, responseRate: null });

    const changes = await sseSubscription(
      yoga,
      'subscription($id: ID) { surveyRoundChanged(id: $id) { eventType revision surveyRound { status responseRate } } }',
      { id },
      token,
    );
    const early = await send(RECORD, { surveyId: id, results, recordedOn: '2027-03-10' });
    expect(early).toMatchObject({ __typename: 'DomainRuleError', code: 'SURVEY_NOT_CLOSED' });
    await accepted(OPEN, { surveyId: id, openedOn: '2027-03-01' });
    const closed = await accepted(CLOSE, { surveyId: id, responseCount: 100, closedOn: '2027-03-31' });
    expect(closed.surveyRound).toMatchObject({ status: 'CLOSED', responseRate: 50 });
    await accepted(RECORD, { surveyId: id, results, recordedOn: '2027-04-02' });
    const again = await send(RECORD, { surveyId: id, results, recordedOn: '2027-04-03' });
    expect(again).toMatchObject({ __typename: 'DomainRuleError', code: 'RESULTS_ALREADY_RECORDED' });
    const corrected = results.map((r) => (r.questionCode === 'Q2' ? { questionCode: 'Q2', counts: [{ option: 'yes', count: 90 }] } : r));
    await accepted(CORRECT, { surveyId: id, results: corrected, reason: 'Paper forms counted', correctedOn: '2027-04-05' });
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push((await changes.next())?.data?.surveyRoundChanged);
    await changes.close();
    expect(seen).toEqual([
      { eventType: 'SurveyRoundOpened', revision: 1, surveyRound: { status: 'OPEN', responseRate: null } },
      { eventType: 'SurveyRoundClosed', revision: 2, surveyRound: { status: 'CLOSED', responseRate: 50 } },
      { eventType: 'SurveyRoundResultsRecorded', revision: 3, surveyRound: { status: 'CLOSED', responseRate: 50 } },
      { eventType: 'SurveyRoundResultsCorrected', revision: 4, surveyRound: { status: 'CLOSED', responseRate: 50 } },
    ]);

    const res = await gql(
      `query($id: ID!) { survey(id: $id) { title targetGroup targetGroupLabel(language: KY) unit programme statusLabel(language: EN)
         invitedCount responseCount responseRate resultsOn instrument { code } monitoring { objectName }
         results { questionCode question { text { en } } kind answered mean agreeingPercent summary distribution { option count } }
         corrections { reason correctedOn correctedBy previous { questionCode agreeingPercent } } } }`,
      { id },
      { token },
    );
    expect(res.errors).toBeUndefined();
    const survey = res.data!.survey;
    expect(survey).toMatchObject({
      title: 'Law, spring 2027',
      targetGroup: 'STUDENTS',
      targetGroupLabel: 'Студенттер',
      programme: 'Jurisprudence (BA)',
      statusLabel: 'Closed',
      invitedCount: 200,
      responseCount: 100,
      responseRate: 50,
      resultsOn: '2027-04-05',
      instrument: { code: 'SSQ' },
      monitoring: { objectName: 'Faculty of Law' },
    });
    expect(survey.results).toEqual([
      {
        questionCode: 'Q1',
        question: { text: { en: 'The teaching is clear' } },
        kind: 'SCALE_1_5',
        answered: 100,
        mean: 4,
        agreeingPercent: 75,
        summary: null,
        distribution: [
          { option: '1', count: 0 },
          { option: '2', count: 25 },
          { option: '3', count: 0 },
          { option: '4', count: 25 },
          { option: '5', count: 50 },
        ],
      },
      {
        questionCode: 'Q2',
        question: { text: { en: 'Would you recommend the programme?' } },
        kind: 'YES_NO',
        answered: 90,
        mean: null,
        agreeingPercent: 100,
        summary: null,
        distribution: [
          { option: 'yes', count: 90 },
          { option: 'no', count: 0 },
        ],
      },
      {
        questionCode: 'Q3',
        question: { text: { en: 'What should change?' } },
        kind: 'OPEN',
        answered: 40,
        mean: null,
        agreeingPercent: null,
        summary: 'More practice',
        distribution: [],
      },
    ]);
    expect(survey.corrections).toEqual([
      {
        reason: 'Paper forms counted',
        correctedOn: '2027-04-05',
        correctedBy: director.name,
        previous: [
          { questionCode: 'Q1', agreeingPercent: 75 },
          { questionCode: 'Q2', agreeingPercent: 80 },
          { questionCode: 'Q3', agreeingPercent: null },
        ],
      },
    ]);
  });

  it('lists rounds by the start of their period, with filters and paging both ways', async () => {
    const other = await instrumentWithTwoVersions('ESQ');
    await accepted(
      PLAN,
      roundInput(other, 'Employers 2026', { targetGroup: 'EMPLOYERS', unit: 'Faculty of Economics', startsOn: '2026-10-01', endsOn: '2026-10-31' }),
    );
    await accepted(PLAN, roundInput(instrumentId, 'Graduates 2027', { targetGroup: 'GRADUATES', startsOn: '2027-06-01', endsOn: '2027-06-30' }));
    await accepted(
      PLAN,
      roundInput(instrumentId, 'Teachers 2027', { targetGroup: 'TEACHERS', unit: 'Faculty of Medicine', startsOn: '2027-05-01', endsOn: '2027-05-15' }),
    );

    const titles = async (filter: Record<string, unknown>) => {
      const res = await gql(SURVEYS, { filter }, { token });
      expect(res.errors).toBeUndefined();
      return res.data!.surveys.edges.map((e: any) => e.node.title);
    };
    expect(await titles({})).toEqual(['Employers 2026', 'Law, spring 2027', 'Teachers 2027', 'Graduates 2027']);
    expect(await titles({ instrument: other })).toEqual(['Employers 2026']);
    expect(await titles({ targetGroups: ['GRADUATES', 'TEACHERS'] })).toEqual(['Teachers 2027', 'Graduates 2027']);
    expect(await titles({ unit: 'Faculty of Law' })).toEqual(['Law, spring 2027', 'Graduates 2027']);
    expect(await titles({ statuses: ['CLOSED'] })).toEqual(['Law, spring 2027']);
    expect(await titles({ year: 2026 })).toEqual(['Employers 2026']);
    expect(await titles({ year: 2027, statuses: ['PLANNED'], unit: 'Faculty of Law' })).toEqual(['Graduates 2027']);

    const first = (await gql(SURVEYS, { first: 3 }, { token })).data!.surveys;
    expect(first.edges.map((e: any) => e.node.title)).toEqual(['Employers 2026', 'Law, spring 2027', 'Teachers 2027']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await gql(SURVEYS, { first: 3, after: first.pageInfo.endCursor }, { token })).data!.surveys;
    expect(rest.edges.map((e: any) => e.node.title)).toEqual(['Graduates 2027']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const back = (await gql(SURVEYS, { last: 2, before: rest.pageInfo.startCursor }, { token })).data!.surveys;
    expect(back.edges.map((e: any) => e.node.title)).toEqual(['Law, spring 2027', 'Teachers 2027']);

    const instruments = await gql(
      `query($first: Int, $after: String, $filter: AssessmentInstrumentFilter) { assessmentInstruments(first: $first, after: $after, filter: $filter) {
         edges { node { code } } pageInfo { hasNextPage endCursor } } }`,
      { first: 1 },
      { token },
    );
    expect(instruments.data!.assessmentInstruments.edges.map((e: any) => e.node.code)).toEqual(['ESQ']);
    const next = await gql(
      `query($after: String) { assessmentInstruments(first: 1, after: $after) { edges { node { code } } pageInfo { hasNextPage } } }`,
      { after: instruments.data!.assessmentInstruments.pageInfo.endCursor },
      { token },
    );
    expect(next.data!.assessmentInstruments).toEqual({ edges: [{ node: { code: 'SSQ' } }], pageInfo: { hasNextPage: false } });
    const unpublished = await gql(`{ assessmentInstruments(filter: { published: false }) { edges { node { code } } } }`, {}, { token });
    expect(unpublished.data!.assessmentInstruments.edges).toEqual([]);
  });

  it('refuses a superseded version, an unknown instrument, bad results and a teacher, storing nothing', async () => {
    const before = await head();
    const superseded = await send(PLAN, roundInput(instrumentId, 'Old version', { instrumentVersion: 1 }));
    expect(superseded).toMatchObject({ __typename: 'DomainRuleError', code: 'INSTRUMENT_VERSION_NOT_IN_USE' });
    const unknown = await send(PLAN, roundInput('0b7e3c1a-9d4f-4e2b-8a6c-1f3e5d7b9a0c', 'Nowhere'));
    expect(unknown).toMatchObject({ __typename: 'NotFoundError', entity: 'assessment instrument' });
    const badDates = await send(PLAN, roundInput(instrumentId, 'Backwards', { endsOn: '2027-02-01' }));
    expect(badDates).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['endsOn'], message: 'must not be before startsOn' }] });
    const choiceWithoutOptions = await send(DRAFT, {
      code: 'BAD',
      title: name('Bad'),
      purpose: 'x',
      questions: [{ code: 'Q1', text: name('Pick one'), kind: 'CHOICE' }],
      draftedOn: '2027-01-10',
    });
    expect(choiceWithoutOptions).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['questions', '0', 'options'], message: 'a choice question needs at least two options' }],
    });
    const forbidden = await send(PLAN, roundInput(instrumentId, 'By a teacher'), await tokenFor(teacher));
    expect(forbidden.__typename).toBe('ForbiddenError');
    expect(await head()).toBe(before);
  });
});
