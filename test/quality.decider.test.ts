// Given/when/then specification of the quality policy (drafted, consulted, approved, updated, its
// measures followed) and of the university's quality standards (drafted, approved with a revision
// date, revised as new editions), and of the due dates and clock moments they declare.
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../src/domain/decider.ts';
import { qualityPolicyDueDates, qualityStandardDueDates, qualityStandardRevisionClock } from '../src/domain/quality-automation.ts';
import { qualityPolicyDecider, type QualityPolicyEvent } from '../src/domain/quality-policy.ts';
import { qualityStandardCommands, qualityStandardDecider, type QualityStandardEvent } from '../src/domain/quality-standards.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import { deciderSpec } from './support/decider-spec.ts';

const context: CommandContext = {
  actor: { id: 'staff-3', name: 'Aida Bekova', roles: ['methodist'] },
  now: '2026-06-01T09:30:00.000Z',
  commandId: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b',
};
const policyId = 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6';
const standardId = 'e2f3a4b5-c6d7-4e8f-9a01-b2c3d4e5f6a7';

type P<T extends QualityPolicyEvent['type']> = Extract<QualityPolicyEvent, { type: T }>;
type S<T extends QualityStandardEvent['type']> = Extract<QualityStandardEvent, { type: T }>;

describe('the quality policy', () => {
  const spec = deciderSpec(qualityPolicyDecider, context);
  const drafted: P<'QualityPolicyDrafted'> = {
    type: 'QualityPolicyDrafted',
    data: { policyId, title: 'Quality policy of OshSU', statement: 'We commit to ...', draftedOn: '2026-01-10' },
  };
  const consulted: P<'QualityPolicyConsulted'> = {
    type: 'QualityPolicyConsulted',
    data: { policyId, edition: 1, consultedWith: ['Student self-government', 'Employers’ council'], summary: 'Add employability', consultedOn: '2026-02-01' },
  };
  const approved: P<'QualityPolicyApproved'> = {
    type: 'QualityPolicyApproved',
    data: { policyId, edition: 1, approvedOn: '2026-03-01', approvingBody: 'Academic Council', documentId: null },
  };
  const planned: P<'QualityPolicyMeasurePlanned'> = {
    type: 'QualityPolicyMeasurePlanned',
    data: { policyId, code: 'M-01', title: 'Survey graduates yearly', ownerUnit: 'Career centre', dueOn: '2026-12-01' },
  };

  it('is drafted, consulted on and approved', () => {
    spec
      .given([])
      .when({ type: 'draftQualityPolicy', policyId, title: 'Quality policy of OshSU', statement: 'We commit to ...', draftedOn: '2026-01-10' })
      .then([drafted]);
    spec
      .given([drafted])
      .when({
        type: 'recordQualityPolicyConsultation',
        policyId,
        consultedWith: consulted.data.consultedWith,
        summary: 'Add employability',
        consultedOn: '2026-02-01',
      })
      .then([consulted]);
    spec
      .given([drafted, consulted])
      .when({ type: 'approveQualityPolicy', policyId, approvedOn: '2026-03-01', approvingBody: 'Academic Council' })
      .then([approved]);
  });
  it('refuses approval before consultation', () => {
    spec
      .given([drafted])
      .when({ type: 'approveQualityPolicy', policyId, approvedOn: '2026-03-01', approvingBody: 'Council' })
      .thenThrows('CONSULTATION_REQUIRED');
  });
  it('opens an update as a new edition, which must be consulted on again', () => {
    const opened: P<'QualityPolicyUpdateOpened'> = {
      type: 'QualityPolicyUpdateOpened',
      data: { policyId, edition: 2, reason: 'New strategy', statement: 'We commit anew', openedOn: '2026-04-01' },
    };
    spec
      .given([drafted, consulted, approved])
      .when({ type: 'openQualityPolicyUpdate', policyId, reason: 'New strategy', statement: 'We commit anew', openedOn: '2026-04-01' })
      .then([opened]);
    spec
      .given([drafted, consulted, approved, opened])
      .when({ type: 'approveQualityPolicy', policyId, approvedOn: '2026-05-01', approvingBody: 'Council' })
      .thenThrows('CONSULTATION_REQUIRED');
  });
  it('refuses an update of a policy not yet approved', () => {
    spec
      .given([drafted])
      .when({ type: 'openQualityPolicyUpdate', policyId, reason: 'x', statement: 'y', openedOn: '2026-02-01' })
      .thenThrows('POLICY_NOT_APPROVED');
  });
  it('plans measures only for an approved policy, each code once', () => {
    spec
      .given([drafted])
      .when({ type: 'planQualityPolicyMeasure', policyId, code: 'M-01', title: 'x', ownerUnit: 'y', dueOn: '2026-12-01' })
      .thenThrows('POLICY_NOT_APPROVED');
    spec
      .given([drafted, consulted, approved])
      .when({ type: 'planQualityPolicyMeasure', policyId, code: 'M-01', title: 'Survey graduates yearly', ownerUnit: 'Career centre', dueOn: '2026-12-01' })
      .then([planned]);
    spec
      .given([drafted, consulted, approved, planned])
      .when({ type: 'planQualityPolicyMeasure', policyId, code: 'M-01', title: 'again', ownerUnit: 'y', dueOn: '2026-12-01' })
      .thenThrows('MEASURE_ALREADY_PLANNED');
  });
  it('follows a measure to done, and refuses reports on a closed or unknown one', () => {
    const done: P<'QualityPolicyMeasureReported'> = {
      type: 'QualityPolicyMeasureReported',
      data: { policyId, code: 'M-01', state: 'done', note: null, reportedOn: '2026-05-01' },
    };
    spec
      .given([drafted, consulted, approved, planned])
      .when({ type: 'reportQualityPolicyMeasure', policyId, code: 'M-01', state: 'done', reportedOn: '2026-05-01' })
      .then([done]);
    spec
      .given([drafted, consulted, approved, planned, done])
      .when({ type: 'reportQualityPolicyMeasure', policyId, code: 'M-01', state: 'in_progress', reportedOn: '2026-05-02' })
      .thenThrows('MEASURE_CLOSED');
    spec
      .given([drafted, consulted, approved])
      .when({ type: 'reportQualityPolicyMeasure', policyId, code: 'M-09', state: 'done', reportedOn: '2026-05-02' })
      .thenThrows('MEASURE_NOT_FOUND');
    spec
      .given([drafted, consulted, approved, planned])
      .when({ type: 'reportQualityPolicyMeasure', policyId, code: 'M-01', state: 'planned', reportedOn: '2026-05-02' })
      .thenThrows('MEASURE_CANNOT_GO_BACK');
  });
  it('declares each measure due until it is done or dropped', () => {
    const at = (event: QualityPolicyEvent) => ({ type: event.type, data: event.data, stream: `qualityPolicy-${policyId}` }) as unknown as RecordedEvent;
    expect(qualityPolicyDueDates.changes(at(planned))).toEqual([
      {
        action: 'due',
        key: `qualityPolicy:${policyId}:measure:M-01`,
        kind: 'quality_policy_measure',
        title: 'Survey graduates yearly',
        dueOn: '2026-12-01',
        entityType: 'QualityPolicy',
        entityId: policyId,
        unit: 'Career centre',
      },
    ]);
    expect(
      qualityPolicyDueDates.changes(
        at({ type: 'QualityPolicyMeasureReported', data: { policyId, code: 'M-01', state: 'dropped', note: 'x', reportedOn: '2026-05-01' } }),
      ),
    ).toEqual([{ action: 'dropped', key: `qualityPolicy:${policyId}:measure:M-01` }]);
  });
});

describe('quality standards', () => {
  const spec = deciderSpec(qualityStandardDecider, context);
  const criteria = [{ code: '1.1', statement: { ky: 'Максаттар', ru: 'Цели', en: 'Goals are published' }, evidence: ['Published mission'] }];
  const sources = [{ kind: 'agency_framework' as const, reference: 'EAQAA standards 2023' }];
  const drafted: S<'QualityStandardDrafted'> = {
    type: 'QualityStandardDrafted',
    data: { standardId, code: 'QS-01', title: { ky: 'Стандарт', ru: 'Стандарт', en: 'Standard' }, criteria, sources, draftedOn: '2026-01-10' },
  };
  const approved: S<'QualityStandardApproved'> = {
    type: 'QualityStandardApproved',
    data: { standardId, edition: 1, approvedOn: '2026-02-01', approvingBody: 'Academic Council', revisionDue: '2027-02-01' },
  };

  it('is approved with a revision date and revised as a new edition that meets that date', () => {
    spec
      .given([drafted])
      .when({ type: 'approveQualityStandard', standardId, approvedOn: '2026-02-01', approvingBody: 'Academic Council', revisionDue: '2027-02-01' })
      .then([approved]);
    spec
      .given([drafted, approved])
      .when({ type: 'openQualityStandardRevision', standardId, reason: 'New framework', openedOn: '2026-05-01' })
      .then([
        { type: 'QualityStandardRevisionOpened', data: { standardId, edition: 2, reason: 'New framework', openedOn: '2026-05-01', revisionDue: '2027-02-01' } },
      ]);
  });
  it('changes a draft but not an approved edition', () => {
    spec
      .given([drafted, approved])
      .when({ type: 'reviseQualityStandardDraft', standardId, criteria, sources, note: 'x', revisedOn: '2026-03-01' })
      .thenThrows('NOT_A_DRAFT');
  });
  it('records an overdue revision only after its day', () => {
    deciderSpec(qualityStandardDecider, { ...context, now: '2027-02-01T18:00:00.000Z' })
      .given([drafted, approved])
      .when({ type: 'markQualityStandardRevisionOverdue', standardId, dueOn: '2027-02-01' })
      .then([{ type: 'QualityStandardRevisionOverdue', data: { standardId, dueOn: '2027-02-01' } }]);
    spec
      .given([drafted, approved])
      .when({ type: 'markQualityStandardRevisionOverdue', standardId, dueOn: '2027-02-01' })
      .thenThrows('REVISION_NOT_YET_OVERDUE');
  });
  it('refuses repeated criterion codes and a standard without evidence, naming the field', () => {
    const issues = qualityStandardCommands.draftQualityStandard.safeParse({
      code: 'QS',
      title: drafted.data.title,
      sources,
      draftedOn: '2026-01-10',
      criteria: [...criteria, { ...criteria[0]!, code: '1.2', evidence: [] }],
    }).error?.issues;
    expect(issues?.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['criteria.1.evidence: must name at least one indicator of evidence']);
    const twice = qualityStandardCommands.draftQualityStandard.safeParse({
      code: 'QS',
      title: drafted.data.title,
      sources,
      draftedOn: '2026-01-10',
      criteria: [...criteria, ...criteria],
    }).error?.issues;
    expect(twice?.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['criteria: must not repeat a criterion code']);
  });
  it('declares the revision date to the deadlines and to the clock', () => {
    const at = (event: QualityStandardEvent) => ({ type: event.type, data: event.data, stream: `qualityStandard-${standardId}` }) as unknown as RecordedEvent;
    expect(qualityStandardDueDates.changes(at(approved))).toEqual([
      expect.objectContaining({ action: 'due', key: `qualityStandard:${standardId}:revision:2027-02-01`, dueOn: '2027-02-01' }),
    ]);
    expect(qualityStandardRevisionClock.changes(at(approved))).toEqual([
      {
        action: 'at',
        key: `qualityStandard:${standardId}:revision-overdue`,
        at: '2027-02-01T18:00:00.000Z',
        followUp: { command: 'markQualityStandardRevisionOverdue', input: { standardId, dueOn: '2027-02-01' } },
      },
    ]);
  });
});
