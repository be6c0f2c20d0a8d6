// SWOT analyses in GraphQL: the list (`swotAnalyses`), node lookups, and their two commands.
import type { SwotAnalysisRow } from '../projections/swot-analyses.ts';
import {
  swotAnalysisCategory,
  swotAnalysisCommands,
  swotAnalysisDecider,
  swotSourceKind,
  swotStatus,
  type SwotAnalysisCommandName,
} from '../src/domain/swot-analyses.ts';
import { languageArg } from './language.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { plainIdOf } from './ids.ts';
import { labelIn } from './indicators.ts';
import { runStrategyCommand, type StrategyPayloadShape } from './strategy-command.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

registerStreamKind({ typename: 'SwotAnalysis', category: swotAnalysisCategory, personal: false, canRead: (context) => context.actor !== undefined });

const StatusEnum = enumFor(swotStatus);
const SourceKindEnum = enumFor(swotSourceKind);

type Source = SwotAnalysisRow['sources'][number];
const SourceRef = builder.objectRef<Source>('SwotSource').implement({
  description: 'A source of data a SWOT analysis rests on.',
  fields: (t) => ({
    kind: t.field({ type: SourceKindEnum, description: 'Internal or external.', resolve: (s) => s.kind }),
    description: t.exposeString('description', { description: 'The data used.' }),
  }),
});

export const SwotAnalysis = builder.loadableNode('SwotAnalysis', {
  description: 'An analysis of strengths, weaknesses, opportunities and threats from internal and external data.',
  id: { resolve: (r) => r.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.swotAnalyses.byIds(ids).map((r) => r ?? null) as SwotAnalysisRow[],
  fields: (t) => ({
    swotAnalysisId: t.exposeString('id', { description: 'The plain id of the analysis (the global `id` wraps it).' }),
    title: t.exposeString('title', { description: 'Title.' }),
    scope: t.exposeString('scope', { description: 'What is analysed.' }),
    sources: t.field({ type: [SourceRef], description: 'The data it rests on.', resolve: (r) => r.sources }),
    strengths: t.exposeStringList('strengths', { description: 'Strengths.' }),
    weaknesses: t.exposeStringList('weaknesses', { description: 'Weaknesses.' }),
    opportunities: t.exposeStringList('opportunities', { description: 'Opportunities.' }),
    threats: t.exposeStringList('threats', { description: 'Threats.' }),
    analysedOn: t.field({ type: 'Date', description: 'Date of the analysis.', resolve: (r) => r.analysed_on }),
    status: t.field({ type: StatusEnum, description: 'Draft or published.', resolve: (r) => r.status }),
    statusLabel: t.string({
      description: 'The status in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (r, args, context) => labelIn(swotStatus, r.status, args.language, context),
    }),
    publishedOn: t.field({ type: 'Date', nullable: true, description: 'Date of publication.', resolve: (r) => r.published_on }),
    revision: t.exposeInt('revision', { description: 'Revision of the analysis stream; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updated_at }),
  }),
});

const FilterInput = builder.inputType('SwotAnalysisFilter', {
  description: 'Narrows the list of SWOT analyses.',
  fields: (t) => ({
    statuses: t.field({ type: [StatusEnum], required: false, description: 'Any of these statuses.' }),
    scope: t.string({ required: false, description: 'Exactly this scope.' }),
  }),
});

builder.queryFields((t) => ({
  swotAnalyses: t.connection(
    {
      type: SwotAnalysis,
      description: 'SWOT analyses, oldest first, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: { filter: t.arg({ type: FilterInput, required: false, description: 'Conditions the analyses must meet.' }) },
      resolve: (_root, args, context) => {
        const request = pageRequest(args, 'analysed');
        const queries = context.hub.swotAnalyses;
        const { rows, hasMore } = queries.page(args.filter ?? {}, request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor('analysed', queries.sortKey(row)));
      },
    },
    { name: 'SwotAnalysisConnection', description: 'A page of SWOT analyses.' },
    { name: 'SwotAnalysisEdge', description: 'A SWOT analysis in a page, with its cursor.' },
  ),
}));

const Payload = builder.objectRef<StrategyPayloadShape>('SwotAnalysisPayload').implement({
  description: 'The analysis after the command, with where the command landed in the log.',
  fields: (t) => ({
    swotAnalysis: t.field({
      type: SwotAnalysis,
      description: 'The analysis as it is now, including this command.',
      resolve: (p, _args, context) => context.hub.swotAnalyses.byIds([p.id])[0]!,
    }),
    revision: t.int({ description: 'Revision of the analysis stream after the command.', resolve: (p) => Number(p.revision) }),
    position: t.exposeString('position', { description: 'Position of the command’s last event in the global log.' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this commandId was handled before and its first answer is returned.' }),
  }),
});

const descriptions: Record<SwotAnalysisCommandName, string> = {
  recordSwotAnalysis: 'Records a SWOT analysis with the data it rests on. Creates the analysis as a draft.',
  publishSwotAnalysis: 'Publishes a SWOT analysis; it is not changed afterwards.',
};

for (const name of Object.keys(swotAnalysisCommands) as SwotAnalysisCommandName[]) {
  commandMutation({
    name,
    description: descriptions[name],
    schema: swotAnalysisCommands[name],
    payload: Payload,
    acceptsExpectedRevision: name !== 'recordSwotAnalysis',
    prepare: (raw) => (typeof raw.swotAnalysisId === 'string' ? { ...raw, swotAnalysisId: plainIdOf(raw.swotAnalysisId, 'SwotAnalysis') } : raw),
    run: (call) =>
      runStrategyCommand({
        name,
        call: call as CommandCall<Record<string, unknown>>,
        decider: swotAnalysisDecider,
        category: swotAnalysisCategory,
        idField: 'swotAnalysisId',
        entity: 'SWOT analysis',
        creates: name === 'recordSwotAnalysis',
        current: (id) => call.context.hub.swotAnalyses.byIds([id])[0],
      }),
  });
}
