// The department's normative base (DOMAIN.md "Document passport", regulation §1.4, §2.1 items 8
// and 17): regulations, policies, standards, instructions, orders and job descriptions, each kept
// with its passport and its versions. A version is drafted, approved by a named body, put in force
// (the one before it is then superseded), and reviewed on a schedule; a document is retired when it
// lapses or a new document replacing it comes into force.
import { z } from 'zod';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { departmentStaff, institutionalApprovers } from './staff.ts';
import { localDateOf } from './values.ts';
import { entityId, isoDate, multilingualName, text, type IsoDate, type Labels, type MultilingualName } from './values.ts';

export const documentCategory = 'document';

const types = ['regulation', 'policy', 'standard', 'instruction', 'order', 'job_description'] as const;
const statuses = ['draft', 'approved', 'in_force', 'retired'] as const;
const versionStatuses = ['draft', 'approved', 'in_force', 'superseded'] as const;
const reviewOutcomes = ['still_valid', 'revision_needed'] as const;

export const documentTypeLabels: Labels<(typeof types)[number]> = {
  regulation: { ky: 'Жобо', ru: 'Положение', en: 'Regulation' },
  policy: { ky: 'Саясат', ru: 'Политика', en: 'Policy' },
  standard: { ky: 'Стандарт', ru: 'Стандарт', en: 'Standard' },
  instruction: { ky: 'Нускама', ru: 'Инструкция', en: 'Instruction' },
  order: { ky: 'Буйрук', ru: 'Приказ', en: 'Order' },
  job_description: { ky: 'Кызматтык нускама', ru: 'Должностная инструкция', en: 'Job description' },
};

export const documentStatusLabels: Labels<(typeof statuses)[number]> = {
  draft: { ky: 'Долбоор', ru: 'Проект', en: 'Draft' },
  approved: { ky: 'Бекитилген, күчүнө кире элек', ru: 'Утверждён, не вступил в силу', en: 'Approved, not yet in force' },
  in_force: { ky: 'Күчүндө', ru: 'Действует', en: 'In force' },
  retired: { ky: 'Күчүн жоготкон', ru: 'Утратил силу', en: 'Retired' },
};

export const documentVersionStatusLabels: Labels<(typeof versionStatuses)[number]> = {
  draft: { ky: 'Долбоор', ru: 'Проект', en: 'Draft' },
  approved: { ky: 'Бекитилген', ru: 'Утверждена', en: 'Approved' },
  in_force: { ky: 'Күчүндө', ru: 'Действует', en: 'In force' },
  superseded: { ky: 'Алмаштырылган', ru: 'Заменена', en: 'Superseded' },
};

export const reviewOutcomeLabels: Labels<(typeof reviewOutcomes)[number]> = {
  still_valid: { ky: 'Актуалдуу', ru: 'Актуален', en: 'Still valid' },
  revision_needed: { ky: 'Кайра кароо керек', ru: 'Требует пересмотра', en: 'Revision needed' },
};

export const documentType = z.enum(types).meta({ id: 'DocumentType', description: 'Kind of normative document.', labels: documentTypeLabels });
export const documentStatus = z.enum(statuses).meta({ id: 'DocumentStatus', description: 'Where a normative document stands.', labels: documentStatusLabels });
export const documentVersionStatus = z
  .enum(versionStatuses)
  .meta({ id: 'DocumentVersionStatus', description: 'Where one version of a document stands.', labels: documentVersionStatusLabels });
export const reviewOutcome = z
  .enum(reviewOutcomes)
  .meta({ id: 'DocumentReviewOutcome', description: 'What a scheduled review of a document found.', labels: reviewOutcomeLabels });
export type DocumentType = z.infer<typeof documentType>;
export type DocumentStatus = z.infer<typeof documentStatus>;

/** A file's SHA-256 as 64 hexadecimal characters; stored in lower case so equal hashes compare equal. */
export const sha256Hex = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/, 'must be a SHA-256 written as 64 hexadecimal characters')
  .transform((s) => s.toLowerCase());

const documentRef = { documentId: entityId('normative document').describe('The normative document acted on.') };
const versionNumber = z.int().min(1, 'must be 1 or more').max(1000, 'must be at most 1000');

export const documentCommands = {
  registerDocument: z.object({
    title: multilingualName.describe('Title in Kyrgyz, Russian and English.'),
    documentType,
    tag: text(100).describe('Short tag the department files it under, e.g. "QA-POLICY".'),
    code: text(50).describe('Registration code of the document, e.g. "ОшМУ-П-017".'),
    annotation: text(4000).describe('What the document governs, in a few sentences.'),
    basedOn: z.array(text(300)).max(50, 'must list at most 50 acts').optional().describe('Laws, the charter and other acts the document rests on.'),
    replaces: entityId('normative document').optional().describe('A document this one replaces once in force; that one is then retired.'),
  }),
  draftDocumentVersion: z.object({
    ...documentRef,
    version: versionNumber.describe('Number of the new version; greater than every earlier version.'),
    draftedOn: isoDate.describe('Date the draft was prepared.'),
    pages: z.int().min(1, 'must be at least 1 page').max(10000, 'must be at most 10000 pages').describe('Number of pages.'),
    contents: z.array(text(300)).max(300, 'must list at most 300 headings').optional().describe('Table of contents: the section headings in order.'),
    fileSha256: sha256Hex.describe('SHA-256 of the file, 64 hexadecimal characters, so anyone can check the copy they hold.'),
    fileReference: text(500).describe('Where the file is kept: a link or an archive reference.'),
    changeSummary: text(2000).optional().describe('What changed against the version before.'),
  }),
  approveDocumentVersion: z
    .object({
      ...documentRef,
      version: versionNumber.describe('The drafted version being approved.'),
      approvedOn: isoDate.describe('Date of approval.'),
      approvingBody: text(300).describe('The body that approved it, e.g. the Academic Council (protocol no. 3).'),
      nextReviewDue: isoDate.describe('When the document is next due for review.'),
    })
    .refine((c) => c.nextReviewDue > c.approvedOn, { path: ['nextReviewDue'], message: 'must be after approvedOn' }),
  putDocumentVersionInForce: z.object({
    ...documentRef,
    version: versionNumber.describe('The approved version that comes into force.'),
    inForceFrom: isoDate.describe('Date from which the version is in force.'),
  }),
  recordDocumentReview: z
    .object({
      ...documentRef,
      reviewedOn: isoDate.describe('Date of the review.'),
      outcome: reviewOutcome,
      notes: text(2000).optional().describe('What the review found.'),
      nextReviewDue: isoDate.describe('When the document is next due for review.'),
    })
    .refine((c) => c.nextReviewDue > c.reviewedOn, { path: ['nextReviewDue'], message: 'must be after reviewedOn' }),
  markDocumentReviewOverdue: z.object({
    ...documentRef,
    dueOn: isoDate.describe('The review date that has passed without a review.'),
  }),
  retireDocument: z.object({
    ...documentRef,
    retiredOn: isoDate.describe('Date the document ceased to be in force.'),
    reason: text(2000).describe('Why it was retired.'),
    supersededBy: entityId('normative document').optional().describe('The document that replaced it, if any.'),
  }),
} as const;

export type DocumentCommandName = keyof typeof documentCommands;

// The department keeps the normative base (§2.1 item 8): its staff prepare drafts and record reviews;
// approval, entry into force and retirement are recorded by the director (the approving body itself,
// e.g. the Academic Council, is named in the event), or the rector.
const keepers = departmentStaff;
const approvers = institutionalApprovers;
export const documentPermissions: Record<DocumentCommandName, Role[]> = {
  registerDocument: keepers,
  draftDocumentVersion: keepers,
  approveDocumentVersion: approvers,
  putDocumentVersionInForce: approvers,
  recordDocumentReview: keepers,
  markDocumentReviewOverdue: keepers,
  retireDocument: approvers,
};

export type DocumentCommand = {
  [Name in DocumentCommandName]: { type: Name; documentId: string } & z.infer<(typeof documentCommands)[Name]>;
}[DocumentCommandName];

export const documentEventSchemas = {
  DocumentRegistered: z.object({
    documentId: z.string(),
    title: multilingualName,
    documentType,
    tag: z.string(),
    code: z.string(),
    annotation: z.string(),
    basedOn: z.array(z.string()),
    replaces: z.string().nullable(),
  }),
  DocumentVersionDrafted: z.object({
    documentId: z.string(),
    version: z.number(),
    draftedOn: isoDate,
    pages: z.number(),
    contents: z.array(z.string()),
    fileSha256: z.string(),
    fileReference: z.string(),
    changeSummary: z.string().nullable(),
  }),
  DocumentVersionApproved: z.object({ documentId: z.string(), version: z.number(), approvedOn: isoDate, approvingBody: z.string(), nextReviewDue: isoDate }),
  DocumentVersionPutInForce: z.object({
    documentId: z.string(),
    version: z.number(),
    inForceFrom: isoDate,
    /** The version in force until now, superseded by this one. */
    supersededVersion: z.number().nullable(),
    /** The document this one replaces, carried so that a reactor can retire it from this event alone. */
    replaces: z.string().nullable(),
  }),
  DocumentReviewed: z.object({
    documentId: z.string(),
    reviewedOn: isoDate,
    outcome: reviewOutcome,
    notes: z.string().nullable(),
    /** The review date this review meets. */
    dueOn: isoDate,
    nextReviewDue: isoDate,
  }),
  DocumentReviewOverdue: z.object({ documentId: z.string(), dueOn: isoDate }),
  DocumentRetired: z.object({
    documentId: z.string(),
    retiredOn: isoDate,
    reason: z.string(),
    supersededBy: z.string().nullable(),
    /** The review that was still due, which retirement drops. */
    reviewDueOn: isoDate.nullable(),
  }),
} as const;

export type DocumentEventType = keyof typeof documentEventSchemas;
export type DocumentEvent = { [Type in DocumentEventType]: { type: Type; data: z.infer<(typeof documentEventSchemas)[Type]> } }[DocumentEventType];
export const documentEventTypes = Object.keys(documentEventSchemas) as DocumentEventType[];

type Version = { number: number; status: z.infer<typeof documentVersionStatus>; draftedOn: IsoDate; approvedOn: IsoDate | undefined };

export type DocumentState =
  | { exists: false }
  | {
      exists: true;
      title: MultilingualName;
      code: string;
      replaces: string | null;
      versions: Version[];
      inForce: number | undefined;
      /** Date of the latest dated step: no later step may be dated before it. */
      lastDate: IsoDate | undefined;
      nextReviewDue: IsoDate | undefined;
      overdueMarkedFor: IsoDate | undefined;
      retired: boolean;
    };

const initialState: DocumentState = { exists: false };

function evolve(state: DocumentState, event: DocumentEvent): DocumentState {
  if (event.type === 'DocumentRegistered') {
    const d = event.data;
    return {
      exists: true,
      title: d.title,
      code: d.code,
      replaces: d.replaces,
      versions: [],
      inForce: undefined,
      lastDate: undefined,
      nextReviewDue: undefined,
      overdueMarkedFor: undefined,
      retired: false,
    };
  }
  if (!state.exists) return state;
  const withVersion = (number: number, change: Partial<Version>): Version[] => state.versions.map((v) => (v.number === number ? { ...v, ...change } : v));
  switch (event.type) {
    case 'DocumentVersionDrafted':
      return {
        ...state,
        versions: [...state.versions, { number: event.data.version, status: 'draft', draftedOn: event.data.draftedOn, approvedOn: undefined }],
        lastDate: event.data.draftedOn,
      };
    case 'DocumentVersionApproved':
      return {
        ...state,
        versions: withVersion(event.data.version, { status: 'approved', approvedOn: event.data.approvedOn }),
        lastDate: event.data.approvedOn,
        nextReviewDue: event.data.nextReviewDue,
      };
    case 'DocumentVersionPutInForce': {
      const superseded = event.data.supersededVersion;
      const versions = withVersion(event.data.version, { status: 'in_force' }).map((v) =>
        v.number === superseded ? { ...v, status: 'superseded' as const } : v,
      );
      return { ...state, versions, inForce: event.data.version, lastDate: event.data.inForceFrom };
    }
    case 'DocumentReviewed':
      return { ...state, lastDate: event.data.reviewedOn, nextReviewDue: event.data.nextReviewDue, overdueMarkedFor: undefined };
    case 'DocumentReviewOverdue':
      return { ...state, overdueMarkedFor: event.data.dueOn };
    case 'DocumentRetired':
      return { ...state, retired: true, lastDate: event.data.retiredOn };
  }
}

type Existing = Extract<DocumentState, { exists: true }>;
const rule = (code: string, message: string) => new DomainRuleError(code, message);

function existing(state: DocumentState): Existing {
  if (!state.exists) throw rule('DOCUMENT_NOT_FOUND', 'no normative document with this id exists');
  if (state.retired) throw rule('DOCUMENT_RETIRED', 'the document has been retired; register a new document instead');
  return state;
}

function requireInOrder(state: Existing, date: IsoDate, field: string): void {
  if (state.lastDate !== undefined && date < state.lastDate) {
    throw rule('DATE_BEFORE_PREVIOUS_STEP', `${field} (${date}) cannot be before the document's previous step (${state.lastDate})`);
  }
}

/** Dates of things that have happened cannot lie in the future (Kyrgyzstan's calendar day). */
function requireNotFuture(date: IsoDate, field: string, context: CommandContext): void {
  const today = localDateOf(context.now);
  if (date > today) throw rule('DATE_IN_FUTURE', `${field} (${date}) is after today (${today}); record it once it has happened`);
}

function versionOf(state: Existing, number: number): Version {
  const version = state.versions.find((v) => v.number === number);
  if (!version) throw rule('VERSION_NOT_FOUND', `the document has no version ${number}; draft it first`);
  return version;
}

const withoutType = <C extends { type: string }>(command: C): Omit<C, 'type'> => {
  const { type: _type, ...data } = command;
  return data;
};

function decide(command: DocumentCommand, state: DocumentState, context: CommandContext): DocumentEvent[] {
  if (command.type === 'registerDocument') {
    if (state.exists) throw rule('DOCUMENT_ALREADY_REGISTERED', 'this document is already registered');
    const { type: _type, basedOn, replaces, ...data } = command;
    return [{ type: 'DocumentRegistered', data: { ...data, basedOn: basedOn ?? [], replaces: replaces ?? null } }];
  }
  const document = existing(state);
  switch (command.type) {
    case 'draftDocumentVersion': {
      const latest = document.versions.at(-1);
      if (latest && command.version <= latest.number) {
        throw rule('VERSION_NOT_AFTER_LATEST', `version ${command.version} must be greater than the latest version ${latest.number}`);
      }
      const open = document.versions.find((v) => v.status === 'draft' || v.status === 'approved');
      if (open)
        throw rule(
          'VERSION_ALREADY_OPEN',
          `version ${open.number} is still ${open.status === 'draft' ? 'a draft' : 'approved and not in force'}; finish it first`,
        );
      requireInOrder(document, command.draftedOn, 'draftedOn');
      requireNotFuture(command.draftedOn, 'draftedOn', context);
      const data = withoutType(command);
      return [{ type: 'DocumentVersionDrafted', data: { ...data, contents: data.contents ?? [], changeSummary: data.changeSummary ?? null } }];
    }
    case 'approveDocumentVersion': {
      const version = versionOf(document, command.version);
      if (version.status !== 'draft') throw rule('VERSION_NOT_DRAFT', `version ${command.version} is ${version.status}, not a draft awaiting approval`);
      requireInOrder(document, command.approvedOn, 'approvedOn');
      requireNotFuture(command.approvedOn, 'approvedOn', context);
      return [{ type: 'DocumentVersionApproved', data: withoutType(command) }];
    }
    case 'putDocumentVersionInForce': {
      const version = versionOf(document, command.version);
      if (version.status !== 'approved') {
        throw rule('VERSION_NOT_APPROVED', `version ${command.version} is ${version.status}; only an approved version can come into force`);
      }
      requireInOrder(document, command.inForceFrom, 'inForceFrom');
      return [
        {
          type: 'DocumentVersionPutInForce',
          data: { ...withoutType(command), supersededVersion: document.inForce ?? null, replaces: document.inForce === undefined ? document.replaces : null },
        },
      ];
    }
    case 'recordDocumentReview': {
      if (document.inForce === undefined || document.nextReviewDue === undefined) {
        throw rule('DOCUMENT_NOT_IN_FORCE', 'only a document in force is reviewed; put a version in force first');
      }
      requireInOrder(document, command.reviewedOn, 'reviewedOn');
      requireNotFuture(command.reviewedOn, 'reviewedOn', context);
      const data = withoutType(command);
      return [{ type: 'DocumentReviewed', data: { ...data, notes: data.notes ?? null, dueOn: document.nextReviewDue } }];
    }
    case 'markDocumentReviewOverdue': {
      if (document.nextReviewDue !== command.dueOn) {
        throw rule('REVIEW_NOT_DUE_THEN', `the document's review is due on ${document.nextReviewDue ?? 'no date'}, not ${command.dueOn}`);
      }
      if (document.overdueMarkedFor === command.dueOn)
        throw rule('REVIEW_ALREADY_OVERDUE', `the review due on ${command.dueOn} is already recorded as overdue`);
      if (localDateOf(context.now) <= command.dueOn) throw rule('REVIEW_NOT_YET_OVERDUE', `the review is due on ${command.dueOn}, which has not passed`);
      return [{ type: 'DocumentReviewOverdue', data: withoutType(command) }];
    }
    case 'retireDocument': {
      if (command.supersededBy === command.documentId) throw rule('DOCUMENT_SUPERSEDES_ITSELF', 'a document cannot be superseded by itself');
      requireInOrder(document, command.retiredOn, 'retiredOn');
      const data = withoutType(command);
      return [{ type: 'DocumentRetired', data: { ...data, supersededBy: data.supersededBy ?? null, reviewDueOn: document.nextReviewDue ?? null } }];
    }
  }
}

export const documentDecider: Decider<DocumentCommand, DocumentEvent, DocumentState> = { initialState, evolve, decide };
