// Given/when/then for the strategic plan and its indicators (DOMAIN.md 2.1 item 2): the plan's
// tree, the indicator passport and its target revisions, measurements reported, corrected,
// verified or rejected, and the deviation an off-track value records; and the zod rules of their
// inputs.
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../src/domain/decider.ts';
import { ForbiddenError } from '../src/domain/errors.ts';
import {
  indicatorCommands,
  indicatorDecider,
  indicatorDeviationReactor,
  type IndicatorCommand,
  type IndicatorEvent,
  type IndicatorPassport,
} from '../src/domain/indicators.ts';
import { strategicPlanCommands, strategicPlanDecider, type StrategicPlanEvent } from '../src/domain/strategic-plan.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import { deciderSpec } from './support/decider-spec.ts';

const context: CommandContext = {
  actor: { id: 'staff-0007', name: 'Cholpon Zhusupova', roles: ['specialist'] },
  now: '2027-02-10T04:00:00.000Z',
  commandId: '0b6f2a8e-7c1d-4e3f-9a5b-2d4c6e8f0a1b',
};
const planId = '6a1d3f5b-7c9e-4b2d-8f1a-3c5e7a9b1d2f';
const indicatorId = 'c3e5a7b9-1d2f-4a6c-8e0b-2f4a6c8e0b1d';
const name = { ky: 'Окумуштуулук даражасы барлардын үлүшү', ru: 'Доля остепенённых', en: 'Share of staff with a degree' };

describe('the strategic plan', () => {
  const spec = deciderSpec(strategicPlanDecider, context);
  const drafted: StrategicPlanEvent = { type: 'StrategicPlanDrafted', data: { planId, title: name, startYear: 2024, endYear: 2028 } };
  const direction: StrategicPlanEvent = { type: 'StrategicDirectionAdded', data: { planId, code: '2', name } };
  const goal: StrategicPlanEvent = { type: 'StrategicGoalAdded', data: { planId, directionCode: '2', code: '2.1', name } };

  it('is drafted for a period', () => {
    spec.given([]).when({ type: 'draftStrategicPlan', planId, title: name, startYear: 2024, endYear: 2028 }).then([drafted]);
    spec.given([drafted]).when({ type: 'draftStrategicPlan', planId, title: name, startYear: 2024, endYear: 2028 }).thenThrows('PLAN_ALREADY_DRAFTED');
  });

  it('takes directions and goals under directions, each code once', () => {
    spec.given([drafted]).when({ type: 'addStrategicDirection', planId, code: '2', name }).then([direction]);
    spec.given([drafted, direction]).when({ type: 'addStrategicGoal', planId, directionCode: '2', code: '2.1', name }).then([goal]);
    spec.given([drafted]).when({ type: 'addStrategicGoal', planId, directionCode: '2', code: '2.1', name }).thenThrows('DIRECTION_NOT_FOUND');
    spec.given([drafted, direction, goal]).when({ type: 'addStrategicDirection', planId, code: '2.1', name }).thenThrows('PLAN_CODE_TAKEN');
    spec.given([]).when({ type: 'addStrategicDirection', planId, code: '2', name }).thenThrows('PLAN_NOT_FOUND');
  });

  it('is adopted once, with at least one goal', () => {
    const adopted: StrategicPlanEvent = { type: 'StrategicPlanAdopted', data: { planId, adoptedOn: '2024-02-01', decision: 'Academic Council protocol 5' } };
    spec
      .given([drafted, direction, goal])
      .when({ type: 'adoptStrategicPlan', planId, adoptedOn: '2024-02-01', decision: 'Academic Council protocol 5' })
      .then([adopted]);
    spec.given([drafted, direction]).when({ type: 'adoptStrategicPlan', planId, adoptedOn: '2024-02-01', decision: 'x' }).thenThrows('PLAN_WITHOUT_GOALS');
    spec
      .given([drafted, direction, goal, adopted])
      .when({ type: 'adoptStrategicPlan', planId, adoptedOn: '2024-03-01', decision: 'x' })
      .thenThrows('PLAN_ALREADY_ADOPTED');
  });

  it('refuses a period that ends before it starts, and codes that are not codes', () => {
    const period = strategicPlanCommands.draftStrategicPlan.safeParse({ title: name, startYear: 2028, endYear: 2024 });
    expect(period.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['endYear', 'must not be before startYear']]);
    const code = strategicPlanCommands.addStrategicDirection.safeParse({ planId, code: '2 / 1', name });
    expect(code.error?.issues[0]?.path).toEqual(['code']);
  });
});

const passport: IndicatorPassport = {
  indicatorId,
  planId,
  directionCode: '2',
  goalCode: '2.1',
  code: 'SD2-G1-KPI03',
  name,
  definition: 'Share of full-time teaching staff holding a candidate or doctoral degree or a PhD.',
  formula: 'staff with a degree / full-time staff × 100',
  unit: 'percent',
  direction: 'increase',
  baseline: { year: 2024, value: 30 },
  targets: [{ year: 2026, value: 36 }],
  finalTarget: { year: 2028, value: 40 },
  thresholds: { atRisk: 1, offTrack: 0.9 },
  weight: 2,
  ownerUnit: 'hr-office',
  dataSource: 'HR register',
  frequency: 'annual',
  rankingIndicators: ['QS Faculty/Student'],
  accreditationCriteria: ['Standard 5.2'],
};
const defined: IndicatorEvent = { type: 'IndicatorDefined', data: passport };
const reported = (period: string, value: number): IndicatorEvent => ({
  type: 'IndicatorMeasurementReported',
  data: { indicatorId, period, value, evidence: 'HR extract', reportedOn: '2027-01-20' },
});
const verified = (period: string, value: number, status: 'on_track' | 'at_risk' | 'off_track' | 'achieved', ratio: number): IndicatorEvent => ({
  type: 'IndicatorMeasurementVerified',
  data: { indicatorId, period, value, verifiedOn: '2027-02-01', status, ratio },
});

describe('an indicator', () => {
  const spec = deciderSpec(indicatorDecider, context);
  const command = <C extends IndicatorCommand>(c: C) => c;

  it('is defined with its passport', () => {
    spec
      .given([])
      .when(command({ type: 'defineIndicator', ...passport } as IndicatorCommand))
      .then([defined]);
    spec
      .given([defined])
      .when(command({ type: 'defineIndicator', ...passport } as IndicatorCommand))
      .thenThrows('INDICATOR_ALREADY_DEFINED');
  });

  it('revises a target, keeping what it was; a revision of the final year revises the final target', () => {
    spec
      .given([defined])
      .when({ type: 'reviseIndicatorTarget', indicatorId, year: 2026, value: 34, reason: 'Hiring freeze', revisedOn: '2026-03-01' })
      .then([
        {
          type: 'IndicatorTargetRevised',
          data: {
            indicatorId,
            year: 2026,
            target: { year: 2026, value: 34 },
            previous: { year: 2026, value: 36 },
            finalTargetRevised: false,
            reason: 'Hiring freeze',
            revisedOn: '2026-03-01',
          },
        },
      ]);
    spec
      .given([defined])
      .when({ type: 'reviseIndicatorTarget', indicatorId, year: 2028, value: 42, reason: 'Raised by the Council', revisedOn: '2026-03-01' })
      .then([
        {
          type: 'IndicatorTargetRevised',
          data: {
            indicatorId,
            year: 2028,
            target: { year: 2028, value: 42 },
            previous: { year: 2028, value: 40 },
            finalTargetRevised: true,
            reason: 'Raised by the Council',
            revisedOn: '2026-03-01',
          },
        },
      ]);
    spec
      .given([defined])
      .when({ type: 'reviseIndicatorTarget', indicatorId, year: 2026, value: 36, reason: 'x', revisedOn: '2026-03-01' })
      .thenThrows('TARGET_UNCHANGED');
    spec
      .given([defined])
      .when({ type: 'reviseIndicatorTarget', indicatorId, year: 2027, min: 1, reason: 'x', revisedOn: '2026-03-01' })
      .thenThrows('TARGET_INCOMPLETE');
    spec
      .given([])
      .when({ type: 'reviseIndicatorTarget', indicatorId, year: 2027, value: 1, reason: 'x', revisedOn: '2026-03-01' })
      .thenThrows('INDICATOR_NOT_FOUND');
  });

  it('takes one reported value per period of its frequency', () => {
    spec
      .given([defined])
      .when({ type: 'reportIndicatorMeasurement', indicatorId, period: '2026', value: 34, evidence: 'HR extract', reportedOn: '2027-01-20' })
      .then([reported('2026', 34)]);
    spec
      .given([defined])
      .when({ type: 'reportIndicatorMeasurement', indicatorId, period: '2026-Q1', value: 34, evidence: 'x', reportedOn: '2027-01-20' })
      .thenThrows('PERIOD_NOT_OF_FREQUENCY');
    spec
      .given([defined, reported('2026', 34)])
      .when({ type: 'reportIndicatorMeasurement', indicatorId, period: '2026', value: 35, evidence: 'x', reportedOn: '2027-01-21' })
      .thenThrows('MEASUREMENT_ALREADY_REPORTED');
  });

  it('lets a unit head report only for an indicator their unit owns', () => {
    const head = (unit: string) => ({ ...context, actor: { id: 'u-head', name: 'Head', roles: ['unit_head' as const], unit } });
    const report = { type: 'reportIndicatorMeasurement' as const, indicatorId, period: '2026', value: 34, evidence: 'HR extract', reportedOn: '2027-01-20' };
    deciderSpec(indicatorDecider, head('hr-office'))
      .given([defined])
      .when(report)
      .then([reported('2026', 34)]);
    expect(() => indicatorDecider.decide(report, indicatorDecider.evolve(indicatorDecider.initialState, defined), head('faculty-law'))).toThrow(ForbiddenError);
  });

  it('corrects a value with a new event, sending it back for verification', () => {
    spec
      .given([defined, reported('2026', 34), verified('2026', 34, 'off_track', 0.6667)])
      .when({
        type: 'correctIndicatorMeasurement',
        indicatorId,
        period: '2026',
        value: 35.5,
        evidence: 'Corrected HR extract',
        reason: 'Two doctors were missed',
        correctedOn: '2027-02-05',
      })
      .then([
        {
          type: 'IndicatorMeasurementCorrected',
          data: {
            indicatorId,
            period: '2026',
            value: 35.5,
            previousValue: 34,
            evidence: 'Corrected HR extract',
            reason: 'Two doctors were missed',
            correctedOn: '2027-02-05',
          },
        },
      ]);
    spec
      .given([defined])
      .when({ type: 'correctIndicatorMeasurement', indicatorId, period: '2026', value: 1, evidence: 'x', reason: 'x', correctedOn: '2027-02-05' })
      .thenThrows('MEASUREMENT_NOT_FOUND');
  });

  it('verifies a reported value, recording the status it gives the year', () => {
    spec
      .given([defined, reported('2026', 34)])
      .when({ type: 'verifyIndicatorMeasurement', indicatorId, period: '2026', verifiedOn: '2027-02-01' })
      .then([
        { type: 'IndicatorMeasurementVerified', data: { indicatorId, period: '2026', value: 34, verifiedOn: '2027-02-01', status: 'off_track', ratio: 4 / 6 } },
      ]);
    spec
      .given([defined, reported('2026', 36)])
      .when({ type: 'verifyIndicatorMeasurement', indicatorId, period: '2026', verifiedOn: '2027-02-01' })
      .then([
        { type: 'IndicatorMeasurementVerified', data: { indicatorId, period: '2026', value: 36, verifiedOn: '2027-02-01', status: 'on_track', ratio: 1 } },
      ]);
    spec
      .given([defined, reported('2026', 36), verified('2026', 36, 'on_track', 1)])
      .when({ type: 'verifyIndicatorMeasurement', indicatorId, period: '2026', verifiedOn: '2027-02-02' })
      .thenThrows('MEASUREMENT_NOT_PENDING');
  });

  it('rejects a reported value with a reason', () => {
    spec
      .given([defined, reported('2026', 34)])
      .when({ type: 'rejectIndicatorMeasurement', indicatorId, period: '2026', reason: 'No evidence attached', rejectedOn: '2027-02-01' })
      .then([{ type: 'IndicatorMeasurementRejected', data: { indicatorId, period: '2026', reason: 'No evidence attached', rejectedOn: '2027-02-01' } }]);
    spec
      .given([defined, reported('2026', 34), verified('2026', 34, 'off_track', 0.6667)])
      .when({ type: 'rejectIndicatorMeasurement', indicatorId, period: '2026', reason: 'x', rejectedOn: '2027-02-01' })
      .thenThrows('MEASUREMENT_NOT_PENDING');
  });

  it('records a deviation for a verified off-track value, once, and never for one on track', () => {
    const offTrack = [defined, reported('2026', 34), verified('2026', 34, 'off_track', 4 / 6)];
    const deviation: IndicatorEvent = {
      type: 'IndicatorDeviationRecorded',
      data: { indicatorId, period: '2026', year: 2026, value: 34, ratio: 4 / 6, recordedOn: '2027-02-10' },
    };
    spec.given(offTrack).when({ type: 'recordIndicatorDeviation', indicatorId, period: '2026' }).then([deviation]);
    spec
      .given([...offTrack, deviation])
      .when({ type: 'recordIndicatorDeviation', indicatorId, period: '2026' })
      .thenThrows('DEVIATION_ALREADY_RECORDED');
    spec
      .given([defined, reported('2026', 36), verified('2026', 36, 'on_track', 1)])
      .when({ type: 'recordIndicatorDeviation', indicatorId, period: '2026' })
      .thenThrows('INDICATOR_NOT_OFF_TRACK');
    spec
      .given([defined, reported('2026', 34)])
      .when({ type: 'recordIndicatorDeviation', indicatorId, period: '2026' })
      .thenThrows('MEASUREMENT_NOT_VERIFIED');
  });

  it('records a period missed once its deadline has passed without a verified value, and only then', () => {
    // It is 10 February 2027: 2025 was due by 31 March 2026 (90 days after its end), 2026 is due by 31 March 2027.
    const missed: IndicatorEvent = {
      type: 'IndicatorPeriodMissed',
      data: { indicatorId, period: '2025', year: 2025, dueOn: '2026-03-31', recordedOn: '2027-02-10' },
    };
    spec.given([defined]).when({ type: 'recordIndicatorPeriodMissed', indicatorId, period: '2025' }).then([missed]);
    // A value reported but not verified by the deadline does not count.
    spec
      .given([defined, reported('2025', 33)])
      .when({ type: 'recordIndicatorPeriodMissed', indicatorId, period: '2025' })
      .then([missed]);
    spec
      .given([defined, reported('2025', 33), verified('2025', 33, 'on_track', 1)])
      .when({ type: 'recordIndicatorPeriodMissed', indicatorId, period: '2025' })
      .then([]);
    spec.given([defined, missed]).when({ type: 'recordIndicatorPeriodMissed', indicatorId, period: '2025' }).then([]);
    spec.given([defined]).when({ type: 'recordIndicatorPeriodMissed', indicatorId, period: '2026' }).thenThrows('PERIOD_NOT_DUE');
    spec
      .given([{ type: 'IndicatorDefined', data: { ...passport, reportingDays: 30 } }])
      .when({ type: 'recordIndicatorPeriodMissed', indicatorId, period: '2026' })
      .then([{ type: 'IndicatorPeriodMissed', data: { indicatorId, period: '2026', year: 2026, dueOn: '2027-01-30', recordedOn: '2027-02-10' } }]);
    spec.given([defined]).when({ type: 'recordIndicatorPeriodMissed', indicatorId, period: '2025-Q1' }).thenThrows('PERIOD_NOT_OF_FREQUENCY');
  });

  it('refuses passports whose targets do not fit the direction, and rank positions that would grow', () => {
    const { indicatorId: _i, directionCode: _d, ...input } = passport;
    const issues = (overrides: Record<string, unknown>) =>
      indicatorCommands.defineIndicator.safeParse({ ...input, ...overrides }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({})).toBeUndefined();
    expect(issues({ direction: 'range' })).toEqual(['targets.0.min: is required for a range', 'finalTarget.min: is required for a range']);
    expect(
      issues({
        targets: [
          { year: 2026, value: 1 },
          { year: 2026, value: 2 },
        ],
      }),
    ).toEqual(['targets.1.year: has a target already: one target per year']);
    expect(issues({ unit: 'rank_position' })).toEqual(['direction: rank positions are lower-is-better: use DECREASE, AT_MOST or RANGE']);
    expect(issues({ thresholds: { atRisk: 0.8, offTrack: 0.9 } })).toEqual(['thresholds.offTrack: must be below atRisk']);
    expect(
      indicatorCommands.reportIndicatorMeasurement.safeParse({ indicatorId, period: '2026-H1', value: 1, evidence: 'x', reportedOn: '2027-01-01' }).error
        ?.issues[0]?.path,
    ).toEqual(['period']);
  });
});

describe('the deviation reactor', () => {
  const recorded = (event: IndicatorEvent): RecordedEvent =>
    ({
      id: 'e-1',
      stream: `indicator-${indicatorId}`,
      revision: 2n,
      position: { commit: 9n, prepare: 9n },
      type: event.type,
      data: event.data,
      metadata: {} as RecordedEvent['metadata'],
      recordedAt: '2027-02-01T05:00:00.000Z',
    }) as RecordedEvent;

  it('answers a verified off-track value with recordIndicatorDeviation, and anything else with nothing', () => {
    expect(indicatorDeviationReactor.react(recorded(verified('2026', 34, 'off_track', 0.67)))).toEqual([
      { command: 'recordIndicatorDeviation', input: { indicatorId, period: '2026' } },
    ]);
    expect(indicatorDeviationReactor.react(recorded(verified('2026', 35.5, 'at_risk', 0.92)))).toEqual([]);
    expect(indicatorDeviationReactor.eventTypes).toEqual(['IndicatorMeasurementVerified']);
  });
});
