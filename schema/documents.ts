// Normative documents in GraphQL: the registry with full-text search, one document with its version
// history (now or as it was), a change subscription, and one mutation per command.
import type { z } from 'zod';
import { createDocumentQueries, documentOrder, documentsProjection, type DocumentRow, type DocumentVersionRow } from '../projections/documents.ts';
import { foldAsOf } from '../projections/time-travel.ts';
import {
  documentCategory,
  documentCommands,
  documentDecider,
  documentStatus,
  documentType,
  documentVersionStatus,
  type DocumentCommandName,
} from '../src/domain/documents.ts';
import type { Labels } from '../src/domain/values.ts';
import { AsOfInput, parseAsOf } from './as-of.ts';
import { builder } from './builder.ts';
import { changesOf, entityOfCategory, endOfChange } from './changes.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { entityPayload, runEntityCommand } from './entity-command.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { plainIdOf } from './ids.ts';
import { labelField } from './labels.ts';
import { MultilingualNameRef } from './licensing.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

// The normative base is the university's public record: any signed-in caller may read it.
registerStreamKind({ typename: 'NormativeDocument', category: documentCategory, personal: false, canRead: (context) => context.actor !== undefined });

const DocumentTypeEnum = enumFor(documentType);
const DocumentStatusEnum = enumFor(documentStatus);
const DocumentVersionStatusEnum = enumFor(documentVersionStatus);
const DocumentOrderEnum = enumFor(documentOrder);

/** A document folded for `asOf` carries its versions as they were then. */
type PastDocument = DocumentRow & { pastVersions?: DocumentVersionRow[] };

const labelsOf = (schema: z.ZodType) => (schema.meta() as { labels: Labels<string> }).labels;

const DocumentVersion = builder.objectRef<DocumentVersionRow>('DocumentVersion').implement({
  description: 'One version of a normative document: its file, contents and approval.',
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'Version number, from 1.' }),
    status: t.field({ type: DocumentVersionStatusEnum, description: 'Where this version stands.', resolve: (v) => v.status }),
    statusLabel: labelField(t, labelsOf(documentVersionStatus), (v) => v.status),
    draftedOn: t.field({ type: 'Date', description: 'Date the draft was prepared.', resolve: (v) => v.drafted_on }),
    pages: t.exposeInt('pages', { description: 'Number of pages.' }),
    contents: t.stringList({ description: 'Table of contents: the section headings in order.', resolve: (v) => JSON.parse(v.contents) as string[] }),
    fileSha256: t.exposeString('file_sha256', { description: 'SHA-256 of the file (64 hexadecimal characters, lower case).' }),
    fileReference: t.exposeString('file_reference', { description: 'Where the file is kept.' }),
    changeSummary: t.exposeString('change_summary', { nullable: true, description: 'What changed against the version before.' }),
    approvedOn: t.field({ type: 'Date', nullable: true, description: 'Date of approval.', resolve: (v) => v.approved_on }),
    approvingBody: t.exposeString('approving_body', { nullable: true, description: 'The body that approved it.' }),
    inForceFrom: t.field({ type: 'Date', nullable: true, description: 'Date it came into force.', resolve: (v) => v.in_force_from }),
    supersededOn: t.field({ type: 'Date', nullable: true, description: 'Date a later version replaced it.', resolve: (v) => v.superseded_on }),
  }),
});

// The ref is made before its fields, because a document links to the documents it replaces.
export const NormativeDocument = builder.loadableNodeRef<DocumentRow, string, string>('NormativeDocument', {
  id: { resolve: (row) => row.id },
  load: async (ids: string[], context) => context.hub.documents.byIds(ids).map((row) => row ?? null) as DocumentRow[],
});
NormativeDocument.implement({
  description: 'A normative document of the university (regulation, policy, standard, instruction, order, job description) with its passport and versions.',
  fields: (t) => ({
    documentId: t.exposeString('id', { description: 'The plain id of the document (the global `id` wraps it).' }),
    code: t.exposeString('code', { description: 'Registration code.' }),
    documentType: t.field({ type: DocumentTypeEnum, description: 'Kind of document.', resolve: (r) => r.document_type }),
    documentTypeLabel: labelField(t, labelsOf(documentType), (r) => r.document_type),
    tag: t.exposeString('tag', { description: 'Tag the department files it under.' }),
    title: t.field({
      type: MultilingualNameRef,
      description: 'Title in the three languages.',
      resolve: (r) => ({ ky: r.title_ky, ru: r.title_ru, en: r.title_en }),
    }),
    annotation: t.exposeString('annotation', { description: 'What the document governs.' }),
    basedOn: t.stringList({ description: 'Laws, the charter and other acts it rests on.', resolve: (r) => JSON.parse(r.based_on) as string[] }),
    replaces: t.field({ type: NormativeDocument, nullable: true, description: 'The document this one replaces.', resolve: (r) => r.replaces }),
    supersededBy: t.field({ type: NormativeDocument, nullable: true, description: 'The document that replaced this one.', resolve: (r) => r.superseded_by }),
    status: t.field({ type: DocumentStatusEnum, description: 'Where the document stands.', resolve: (r) => r.status }),
    statusLabel: labelField(t, labelsOf(documentStatus), (r) => r.status),
    versionInForce: t.exposeInt('version_in_force', { nullable: true, description: 'Number of the version in force, if any.' }),
    approvedOn: t.field({ type: 'Date', nullable: true, description: 'Approval date of the version in force.', resolve: (r) => r.approved_on }),
    approvingBody: t.exposeString('approving_body', { nullable: true, description: 'The body that approved the version in force.' }),
    inForceFrom: t.field({ type: 'Date', nullable: true, description: 'Date the version in force came into force.', resolve: (r) => r.in_force_from }),
    nextReviewDue: t.field({ type: 'Date', nullable: true, description: 'When the document is next due for review.', resolve: (r) => r.next_review_due }),
    reviewOverdue: t.boolean({
      description: 'True once the review date has passed without a review (recorded by the clock).',
      resolve: (r) => r.review_overdue === 1,
    }),
    lastReviewedOn: t.field({ type: 'Date', nullable: true, description: 'Date of the last review.', resolve: (r) => r.last_reviewed_on }),
    retiredOn: t.field({ type: 'Date', nullable: true, description: 'Date it ceased to be in force.', resolve: (r) => r.retired_on }),
    retirementReason: t.exposeString('retirement_reason', { nullable: true, description: 'Why it was retired.' }),
    versions: t.field({
      type: [DocumentVersion],
      description: 'Every version, oldest first (as they were, for a document asked for `asOf`).',
      resolve: (r, _args, context) => (r as PastDocument).pastVersions ?? context.hub.documents.versions(r.id),
    }),
    revision: t.exposeInt('revision', { description: 'Revision of the document stream this state reflects; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updated_at }),
  }),
});

const DocumentFilterInput = builder.inputType('DocumentFilter', {
  description: 'Narrows the registry of normative documents; all given conditions must hold.',
  fields: (t) => ({
    documentTypes: t.field({ type: [DocumentTypeEnum], required: false, description: 'Any of these kinds.' }),
    statuses: t.field({ type: [DocumentStatusEnum], required: false, description: 'Any of these statuses.' }),
    tag: t.string({ required: false, description: 'Exactly this tag.' }),
    reviewDueBy: t.field({ type: 'Date', required: false, description: 'Documents whose next review is due on or before this date.' }),
    reviewOverdue: t.boolean({ required: false, description: 'Only documents whose review is (true) or is not (false) overdue.' }),
    search: t.string({
      required: false,
      description: 'Words to find in the title (any language), code, tag and annotation; every word must occur, as a word or the start of one.',
    }),
  }),
});

const documentIdOf = (id: string): string => plainIdOf(id, 'NormativeDocument');

builder.queryFields((t) => ({
  documents: t.connection(
    {
      type: NormativeDocument,
      description: 'The registry of normative documents, in a stable order, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: {
        filter: t.arg({ type: DocumentFilterInput, required: false, description: 'Conditions the documents must meet.' }),
        orderBy: t.arg({ type: DocumentOrderEnum, required: false, description: 'Order of the list; by registration by default.' }),
      },
      resolve: (_root, args, context) => {
        const order = args.orderBy ?? 'registered';
        const request = pageRequest(args, order);
        const queries = context.hub.documents;
        const { rows, hasMore } = queries.page(args.filter ?? {}, order, request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor(order, queries.sortKey(row, order)));
      },
    },
    { name: 'NormativeDocumentConnection', description: 'A page of the registry of normative documents.' },
    { name: 'NormativeDocumentEdge', description: 'A document in a page of the registry, with its cursor.' },
  ),
  document: t.field({
    type: NormativeDocument,
    nullable: true,
    description: 'One normative document by its global id (or its plain documentId), now or as it was at `asOf`; null if there is none (then).',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, description: 'Global id, or the plain documentId.' }),
      asOf: t.arg({ type: AsOfInput, required: false, description: 'Time travel: the document as it was at a moment or a revision.' }),
    },
    resolve: async (_root, args, context) => {
      const id = documentIdOf(String(args.id));
      if (!args.asOf) return id;
      const past = await foldAsOf(context.hub.store, documentsProjection, { stream: `${documentCategory}-${id}` }, parseAsOf(args.asOf));
      if (!past) return null;
      try {
        const queries = createDocumentQueries(past);
        const row = queries.byIds([id])[0];
        // The versions as they were then, not as the live registry shows them now.
        return row ? ({ ...row, pastVersions: queries.versions(id) } satisfies PastDocument) : null;
      } finally {
        past.close();
      }
    },
  }),
}));

type DocumentChangeShape = { row: DocumentRow; eventType: string; revision: bigint; position: string };
const DocumentChange = builder.objectRef<DocumentChangeShape>('DocumentChange').implement({
  description: 'A normative document changed: the event that changed it and the document once the change was in.',
  fields: (t) => ({
    document: t.field({ type: NormativeDocument, description: 'The document after the change.', resolve: (c) => c.row }),
    eventType: t.exposeString('eventType', { description: 'The event that changed it, e.g. DocumentVersionPutInForce.' }),
    revision: t.int({ description: 'Revision of the document stream after the change.', resolve: (c) => Number(c.revision) }),
    position: t.exposeString('position', { description: 'Position of the event in the global log.' }),
  }),
});

builder.subscriptionField('documentChanged', (t) =>
  t.field({
    type: DocumentChange,
    description: 'Each change to a normative document once the registry includes it; pass id to follow one document.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: false, description: 'Only this document (global id or plain documentId).' }) },
    subscribe: (_root, args, context) => {
      const only = args.id ? documentIdOf(String(args.id)) : undefined;
      const { documents } = context.hub;
      const selection = {
        key: 'document',
        projection: documentsProjection.name,
        entityOf: entityOfCategory(documentCategory),
        read: (id: string) => documents.byIds([id])[0],
      };
      return changesOf(context.hub, selection, (id) => only === undefined || id === only);
    },
    resolve: endOfChange,
  }),
);

const DocumentPayload = entityPayload('DocumentPayload', 'document', NormativeDocument, 'normative document');

const descriptions: Record<DocumentCommandName, string> = {
  registerDocument: 'Registers a normative document with its passport. Creates the document; its versions are drafted next.',
  draftDocumentVersion: 'Records a new draft version of a document: its file (SHA-256 and reference), pages and contents.',
  approveDocumentVersion: 'Records the approval of a drafted version by the body named, and when it is next due for review.',
  putDocumentVersionInForce: 'Puts an approved version in force from a date; the version in force until then is superseded.',
  recordDocumentReview: 'Records a scheduled review of a document in force and sets the next review date.',
  markDocumentReviewOverdue: 'Records that a review date passed without a review (the hub’s clock sends it; staff may record it by hand).',
  retireDocument: 'Retires a document: it ceases to be in force, optionally replaced by another.',
};

const globalIdFields = ['documentId', 'replaces', 'supersededBy'] as const;

for (const name of Object.keys(documentCommands) as DocumentCommandName[]) {
  commandMutation({
    name,
    description: descriptions[name],
    schema: documentCommands[name],
    payload: DocumentPayload,
    acceptsExpectedRevision: name !== 'registerDocument',
    prepare: (raw) => {
      const prepared = { ...raw };
      for (const field of globalIdFields) if (typeof prepared[field] === 'string') prepared[field] = documentIdOf(prepared[field]);
      return prepared;
    },
    run: (call) =>
      runEntityCommand({
        call: call as CommandCall<Record<string, unknown>>,
        name,
        decider: documentDecider,
        category: documentCategory,
        entity: 'normative document',
        idField: 'documentId',
        creates: name === 'registerDocument',
        stamp: (id) => call.context.hub.documents.byIds([id])[0],
      }),
  });
}
