// The strategy loop over a real socket, as `npm start` runs it: a plan and an indicator, an
// off-track value reported and verified, the deviation, a corrective action and the check of its
// effectiveness, while an SSE client follows indicatorChanged. The hub's automation (which runs
// reactors) is built on another branch, so this test plays its part: it hands the stored
// verification event to the module's deviation reactor and sends the follow-up command it
// returns, as the automation will.
import { createClient as createSseClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorDeviationReactor } from '../src/domain/indicators.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { graphqlClient } from './support/graphql.ts';
import {
  ADD_DIRECTION,
  ADD_GOAL,
  COMPLETE_ACTION,
  DASHBOARD,
  DEFINE_INDICATOR,
  DRAFT_PLAN,
  indicatorInput,
  name,
  PLAN_ACTION,
  RECORD_DEVIATION,
  REPORT_MEASUREMENT,
  START_ACTION,
  VERIFY_ACTION,
  VERIFY_MEASUREMENT,
} from './support/strategy-operations.ts';

const CHANGES = `subscription($id: ID) { indicatorChanged(id: $id) { eventType revision indicator { needsCorrectiveAction openCorrectiveActions } } }`;
type Change = { eventType: string; revision: number; indicator: { needsCorrectiveAction: boolean; openCorrectiveActions: number } };

describe('from a strategic plan to a verified corrective action, over HTTP', () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let hub: Hub;
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    dir = temporaryDirectory();
    hub = await openHub(testConfig(dir.path));
    server = await startServer(hub, { port: 0, host: '127.0.0.1', secret: TEST_SECRET });
    token = await tokenFor(director);
  });
  afterAll(async () => {
    await server.close();
    await hub.close();
    dir.remove();
  });

  it('records the deviation an off-track value calls for, and clears it with a corrective action that proves effective', async () => {
    const gql = graphqlClient(fetch, server.url);
    const send = async (operation: string, input: Record<string, unknown>, as = token) => {
      const res = await gql(operation, { input }, { token: as });
      expect(res.status).toBe(200);
      const payload = Object.values(res.data!)[0] as Record<string, any>;
      expect(payload.__typename, JSON.stringify(payload)).toMatch(/Payload$/);
      return payload;
    };

    const planId = (await send(DRAFT_PLAN, { title: name('Development programme 2024–2028'), startYear: 2024, endYear: 2028 })).strategicPlan.id;
    await send(ADD_DIRECTION, { planId, code: '1', name: name('Quality of education') });
    await send(ADD_GOAL, { planId, directionCode: '1', code: '1.1', name: name('Qualified teaching staff') });
    const indicator = (await send(DEFINE_INDICATOR, indicatorInput(planId, { ownerUnit: 'faculty-law' }))).indicator;

    const sse = createSseClient({ url: server.url, headers: { authorization: `Bearer ${token}` } });
    const changes: Change[] = [];
    let seen: (() => void) | undefined;
    const allSeen = new Promise<void>((resolve) => (seen = resolve));
    const stop = sse.subscribe<{ indicatorChanged: Change }>(
      { query: CHANGES, variables: { id: indicator.id } },
      {
        next: (value) => {
          changes.push(value.data!.indicatorChanged);
          if (changes.length === 4) seen!();
        },
        error: (error) => expect.fail(String(error)),
        complete: () => {},
      },
    );
    await expect.poll(() => hub.projections.listenerCount()).toBe(1);

    // The faculty reports 31 % where 36 % is expected in 2026; the department verifies it.
    const lawHead = await tokenFor({ id: 'u-law-head', name: 'Head of the Faculty of Law', roles: ['unit_head'], unit: 'faculty-law' });
    await send(
      REPORT_MEASUREMENT,
      { indicatorId: indicator.id, period: '2026', value: 31, evidence: 'Faculty staff list, January 2027', reportedOn: '2027-01-15' },
      lawHead,
    );
    const verified = await send(VERIFY_MEASUREMENT, { indicatorId: indicator.id, period: '2026', verifiedOn: '2027-01-20' });

    // What the automation will do: the reactor reads the stored verification and answers with the follow-up.
    const stored: RecordedEvent[] = [];
    for await (const event of hub.store.readStream(`indicator-${indicator.indicatorId}`)) stored.push(event);
    const verification = stored.find((e) => e.type === 'IndicatorMeasurementVerified')!;
    expect(verification.revision).toBe(BigInt(verified.revision));
    const followUps = indicatorDeviationReactor.react(verification);
    expect(followUps).toEqual([{ command: 'recordIndicatorDeviation', input: { indicatorId: indicator.indicatorId, period: '2026' } }]);
    const deviation = await send(RECORD_DEVIATION, followUps[0]!.input);
    expect(deviation.indicator).toMatchObject({ needsCorrectiveAction: true, openCorrectiveActions: 0 });

    const dashboard = await gql(DASHBOARD, { year: 2026, filter: { statuses: ['OFF_TRACK'] } }, { token });
    expect(dashboard.data!.indicators.edges.map((e: any) => [e.node.latestValue, e.node.status, e.node.needsCorrectiveAction])).toEqual([
      [31, 'OFF_TRACK', true],
    ]);

    const action = (
      await send(PLAN_ACTION, {
        source: 'INDICATOR',
        sourceId: indicator.id,
        problem: '31 % of staff hold a degree against 36 % expected',
        rootCause: 'Defences delayed by the council’s closure',
        action: 'Fund six defences in Bishkek',
        owner: 'Aibek Sultanov',
        ownerUnit: 'faculty-law',
        plannedOn: '2027-02-01',
        dueOn: '2027-06-30',
      })
    ).correctiveAction;

    await allSeen;
    expect(changes.map((c) => [c.eventType, c.revision, c.indicator.needsCorrectiveAction, c.indicator.openCorrectiveActions])).toEqual([
      ['IndicatorMeasurementReported', 1, false, 0],
      ['IndicatorMeasurementVerified', 2, false, 0],
      ['IndicatorDeviationRecorded', 3, true, 0],
      // Opening the action is an event of the action's own stream; the indicator shows its effect.
      ['CorrectiveActionPlanned', 3, false, 1],
    ]);
    stop();
    sse.dispose();

    await send(START_ACTION, { correctiveActionId: action.id, startedOn: '2027-02-05' }, lawHead);
    await send(COMPLETE_ACTION, { correctiveActionId: action.id, completedOn: '2027-06-20', evidence: 'Six defences held' }, lawHead);
    const checked = await send(VERIFY_ACTION, {
      correctiveActionId: action.id,
      effective: true,
      conclusion: 'The share reached 36.5 %',
      verifiedOn: '2027-12-01',
    });
    expect(checked.correctiveAction).toMatchObject({ status: 'VERIFIED_EFFECTIVE', effective: true });

    const after = await gql(
      `query($id: ID!) { indicator(id: $id) { needsCorrectiveAction openCorrectiveActions deviations { period } correctiveActions { status } } }`,
      { id: indicator.id },
      { token },
    );
    expect(after.data!.indicator).toEqual({
      needsCorrectiveAction: false,
      openCorrectiveActions: 0,
      deviations: [{ period: '2026' }],
      correctiveActions: [{ status: 'VERIFIED_EFFECTIVE' }],
    });
  });
});
