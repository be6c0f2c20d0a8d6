// What accreditation tells the hub's automation (src/automation/contracts.ts): the dates that fall
// due (visits, ends of validity, recommendations and their actions, interim reports), the moments
// the clock must record a fact (an accreditation's validity ended, an action past its due date),
// and the follow-up a renewal calls for (the old case learns which case renews it). Pure functions
// of one event each; the automation runs them.
import type { z } from 'zod';
import type { ClockChange, ClockRule, DueDateChange, DueDateSource, Reactor } from '../automation/contracts.ts';
import type { RecordedEvent } from '../eventstore/types.ts';
import { startOfKyrgyzDay } from './kyrgyz-time.ts';
import { accreditationCaseEventSchemas, accreditationCategory, type AccreditationCaseEventType } from './accreditation-cases.ts';

const ENTITY = 'Accreditation';

/** The event's data parsed with its schema, so a rule never reads a malformed event. */
function parsed<Type extends AccreditationCaseEventType>(event: RecordedEvent, type: Type): z.infer<(typeof accreditationCaseEventSchemas)[Type]> {
  return accreditationCaseEventSchemas[type].parse(event.data) as z.infer<(typeof accreditationCaseEventSchemas)[Type]>;
}

const caseIdOf = (event: RecordedEvent): string => event.stream.slice(accreditationCategory.length + 1);

const keys = {
  visit: (id: string) => `accreditation:${id}:visit`,
  validity: (id: string) => `accreditation:${id}:validity`,
  interimReport: (id: string) => `accreditation:${id}:interim-report`,
  recommendation: (id: string, n: number) => `accreditation:${id}:recommendation:${n}`,
  expiry: (id: string) => `accreditation:${id}:expiry`,
  overdue: (id: string, n: number) => `accreditation:${id}:action:${n}:overdue`,
};

/** The day after a date: validity ends at the close of its last day, a due date at the close of its own. */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Midnight at the start of a day in Kyrgyzstan (UTC+6), where the university keeps its dates. */

export const accreditationDueDates: DueDateSource = {
  module: 'accreditation',
  eventTypes: [
    'ExpertPanelAppointed',
    'AccreditationVisitHeld',
    'AccreditationDecided',
    'RecommendationActionPlanned',
    'RecommendationActionCompleted',
    'InterimReportSubmitted',
    'AccreditationExpired',
    'AccreditationWithdrawn',
  ],
  changes(event): DueDateChange[] {
    const id = caseIdOf(event);
    const due = (key: string, kind: string, title: string, dueOn: string, assignee?: string): DueDateChange => ({
      action: 'due',
      key,
      kind,
      title,
      dueOn,
      entityType: ENTITY,
      entityId: id,
      ...(assignee ? { assignee } : {}),
    });
    switch (event.type) {
      case 'ExpertPanelAppointed': {
        const d = parsed(event, 'ExpertPanelAppointed');
        return [due(keys.visit(id), 'accreditation_visit', `Expert panel visit (${d.visitFrom} to ${d.visitTo})`, d.visitFrom)];
      }
      case 'AccreditationVisitHeld':
        return [{ action: 'done', key: keys.visit(id), on: parsed(event, 'AccreditationVisitHeld').heldTo }];
      case 'AccreditationDecided': {
        const d = parsed(event, 'AccreditationDecided');
        return [
          ...(d.validUntil ? [due(keys.validity(id), 'accreditation_validity', 'End of the accreditation’s validity', d.validUntil)] : []),
          ...(d.interimReportDueOn ? [due(keys.interimReport(id), 'accreditation_interim_report', 'Interim report to the agency', d.interimReportDueOn)] : []),
          ...d.recommendations.flatMap((r) =>
            r.dueOn ? [due(keys.recommendation(id, r.number), 'accreditation_recommendation', `Recommendation ${r.number}: ${r.text}`, r.dueOn)] : [],
          ),
        ];
      }
      case 'RecommendationActionPlanned': {
        const d = parsed(event, 'RecommendationActionPlanned');
        return [
          due(
            keys.recommendation(id, d.recommendation),
            'accreditation_corrective_action',
            `Action on recommendation ${d.recommendation}: ${d.action}`,
            d.dueOn,
            d.owner,
          ),
        ];
      }
      case 'RecommendationActionCompleted': {
        const d = parsed(event, 'RecommendationActionCompleted');
        return [{ action: 'done', key: keys.recommendation(id, d.recommendation), on: d.completedOn }];
      }
      case 'InterimReportSubmitted': {
        const d = parsed(event, 'InterimReportSubmitted');
        return [
          { action: 'done', key: keys.interimReport(id), on: d.submittedOn },
          ...(d.nextDueOn ? [due(keys.interimReport(id), 'accreditation_interim_report', 'Interim report to the agency', d.nextDueOn)] : []),
        ];
      }
      case 'AccreditationExpired':
      case 'AccreditationWithdrawn':
        return [keys.visit(id), keys.validity(id), keys.interimReport(id)].map((key) => ({ action: 'dropped', key }));
      default:
        return [];
    }
  },
};

export const accreditationClock: ClockRule[] = [
  {
    // An accreditation whose last valid day has passed is recorded as expired, so history,
    // subscriptions and the programme register see it on the day, not when someone looks.
    name: 'accreditation-expiry',
    eventTypes: ['AccreditationDecided', 'AccreditationExpired', 'AccreditationWithdrawn'],
    changes(event): ClockChange[] {
      const id = caseIdOf(event);
      if (event.type !== 'AccreditationDecided') return [{ action: 'cancel', key: keys.expiry(id) }];
      const { validUntil } = parsed(event, 'AccreditationDecided');
      if (!validUntil) return [];
      const expiredOn = dayAfter(validUntil);
      return [
        {
          action: 'at',
          key: keys.expiry(id),
          at: startOfKyrgyzDay(expiredOn),
          followUp: { command: 'recordAccreditationExpiry', input: { accreditationId: id, expiredOn } },
        },
      ];
    },
  },
  {
    name: 'corrective-action-overdue',
    eventTypes: ['RecommendationActionPlanned', 'RecommendationActionCompleted', 'RecommendationEscalated', 'RecommendationClosed'],
    changes(event): ClockChange[] {
      const id = caseIdOf(event);
      const { recommendation } = event.data as { recommendation: number };
      if (event.type !== 'RecommendationActionPlanned') return [{ action: 'cancel', key: keys.overdue(id, recommendation) }];
      const { dueOn } = parsed(event, 'RecommendationActionPlanned');
      const on = dayAfter(dueOn);
      return [
        {
          action: 'at',
          key: keys.overdue(id, recommendation),
          at: startOfKyrgyzDay(on),
          followUp: { command: 'markRecommendationActionOverdue', input: { accreditationId: id, recommendation, on } },
        },
      ];
    },
  },
];

export const accreditationReactors: Reactor[] = [
  {
    // A renewal is a new case; the old one is told, so its history says which cycle followed it.
    name: 'accreditation-renewal',
    eventTypes: ['AccreditationApplied'],
    react(event) {
      const { renews, accreditationId } = parsed(event, 'AccreditationApplied');
      return renews ? [{ command: 'recordAccreditationRenewal', input: { accreditationId: renews, renewedBy: accreditationId } }] : [];
    },
  },
];
