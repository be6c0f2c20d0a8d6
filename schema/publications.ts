// Press releases and publications in GraphQL: the register by drafting date, one by id, the mutations.
import type { PublicationRow } from '../projections/publications.ts';
import {
  publicationCategory,
  publicationCommands,
  publicationDecider,
  publicationKind,
  publicationStatus,
  publicationTopic,
  type PublicationCommandName,
} from '../src/domain/publications.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { entityPayload } from './entity-command.ts';
import { labelField } from './labels.ts';
import { entityMutations, labelsOf } from './secretariat-support.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

// Publications are meant for the public; drafts too are readable by any signed-in caller.
registerStreamKind({ typename: 'Publication', category: publicationCategory, personal: false, canRead: (context) => context.actor !== undefined });

const KindEnum = enumFor(publicationKind);
const TopicEnum = enumFor(publicationTopic);
const StatusEnum = enumFor(publicationStatus);

export const Publication = builder.loadableNode('Publication', {
  description: 'A press release or publication on accreditation, licensing or rankings: drafted, approved, published, withdrawn.',
  id: { resolve: (r) => r.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.secretariat.publications.byIds(ids).map((r) => r ?? null) as PublicationRow[],
  fields: (t) => ({
    publicationId: t.exposeString('id', { description: 'The plain id of the publication (the global `id` wraps it).' }),
    title: t.string({ description: 'Title.', resolve: (r) => r.state.title }),
    kind: t.field({ type: KindEnum, description: 'What kind of publication.', resolve: (r) => r.state.kind }),
    kindLabel: labelField(t, labelsOf(publicationKind), (r) => r.state.kind),
    topic: t.field({ type: TopicEnum, description: 'What it is about.', resolve: (r) => r.state.topic }),
    topicLabel: labelField(t, labelsOf(publicationTopic), (r) => r.state.topic),
    body: t.string({ description: 'The text.', resolve: (r) => r.state.body }),
    draftedOn: t.field({ type: 'Date', description: 'Date it was drafted.', resolve: (r) => r.state.draftedOn }),
    approvedOn: t.field({ type: 'Date', nullable: true, description: 'Date the director approved it.', resolve: (r) => r.state.approval?.approvedOn ?? null }),
    approvedBy: t.string({ nullable: true, description: 'Who approved it.', resolve: (r) => r.state.approval?.approvedBy ?? null }),
    publishedOn: t.field({ type: 'Date', nullable: true, description: 'Date it was published.', resolve: (r) => r.state.publication?.publishedOn ?? null }),
    channel: t.string({ nullable: true, description: 'Where it was published.', resolve: (r) => r.state.publication?.channel ?? null }),
    link: t.string({ nullable: true, description: 'Link to it.', resolve: (r) => r.state.publication?.link ?? null }),
    withdrawnOn: t.field({ type: 'Date', nullable: true, description: 'Date it was withdrawn.', resolve: (r) => r.state.withdrawal?.withdrawnOn ?? null }),
    withdrawalReason: t.string({ nullable: true, description: 'Why it was withdrawn.', resolve: (r) => r.state.withdrawal?.reason ?? null }),
    status: t.field({ type: StatusEnum, description: 'Where it stands.', resolve: (r) => r.state.status }),
    statusLabel: labelField(t, labelsOf(publicationStatus), (r) => r.state.status),
    revision: t.exposeInt('revision', { description: 'Revision of the publication stream; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updatedAt }),
  }),
});

const FilterInput = builder.inputType('PublicationFilter', {
  description: 'Narrows the register of publications; all given conditions must hold.',
  fields: (t) => ({
    topics: t.field({ type: [TopicEnum], required: false, description: 'Any of these topics.' }),
    kinds: t.field({ type: [KindEnum], required: false, description: 'Any of these kinds.' }),
    statuses: t.field({ type: [StatusEnum], required: false, description: 'Any of these statuses.' }),
  }),
});

builder.queryFields((t) => ({
  publications: t.connection(
    {
      type: Publication,
      description: 'Press releases and publications by drafting date, earliest first, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: { filter: t.arg({ type: FilterInput, required: false, description: 'Conditions the publications must meet.' }) },
      resolve: (_root, args, context) => {
        const request = pageRequest(args, 'drafted');
        const queries = context.hub.secretariat.publications;
        const f = args.filter;
        const { rows, hasMore } = queries.page({ topics: f?.topics ?? null, kinds: f?.kinds ?? null, statuses: f?.statuses ?? null }, request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor('drafted', queries.sortKey(row, 'drafted_on')));
      },
    },
    { name: 'PublicationConnection', description: 'A page of the register of publications.' },
    { name: 'PublicationEdge', description: 'A publication in a page, with its cursor.' },
  ),
}));

const descriptions: Record<PublicationCommandName, string> = {
  draftPublication: 'Drafts a press release or publication. Creates the publication.',
  approvePublication: 'Records the director’s approval of a draft.',
  publishPublication: 'Records where and when an approved publication was published.',
  withdrawPublication: 'Withdraws a publication, with the reason.',
};

entityMutations({
  commands: publicationCommands,
  descriptions,
  creates: 'draftPublication',
  decider: publicationDecider,
  category: publicationCategory,
  entity: 'publication',
  typename: 'Publication',
  idField: 'publicationId',
  payload: entityPayload('PublicationPayload', 'publication', Publication, 'publication'),
  stamp: (call, id) => call.context.hub.secretariat.publications.byIds([id])[0],
});
