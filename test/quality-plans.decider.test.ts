// Given/when/then for the quality development plan (DOMAIN.md 2.1 item 6), and the due dates of
// its actions.
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../src/domain/decider.ts';
import { qualityPlanCommands, qualityPlanDecider, qualityPlanDueDates, type QualityPlanEvent } from '../src/domain/quality-plans.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import { deciderSpec } from './support/decider-spec.ts';

const context: CommandContext = {
  actor: { id: 'staff-0007', name: 'Cholpon Zhusupova', roles: ['specialist'] },
  now: '2027-03-01T04:00:00.000Z',
  commandId: '3e5a7c9b-1d3f-4e5a-9c7b-1d3f5e7a9c1b',
};
const spec = deciderSpec(qualityPlanDecider, context);
const qualityPlanId = '5a7c9e1b-3d5f-4a7c-9e1b-3d5f7a9c1e3b';

const drafted: QualityPlanEvent = {
  type: 'QualityPlanDrafted',
  data: { qualityPlanId, title: 'Quality development plan 2027–2028', startYear: 2027, endYear: 2028, basis: 'Monitorings of 2026, student survey 2026' },
};
const added: QualityPlanEvent = {
  type: 'QualityPlanActionAdded',
  data: { qualityPlanId, code: '1.1', action: 'Publish every syllabus', responsibleUnit: 'faculty-law', dueOn: '2027-06-01' },
};
const adopted: QualityPlanEvent = { type: 'QualityPlanAdopted', data: { qualityPlanId, adoptedOn: '2027-01-15', decision: 'Academic Council, protocol 4' } };
const completed: QualityPlanEvent = {
  type: 'QualityPlanActionCompleted',
  data: { qualityPlanId, code: '1.1', completedOn: '2027-05-20', evidence: 'Portal audit' },
};

describe('a quality development plan', () => {
  it('is drafted for a period', () => {
    const { qualityPlanId: _id, ...input } = drafted.data as { qualityPlanId: string; title: string; startYear: number; endYear: number; basis: string };
    spec
      .given([])
      .when({ type: 'draftQualityPlan', qualityPlanId, ...input })
      .then([drafted]);
    spec
      .given([drafted])
      .when({ type: 'draftQualityPlan', qualityPlanId, ...input })
      .thenThrows('QUALITY_PLAN_ALREADY_DRAFTED');
    expect(qualityPlanCommands.draftQualityPlan.safeParse({ ...input, endYear: 2026 }).error?.issues[0]?.path).toEqual(['endYear']);
  });

  it('takes actions, each code once, and is adopted with at least one', () => {
    spec
      .given([drafted])
      .when({ type: 'addQualityPlanAction', qualityPlanId, code: '1.1', action: 'Publish every syllabus', responsibleUnit: 'faculty-law', dueOn: '2027-06-01' })
      .then([added]);
    spec
      .given([drafted, added])
      .when({ type: 'addQualityPlanAction', qualityPlanId, code: '1.1', action: 'x', responsibleUnit: 'x', dueOn: '2027-06-01' })
      .thenThrows('ACTION_CODE_TAKEN');
    spec
      .given([drafted, added])
      .when({ type: 'adoptQualityPlan', qualityPlanId, adoptedOn: '2027-01-15', decision: 'Academic Council, protocol 4' })
      .then([adopted]);
    spec.given([drafted]).when({ type: 'adoptQualityPlan', qualityPlanId, adoptedOn: '2027-01-15', decision: 'x' }).thenThrows('QUALITY_PLAN_WITHOUT_ACTIONS');
    spec
      .given([drafted, added, adopted])
      .when({ type: 'adoptQualityPlan', qualityPlanId, adoptedOn: '2027-01-16', decision: 'x' })
      .thenThrows('QUALITY_PLAN_ALREADY_ADOPTED');
  });

  it('completes or cancels open actions once adopted', () => {
    const complete = { type: 'completeQualityPlanAction' as const, qualityPlanId, code: '1.1', completedOn: '2027-05-20', evidence: 'Portal audit' };
    spec.given([drafted, added, adopted]).when(complete).then([completed]);
    spec.given([drafted, added]).when(complete).thenThrows('PLAN_NOT_ADOPTED');
    spec.given([drafted, added, adopted, completed]).when(complete).thenThrows('ACTION_NOT_OPEN');
    spec
      .given([drafted, added, adopted])
      .when({ ...complete, code: '9.9' })
      .thenThrows('ACTION_NOT_IN_PLAN');
    spec
      .given([drafted, added, adopted])
      .when({ type: 'cancelQualityPlanAction', qualityPlanId, code: '1.1', reason: 'Merged into 1.2', cancelledOn: '2027-02-01' })
      .then([{ type: 'QualityPlanActionCancelled', data: { qualityPlanId, code: '1.1', reason: 'Merged into 1.2', cancelledOn: '2027-02-01' } }]);
    spec.given([]).when(complete).thenThrows('QUALITY_PLAN_NOT_FOUND');
  });

  it('puts each action’s due date on the deadlines list until it is completed or cancelled', () => {
    const recorded = (event: QualityPlanEvent): RecordedEvent =>
      ({
        id: 'e-1',
        stream: `qualityPlan-${qualityPlanId}`,
        revision: 1n,
        position: { commit: 3n, prepare: 3n },
        type: event.type,
        data: event.data,
        metadata: {} as RecordedEvent['metadata'],
        recordedAt: '2027-01-10T05:00:00.000Z',
      }) as RecordedEvent;
    const key = `qualityPlan:${qualityPlanId}:action:1.1`;
    expect(qualityPlanDueDates.changes(recorded(added))).toEqual([
      {
        action: 'due',
        key,
        kind: 'quality_plan_action',
        title: 'Publish every syllabus',
        dueOn: '2027-06-01',
        entityType: 'QualityPlan',
        entityId: qualityPlanId,
        unit: 'faculty-law',
      },
    ]);
    expect(qualityPlanDueDates.changes(recorded(completed))).toEqual([{ action: 'done', key, on: '2027-05-20' }]);
  });
});
