// What the quality policy and quality standards ask of the hub's automation: each measure of the
// policy is due on its date until it is done or dropped, and each approved standard is due for
// revision on its date, which the clock records as overdue once the day has passed in Osh.
import type { ClockRule, DueDateSource } from '../automation/contracts.ts';
import type { RecordedEvent } from '../eventstore/types.ts';
import { endOfKyrgyzDay } from './kyrgyz-time.ts';
import { qualityPolicyEventSchemas, type QualityPolicyEvent } from './quality-policy.ts';
import { qualityStandardEventSchemas, qualityStandardEventTypes, type QualityStandardEvent } from './quality-standards.ts';

const policyEventOf = (recorded: RecordedEvent): QualityPolicyEvent =>
  ({ type: recorded.type, data: qualityPolicyEventSchemas[recorded.type as QualityPolicyEvent['type']].parse(recorded.data) }) as QualityPolicyEvent;
const standardEventOf = (recorded: RecordedEvent): QualityStandardEvent =>
  ({ type: recorded.type, data: qualityStandardEventSchemas[recorded.type as QualityStandardEvent['type']].parse(recorded.data) }) as QualityStandardEvent;

const measureKey = (policyId: string, code: string) => `qualityPolicy:${policyId}:measure:${code}`;
const revisionKey = (standardId: string, dueOn: string) => `qualityStandard:${standardId}:revision:${dueOn}`;

export const qualityPolicyDueDates: DueDateSource = {
  module: 'quality-policy',
  eventTypes: ['QualityPolicyMeasurePlanned', 'QualityPolicyMeasureReported'],
  changes(recorded) {
    const event = policyEventOf(recorded);
    if (event.type === 'QualityPolicyMeasurePlanned') {
      const d = event.data;
      return [
        {
          action: 'due',
          key: measureKey(d.policyId, d.code),
          kind: 'quality_policy_measure',
          title: d.title,
          dueOn: d.dueOn,
          entityType: 'QualityPolicy',
          entityId: d.policyId,
          unit: d.ownerUnit,
        },
      ];
    }
    if (event.type === 'QualityPolicyMeasureReported') {
      const d = event.data;
      if (d.state === 'done') return [{ action: 'done', key: measureKey(d.policyId, d.code), on: d.reportedOn }];
      if (d.state === 'dropped') return [{ action: 'dropped', key: measureKey(d.policyId, d.code) }];
    }
    return [];
  },
};

export const qualityStandardDueDates: DueDateSource = {
  module: 'quality-standards',
  eventTypes: ['QualityStandardApproved', 'QualityStandardRevisionOpened'],
  changes(recorded) {
    const event = standardEventOf(recorded);
    if (event.type === 'QualityStandardApproved') {
      const d = event.data;
      return [
        {
          action: 'due',
          key: revisionKey(d.standardId, d.revisionDue),
          kind: 'quality_standard_revision',
          title: `Revision of quality standard ${d.standardId}`,
          dueOn: d.revisionDue,
          entityType: 'QualityStandard',
          entityId: d.standardId,
        },
      ];
    }
    if (event.type === 'QualityStandardRevisionOpened' && event.data.revisionDue) {
      return [{ action: 'done', key: revisionKey(event.data.standardId, event.data.revisionDue), on: event.data.openedOn }];
    }
    return [];
  },
};

export const qualityStandardRevisionClock: ClockRule = {
  name: 'quality-standard-revision-overdue',
  eventTypes: qualityStandardEventTypes,
  changes(recorded) {
    const event = standardEventOf(recorded);
    const key = `qualityStandard:${event.data.standardId}:revision-overdue`;
    if (event.type === 'QualityStandardApproved') {
      const { standardId, revisionDue } = event.data;
      return [
        {
          action: 'at',
          key,
          at: endOfKyrgyzDay(revisionDue),
          followUp: { command: 'markQualityStandardRevisionOverdue', input: { standardId, dueOn: revisionDue } },
        },
      ];
    }
    if (event.type === 'QualityStandardRevisionOpened') return [{ action: 'cancel', key }];
    return [];
  },
};
