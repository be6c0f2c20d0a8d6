// The clock on strategy indicators, with time moved by hand: when a period's reporting deadline
// (its end plus the passport's reporting days, Kyrgyzstan time) passes without a verified value,
// the system records IndicatorPeriodMissed, and the year's status turns from "awaiting data" (or
// from a value gone stale) to "no data"; a period verified in time records nothing; a value
// verified late brings the status back. And the moments the rule sets for a plan under way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { automationParts } from '../schema/follow-up.ts';
import { startAutomation, type Automation } from '../src/automation/index.ts';
import { indicatorPeriodMissedRule } from '../src/domain/indicator-clock.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { eventsOfType } from './support/hub-events.ts';
import { manualClock } from './support/manual-clock.ts';
import {
  ADD_DIRECTION,
  ADD_GOAL,
  ADOPT_PLAN,
  DASHBOARD,
  DEFINE_INDICATOR,
  DRAFT_PLAN,
  indicatorInput,
  name,
  REPORT_MEASUREMENT,
  VERIFY_MEASUREMENT,
} from './support/strategy-operations.ts';

describe('the moments of the period-missed rule', () => {
  const planId = '3b5d7f9a-1c3e-4a5b-8d7f-9a1c3e5b7d9f';
  const defined = (recordedAt: string, passport: Record<string, unknown>): RecordedEvent =>
    ({ type: 'IndicatorDefined', recordedAt, data: { indicatorId: 'i-1', directionCode: '1', ...indicatorInput(planId, passport) } }) as never;

  it('sets one moment per period of the horizon, at the start of the day after its due day', () => {
    const changes = indicatorPeriodMissedRule.changes(
      defined('2026-05-10T03:00:00.000Z', {
        unit: 'percent',
        direction: 'increase',
        frequency: 'semester',
        baseline: { year: 2024, value: 30 },
        targets: [{ year: 2025, value: 33 }],
        finalTarget: { year: 2026, value: 36 },
        reportingDays: 60,
      }),
    );
    expect(changes.map((c) => (c.action === 'at' ? [c.key, c.at, c.followUp.input.period] : c))).toEqual([
      // Periods over before the indicator was defined are due their reporting days after the definition.
      ['indicator:i-1:period:2025-S1', '2026-07-09T18:00:00.000Z', '2025-S1'],
      ['indicator:i-1:period:2025-S2', '2026-07-09T18:00:00.000Z', '2025-S2'],
      ['indicator:i-1:period:2026-S1', '2026-08-29T18:00:00.000Z', '2026-S1'],
      ['indicator:i-1:period:2026-S2', '2027-03-01T18:00:00.000Z', '2026-S2'],
    ]);
    expect(changes.every((c) => c.action === 'at' && c.followUp.command === 'recordIndicatorPeriodMissed')).toBe(true);
  });

  it('takes 90 days when the passport names none', () => {
    const [first] = indicatorPeriodMissedRule.changes(
      defined('2026-01-10T03:00:00.000Z', {
        unit: 'percent',
        direction: 'increase',
        frequency: 'annual',
        baseline: { year: 2025, value: 30 },
        targets: [],
        finalTarget: { year: 2026, value: 36 },
      }),
    );
    // 2026-12-31 + 90 days = 2027-03-31; the moment is midnight after it in Osh.
    expect(first).toMatchObject({ key: 'indicator:i-1:period:2026', at: '2027-03-31T18:00:00.000Z' });
  });
});

describe('the clock on an indicator', () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let hub: Hub;
  let automation: Automation;
  let gql: ReturnType<typeof yogaClient>;
  let token: string;
  // Years far ahead of the machine's own clock, so the definition (recorded in real time) comes before every period's end.
  const time = manualClock('2041-01-05T06:00:00.000Z');

  beforeAll(async () => {
    dir = temporaryDirectory();
    hub = await openHub(testConfig(dir.path));
    gql = yogaClient(createGraphQLHandler(hub, { secret: TEST_SECRET }));
    token = await tokenFor(director);
    automation = await startAutomation(hub, { ...automationParts(hub), clock: time.clock });
    await automation.settled();
  });
  afterAll(async () => {
    await automation.stop();
    await hub.close();
    dir.remove();
  });

  async function send(operation: string, input: Record<string, unknown>) {
    const res = await gql(operation, { input }, { token });
    expect(res.errors).toBeUndefined();
    const payload = Object.values(res.data!)[0] as Record<string, any>;
    expect(payload.__typename, JSON.stringify(payload)).toMatch(/Payload$/);
    return payload;
  }
  const row = async (year: number) => {
    const res = await gql(DASHBOARD.replace('needsCorrectiveAction', 'missedPeriods needsCorrectiveAction'), { year }, { token });
    expect(res.errors).toBeUndefined();
    const [node] = res.data!.indicators.edges.map((e: any) => e.node);
    return { status: node.status, latestValue: node.latestValue, period: node.period, missedPeriods: node.missedPeriods };
  };
  const missed = async () =>
    (await eventsOfType(hub, 'IndicatorPeriodMissed')).map((e) => [e.data.period, e.data.dueOn, e.data.recordedOn, e.metadata.actor.id]);
  const settle = async (iso: string) => {
    time.advanceTo(iso);
    await automation.settled();
  };

  it('records a period missed at its deadline, not before, unless its value is verified in time', async () => {
    const plan = await send(DRAFT_PLAN, { title: name('Programme 2040–2042'), startYear: 2040, endYear: 2042 });
    const planId = plan.strategicPlan.id;
    await send(ADD_DIRECTION, { planId, code: '1', name: name('Quality of education') });
    await send(ADD_GOAL, { planId, directionCode: '1', code: '1.1', name: name('Qualified teaching staff') });
    await send(ADOPT_PLAN, { planId, adoptedOn: '2040-02-01', decision: 'Academic Council, protocol 5' });
    const defined = await send(
      DEFINE_INDICATOR,
      indicatorInput(planId, {
        frequency: 'SEMESTER',
        baseline: { year: 2040, value: 30 },
        targets: [{ year: 2041, value: 36 }],
        finalTarget: { year: 2042, value: 40 },
        reportingDays: 30,
      }),
    );
    const indicatorId = defined.indicator.id;
    await automation.settled();
    expect(await row(2041)).toEqual({ status: 'AWAITING_DATA', latestValue: null, period: null, missedPeriods: [] });

    // 2041-S1 ends on 30 June and is due by 30 July: verified on 20 July, so nothing is missed.
    await settle('2041-07-20T06:00:00.000Z');
    await send(REPORT_MEASUREMENT, { indicatorId, period: '2041-S1', value: 36, evidence: 'HR register', reportedOn: '2041-07-10' });
    await send(VERIFY_MEASUREMENT, { indicatorId, period: '2041-S1', verifiedOn: '2041-07-20' });
    await settle('2041-07-31T00:00:00.000Z');
    expect(await missed()).toEqual([]);
    expect(await row(2041)).toEqual({ status: 'ON_TRACK', latestValue: 36, period: '2041-S1', missedPeriods: [] });

    // 2041-S2 ends on 31 December and is due by 30 January 2042: midnight after it in Osh is 18:00 UTC.
    await settle('2042-01-30T17:59:59.999Z');
    expect(await missed()).toEqual([]);
    await settle('2042-01-30T18:00:00.000Z');
    expect(await missed()).toEqual([['2041-S2', '2042-01-30', '2042-01-31', 'sapat-system']]);
    // The S1 value is still shown, but the year has gone without the value now due: no data.
    expect(await row(2041)).toEqual({ status: 'NO_DATA', latestValue: 36, period: '2041-S1', missedPeriods: ['2041-S2'] });
    expect(await row(2042)).toMatchObject({ status: 'AWAITING_DATA', missedPeriods: [] });

    // A value verified late counts again.
    await send(REPORT_MEASUREMENT, { indicatorId, period: '2041-S2', value: 37, evidence: 'HR register', reportedOn: '2042-02-03' });
    await send(VERIFY_MEASUREMENT, { indicatorId, period: '2041-S2', verifiedOn: '2042-02-05' });
    expect(await row(2041)).toEqual({ status: 'ON_TRACK', latestValue: 37, period: '2041-S2', missedPeriods: [] });

    // 2042-S1 passes with nothing reported: the year turns from awaiting data to no data.
    await settle('2042-07-30T18:00:00.000Z');
    expect((await missed()).map(([period]) => period)).toEqual(['2041-S2', '2042-S1']);
    expect(await row(2042)).toEqual({ status: 'NO_DATA', latestValue: null, period: null, missedPeriods: ['2042-S1'] });
    expect(time.pendingTimers()).toBe(1);
  });
});
