// Rankings through GraphQL (yoga.fetch, no port) on a real embedded store and the hub's automation
// on a hand-moved clock: organisations and agreements, a cooperation plan whose activity falls
// overdue, editions of two years with the submission's states, results and the comparison with last
// year, measures linked to a strategy indicator, the read models' filters and keyset paging, and
// the unit head's scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { automationParts } from '../schema/follow-up.ts';
import { startAutomation, type Automation } from '../src/automation/index.ts';
import type { Actor } from '../src/domain/decider.ts';
import { rankingCooperationCommands } from '../src/domain/ranking-cooperation.ts';
import { rankingOrganisationCommands } from '../src/domain/ranking-organisations.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { sseSubscription, yogaClient } from './support/graphql.ts';
import { manualClock } from './support/manual-clock.ts';
import { ADD_DIRECTION, ADD_GOAL, DEFINE_INDICATOR, DRAFT_PLAN, indicatorInput, name as strategyName } from './support/strategy-operations.ts';

const people = {
  director: { id: 'u-director', name: 'Gulnara Asanova', roles: ['director'] },
  head: { id: 'd-head', name: 'Elmira Tashieva', roles: ['head_of_rating_division'] },
  methodist: { id: 'd-methodist', name: 'Farida Zhumabaeva', roles: ['methodist'] },
  hrHead: { id: 'h-hr', name: 'Nurlan Sadykov', roles: ['unit_head'], unit: 'hr-office' },
  lawHead: { id: 'h-law', name: 'Daniyar Kurmanov', roles: ['unit_head'], unit: 'faculty-law' },
  teacher: { id: 't-1', name: 'Aida Mamytova', roles: ['teacher'], unit: 'faculty-law' },
} satisfies Record<string, Actor>;
type Person = keyof typeof people;

const time = manualClock('2026-02-01T04:00:00.000Z');
let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let automation: Automation;
let yoga: ReturnType<typeof createGraphQLHandler>;
let gql: ReturnType<typeof yogaClient>;
const tokens = {} as Record<Person, string>;

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path), { clock: time.clock });
  automation = await startAutomation(hub, { ...automationParts(hub), clock: time.clock });
  yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
  gql = yogaClient(yoga);
  for (const person of Object.keys(people) as Person[]) tokens[person] = await tokenFor(people[person]);
});
afterAll(async () => {
  await automation.stop();
  await hub.close();
  dir.remove();
});

const payloads = {
  organisation: '... on RankingOrganisationPayload { rankingOrganisation { id rankingOrganisationId } }',
  plan: '... on RankingCooperationPlanPayload { cooperationPlan { id rankingCooperationPlanId overdueCount } }',
  edition: '... on RankingEditionPayload { rankingEdition { id rankingEditionId submissionStatus } }',
};
const selectionFor = (name: string) => `__typename
  ${name in rankingOrganisationCommands ? payloads.organisation : name in rankingCooperationCommands ? payloads.plan : payloads.edition}
  ... on DomainRuleError { code } ... on ValidationError { issues { path message } } ... on Error { message }`;
const call = async (name: string, input: Record<string, unknown>, as: Person = 'head') => {
  const res = await gql(
    `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${selectionFor(name)} } }`,
    { input },
    { token: tokens[as] },
  );
  expect(res.errors).toBeUndefined();
  return res.data![name] as Record<string, any>;
};
const send = async (name: string, input: Record<string, unknown>, as: Person = 'head') => {
  const payload = await call(name, input, as);
  expect(payload.__typename, JSON.stringify(payload)).toMatch(/Payload$/);
  return payload;
};
const query = async (q: string, variables: Record<string, unknown> = {}, as: Person = 'teacher') => {
  const res = await gql(q, variables, { token: tokens[as] });
  expect(res.errors).toBeUndefined();
  return res.data as Record<string, any>;
};

/** A data request from the division to the HR office, answered; accepted too unless `accept` is false. */
const dataRequestToHr = async (accept = true) => {
  const dataRequest = async (name: string, input: Record<string, unknown>, as: Person) => {
    const res = await gql(
      `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename ... on DataRequestPayload { dataRequest { dataRequestId } } } }`,
      { input },
      { token: tokens[as] },
    );
    expect(res.data?.[name].__typename, JSON.stringify(res)).toBe('DataRequestPayload');
    return res.data![name].dataRequest.dataRequestId as string;
  };
  const figures = [{ name: 'Academic staff FTE', unit: 'FTE' }];
  const ask = {
    subject: 'Staff for QS',
    question: 'Academic staff, full-time equivalent',
    figures,
    unitKind: 'OFFICE',
    unit: 'hr-office',
    sentOn: '2026-01-12',
    dueOn: '2026-01-30',
  };
  const id = await dataRequest('sendDataRequest', ask, 'head');
  await dataRequest('answerDataRequest', { dataRequestId: id, answeredOn: '2026-01-20', values: [{ name: 'Academic staff FTE', value: 1020 }] }, 'hrHead');
  if (accept) await dataRequest('acceptDataRequestResponse', { dataRequestId: id, acceptedOn: '2026-01-21' }, 'head');
  return id;
};

const name = (en: string) => ({ ky: en, ru: en, en });
const qsIndicators = [
  { code: 'AR', name: name('Academic reputation'), weight: 30, unit: 'score', computation: 'Academic survey', source: 'SURVEY' },
  {
    code: 'FSR',
    name: { ky: 'Окутуучу/студент', ru: 'Преподаватели/студенты', en: 'Faculty/student ratio' },
    weight: 10,
    unit: 'ratio',
    computation: 'Faculty FTE / students FTE',
    source: 'SUBMITTED',
  },
  { code: 'IFR', name: name('International faculty ratio'), weight: 5, unit: '%', computation: 'International faculty / faculty', source: 'SUBMITTED' },
];

const ids = {} as Record<string, string>;

describe('rankings through GraphQL', () => {
  it('registers organisations of the three kinds and signs an agreement with one', async () => {
    const register = async (key: string, input: Record<string, unknown>) =>
      (ids[key] = (await send('registerRankingOrganisation', input)).rankingOrganisation.rankingOrganisationId);
    await register('qs', {
      name: 'QS World University Rankings',
      shortName: 'QS WUR',
      kind: 'INTERNATIONAL',
      country: 'United Kingdom',
      website: 'https://www.topuniversities.com',
    });
    await register('the', { name: 'THE World University Rankings', shortName: 'THE WUR', kind: 'INTERNATIONAL', country: 'United Kingdom' });
    await register('arwu', { name: 'Academic Ranking of World Universities', shortName: 'ARWU', kind: 'INTERNATIONAL', country: 'China' });
    await register('ministry', {
      name: 'National rating of HEIs of the Kyrgyz Republic',
      shortName: 'rating.kg',
      kind: 'NATIONAL_MINISTRY',
      country: 'Kyrgyzstan',
    });
    await register('iaar', { name: 'IAAR independent rating of HEIs', shortName: 'IAAR', kind: 'NATIONAL_INDEPENDENT', country: 'Kazakhstan' });

    const sign = {
      rankingOrganisationId: ids.qs,
      agreementNumber: 'QS-2026/1',
      subject: 'Data exchange and QS Stars audit',
      signedOn: '2026-01-20',
      validUntil: '2027-12-31',
    };
    expect(await call('signRankingAgreement', sign, 'head')).toMatchObject({ __typename: 'ForbiddenError' });
    await send('signRankingAgreement', sign, 'director');
    expect(await call('signRankingAgreement', sign, 'director')).toMatchObject({ code: 'RANKING_AGREEMENT_NUMBER_TAKEN' });
    await send(
      'signRankingAgreement',
      { ...sign, rankingOrganisationId: ids.the, agreementNumber: 'THE-1', signedOn: '2025-01-01', validUntil: '2025-12-31' },
      'director',
    );
    const org = await query(`query($id: ID!) { rankingOrganisation(id: $id) { kindLabel(language: RU) agreements { agreementNumber inForce validUntil } } }`, {
      id: ids.qs,
    });
    expect(org.rankingOrganisation).toEqual({
      kindLabel: 'Международный рейтинг',
      agreements: [{ agreementNumber: 'QS-2026/1', inForce: true, validUntil: '2027-12-31' }],
    });
  });

  it('runs a cooperation plan under an agreement in force: the activity’s due date is a deadline and the clock marks it overdue', async () => {
    const draft = { rankingOrganisationId: ids.qs, agreementNumber: 'QS-2026/1', title: 'Cooperation with QS, 2026', year: 2026 };
    expect(await call('draftRankingCooperationPlan', { ...draft, rankingOrganisationId: ids.the, agreementNumber: 'THE-1' })).toMatchObject({
      code: 'RANKING_AGREEMENT_NOT_IN_FORCE',
    });
    expect(await call('draftRankingCooperationPlan', { ...draft, agreementNumber: 'QS-9' })).toMatchObject({ code: 'RANKING_AGREEMENT_NOT_FOUND' });
    expect(await call('draftRankingCooperationPlan', { ...draft, rankingOrganisationId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      __typename: 'NotFoundError',
    });
    const planId = (await send('draftRankingCooperationPlan', draft)).cooperationPlan.rankingCooperationPlanId;
    ids.plan = planId;
    await send('draftRankingCooperationPlan', { rankingOrganisationId: ids.ministry, title: 'Work with the Ministry’s rating', year: 2027 }, 'methodist');
    const activity = (code: string, dueOn: string) => ({
      rankingCooperationPlanId: planId,
      code,
      activity: `Activity ${code}`,
      responsible: 'A. Mamytova',
      responsibleUnit: 'faculty-law',
      dueOn,
    });
    await send('addRankingCooperationActivity', activity('1', '2026-03-15'));
    await send('addRankingCooperationActivity', activity('2', '2026-04-30'));
    expect(
      await call('completeRankingCooperationActivity', { rankingCooperationPlanId: planId, code: '2', completedOn: '2026-03-01', outcome: 'x' }),
    ).toMatchObject({
      code: 'RANKING_COOPERATION_PLAN_NOT_ADOPTED',
    });
    await send('adoptRankingCooperationPlan', { rankingCooperationPlanId: planId, adoptedOn: '2026-02-05', decision: 'Order 12' }, 'director');
    await send('completeRankingCooperationActivity', { rankingCooperationPlanId: planId, code: '2', completedOn: '2026-03-01', outcome: 'Webinar held' });
    await automation.settled();

    const deadlines = await query(
      `{ deadlines(kind: "ranking_cooperation_activity") { edges { node { title dueOn done kindLabel(language: EN) } } } }`,
      {},
      'director',
    );
    expect(deadlines.deadlines.edges.map((e: any) => e.node)).toEqual([
      { title: 'Activity 1', dueOn: '2026-03-15', done: false, kindLabel: 'Cooperation activity with a ranking organisation' },
      { title: 'Activity 2', dueOn: '2026-04-30', done: true, kindLabel: 'Cooperation activity with a ranking organisation' },
    ]);

    time.advanceTo('2026-03-15T17:59:59.999Z');
    await automation.settled();
    expect(hub.rankingCooperation.byIds([planId])[0]!.overdue).toBe(0);
    time.advanceTo('2026-03-15T18:00:00.000Z');
    await automation.settled();
    const plans = await query(
      `query($f: CooperationPlanFilter) { cooperationPlans(filter: $f, first: 5) { edges { node { title organisation { shortName } overdueCount doneCount activities { code status statusLabel(language: KY) overdue overdueOn } } } } }`,
      { f: { overdue: true } },
    );
    expect(plans.cooperationPlans.edges).toEqual([
      {
        node: {
          title: 'Cooperation with QS, 2026',
          organisation: { shortName: 'QS WUR' },
          overdueCount: 1,
          doneCount: 1,
          activities: [
            { code: '1', status: 'PLANNED', statusLabel: 'Пландалды', overdue: true, overdueOn: '2026-03-16' },
            { code: '2', status: 'DONE', statusLabel: 'Аткарылды', overdue: false, overdueOn: null },
          ],
        },
      },
    ]);
    const byYear = await query(`{ cooperationPlans(filter: { adopted: false }) { edges { node { year } } } }`);
    expect(byYear.cooperationPlans.edges).toEqual([{ node: { year: 2027 } }]);
  });

  it('takes an edition’s submission from values through verification and approval to the acknowledgement', async () => {
    const announce = {
      rankingOrganisationId: ids.qs,
      year: 2026,
      title: 'QS WUR 2026',
      collectionOpensOn: '2026-01-10',
      collectionClosesOn: '2026-03-31',
      indicators: qsIndicators,
    };
    const edition = (await send('announceRankingEdition', announce)).rankingEdition;
    ids.qs2026 = edition.rankingEditionId;
    expect(edition.submissionStatus).toBe('NOT_STARTED');
    expect(await call('announceRankingEdition', announce)).toMatchObject({ code: 'RANKING_EDITION_YEAR_TAKEN' });
    expect(await call('announceRankingEdition', { ...announce, indicators: [qsIndicators[1], qsIndicators[1]] })).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['indicators'], message: 'must not repeat an indicator code' }],
    });
    const value = {
      rankingEditionId: edition.id,
      indicatorCode: 'FSR',
      value: 0.071,
      breakdowns: [
        { name: 'full-time', value: 1020 },
        { name: 'part-time', value: 180 },
      ],
      evidence: 'HR export',
      supplyingUnit: 'hr-office',
      dataRequestId: await dataRequestToHr(),
    };
    // A value can only come from a data request whose answer the division accepted.
    expect(await call('recordRankingDataValue', { ...value, dataRequestId: await dataRequestToHr(false) }, 'hrHead')).toMatchObject({
      code: 'DATA_REQUEST_NOT_ACCEPTED',
    });
    expect(await call('recordRankingDataValue', { ...value, dataRequestId: 'DR-2026-014' }, 'hrHead')).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['dataRequestId'], message: 'must be the id of an existing data request' }],
    });
    expect(await call('recordRankingDataValue', value, 'lawHead')).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringMatching(/own unit/) });
    expect(await call('recordRankingDataValue', value, 'teacher')).toMatchObject({ __typename: 'ForbiddenError' });
    expect((await send('recordRankingDataValue', value, 'hrHead')).rankingEdition.submissionStatus).toBe('COLLECTING');
    expect(await call('recordRankingDataValue', { ...value, indicatorCode: 'AR' }, 'hrHead')).toMatchObject({ code: 'RANKING_INDICATOR_NOT_SUBMITTED' });
    await send(
      'returnRankingDataValue',
      { rankingEditionId: edition.id, indicatorCode: 'FSR', returnedOn: '2026-02-10', reason: 'Count part-time staff as FTE' },
      'methodist',
    );
    await send('recordRankingDataValue', { ...value, value: 0.068 }, 'hrHead');
    await send('verifyRankingDataValue', { rankingEditionId: edition.id, indicatorCode: 'FSR', verifiedOn: '2026-02-12' }, 'methodist');
    await send('recordRankingDataValue', { ...value, indicatorCode: 'IFR', value: 3.2, breakdowns: [], supplyingUnit: 'international-office' }, 'methodist');
    expect(await call('verifyRankingDataValue', { rankingEditionId: edition.id, indicatorCode: 'IFR', verifiedOn: '2026-02-12' }, 'methodist')).toMatchObject({
      code: 'RANKING_VALUE_VERIFIED_BY_RECORDER',
    });
    expect(await call('approveRankingSubmission', { rankingEditionId: edition.id, approvedOn: '2026-02-20' }, 'director')).toMatchObject({
      code: 'RANKING_VALUES_NOT_VERIFIED',
    });
    expect(
      (await send('verifyRankingDataValue', { rankingEditionId: edition.id, indicatorCode: 'IFR', verifiedOn: '2026-02-13' }, 'head')).rankingEdition
        .submissionStatus,
    ).toBe('VERIFIED');
    expect(await call('approveRankingSubmission', { rankingEditionId: edition.id, approvedOn: '2026-02-20' }, 'head')).toMatchObject({
      __typename: 'ForbiddenError',
    });
    await send('approveRankingSubmission', { rankingEditionId: edition.id, approvedOn: '2026-02-20', decision: 'Approved for QS HUB' }, 'director');
    await send('submitRankingData', { rankingEditionId: edition.id, submittedOn: '2026-02-21', channel: 'QS HUB' }, 'methodist');

    const mid = await query(`{ rankings(filter: { submissionStatuses: [SUBMITTED] }) { edges { node { shortName currentSubmissionStatus } } } }`);
    expect(mid.rankings.edges).toEqual([{ node: { shortName: 'QS WUR', currentSubmissionStatus: 'SUBMITTED' } }]);
    const due = await query(`{ deadlines(kind: "ranking_submission") { edges { node { title dueOn done doneOn } } } }`, {}, 'director');
    expect(due.deadlines.edges).toEqual([{ node: { title: 'QS WUR 2026', dueOn: '2026-03-31', done: true, doneOn: '2026-02-21' } }]);
    await send('acknowledgeRankingSubmission', { rankingEditionId: edition.id, acknowledgedOn: '2026-02-25', reference: 'QS-ACK-77' });

    const read = await query(
      `query($id: ID!) { rankingEdition(id: $id) { year organisation { shortName } submissionStatus submissionStatusLabel(language: EN) approvedOn submittedOn channel acknowledgedOn
        indicators { code name(language: RU) weight unit source sourceLabel(language: EN) }
        values { indicatorCode value breakdowns { name value } supplyingUnit dataRequestId status verifiedOn returnedOn returnReason recordedBy } } }`,
      { id: ids.qs2026 },
    );
    expect(read.rankingEdition).toEqual({
      year: 2026,
      organisation: { shortName: 'QS WUR' },
      submissionStatus: 'ACKNOWLEDGED',
      submissionStatusLabel: 'Acknowledged',
      approvedOn: '2026-02-20',
      submittedOn: '2026-02-21',
      channel: 'QS HUB',
      acknowledgedOn: '2026-02-25',
      indicators: [
        { code: 'AR', name: 'Academic reputation', weight: 30, unit: 'score', source: 'SURVEY', sourceLabel: 'Survey' },
        { code: 'FSR', name: 'Преподаватели/студенты', weight: 10, unit: 'ratio', source: 'SUBMITTED', sourceLabel: 'Submitted by the university' },
        { code: 'IFR', name: 'International faculty ratio', weight: 5, unit: '%', source: 'SUBMITTED', sourceLabel: 'Submitted by the university' },
      ],
      values: [
        {
          indicatorCode: 'FSR',
          value: 0.068,
          breakdowns: [
            { name: 'full-time', value: 1020 },
            { name: 'part-time', value: 180 },
          ],
          supplyingUnit: 'hr-office',
          dataRequestId: value.dataRequestId,
          status: 'VERIFIED',
          verifiedOn: '2026-02-12',
          returnedOn: null,
          returnReason: null,
          recordedBy: 'h-hr',
        },
        {
          indicatorCode: 'IFR',
          value: 3.2,
          breakdowns: [],
          supplyingUnit: 'international-office',
          dataRequestId: value.dataRequestId,
          status: 'VERIFIED',
          verifiedOn: '2026-02-13',
          returnedOn: null,
          returnReason: null,
          recordedBy: 'd-methodist',
        },
      ],
    });
  });

  it('records results of two years, compares them, and links a measure to a strategy indicator', async () => {
    const announce = async (org: string, year: number, indicators = qsIndicators) =>
      (await send('announceRankingEdition', { rankingOrganisationId: ids[org], year, title: `${org} ${year}`, indicators })).rankingEdition.id as string;
    const qs2025 = await announce('qs', 2025);
    // The 2025 result is first recorded wrongly, then corrected: the comparison below uses the correction.
    const wrong2025 = { rankingEditionId: qs2025, publishedOn: '2025-06-04', band: '1201-1400', score: 12.5 };
    expect(await call('correctRankingResult', { ...wrong2025, reason: 'Typo', correctedOn: '2025-06-05' })).toMatchObject({
      code: 'RANKING_RESULT_TO_CORRECT_NOT_RECORDED',
    });
    await send('recordRankingResult', wrong2025);
    expect(await call('recordRankingResult', { ...wrong2025, band: '1001-1200' })).toMatchObject({ code: 'RANKING_RESULT_ALREADY_RECORDED' });
    const correction = { ...wrong2025, band: '1001-1200', score: 15.2, reason: 'Band and score copied from the 2024 table', correctedOn: '2025-06-05' };
    expect(await call('correctRankingResult', correction, 'teacher')).toMatchObject({ __typename: 'ForbiddenError' });
    await send('correctRankingResult', correction);
    const corrected = await query(`query($id: ID!) { rankingEdition(id: $id) { result { band bandLower score } } history(id: $id) { events { type } } }`, {
      id: qs2025,
    });
    expect(corrected).toEqual({
      rankingEdition: { result: { band: '1001-1200', bandLower: 1001, score: 15.2 } },
      history: { events: [{ type: 'RankingEditionAnnounced' }, { type: 'RankingResultRecorded' }, { type: 'RankingResultCorrected' }] },
    });
    await send('recordRankingResult', {
      rankingEditionId: ids.qs2026,
      publishedOn: '2026-06-04',
      band: '801-1000',
      score: 18.7,
      indicatorScores: [
        { indicatorCode: 'AR', score: 9.4 },
        { indicatorCode: 'FSR', score: 31 },
      ],
    });
    const arwu = await announce('arwu', 2026, [{ ...qsIndicators[0]!, source: 'BIBLIOMETRIC' }]);
    expect(await call('approveRankingSubmission', { rankingEditionId: arwu, approvedOn: '2026-02-20' }, 'director')).toMatchObject({
      code: 'RANKING_EDITION_NEEDS_NO_SUBMISSION',
    });
    const ministry2025 = await announce('ministry', 2025, [{ ...qsIndicators[0]!, source: 'SURVEY' }]);
    const ministry2026 = await announce('ministry', 2026, [{ ...qsIndicators[0]!, source: 'SURVEY' }]);
    await send('recordRankingResult', { rankingEditionId: ministry2025, publishedOn: '2025-06-10', rank: 4, score: 415.84 });
    await send('recordRankingResult', { rankingEditionId: ministry2026, publishedOn: '2026-06-10', rank: 6, score: 410.1 });

    const result = await query(
      `query($id: ID!) { rankingEdition(id: $id) { result { band bandLower bandUpper score trend trendLabel(language: RU) rankChange scoreChange indicatorScores { indicatorCode score } previous { band score } } } }`,
      { id: ids.qs2026 },
    );
    expect(result.rankingEdition.result).toEqual({
      band: '801-1000',
      bandLower: 801,
      bandUpper: 1000,
      score: 18.7,
      trend: 'IMPROVED',
      trendLabel: 'Улучшилась',
      rankChange: 200,
      scoreChange: 3.5,
      indicatorScores: [
        { indicatorCode: 'AR', score: 9.4 },
        { indicatorCode: 'FSR', score: 31 },
      ],
      previous: { band: '1001-1200', score: 15.2 },
    });

    // A strategy indicator to link the measure to, through the strategy module's own mutations.
    const strategy = async (operation: string, input: Record<string, unknown>) => {
      const res = await gql(operation, { input }, { token: tokens.director });
      expect(res.errors).toBeUndefined();
      return Object.values(res.data!)[0] as Record<string, any>;
    };
    const planId = (await strategy(DRAFT_PLAN, { title: strategyName('Development programme 2024–2028'), startYear: 2024, endYear: 2028 })).strategicPlan.id;
    await strategy(ADD_DIRECTION, { planId, code: '1', name: strategyName('Internationalisation') });
    await strategy(ADD_GOAL, { planId, directionCode: '1', code: '1.1', name: strategyName('Visibility in rankings') });
    const indicator = (await strategy(DEFINE_INDICATOR, indicatorInput(planId, { ownerUnit: 'international-office' }))).indicator;

    const measure = {
      rankingEditionId: ids.qs2026,
      code: 'M1',
      measure: 'Invite visiting professors',
      responsibleUnit: 'international-office',
      decidedOn: '2026-06-20',
      indicatorCode: 'IFR',
      strategyIndicatorId: indicator.id,
    };
    expect(await call('decideRankingImprovementMeasure', measure, 'methodist')).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await call('decideRankingImprovementMeasure', { ...measure, strategyIndicatorId: 'no-such-indicator' }, 'director')).toMatchObject({
      __typename: 'NotFoundError',
    });
    await send('decideRankingImprovementMeasure', measure, 'director');
    const measures = await query(`query($id: ID!) { rankingEdition(id: $id) { improvementMeasures { code indicatorCode strategyIndicator { id } } } }`, {
      id: ids.qs2026,
    });
    expect(measures.rankingEdition.improvementMeasures).toEqual([{ code: 'M1', indicatorCode: 'IFR', strategyIndicator: { id: indicator.id } }]);
  });

  it('lists rankings by name with filters and keyset paging, each with its positions by year and its trend', async () => {
    const page = async (variables: Record<string, unknown>) =>
      (
        await query(
          `query($f: RankingFilter, $first: Int, $after: String, $last: Int, $before: String) { rankings(filter: $f, first: $first, after: $after, last: $last, before: $before) {
          edges { cursor node { shortName trend currentSubmissionStatus editions { year result { rank band } } } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } }`,
          variables,
        )
      ).rankings;
    const first = await page({ first: 2 });
    expect(first.edges.map((e: any) => e.node.shortName)).toEqual(['ARWU', 'IAAR']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page({ first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((e: any) => e.node.shortName)).toEqual(['rating.kg', 'QS WUR']);
    const third = await page({ first: 2, after: second.pageInfo.endCursor });
    expect(third.edges.map((e: any) => e.node.shortName)).toEqual(['THE WUR']);
    expect(third.pageInfo.hasNextPage).toBe(false);
    const back = await page({ last: 2, before: third.edges[0].cursor });
    expect(back.edges.map((e: any) => e.node.shortName)).toEqual(['rating.kg', 'QS WUR']);

    const national = await page({ f: { kinds: ['NATIONAL_MINISTRY', 'NATIONAL_INDEPENDENT'] } });
    expect(national.edges.map((e: any) => e.node)).toEqual([
      { shortName: 'IAAR', trend: null, currentSubmissionStatus: null, editions: [] },
      {
        shortName: 'rating.kg',
        trend: 'DECLINED',
        currentSubmissionStatus: 'NOT_REQUIRED',
        editions: [
          { year: 2026, result: { rank: 6, band: null } },
          { year: 2025, result: { rank: 4, band: null } },
        ],
      },
    ]);
    const improved = await page({ f: { trends: ['IMPROVED'] } });
    expect(improved.edges.map((e: any) => e.node.shortName)).toEqual(['QS WUR']);
    const arwu = await page({ f: { submissionStatuses: ['NOT_REQUIRED'], kinds: ['INTERNATIONAL'] } });
    expect(arwu.edges.map((e: any) => [e.node.shortName, e.node.trend])).toEqual([['ARWU', null]]);
  });

  it('tells a subscriber each change to the edition it follows, with the submission as it stood then', async () => {
    const edition = (await send('announceRankingEdition', { rankingOrganisationId: ids.the, year: 2026, title: 'THE WUR 2026', indicators: qsIndicators }))
      .rankingEdition;
    const changes = await sseSubscription(
      yoga,
      'subscription($id: ID) { rankingEditionChanged(id: $id) { eventType revision rankingEdition { submissionStatus values { indicatorCode status } } } }',
      { id: edition.id },
      tokens.teacher,
    );
    await send(
      'recordRankingDataValue',
      { rankingEditionId: edition.id, indicatorCode: 'IFR', value: 3.1, evidence: 'International office list', supplyingUnit: 'international-office' },
      'methodist',
    );
    await send('returnRankingDataValue', { rankingEditionId: edition.id, indicatorCode: 'IFR', returnedOn: '2026-02-01', reason: 'Use FTE' });
    const received = [(await changes.next())?.data?.rankingEditionChanged, (await changes.next())?.data?.rankingEditionChanged];
    await changes.close();
    expect(received).toEqual([
      {
        eventType: 'RankingDataValueRecorded',
        revision: 1,
        rankingEdition: { submissionStatus: 'COLLECTING', values: [{ indicatorCode: 'IFR', status: 'RECORDED' }] },
      },
      {
        eventType: 'RankingDataValueReturned',
        revision: 2,
        rankingEdition: { submissionStatus: 'COLLECTING', values: [{ indicatorCode: 'IFR', status: 'RETURNED' }] },
      },
    ]);
  });
});
