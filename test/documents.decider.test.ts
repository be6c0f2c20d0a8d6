// Given/when/then specification of the normative-documents decider, of the schemas its commands
// are validated with, and of what it declares to the hub's automation (review due dates, the clock
// that records an overdue review, and the reactor that retires a replaced document).
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../src/domain/decider.ts';
import { documentCommands, documentDecider, type DocumentCommand, type DocumentEvent } from '../src/domain/documents.ts';
import { documentDueDates, documentReviewClock, documentSupersession } from '../src/domain/documents-automation.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import { deciderSpec } from './support/decider-spec.ts';

// 09:30 UTC is 15:30 in Osh: "today" is 2026-06-01 there.
const context: CommandContext = {
  actor: { id: 'staff-0007', name: 'Cholpon Asanova', roles: ['specialist'] },
  now: '2026-06-01T09:30:00.000Z',
  commandId: '6a1f0c8e-3b2d-4c5e-8f7a-9b0c1d2e3f4a',
};
const spec = deciderSpec(documentDecider, context);

const documentId = 'a3c1e5f7-2b4d-4e6f-8a0c-1e3f5a7b9c0d';
const oldDocumentId = 'b4d2f6a8-3c5e-4f7a-9b1d-2f4a6b8c0d1e';
const SHA = 'ab'.repeat(32);

type Command<Name extends DocumentCommand['type']> = Extract<DocumentCommand, { type: Name }>;
type Event<Type extends DocumentEvent['type']> = Extract<DocumentEvent, { type: Type }>;

const title = { ky: 'Сапат саясаты', ru: 'Политика в области качества', en: 'Quality policy' };
const registered = (data: Partial<Event<'DocumentRegistered'>['data']> = {}): Event<'DocumentRegistered'> => ({
  type: 'DocumentRegistered',
  data: {
    documentId,
    title,
    documentType: 'policy',
    tag: 'QA',
    code: 'ОшМУ-П-017',
    annotation: 'The university’s commitments on quality.',
    basedOn: ['Law on Education'],
    replaces: null,
    ...data,
  },
});
const drafted = (version = 1, draftedOn = '2026-01-10'): Event<'DocumentVersionDrafted'> => ({
  type: 'DocumentVersionDrafted',
  data: {
    documentId,
    version,
    draftedOn,
    pages: 12,
    contents: ['General provisions', 'Commitments'],
    fileSha256: SHA,
    fileReference: 'archive/QA/017',
    changeSummary: null,
  },
});
const approved = (version = 1, approvedOn = '2026-02-01', nextReviewDue = '2027-02-01'): Event<'DocumentVersionApproved'> => ({
  type: 'DocumentVersionApproved',
  data: { documentId, version, approvedOn, approvingBody: 'Academic Council, protocol 5', nextReviewDue },
});
const inForce = (
  version = 1,
  inForceFrom = '2026-02-15',
  supersededVersion: number | null = null,
  replaces: string | null = null,
): Event<'DocumentVersionPutInForce'> => ({
  type: 'DocumentVersionPutInForce',
  data: { documentId, version, inForceFrom, supersededVersion, replaces },
});
const reviewed = (reviewedOn = '2026-05-20', nextReviewDue = '2027-05-20', dueOn = '2027-02-01'): Event<'DocumentReviewed'> => ({
  type: 'DocumentReviewed',
  data: { documentId, reviewedOn, outcome: 'still_valid', notes: null, dueOn, nextReviewDue },
});
const retired: Event<'DocumentRetired'> = {
  type: 'DocumentRetired',
  data: { documentId, retiredOn: '2026-05-30', reason: 'Lapsed', supersededBy: null, reviewDueOn: '2027-02-01' },
};
const inForceHistory = [registered(), drafted(), approved(), inForce()];

const register = (data: Partial<Command<'registerDocument'>> = {}): Command<'registerDocument'> => ({
  type: 'registerDocument',
  documentId,
  title,
  documentType: 'policy',
  tag: 'QA',
  code: 'ОшМУ-П-017',
  annotation: 'The university’s commitments on quality.',
  basedOn: ['Law on Education'],
  ...data,
});
const draft = (data: Partial<Command<'draftDocumentVersion'>> = {}): Command<'draftDocumentVersion'> => ({
  type: 'draftDocumentVersion',
  documentId,
  version: 1,
  draftedOn: '2026-01-10',
  pages: 12,
  contents: ['General provisions', 'Commitments'],
  fileSha256: SHA,
  fileReference: 'archive/QA/017',
  ...data,
});
const approve = (data: Partial<Command<'approveDocumentVersion'>> = {}): Command<'approveDocumentVersion'> => ({
  type: 'approveDocumentVersion',
  documentId,
  version: 1,
  approvedOn: '2026-02-01',
  approvingBody: 'Academic Council, protocol 5',
  nextReviewDue: '2027-02-01',
  ...data,
});
const putInForce = (data: Partial<Command<'putDocumentVersionInForce'>> = {}): Command<'putDocumentVersionInForce'> => ({
  type: 'putDocumentVersionInForce',
  documentId,
  version: 1,
  inForceFrom: '2026-02-15',
  ...data,
});
const review = (data: Partial<Command<'recordDocumentReview'>> = {}): Command<'recordDocumentReview'> => ({
  type: 'recordDocumentReview',
  documentId,
  reviewedOn: '2026-05-20',
  outcome: 'still_valid',
  nextReviewDue: '2027-05-20',
  ...data,
});

describe('registerDocument', () => {
  it('registers the passport, with no acts and no replacement when none are given', () => {
    spec
      .given([])
      .when(register({ basedOn: undefined }))
      .then([registered({ basedOn: [] })]);
  });
  it('records the document it replaces', () => {
    spec
      .given([])
      .when(register({ replaces: oldDocumentId }))
      .then([registered({ replaces: oldDocumentId })]);
  });
  it('refuses a second registration of the same document', () => {
    spec.given([registered()]).when(register()).thenThrows('DOCUMENT_ALREADY_REGISTERED');
  });
});

describe('draftDocumentVersion', () => {
  it('drafts the first version', () => {
    spec.given([registered()]).when(draft()).then([drafted()]);
  });
  it('refuses a version number that does not go forward', () => {
    spec
      .given(inForceHistory)
      .when(draft({ version: 1, draftedOn: '2026-03-01' }))
      .thenThrows('VERSION_NOT_AFTER_LATEST');
  });
  it('refuses a new draft while one is open', () => {
    spec
      .given([registered(), drafted()])
      .when(draft({ version: 2 }))
      .thenThrows('VERSION_ALREADY_OPEN');
  });
  it('refuses a new draft while an approved version waits to come into force', () => {
    spec
      .given([registered(), drafted(), approved()])
      .when(draft({ version: 2, draftedOn: '2026-03-01' }))
      .thenThrows('VERSION_ALREADY_OPEN');
  });
  it('refuses a draft dated before the previous step', () => {
    spec
      .given(inForceHistory)
      .when(draft({ version: 2, draftedOn: '2026-02-10' }))
      .thenThrows('DATE_BEFORE_PREVIOUS_STEP');
  });
  it('refuses a draft dated after today in Osh', () => {
    spec
      .given([registered()])
      .when(draft({ draftedOn: '2026-06-02' }))
      .thenThrows('DATE_IN_FUTURE');
  });
  it('refuses a draft of a retired document', () => {
    spec
      .given([...inForceHistory, retired])
      .when(draft({ version: 2, draftedOn: '2026-05-31' }))
      .thenThrows('DOCUMENT_RETIRED');
  });
});

describe('approveDocumentVersion and putDocumentVersionInForce', () => {
  it('approves a draft', () => {
    spec.given([registered(), drafted()]).when(approve()).then([approved()]);
  });
  it('refuses to approve a version that does not exist', () => {
    spec
      .given([registered(), drafted()])
      .when(approve({ version: 2 }))
      .thenThrows('VERSION_NOT_FOUND');
  });
  it('refuses to approve a version twice', () => {
    spec
      .given([registered(), drafted(), approved()])
      .when(approve({ approvedOn: '2026-02-02' }))
      .thenThrows('VERSION_NOT_DRAFT');
  });
  it('puts the first version in force, carrying the document it replaces', () => {
    spec
      .given([registered({ replaces: oldDocumentId }), drafted(), approved()])
      .when(putInForce())
      .then([inForce(1, '2026-02-15', null, oldDocumentId)]);
  });
  it('supersedes the version in force with the next one, without retiring the replaced document again', () => {
    spec
      .given([
        registered({ replaces: oldDocumentId }),
        drafted(),
        approved(),
        inForce(1, '2026-02-15', null, oldDocumentId),
        drafted(2, '2026-03-01'),
        approved(2, '2026-03-10', '2027-03-10'),
      ])
      .when(putInForce({ version: 2, inForceFrom: '2026-04-01' }))
      .then([inForce(2, '2026-04-01', 1, null)]);
  });
  it('refuses to put a draft in force before it is approved', () => {
    spec.given([registered(), drafted()]).when(putInForce()).thenThrows('VERSION_NOT_APPROVED');
  });
});

describe('reviews', () => {
  it('records a review, meeting the date that was due', () => {
    spec.given(inForceHistory).when(review()).then([reviewed()]);
  });
  it('refuses a review of a document not in force', () => {
    spec.given([registered(), drafted()]).when(review()).thenThrows('DOCUMENT_NOT_IN_FORCE');
  });
  it('records an overdue review once its day has passed', () => {
    const late: CommandContext = { ...context, now: '2027-02-01T18:00:00.000Z' };
    deciderSpec(documentDecider, late)
      .given(inForceHistory)
      .when({ type: 'markDocumentReviewOverdue', documentId, dueOn: '2027-02-01' })
      .then([{ type: 'DocumentReviewOverdue', data: { documentId, dueOn: '2027-02-01' } }]);
  });
  it('refuses to record as overdue a review whose day is not over in Osh', () => {
    const sameDay: CommandContext = { ...context, now: '2027-02-01T17:59:59.000Z' };
    deciderSpec(documentDecider, sameDay)
      .given(inForceHistory)
      .when({ type: 'markDocumentReviewOverdue', documentId, dueOn: '2027-02-01' })
      .thenThrows('REVIEW_NOT_YET_OVERDUE');
  });
  it('refuses an overdue record for a date that is not the one due', () => {
    spec
      .given([...inForceHistory, reviewed()])
      .when({ type: 'markDocumentReviewOverdue', documentId, dueOn: '2027-02-01' })
      .thenThrows('REVIEW_NOT_DUE_THEN');
  });
});

describe('retireDocument', () => {
  it('retires a document, dropping the review still due', () => {
    spec.given(inForceHistory).when({ type: 'retireDocument', documentId, retiredOn: '2026-05-30', reason: 'Lapsed' }).then([retired]);
  });
  it('refuses a document superseded by itself', () => {
    spec
      .given(inForceHistory)
      .when({ type: 'retireDocument', documentId, retiredOn: '2026-05-30', reason: 'x', supersededBy: documentId })
      .thenThrows('DOCUMENT_SUPERSEDES_ITSELF');
  });
  it('refuses to retire a document twice', () => {
    spec
      .given([...inForceHistory, retired])
      .when({ type: 'retireDocument', documentId, retiredOn: '2026-05-31', reason: 'again' })
      .thenThrows('DOCUMENT_RETIRED');
  });
});

describe('command schemas', () => {
  const issuesOf = (name: keyof typeof documentCommands, input: Record<string, unknown>) =>
    documentCommands[name].safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
  it('refuses a file hash that is not 64 hexadecimal characters, naming the field', () => {
    expect(issuesOf('draftDocumentVersion', { documentId, version: 1, draftedOn: '2026-01-10', pages: 3, fileSha256: 'abc', fileReference: 'x' })).toEqual([
      'fileSha256: must be a SHA-256 written as 64 hexadecimal characters',
    ]);
  });
  it('keeps a hash in lower case', () => {
    const parsed = documentCommands.draftDocumentVersion.parse({
      documentId,
      version: 1,
      draftedOn: '2026-01-10',
      pages: 3,
      fileSha256: 'AB'.repeat(32),
      fileReference: 'x',
    });
    expect(parsed.fileSha256).toBe(SHA);
  });
  it('refuses a next review that is not after the approval', () => {
    expect(
      issuesOf('approveDocumentVersion', { documentId, version: 1, approvedOn: '2026-02-01', approvingBody: 'Council', nextReviewDue: '2026-02-01' }),
    ).toEqual(['nextReviewDue: must be after approvedOn']);
  });
  it('refuses a version number below 1', () => {
    expect(issuesOf('draftDocumentVersion', { documentId, version: 0, draftedOn: '2026-01-10', pages: 3, fileSha256: SHA, fileReference: 'x' })).toEqual([
      'version: must be 1 or more',
    ]);
  });
});

describe('what documents declare to the automation', () => {
  let position = 0n;
  const recorded = (event: DocumentEvent, stream = `document-${documentId}`): RecordedEvent =>
    ({
      id: `e${++position}`,
      stream,
      revision: position,
      position: { commit: position, prepare: position },
      type: event.type,
      data: event.data,
      metadata: {},
      recordedAt: '2026-06-01T00:00:00.000Z',
    }) as unknown as RecordedEvent;

  it('puts a review on the deadlines at approval, meets it by a review and drops it on retirement', () => {
    expect(documentDueDates.changes(recorded(approved()))).toEqual([
      expect.objectContaining({
        action: 'due',
        key: `document:${documentId}:review:2027-02-01`,
        dueOn: '2027-02-01',
        entityType: 'NormativeDocument',
        entityId: documentId,
      }),
    ]);
    expect(documentDueDates.changes(recorded(reviewed()))).toEqual([
      { action: 'done', key: `document:${documentId}:review:2027-02-01`, on: '2026-05-20' },
      expect.objectContaining({ action: 'due', key: `document:${documentId}:review:2027-05-20` }),
    ]);
    expect(documentDueDates.changes(recorded(retired))).toEqual([{ action: 'dropped', key: `document:${documentId}:review:2027-02-01` }]);
    expect(documentDueDates.changes(recorded(drafted()))).toEqual([]);
  });

  it('asks the clock to record the review as overdue at the end of its day in Osh, and moves or cancels it', () => {
    expect(documentReviewClock.changes(recorded(approved()))).toEqual([
      {
        action: 'at',
        key: `document:${documentId}:review-overdue`,
        at: '2027-02-01T18:00:00.000Z',
        followUp: { command: 'markDocumentReviewOverdue', input: { documentId, dueOn: '2027-02-01' } },
      },
    ]);
    expect(documentReviewClock.changes(recorded(reviewed()))[0]).toMatchObject({ at: '2027-05-20T18:00:00.000Z' });
    expect(documentReviewClock.changes(recorded(retired))).toEqual([{ action: 'cancel', key: `document:${documentId}:review-overdue` }]);
  });

  it('retires the replaced document when its replacement comes into force, and only then', () => {
    expect(documentSupersession.react(recorded(inForce(1, '2026-02-15', null, oldDocumentId)))).toEqual([
      {
        command: 'retireDocument',
        input: { documentId: oldDocumentId, retiredOn: '2026-02-15', reason: 'Replaced by a new document that came into force', supersededBy: documentId },
      },
    ]);
    expect(documentSupersession.react(recorded(inForce(2, '2026-04-01', 1, null)))).toEqual([]);
  });
});
