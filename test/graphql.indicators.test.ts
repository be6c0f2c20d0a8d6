// Strategy indicators as a dashboard frontend reaches them: GraphQL through Yoga (yoga.fetch, no
// port) on a hub with the real embedded store. A plan and its tree, indicators and their values,
// the dashboard for a year with its filters and paging, one indicator's series, target history and
// past state, the plan rolled up, deviations and corrective actions; and bad input refused with
// nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePosition } from '../src/eventstore/position.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import {
  ADD_DIRECTION,
  ADD_GOAL,
  ADOPT_PLAN,
  COMPLETE_ACTION,
  CORRECT_MEASUREMENT,
  DASHBOARD,
  DEFINE_INDICATOR,
  DRAFT_PLAN,
  indicatorInput,
  name,
  PLAN_ACTION,
  RECORD_DEVIATION,
  REJECT_MEASUREMENT,
  REPORT_MEASUREMENT,
  REVISE_TARGET,
  START_ACTION,
  VERIFY_ACTION,
  VERIFY_MEASUREMENT,
} from './support/strategy-operations.ts';

let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let gql: ReturnType<typeof yogaClient>;
let token: string;
let planId: string;
const auditor = { id: 'u-auditor', name: 'External Auditor', roles: ['auditor' as const] };

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path));
  gql = yogaClient(createGraphQLHandler(hub, { secret: TEST_SECRET }));
  token = await tokenFor(director);
});
afterAll(async () => {
  await hub.close();
  dir.remove();
});

const head = async () => {
  const position = await hub.store.headPosition();
  return position ? encodePosition(position) : null;
};

async function send(operation: string, input: Record<string, unknown>, as = token) {
  const res = await gql(operation, { input }, { token: as });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as Record<string, any>;
}

async function accepted(operation: string, input: Record<string, unknown>, as = token) {
  const payload = await send(operation, input, as);
  expect(payload.__typename, JSON.stringify(payload)).toMatch(/Payload$/);
  return payload;
}

/** An indicator with values verified for the years given. */
async function indicator(overrides: Record<string, unknown>, verified: [string, number][] = []): Promise<string> {
  const defined = await accepted(DEFINE_INDICATOR, indicatorInput(planId, overrides));
  const id: string = defined.indicator.id;
  for (const [period, value] of verified) {
    await accepted(REPORT_MEASUREMENT, { indicatorId: id, period, value, evidence: 'Register extract', reportedOn: '2027-01-15' });
    await accepted(VERIFY_MEASUREMENT, { indicatorId: id, period, verifiedOn: '2027-01-20' });
  }
  return id;
}

beforeAll(async () => {
  const plan = await accepted(DRAFT_PLAN, { title: name('Development programme 2024–2028'), startYear: 2024, endYear: 2028 });
  planId = plan.strategicPlan.id;
  await accepted(ADD_DIRECTION, { planId, code: '1', name: name('Quality of education') });
  await accepted(ADD_DIRECTION, { planId, code: '2', name: name('Research and innovation') });
  await accepted(ADD_GOAL, { planId, directionCode: '1', code: '1.1', name: name('Qualified teaching staff') });
  await accepted(ADD_GOAL, { planId, directionCode: '2', code: '2.1', name: name('Visible research') });
  const adopted = await accepted(ADOPT_PLAN, { planId, adoptedOn: '2024-02-01', decision: 'Academic Council, protocol 5' });
  expect(adopted.strategicPlan).toMatchObject({
    status: 'ADOPTED',
    directions: [
      { code: '1', goals: [{ code: '1.1' }] },
      { code: '2', goals: [{ code: '2.1' }] },
    ],
  });
});

describe('the indicators dashboard', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    ids = {
      degrees: await indicator({ code: 'SD1-G1-KPI01' }, [['2026', 36]]),
      employment: await indicator(
        { code: 'SD1-G1-KPI02', direction: 'AT_LEAST', targets: [], finalTarget: { year: 2028, value: 70 }, ownerUnit: 'career-centre' },
        [['2026', 66]],
      ),
      qs: await indicator(
        {
          code: 'SD2-G1-KPI01',
          goalCode: '2.1',
          unit: 'RANK_POSITION',
          direction: 'DECREASE',
          baseline: { year: 2024, value: 600 },
          targets: [],
          finalTarget: { year: 2028, value: 450 },
          weight: 3,
          ownerUnit: 'rankings-office',
        },
        [['2026', 400]],
      ),
      scopus: await indicator({
        code: 'SD2-G1-KPI02',
        goalCode: '2.1',
        unit: 'COUNT',
        baseline: { year: 2024, value: 100 },
        targets: [],
        finalTarget: { year: 2028, value: 200 },
        ownerUnit: 'research-office',
      }),
    };
  });

  it('shows each indicator with its target for the year, latest verified value, ratio and status', async () => {
    const res = await gql(DASHBOARD, { year: 2026, filter: { planId } }, { token });
    const rows = res.data!.indicators.edges.map((e: any) => e.node);
    expect(rows.map((r: any) => [r.indicator.code, r.target.value, r.latestValue, r.status])).toEqual([
      ['SD1-G1-KPI01', 36, 36, 'ON_TRACK'],
      ['SD1-G1-KPI02', 70, 66, 'AT_RISK'],
      ['SD2-G1-KPI01', 525, 400, 'ACHIEVED'],
      // No value yet and no reporting deadline missed (no clock runs here): awaiting data.
      ['SD2-G1-KPI02', 150, null, 'AWAITING_DATA'],
    ]);
    expect(rows[1].statusLabel).toBe('At risk');
    expect(rows[0].valuesByPeriod).toEqual([{ period: '2026', value: 36 }]);
  });

  it('filters by strategic direction, goal, owner unit, status and direction', async () => {
    const codes = async (filter: Record<string, unknown>) =>
      (await gql(DASHBOARD, { year: 2026, filter: { planId, ...filter } }, { token })).data!.indicators.edges.map((e: any) => e.node.indicator.code);
    expect(await codes({ strategicDirection: '2' })).toEqual(['SD2-G1-KPI01', 'SD2-G1-KPI02']);
    expect(await codes({ goal: '1.1' })).toEqual(['SD1-G1-KPI01', 'SD1-G1-KPI02']);
    expect(await codes({ ownerUnit: 'career-centre' })).toEqual(['SD1-G1-KPI02']);
    expect(await codes({ statuses: ['ACHIEVED', 'AWAITING_DATA'] })).toEqual(['SD2-G1-KPI01', 'SD2-G1-KPI02']);
    expect(await codes({ directions: ['AT_LEAST'] })).toEqual(['SD1-G1-KPI02']);
  });

  it('is read by auditors, and by nobody anonymous', async () => {
    const asAuditor = await gql(DASHBOARD, { year: 2026, filter: { planId, goal: '1.1' } }, { token: await tokenFor(auditor) });
    expect(asAuditor.data!.indicators.edges).toHaveLength(2);
    const anonymous = await gql(DASHBOARD, { year: 2026 });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('pages in a stable order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await gql(DASHBOARD, { year: 2026, filter: { planId }, first: 3, after }, { token });
      seen.push(...res.data.indicators.edges.map((e: any) => e.node.indicator.code));
      if (!res.data.indicators.pageInfo.hasNextPage) break;
      after = res.data.indicators.pageInfo.endCursor;
    }
    expect(seen).toEqual(['SD1-G1-KPI01', 'SD1-G1-KPI02', 'SD2-G1-KPI01', 'SD2-G1-KPI02']);
    const stranger = await gql(DASHBOARD, { year: 2027, after }, { token });
    expect(stranger.errors?.[0]?.message).toMatch(/^after: not a cursor of this list/);
  });

  it('rolls the plan up by weight to goals, directions and the plan', async () => {
    const res = await gql(
      `query($id: ID!) { strategicPlan(id: $id, year: 2026) { status rollUp { status score }
         directions { code rollUp { status score } goals { code rollUp { status } indicators { indicator { code } } } } } }`,
      { id: planId },
      { token },
    );
    const plan = res.data!.strategicPlan;
    // Direction 1: degrees on track (1) and employment at 66/70 ≈ 0.943; direction 2: the rank achieved, Scopus without data.
    expect(plan.directions[0].rollUp.score).toBeCloseTo((1 + (1 - 4 / 70)) / 2, 6);
    expect(plan.directions[0].rollUp.status).toBe('AT_RISK');
    expect(plan.directions[1].rollUp).toEqual({ status: 'ON_TRACK', score: 1 });
    expect(plan.directions[1].goals[0].indicators.map((i: any) => i.indicator.code)).toEqual(['SD2-G1-KPI01', 'SD2-G1-KPI02']);
    expect(plan.rollUp.score).toBeCloseTo((1 + (1 - 4 / 70) + 3) / 5, 6);
    expect(plan.status).toBe('ADOPTED');
  });

  it('shows one indicator with its series, and a revised target with who, when and why', async () => {
    await accepted(REVISE_TARGET, { indicatorId: ids.degrees!, year: 2026, value: 36.5, reason: 'Raised by the Academic Council', revisedOn: '2026-06-01' });
    const res = await gql(
      `query($id: ID!) { indicator(id: $id) { code directionLabel(language: RU) unitLabel(language: KY) targets { year value }
         series { year expected { value } status } assessment(year: 2026) { status ratio }
         targetRevisions { year previous { value } target { value } reason revisedOn revisedBy } } }`,
      { id: ids.degrees },
      { token },
    );
    const found = res.data!.indicator;
    expect(found.directionLabel).toBe('Увеличение');
    expect(found.unitLabel).toBe('Пайыз');
    expect(found.targets).toEqual([{ year: 2026, value: 36.5 }]);
    expect(found.series.map((y: any) => [y.year, y.expected.value, y.status])).toEqual([
      [2025, 33.25, 'AWAITING_DATA'],
      [2026, 36.5, 'AT_RISK'],
      [2027, 38.25, 'AWAITING_DATA'],
      [2028, 40, 'AWAITING_DATA'],
    ]);
    expect(found.assessment.ratio).toBeCloseTo(6 / 6.5, 6);
    expect(found.targetRevisions).toEqual([
      {
        year: 2026,
        previous: { value: 36 },
        target: { value: 36.5 },
        reason: 'Raised by the Academic Council',
        revisedOn: '2026-06-01',
        revisedBy: director.name,
      },
    ]);
    const history = await gql(
      `query($id: ID!) { history(id: $id) { events { type revision actor { name } } } }`,
      { id: ids.degrees },
      { token: await tokenFor(auditor) },
    );
    expect(history.data!.history.events.map((e: any) => [e.type, e.revision])).toEqual([
      ['IndicatorDefined', 0],
      ['IndicatorMeasurementReported', 1],
      ['IndicatorMeasurementVerified', 2],
      ['IndicatorTargetRevised', 3],
    ]);
    const before = await gql(
      `query($id: ID!) { indicator(id: $id, asOf: { revision: 2 }) { targets { value } assessment(year: 2026) { status } } }`,
      { id: ids.degrees },
      { token },
    );
    expect(before.data!.indicator).toEqual({ targets: [{ value: 36 }], assessment: { status: 'ON_TRACK' } });
  });

  it('keeps a rejected value out of the status, and a correction sends it back for verification', async () => {
    const id = ids.scopus!;
    await accepted(REPORT_MEASUREMENT, { indicatorId: id, period: '2026', value: 90, evidence: 'Scopus export', reportedOn: '2027-01-15' });
    const rejected = await accepted(REJECT_MEASUREMENT, { indicatorId: id, period: '2026', reason: 'Counts conference abstracts', rejectedOn: '2027-01-16' });
    expect(rejected.indicator.measurements).toEqual([{ period: '2026', value: 90, status: 'REJECTED' }]);
    const corrected = await accepted(CORRECT_MEASUREMENT, {
      indicatorId: id,
      period: '2026',
      value: 160,
      evidence: 'Scopus export, articles only',
      reason: 'Abstracts removed',
      correctedOn: '2027-01-17',
    });
    expect(corrected.indicator.measurements).toEqual([{ period: '2026', value: 160, status: 'REPORTED' }]);
    await accepted(VERIFY_MEASUREMENT, { indicatorId: id, period: '2026', verifiedOn: '2027-01-18' });
    const row = (await gql(DASHBOARD, { year: 2026, filter: { planId, goal: '2.1', statuses: ['ON_TRACK'] } }, { token })).data!.indicators.edges;
    expect(row.map((e: any) => [e.node.indicator.code, e.node.latestValue])).toEqual([['SD2-G1-KPI02', 160]]);
  });
});

describe('deviations and corrective actions', () => {
  it('lists an off-track indicator as needing a corrective action until one is opened, and tracks the action to its check', async () => {
    const id = await indicator({ code: 'SD1-G1-KPI09', ownerUnit: 'faculty-law' }, [['2026', 31]]);
    const refused = await send(RECORD_DEVIATION, { indicatorId: await indicator({ code: 'SD1-G1-KPI10' }, [['2026', 36]]), period: '2026' });
    expect(refused).toMatchObject({ __typename: 'DomainRuleError', code: 'INDICATOR_NOT_OFF_TRACK' });

    const deviation = await accepted(RECORD_DEVIATION, { indicatorId: id, period: '2026' });
    expect(deviation.indicator).toMatchObject({ needsCorrectiveAction: true, openCorrectiveActions: 0 });
    const flagged = (
      await gql(DASHBOARD, { year: 2026, filter: { planId, statuses: ['OFF_TRACK'], ownerUnit: 'faculty-law' } }, { token })
    ).data!.indicators.edges.map((e: any) => e.node);
    expect(flagged.map((n: any) => [n.indicator.code, n.needsCorrectiveAction])).toEqual([['SD1-G1-KPI09', true]]);

    const planned = await accepted(PLAN_ACTION, {
      source: 'INDICATOR',
      sourceId: id,
      problem: '31 % against 36 % expected',
      rootCause: 'Defences delayed',
      action: 'Fund six defences',
      owner: 'Aibek Sultanov',
      ownerUnit: 'faculty-law',
      plannedOn: '2027-02-01',
      dueOn: '2027-06-30',
    });
    const actionId = planned.correctiveAction.id;
    const after = await gql(
      `query($id: ID!) { indicator(id: $id) { needsCorrectiveAction openCorrectiveActions correctiveActions { correctiveActionId status } deviations { period ratio } } }`,
      { id },
      { token },
    );
    expect(after.data!.indicator).toMatchObject({
      needsCorrectiveAction: false,
      openCorrectiveActions: 1,
      correctiveActions: [{ correctiveActionId: planned.correctiveAction.correctiveActionId, status: 'PLANNED' }],
    });
    expect(after.data!.indicator.deviations[0].ratio).toBeCloseTo(1 / 6, 6);

    const lawHead = await tokenFor({ id: 'u-law', name: 'Head of Law', roles: ['unit_head'], unit: 'faculty-law' });
    const otherHead = await tokenFor({ id: 'u-med', name: 'Head of Medicine', roles: ['unit_head'], unit: 'faculty-medicine' });
    expect((await send(START_ACTION, { correctiveActionId: actionId, startedOn: '2027-02-05' }, otherHead)).__typename).toBe('ForbiddenError');
    await accepted(START_ACTION, { correctiveActionId: actionId, startedOn: '2027-02-05' }, lawHead);
    await accepted(COMPLETE_ACTION, { correctiveActionId: actionId, completedOn: '2027-06-20', evidence: 'Six defences held' }, lawHead);
    const checked = await accepted(VERIFY_ACTION, {
      correctiveActionId: actionId,
      effective: true,
      conclusion: 'Share reached 36.5 %',
      verifiedOn: '2027-12-01',
    });
    expect(checked.correctiveAction).toMatchObject({ status: 'VERIFIED_EFFECTIVE', effective: true, overdue: false });

    const register = await gql(
      `query($id: ID!) { correctiveActions(filter: { sourceId: $id }) { edges { node { status statusLabel(language: RU) sourceLabel(language: EN) indicator { code } } } } }`,
      { id },
      { token },
    );
    expect(register.data!.correctiveActions.edges).toEqual([
      {
        node: {
          status: 'VERIFIED_EFFECTIVE',
          statusLabel: 'Подтверждена эффективность',
          sourceLabel: 'Strategy indicator',
          indicator: { code: 'SD1-G1-KPI09' },
        },
      },
    ]);
    const open = await gql(`query { correctiveActions(filter: { open: true }) { edges { node { id } } } }`, {}, { token });
    expect(open.data!.correctiveActions.edges).toEqual([]);
  });
});

describe('refusals', () => {
  it('refuses an indicator under a goal the plan does not have, storing nothing', async () => {
    const before = await head();
    const payload = await send(DEFINE_INDICATOR, indicatorInput(planId, { goalCode: '9.9' }));
    expect(payload).toMatchObject({ __typename: 'NotFoundError', entity: 'strategic goal', id: '9.9' });
    expect(await head()).toBe(before);
  });

  it('names the field and the rule of bad input', async () => {
    const before = await head();
    const payload = await send(DEFINE_INDICATOR, indicatorInput(planId, { direction: 'RANGE', thresholds: { atRisk: 0.5, offTrack: 0.9 } }));
    expect(payload.__typename).toBe('ValidationError');
    expect(payload.issues).toEqual(
      expect.arrayContaining([
        { path: ['thresholds', 'offTrack'], message: 'must be below atRisk' },
        { path: ['targets', '0', 'min'], message: 'is required for a range' },
      ]),
    );
    const period = await send(REPORT_MEASUREMENT, {
      indicatorId: '00000000-0000-4000-8000-000000000000',
      period: '2026-Q5',
      value: 1,
      evidence: 'x',
      reportedOn: '2027-01-01',
    });
    expect(period.issues).toEqual([{ path: ['period'], message: 'must be a year (2026), a semester (2026-S1) or a quarter (2026-Q3)' }]);
    expect(await head()).toBe(before);
  });

  it('lets a unit head report only for the indicators of their unit', async () => {
    const id = await indicator({ code: 'SD1-G1-KPI11', ownerUnit: 'faculty-medicine' });
    const own = await tokenFor({ id: 'u-med', name: 'Head of Medicine', roles: ['unit_head'], unit: 'faculty-medicine' });
    const other = await tokenFor({ id: 'u-law', name: 'Head of Law', roles: ['unit_head'], unit: 'faculty-law' });
    const input = { indicatorId: id, period: '2026', value: 35, evidence: 'Faculty register', reportedOn: '2027-01-15' };
    expect(await send(REPORT_MEASUREMENT, input, other)).toMatchObject({ __typename: 'ForbiddenError' });
    expect((await accepted(REPORT_MEASUREMENT, input, own)).indicator.measurements).toEqual([{ period: '2026', value: 35, status: 'REPORTED' }]);
    expect((await send(VERIFY_MEASUREMENT, { indicatorId: id, period: '2026', verifiedOn: '2027-01-16' }, own)).__typename).toBe('ForbiddenError');
  });
});

describe('where a value came from', () => {
  const MEASUREMENTS = `query($id: ID!) { indicator(id: $id) { measurements { period value dataRequestId } } }`;
  const dataRequest = (name: string, input: Record<string, unknown>, as: string) =>
    gql(
      `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename ... on DataRequestPayload { dataRequest { id dataRequestId status } } } }`,
      { input },
      { token: as },
    );

  it('names the data request whose accepted answer it is, and refuses one not accepted or not there', async () => {
    const dean = await tokenFor({ id: 'u-dean-econ', name: 'Dean of Economics', roles: ['unit_head'], unit: 'faculty-economics' });
    const sent = await dataRequest(
      'sendDataRequest',
      {
        subject: 'Teachers with degrees',
        question: 'How many of the faculty’s teachers hold a degree?',
        figures: [{ name: 'With a degree', unit: 'percent' }],
        unitKind: 'FACULTY',
        unit: 'faculty-economics',
        sentOn: '2026-11-02',
        dueOn: '2026-11-20',
      },
      token,
    );
    const requestId: string = sent.data!.sendDataRequest.dataRequest.dataRequestId;
    const id = await indicator({ code: 'SD1-G1-KPI09' });
    const citing = (period: string) => ({
      indicatorId: id,
      period,
      value: 41,
      evidence: 'Answer of the faculty',
      dataRequestId: requestId,
      reportedOn: '2026-11-25',
    });

    // Not answered yet: no value can come from it.
    expect(await send(REPORT_MEASUREMENT, citing('2026'))).toMatchObject({ __typename: 'DomainRuleError', code: 'DATA_REQUEST_NOT_ACCEPTED' });
    const answered = await dataRequest(
      'answerDataRequest',
      { dataRequestId: requestId, answeredOn: '2026-11-10', values: [{ name: 'With a degree', value: 41 }] },
      dean,
    );
    expect(answered.data!.answerDataRequest.__typename).toBe('DataRequestPayload');
    expect(await send(REPORT_MEASUREMENT, citing('2026'))).toMatchObject({ __typename: 'DomainRuleError', code: 'DATA_REQUEST_NOT_ACCEPTED' });
    const acceptedAnswer = await dataRequest('acceptDataRequestResponse', { dataRequestId: requestId, acceptedOn: '2026-11-15' }, token);
    expect(acceptedAnswer.data!.acceptDataRequestResponse.dataRequest.status).toBe('ACCEPTED');

    expect(await send(REPORT_MEASUREMENT, { ...citing('2026'), dataRequestId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      __typename: 'NotFoundError',
      entity: 'data request',
    });
    await accepted(REPORT_MEASUREMENT, citing('2026'));
    const read = await gql(MEASUREMENTS, { id }, { token });
    expect(read.data!.indicator.measurements).toEqual([{ period: '2026', value: 41, dataRequestId: requestId }]);

    // Accreditation evidence cites an answered request the same way.
    const REGISTER = `mutation($input: RegisterEvidenceInput!) { registerEvidence(input: $input) {
      __typename ... on EvidencePayload { evidence { dataRequestId } } ... on DomainRuleError { code } ... on NotFoundError { entity } } }`;
    const evidence = (dataRequestId: string) => ({
      title: 'Staff qualifications, faculty of economics',
      kind: 'REPORT',
      reference: 'Answer to the data request',
      ownerUnit: 'faculty-economics',
      dataRequestId,
      registeredOn: '2026-11-16',
    });
    const registered = await gql(REGISTER, { input: evidence(requestId) }, { token });
    expect(registered.data!.registerEvidence).toEqual({ __typename: 'EvidencePayload', evidence: { dataRequestId: requestId } });
    const unknown = await gql(REGISTER, { input: evidence('00000000-0000-4000-8000-000000000001') }, { token });
    expect(unknown.data!.registerEvidence).toEqual({ __typename: 'NotFoundError', entity: 'data request' });
  });
});
