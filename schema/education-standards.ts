// The education-standards secretariat in GraphQL: the register with each standard's stage and who
// holds it, its reviews round by round, and one mutation per command.
import type { z } from 'zod';
import type { EducationStandardRow, StandardReviewRow } from '../projections/education-standards.ts';
import {
  educationStandardCategory,
  educationStandardCommands,
  educationStandardDecider,
  reviewVerdict,
  standardLevel,
  standardStage,
  type EducationStandardCommandName,
} from '../src/domain/education-standards.ts';
import type { Labels } from '../src/domain/values.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { entityPayload, runEntityCommand } from './entity-command.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { plainIdOf } from './ids.ts';
import { labelField } from './labels.ts';
import { MultilingualNameRef } from './licensing.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

registerStreamKind({ typename: 'EducationStandard', category: educationStandardCategory, personal: false, canRead: (context) => context.actor !== undefined });

const LevelEnum = enumFor(standardLevel);
const StageEnum = enumFor(standardStage);
const VerdictEnum = enumFor(reviewVerdict);

const labelsOf = (schema: z.ZodType) => (schema.meta() as { labels: Labels<string> }).labels;

const StandardReview = builder.objectRef<StandardReviewRow>('StandardReview').implement({
  description: 'A reviewer a draft standard was sent to in one round, and their review once received.',
  fields: (t) => ({
    round: t.exposeInt('round', { description: 'Review round, from 1.' }),
    reviewer: t.exposeString('reviewer', { description: 'Full name of the reviewer.' }),
    organisation: t.exposeString('organisation', { description: 'Organisation the reviewer works for.' }),
    sentOn: t.field({ type: 'Date', description: 'Date the draft was sent.', resolve: (r) => r.sent_on }),
    verdict: t.field({ type: VerdictEnum, nullable: true, description: 'The verdict, once the review is received.', resolve: (r) => r.verdict }),
    verdictLabel: labelField(t, labelsOf(reviewVerdict), (r) => r.verdict ?? ''),
    summary: t.exposeString('summary', { nullable: true, description: 'What the review says.' }),
    receivedOn: t.field({ type: 'Date', nullable: true, description: 'Date the review was received.', resolve: (r) => r.received_on }),
  }),
});

export const EducationStandard = builder.loadableNode('EducationStandard', {
  description: 'A state education standard the department is secretariat for, from draft to force and later revisions.',
  id: { resolve: (row) => row.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.educationStandards.byIds(ids).map((row) => row ?? null) as EducationStandardRow[],
  fields: (t) => ({
    standardId: t.exposeString('id', { description: 'The plain id of the standard (the global `id` wraps it).' }),
    code: t.exposeString('code', { description: 'Code of the standard.' }),
    title: t.field({
      type: MultilingualNameRef,
      description: 'Title in the three languages.',
      resolve: (r) => ({ ky: r.title_ky, ru: r.title_ru, en: r.title_en }),
    }),
    level: t.field({ type: LevelEnum, description: 'Level of education it governs.', resolve: (r) => r.level }),
    levelLabel: labelField(t, labelsOf(standardLevel), (r) => r.level),
    subject: t.exposeString('subject', { nullable: true, description: 'The school subject, for a subject standard.' }),
    developer: t.exposeString('developer', { description: 'The unit or working group that develops it.' }),
    stage: t.field({ type: StageEnum, description: 'Where the standard stands.', resolve: (r) => r.stage }),
    stageLabel: labelField(t, labelsOf(standardStage), (r) => r.stage),
    heldBy: t.exposeString('held_by', {
      description: 'Who holds it now: the developers, the reviewers still to answer, the secretariat or the approving body.',
    }),
    edition: t.exposeInt('edition', { description: 'Edition being developed or in force: 1, then one more for each revision opened.' }),
    round: t.exposeInt('round', { description: 'Number of the latest review round (0 before the first).' }),
    registeredOn: t.field({ type: 'Date', description: 'Date the draft was registered.', resolve: (r) => r.registered_on }),
    approvedOn: t.field({ type: 'Date', nullable: true, description: 'Date of the latest approval.', resolve: (r) => r.approved_on }),
    approvingBody: t.exposeString('approving_body', { nullable: true, description: 'The body that approved it.' }),
    orderNumber: t.exposeString('order_number', { nullable: true, description: 'Number of the approving order.' }),
    inForceFrom: t.field({ type: 'Date', nullable: true, description: 'Date it came into force.', resolve: (r) => r.in_force_from }),
    reviews: t.field({
      type: [StandardReview],
      description: 'Every reviewer of every round, in round order.',
      resolve: (r, _args, context) => context.hub.educationStandards.reviews(r.id),
    }),
    revision: t.exposeInt('revision', { description: 'Revision of the standard stream this state reflects; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updated_at }),
  }),
});

const EducationStandardFilterInput = builder.inputType('EducationStandardFilter', {
  description: 'Narrows the register of education standards; all given conditions must hold.',
  fields: (t) => ({
    levels: t.field({ type: [LevelEnum], required: false, description: 'Any of these levels.' }),
    stages: t.field({ type: [StageEnum], required: false, description: 'Any of these stages.' }),
  }),
});

const standardIdOf = (id: string): string => plainIdOf(id, 'EducationStandard');
const ORDER = 'registered';

builder.queryFields((t) => ({
  educationStandards: t.connection(
    {
      type: EducationStandard,
      description: 'The register of education standards, in order of registration, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: { filter: t.arg({ type: EducationStandardFilterInput, required: false, description: 'Conditions the standards must meet.' }) },
      resolve: (_root, args, context) => {
        const request = pageRequest(args, ORDER);
        const queries = context.hub.educationStandards;
        const { rows, hasMore } = queries.page(args.filter ?? {}, request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor(ORDER, queries.sortKey(row)));
      },
    },
    { name: 'EducationStandardConnection', description: 'A page of the register of education standards.' },
    { name: 'EducationStandardEdge', description: 'A standard in a page of the register, with its cursor.' },
  ),
  educationStandard: t.field({
    type: EducationStandard,
    nullable: true,
    description: 'One education standard by its global id (or its plain standardId); null if there is none.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true, description: 'Global id, or the plain standardId.' }) },
    resolve: (_root, args) => standardIdOf(String(args.id)),
  }),
}));

const EducationStandardPayload = entityPayload('EducationStandardPayload', 'educationStandard', EducationStandard, 'education standard');

const descriptions: Record<EducationStandardCommandName, string> = {
  registerEducationStandard: 'Registers a draft education standard with the secretariat. Creates the standard.',
  sendEducationStandardForReview: 'Sends the draft (or the revised draft) to reviewers: a new review round.',
  recordEducationStandardReview: 'Records a review received from a reviewer of the current round, with their verdict.',
  reviseEducationStandard: 'Starts revising the draft in answer to the reviews of a round in which not every reviewer recommended approval.',
  approveEducationStandard: 'Records the approval of a standard every reviewer of the latest round recommended.',
  putEducationStandardInForce: 'Puts an approved standard in force from a date.',
  openEducationStandardRevision: 'Opens the revision of a standard in force: a new edition is drafted and reviewed again.',
};

for (const name of Object.keys(educationStandardCommands) as EducationStandardCommandName[]) {
  commandMutation({
    name,
    description: descriptions[name],
    schema: educationStandardCommands[name],
    payload: EducationStandardPayload,
    acceptsExpectedRevision: name !== 'registerEducationStandard',
    prepare: (raw) => (typeof raw.standardId === 'string' ? { ...raw, standardId: standardIdOf(raw.standardId) } : raw),
    run: (call) =>
      runEntityCommand({
        call: call as CommandCall<Record<string, unknown>>,
        name,
        decider: educationStandardDecider,
        category: educationStandardCategory,
        entity: 'education standard',
        idField: 'standardId',
        creates: name === 'registerEducationStandard',
        stamp: (id) => call.context.hub.educationStandards.byIds([id])[0],
      }),
  });
}
