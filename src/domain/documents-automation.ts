// What the normative base asks of the hub's automation: each document in force is due for review on
// the date its last approval or review set (the deadlines list shows it, and the clock records it as
// overdue once the day has passed in Osh), and a document that replaces another retires the old one
// when it comes into force.
import type { ClockRule, DueDateSource, Reactor } from '../automation/contracts.ts';
import type { RecordedEvent } from '../eventstore/types.ts';
import { endOfKyrgyzDay } from './kyrgyz-time.ts';
import { documentCategory, documentEventSchemas, documentEventTypes, type DocumentEvent } from './documents.ts';

const eventOf = (recorded: RecordedEvent): DocumentEvent =>
  ({ type: recorded.type, data: documentEventSchemas[recorded.type as DocumentEvent['type']].parse(recorded.data) }) as DocumentEvent;

const reviewKey = (documentId: string, dueOn: string) => `document:${documentId}:review:${dueOn}`;
const overdueKey = (documentId: string) => `document:${documentId}:review-overdue`;

/** Reviews come due from approval and from each review; they are met by a review and dropped on retirement. */
export const documentDueDates: DueDateSource = {
  module: 'documents',
  eventTypes: documentEventTypes,
  changes(recorded) {
    const event = eventOf(recorded);
    const due = (documentId: string, dueOn: string) =>
      ({
        action: 'due',
        key: reviewKey(documentId, dueOn),
        kind: 'document_review',
        title: `Review of normative document ${documentId}`,
        dueOn,
        entityType: 'NormativeDocument',
        entityId: documentId,
      }) as const;
    switch (event.type) {
      case 'DocumentVersionApproved':
        return [due(event.data.documentId, event.data.nextReviewDue)];
      case 'DocumentReviewed':
        return [
          { action: 'done', key: reviewKey(event.data.documentId, event.data.dueOn), on: event.data.reviewedOn },
          due(event.data.documentId, event.data.nextReviewDue),
        ];
      case 'DocumentRetired':
        return event.data.reviewDueOn ? [{ action: 'dropped', key: reviewKey(event.data.documentId, event.data.reviewDueOn) }] : [];
      default:
        return [];
    }
  },
};

/** The clock records a review as overdue once its day is over; a new review date moves the moment. */
export const documentReviewClock: ClockRule = {
  name: 'document-review-overdue',
  eventTypes: documentEventTypes,
  changes(recorded) {
    const event = eventOf(recorded);
    const at = (documentId: string, dueOn: string) =>
      ({
        action: 'at',
        key: overdueKey(documentId),
        at: endOfKyrgyzDay(dueOn),
        followUp: { command: 'markDocumentReviewOverdue', input: { documentId, dueOn } },
      }) as const;
    switch (event.type) {
      case 'DocumentVersionApproved':
        return [at(event.data.documentId, event.data.nextReviewDue)];
      case 'DocumentReviewed':
        return [at(event.data.documentId, event.data.nextReviewDue)];
      case 'DocumentRetired':
        return [{ action: 'cancel', key: overdueKey(event.data.documentId) }];
      default:
        return [];
    }
  },
};

/** A document that replaces another retires it on the day it comes into force. */
export const documentSupersession: Reactor = {
  name: 'document-supersession',
  eventTypes: ['DocumentVersionPutInForce'],
  react(recorded) {
    const event = eventOf(recorded);
    if (event.type !== 'DocumentVersionPutInForce' || !event.data.replaces) return [];
    const documentId = recorded.stream.slice(documentCategory.length + 1);
    return [
      {
        command: 'retireDocument',
        input: {
          documentId: event.data.replaces,
          retiredOn: event.data.inForceFrom,
          reason: 'Replaced by a new document that came into force',
          supersededBy: documentId,
        },
      },
    ];
  },
};
