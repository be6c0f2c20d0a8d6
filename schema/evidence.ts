// The evidence library in GraphQL: documents with their version history (`evidence`,
// `evidenceDocument(id)`), and the commands that register and revise them.
import type { EvidenceRow, EvidenceVersionRow } from '../projections/evidence.ts';
import { evidenceCategory, evidenceCommands, evidenceDecider, evidenceKind, type EvidenceCommandName } from '../src/domain/evidence.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { labelField } from './accreditation-commands.ts';
import { checkCitedDataRequest } from './data-request-citation.ts';
import { entityPayload, runEntityCommand } from './entity-command.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { plainIdOf } from './ids.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

registerStreamKind({ typename: 'Evidence', category: evidenceCategory, personal: false, canRead: (context) => context.actor !== undefined });

const EvidenceKindEnum = enumFor(evidenceKind);

const EvidenceVersionRef = builder.objectRef<EvidenceVersionRow>('EvidenceVersion').implement({
  description: 'One version of a document in the evidence library.',
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'Version number, from 1.' }),
    reference: t.exposeString('reference', { description: 'Where this version is: a registry number, a file reference or a link.' }),
    note: t.exposeString('note', { nullable: true, description: 'What changed in this version (null for the first).' }),
    datedOn: t.field({ type: 'Date', description: 'Date of this version.', resolve: (v) => v.dated_on }),
  }),
});

export const Evidence = builder.loadableNode('Evidence', {
  description: 'A document of the evidence library, kept once and attached wherever it proves something.',
  id: { resolve: (row) => row.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.evidence.byIds(ids).map((row) => row ?? null) as EvidenceRow[],
  fields: (t) => ({
    evidenceId: t.exposeString('id', { description: 'The plain id of the document (the global `id` wraps it).' }),
    title: t.exposeString('title', { description: 'Title of the document.' }),
    kind: t.field({ type: EvidenceKindEnum, description: 'What kind of document it is.', resolve: (e) => e.kind }),
    kindLabel: labelField(t, evidenceKind, (e) => e.kind, 'The kind in Kyrgyz, Russian or English.'),
    reference: t.exposeString('reference', { description: 'Where its latest version is.' }),
    ownerUnit: t.exposeString('owner_unit', { description: 'Unit that keeps it.' }),
    dataRequestId: t.exposeID('data_request_id', {
      nullable: true,
      description: 'The data request whose accepted answer supplied it, if it was gathered through one.',
    }),
    version: t.exposeInt('version', { description: 'Its latest version number.' }),
    registeredOn: t.field({ type: 'Date', description: 'Date of its first version.', resolve: (e) => e.registered_on }),
    versions: t.field({
      type: [EvidenceVersionRef],
      description: 'Every version, the latest first.',
      resolve: (e, _args, context) => context.hub.evidence.versions(e.id),
    }),
    revision: t.exposeInt('revision', { description: 'Revision of the document’s stream; pass it as expectedRevision.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (e) => e.updated_at }),
  }),
});

const EvidenceFilterInput = builder.inputType('EvidenceFilter', {
  description: 'Narrows the evidence library; all given conditions must hold.',
  fields: (t) => ({
    kinds: t.field({ type: [EvidenceKindEnum], required: false, description: 'Any of these kinds.' }),
    ownerUnit: t.string({ required: false, description: 'Exactly this owner unit.' }),
  }),
});

const evidenceIdOf = (id: string): string => plainIdOf(id, 'Evidence');

builder.queryFields((t) => ({
  evidence: t.connection(
    {
      type: Evidence,
      description: 'The evidence library, in the order documents were registered, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: { filter: t.arg({ type: EvidenceFilterInput, required: false, description: 'Conditions the documents must meet.' }) },
      resolve: (_root, args, context) => {
        const request = pageRequest(args, 'registered');
        const queries = context.hub.evidence;
        const { rows, hasMore } = queries.page(args.filter ?? {}, request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor('registered', queries.sortKey(row)));
      },
    },
    { name: 'EvidenceConnection', description: 'A page of the evidence library.' },
    { name: 'EvidenceEdge', description: 'A document in a page of the library, with its cursor.' },
  ),
  evidenceDocument: t.field({
    type: Evidence,
    nullable: true,
    description: 'One document of the evidence library by its global id or plain evidenceId; null if there is none.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true, description: 'Global id, or the plain evidenceId.' }) },
    resolve: (_root, args) => evidenceIdOf(String(args.id)),
  }),
}));

const EvidencePayload = entityPayload('EvidencePayload', 'evidence', Evidence, 'document');

const descriptions: Record<EvidenceCommandName, string> = {
  registerEvidence: 'Puts a document into the evidence library (its first version).',
  reviseEvidence: 'Records a new version of a document; attachments follow it to the new version.',
};

for (const name of Object.keys(evidenceCommands) as EvidenceCommandName[]) {
  commandMutation({
    name,
    description: descriptions[name],
    schema: evidenceCommands[name],
    payload: EvidencePayload,
    acceptsExpectedRevision: name !== 'registerEvidence',
    prepare: (raw) => (typeof raw.evidenceId === 'string' ? { ...raw, evidenceId: evidenceIdOf(raw.evidenceId) } : raw),
    run: (call) => {
      if (name === 'registerEvidence') checkCitedDataRequest(call.context.hub, call.input);
      return runEntityCommand({
        call: call as CommandCall<Record<string, unknown>>,
        name,
        decider: evidenceDecider,
        category: evidenceCategory,
        entity: 'evidence document',
        idField: 'evidenceId',
        creates: name === 'registerEvidence',
        stamp: (id) => call.context.hub.evidence.byIds([id])[0],
      });
    },
  });
}

export { evidenceIdOf };
