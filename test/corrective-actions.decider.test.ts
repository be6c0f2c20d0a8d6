// Given/when/then for corrective actions: planned, started, done, checked for effectiveness,
// cancelled, and marked overdue by the clock; and the due dates and clock alarms the module
// declares for the hub's automation, as pure functions of its events.
import { describe, expect, it } from 'vitest';
import {
  correctiveActionCommands,
  correctiveActionDecider,
  correctiveActionDueDates,
  correctiveActionOverdueRule,
  type CorrectiveActionEvent,
} from '../src/domain/corrective-actions.ts';
import type { CommandContext } from '../src/domain/decider.ts';
import { ForbiddenError } from '../src/domain/errors.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import { deciderSpec } from './support/decider-spec.ts';

const context: CommandContext = {
  actor: { id: 'staff-0007', name: 'Cholpon Zhusupova', roles: ['specialist'] },
  now: '2027-03-01T04:00:00.000Z',
  commandId: '5e7a9c1b-3d5f-4a7c-9e1b-3d5f7a9c1b3d',
};
const spec = deciderSpec(correctiveActionDecider, context);
const correctiveActionId = '8b0d2f4a-6c8e-4a1c-8e2f-4a6c8e0a2c4e';
const indicatorId = 'c3e5a7b9-1d2f-4a6c-8e0b-2f4a6c8e0b1d';

const plan = {
  source: 'indicator' as const,
  sourceId: indicatorId,
  problem: 'Share of staff with a degree is 34 % against 36 % expected',
  rootCause: 'Doctoral defences delayed by the dissertation council’s closure',
  action: 'Agree defences with the council in Bishkek; fund travel of six candidates',
  owner: 'Aibek Sultanov',
  ownerUnit: 'hr-office',
  plannedOn: '2027-02-15',
  dueOn: '2027-06-30',
};
const planned: CorrectiveActionEvent = { type: 'CorrectiveActionPlanned', data: { correctiveActionId, ...plan } };
const started: CorrectiveActionEvent = { type: 'CorrectiveActionStarted', data: { correctiveActionId, startedOn: '2027-03-01' } };
const completed: CorrectiveActionEvent = {
  type: 'CorrectiveActionCompleted',
  data: { correctiveActionId, completedOn: '2027-06-20', evidence: 'Six defences held' },
};

describe('a corrective action', () => {
  it('is planned against what raised it', () => {
    spec
      .given([])
      .when({ type: 'planCorrectiveAction', correctiveActionId, ...plan })
      .then([planned]);
    spec
      .given([planned])
      .when({ type: 'planCorrectiveAction', correctiveActionId, ...plan })
      .thenThrows('ACTION_ALREADY_PLANNED');
    expect(correctiveActionCommands.planCorrectiveAction.safeParse({ ...plan, dueOn: '2027-01-01' }).error?.issues.map((i) => i.path)).toEqual([['dueOn']]);
  });

  it('is started once planned, not before its planning date', () => {
    spec.given([planned]).when({ type: 'startCorrectiveAction', correctiveActionId, startedOn: '2027-03-01' }).then([started]);
    spec.given([planned, started]).when({ type: 'startCorrectiveAction', correctiveActionId, startedOn: '2027-03-02' }).thenThrows('ACTION_NOT_PLANNED');
    spec.given([planned]).when({ type: 'startCorrectiveAction', correctiveActionId, startedOn: '2027-02-01' }).thenThrows('DATE_BEFORE_PREVIOUS_STEP');
    spec.given([]).when({ type: 'startCorrectiveAction', correctiveActionId, startedOn: '2027-03-01' }).thenThrows('ACTION_NOT_FOUND');
  });

  it('is completed with evidence while open', () => {
    spec
      .given([planned, started])
      .when({ type: 'completeCorrectiveAction', correctiveActionId, completedOn: '2027-06-20', evidence: 'Six defences held' })
      .then([completed]);
    spec
      .given([planned, started, completed])
      .when({ type: 'completeCorrectiveAction', correctiveActionId, completedOn: '2027-06-21', evidence: 'x' })
      .thenThrows('ACTION_NOT_OPEN');
  });

  it('is checked for effectiveness once done: effective or not', () => {
    const check = (effective: boolean) => ({
      type: 'verifyCorrectiveActionEffectiveness' as const,
      correctiveActionId,
      effective,
      conclusion: 'Share reached 36.5 %',
      verifiedOn: '2027-12-01',
    });
    spec
      .given([planned, started, completed])
      .when(check(true))
      .then([
        {
          type: 'CorrectiveActionEffectivenessVerified',
          data: { correctiveActionId, effective: true, conclusion: 'Share reached 36.5 %', verifiedOn: '2027-12-01' },
        },
      ]);
    spec
      .given([planned, started, completed])
      .when(check(false))
      .then([
        {
          type: 'CorrectiveActionEffectivenessVerified',
          data: { correctiveActionId, effective: false, conclusion: 'Share reached 36.5 %', verifiedOn: '2027-12-01' },
        },
      ]);
    spec.given([planned, started]).when(check(true)).thenThrows('ACTION_NOT_DONE');
  });

  it('is cancelled while open', () => {
    spec
      .given([planned])
      .when({ type: 'cancelCorrectiveAction', correctiveActionId, reason: 'Merged into another action', cancelledOn: '2027-03-01' })
      .then([{ type: 'CorrectiveActionCancelled', data: { correctiveActionId, reason: 'Merged into another action', cancelledOn: '2027-03-01' } }]);
    spec
      .given([planned, started, completed])
      .when({ type: 'cancelCorrectiveAction', correctiveActionId, reason: 'x', cancelledOn: '2027-07-01' })
      .thenThrows('ACTION_NOT_OPEN');
  });

  it('is marked overdue after its due date, once, while open', () => {
    const overdue: CorrectiveActionEvent = { type: 'CorrectiveActionOverdue', data: { correctiveActionId, overdueOn: '2027-07-01' } };
    spec.given([planned, started]).when({ type: 'markCorrectiveActionOverdue', correctiveActionId, overdueOn: '2027-07-01' }).then([overdue]);
    spec.given([planned, started]).when({ type: 'markCorrectiveActionOverdue', correctiveActionId, overdueOn: '2027-06-30' }).thenThrows('ACTION_NOT_DUE');
    spec
      .given([planned, started, overdue])
      .when({ type: 'markCorrectiveActionOverdue', correctiveActionId, overdueOn: '2027-07-02' })
      .thenThrows('ACTION_ALREADY_OVERDUE');
    spec
      .given([planned, started, completed])
      .when({ type: 'markCorrectiveActionOverdue', correctiveActionId, overdueOn: '2027-07-01' })
      .thenThrows('ACTION_NOT_OPEN');
    // An overdue action can still be completed.
    spec
      .given([planned, started, overdue])
      .when({ type: 'completeCorrectiveAction', correctiveActionId, completedOn: '2027-07-05', evidence: 'Done late' })
      .then([{ type: 'CorrectiveActionCompleted', data: { correctiveActionId, completedOn: '2027-07-05', evidence: 'Done late' } }]);
  });

  it('lets a unit head start and complete only their own unit’s actions', () => {
    const head = (unit: string): CommandContext => ({ ...context, actor: { id: 'u-head', name: 'Head', roles: ['unit_head'], unit } });
    deciderSpec(correctiveActionDecider, head('hr-office'))
      .given([planned])
      .when({ type: 'startCorrectiveAction', correctiveActionId, startedOn: '2027-03-01' })
      .then([started]);
    const state = correctiveActionDecider.evolve(correctiveActionDecider.initialState, planned);
    expect(() =>
      correctiveActionDecider.decide({ type: 'startCorrectiveAction', correctiveActionId, startedOn: '2027-03-01' }, state, head('faculty-law')),
    ).toThrow(ForbiddenError);
  });
});

const recorded = (event: CorrectiveActionEvent): RecordedEvent =>
  ({
    id: 'e-1',
    stream: `correctiveAction-${correctiveActionId}`,
    revision: 0n,
    position: { commit: 3n, prepare: 3n },
    type: event.type,
    data: event.data,
    metadata: {} as RecordedEvent['metadata'],
    recordedAt: '2027-02-15T05:00:00.000Z',
  }) as RecordedEvent;

describe('what corrective actions declare to the automation', () => {
  it('puts the due date on the deadlines list until the action is done or cancelled', () => {
    expect(correctiveActionDueDates.changes(recorded(planned))).toEqual([
      {
        action: 'due',
        key: `corrective-action:${correctiveActionId}:due`,
        kind: 'corrective_action',
        title: plan.action,
        dueOn: '2027-06-30',
        entityType: 'CorrectiveAction',
        entityId: correctiveActionId,
        unit: 'hr-office',
        assignee: 'Aibek Sultanov',
      },
    ]);
    expect(correctiveActionDueDates.changes(recorded(completed))).toEqual([
      { action: 'done', key: `corrective-action:${correctiveActionId}:due`, on: '2027-06-20' },
    ]);
    expect(
      correctiveActionDueDates.changes(recorded({ type: 'CorrectiveActionCancelled', data: { correctiveActionId, reason: 'x', cancelledOn: '2027-03-01' } })),
    ).toEqual([{ action: 'dropped', key: `corrective-action:${correctiveActionId}:due` }]);
  });

  it('sets the overdue alarm for the first day after the due date in Kyrgyzstan time, and cancels it when the action ends', () => {
    expect(correctiveActionOverdueRule.changes(recorded(planned))).toEqual([
      {
        action: 'at',
        key: `corrective-action:${correctiveActionId}:overdue`,
        at: '2027-07-01T00:00:00+06:00',
        followUp: { command: 'markCorrectiveActionOverdue', input: { correctiveActionId, overdueOn: '2027-07-01' } },
      },
    ]);
    expect(correctiveActionOverdueRule.changes(recorded(completed))).toEqual([{ action: 'cancel', key: `corrective-action:${correctiveActionId}:overdue` }]);
  });

  it('the alarm’s command is one the decider accepts at that moment', () => {
    const [alarm] = correctiveActionOverdueRule.changes(recorded(planned));
    if (alarm?.action !== 'at') throw new Error('expected an alarm');
    const input = correctiveActionCommands.markCorrectiveActionOverdue.parse(alarm.followUp.input);
    spec
      .given([planned])
      .when({ type: 'markCorrectiveActionOverdue', ...input })
      .then([{ type: 'CorrectiveActionOverdue', data: { correctiveActionId, overdueOn: '2027-07-01' } }]);
  });
});
