// The quality policy and the university's quality standards in GraphQL: the policy with its
// consultations and measures, the standards with criteria, evidence and sources, one mutation per command.
import type { z } from 'zod';
import type { PolicyMeasureRow, QualityPolicyRow, QualityStandardRow } from '../projections/quality.ts';
import {
  measureState,
  policyStage,
  qualityPolicyCategory,
  qualityPolicyCommands,
  qualityPolicyDecider,
  type QualityPolicyCommandName,
} from '../src/domain/quality-policy.ts';
import {
  qualityStandardCategory,
  qualityStandardCommands,
  qualityStandardDecider,
  qualityStandardStage,
  sourceKind,
  type QualityStandardCommandName,
} from '../src/domain/quality-standards.ts';
import type { Labels, MultilingualName } from '../src/domain/values.ts';
import { builder, type GraphQLContext } from './builder.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { entityPayload, runEntityCommand } from './entity-command.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { plainIdOf } from './ids.ts';
import { labelField } from './labels.ts';
import { MultilingualNameRef } from './licensing.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

registerStreamKind({ typename: 'QualityPolicy', category: qualityPolicyCategory, personal: false, canRead: (context) => context.actor !== undefined });
registerStreamKind({ typename: 'QualityStandard', category: qualityStandardCategory, personal: false, canRead: (context) => context.actor !== undefined });

const PolicyStageEnum = enumFor(policyStage);
const MeasureStateEnum = enumFor(measureState);
const StandardStageEnum = enumFor(qualityStandardStage);
const SourceKindEnum = enumFor(sourceKind);

const labelsOf = (schema: z.ZodType) => (schema.meta() as { labels: Labels<string> }).labels;

type Consultation = { edition: number; consultedWith: string[]; summary: string; consultedOn: string };
const PolicyConsultation = builder.objectRef<Consultation>('PolicyConsultation').implement({
  description: 'A consultation on an edition of the quality policy.',
  fields: (t) => ({
    edition: t.exposeInt('edition', { description: 'Edition of the policy consulted on.' }),
    consultedWith: t.exposeStringList('consultedWith', { description: 'Who was consulted.' }),
    summary: t.exposeString('summary', { description: 'What the consultation brought up.' }),
    consultedOn: t.field({ type: 'Date', description: 'Date of the consultation.', resolve: (c) => c.consultedOn }),
  }),
});

const PolicyMeasure = builder.objectRef<PolicyMeasureRow>('PolicyMeasure').implement({
  description: 'A measure that puts the quality policy into practice.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code of the measure within the policy.' }),
    title: t.exposeString('title', { description: 'What is to be done.' }),
    ownerUnit: t.exposeString('owner_unit', { description: 'The unit responsible.' }),
    dueOn: t.field({ type: 'Date', description: 'When it is due.', resolve: (m) => m.due_on }),
    state: t.field({ type: MeasureStateEnum, description: 'How far it has come.', resolve: (m) => m.state }),
    stateLabel: labelField(t, labelsOf(measureState), (m) => m.state),
    note: t.exposeString('note', { nullable: true, description: 'The last report’s note.' }),
    reportedOn: t.field({ type: 'Date', nullable: true, description: 'Date of the last report.', resolve: (m) => m.reported_on }),
  }),
});

export const QualityPolicy = builder.loadableNode('QualityPolicy', {
  description: 'The university’s quality policy: its current edition, consultations, approval and implementing measures.',
  id: { resolve: (row) => row.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.quality.policiesByIds(ids).map((row) => row ?? null) as QualityPolicyRow[],
  fields: (t) => ({
    policyId: t.exposeString('id', { description: 'The plain id of the policy.' }),
    title: t.exposeString('title', { description: 'Title of the policy.' }),
    statement: t.exposeString('statement', { description: 'Text of the current edition.' }),
    stage: t.field({ type: PolicyStageEnum, description: 'Where the current edition stands.', resolve: (r) => r.stage }),
    stageLabel: labelField(t, labelsOf(policyStage), (r) => r.stage),
    edition: t.exposeInt('edition', { description: 'Current edition: 1, then one more for each update.' }),
    consultations: t.field({
      type: [PolicyConsultation],
      description: 'Every consultation, oldest first.',
      resolve: (r) => JSON.parse(r.consultations) as Consultation[],
    }),
    approvedOn: t.field({ type: 'Date', nullable: true, description: 'Date of the latest approval.', resolve: (r) => r.approved_on }),
    approvingBody: t.exposeString('approving_body', { nullable: true, description: 'The body that approved it.' }),
    documentId: t.exposeString('document_id', { nullable: true, description: 'Plain id of the normative document recording the approved policy.' }),
    measures: t.field({
      type: [PolicyMeasure],
      description: 'Implementing measures, by due date.',
      resolve: (r, _args, context) => context.hub.quality.measures(r.id),
    }),
    revision: t.exposeInt('revision', { description: 'Revision of the policy stream; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updated_at }),
  }),
});

type Criterion = { code: string; statement: MultilingualName; evidence: string[] };
const QualityCriterionRef = builder.objectRef<Criterion>('QualityCriterionOfStandard').implement({
  description: 'A criterion of a quality standard with its indicators of evidence.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code of the criterion within the standard.' }),
    statement: t.field({ type: MultilingualNameRef, description: 'What the criterion requires.', resolve: (c) => c.statement }),
    evidence: t.exposeStringList('evidence', { description: 'Indicators of evidence that show it is met.' }),
  }),
});
type Source = { kind: z.infer<typeof sourceKind>; reference: string; frameworkId?: string };
const QualitySourceRef = builder.objectRef<Source>('QualitySourceOfStandard').implement({
  description: 'A source a quality standard is drawn from.',
  fields: (t) => ({
    kind: t.field({ type: SourceKindEnum, description: 'Kind of source.', resolve: (s) => s.kind }),
    kindLabel: labelField(t, labelsOf(sourceKind), (s) => s.kind),
    reference: t.exposeString('reference', { description: 'The act, policy, ranking or framework.' }),
    frameworkId: t.string({ nullable: true, description: 'Id of the accreditation agency’s framework, where given.', resolve: (s) => s.frameworkId ?? null }),
  }),
});

export const QualityStandard = builder.loadableNode('QualityStandard', {
  description: 'A quality standard of the university with its criteria, evidence indicators and sources.',
  id: { resolve: (row) => row.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.quality.standardsByIds(ids).map((row) => row ?? null) as QualityStandardRow[],
  fields: (t) => ({
    standardId: t.exposeString('id', { description: 'The plain id of the standard.' }),
    code: t.exposeString('code', { description: 'Code of the standard.' }),
    title: t.field({
      type: MultilingualNameRef,
      description: 'Title in the three languages.',
      resolve: (r) => ({ ky: r.title_ky, ru: r.title_ru, en: r.title_en }),
    }),
    stage: t.field({ type: StandardStageEnum, description: 'Where the current edition stands.', resolve: (r) => r.stage }),
    stageLabel: labelField(t, labelsOf(qualityStandardStage), (r) => r.stage),
    edition: t.exposeInt('edition', { description: 'Current edition.' }),
    criteria: t.field({ type: [QualityCriterionRef], description: 'The criteria.', resolve: (r) => JSON.parse(r.criteria) as Criterion[] }),
    sources: t.field({ type: [QualitySourceRef], description: 'Where it is drawn from.', resolve: (r) => JSON.parse(r.sources) as Source[] }),
    approvedOn: t.field({ type: 'Date', nullable: true, description: 'Date of approval of the current edition.', resolve: (r) => r.approved_on }),
    approvingBody: t.exposeString('approving_body', { nullable: true, description: 'The body that approved it.' }),
    revisionDue: t.field({ type: 'Date', nullable: true, description: 'When it must be revised at the latest.', resolve: (r) => r.revision_due }),
    revisionOverdue: t.boolean({
      description: 'True once the revision date passed without a revision (recorded by the clock).',
      resolve: (r) => r.revision_overdue === 1,
    }),
    revision: t.exposeInt('revision', { description: 'Revision of the standard stream; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updated_at }),
  }),
});

const QualityStandardFilterInput = builder.inputType('QualityStandardFilter', {
  description: 'Narrows the list of quality standards; all given conditions must hold.',
  fields: (t) => ({
    stages: t.field({ type: [StandardStageEnum], required: false, description: 'Any of these stages.' }),
    revisionOverdue: t.boolean({ required: false, description: 'Only standards whose revision is (true) or is not (false) overdue.' }),
  }),
});

const policyIdOf = (id: string) => plainIdOf(id, 'QualityPolicy');
const standardIdOf = (id: string) => plainIdOf(id, 'QualityStandard');
const ORDER = 'drafted';

builder.queryFields((t) => ({
  qualityPolicies: t.field({
    type: [QualityPolicy],
    description: 'Every quality policy the hub keeps (normally one), oldest first.',
    authScopes: { authenticated: true },
    resolve: (_root, _args, context) => context.hub.quality.policies(),
  }),
  qualityPolicy: t.field({
    type: QualityPolicy,
    nullable: true,
    description: 'One quality policy by its global id or plain policyId; null if there is none.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true, description: 'Global id, or the plain policyId.' }) },
    resolve: (_root, args) => policyIdOf(String(args.id)),
  }),
  qualityStandards: t.connection(
    {
      type: QualityStandard,
      description: 'The university’s quality standards, in order of drafting, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: { filter: t.arg({ type: QualityStandardFilterInput, required: false, description: 'Conditions the standards must meet.' }) },
      resolve: (_root, args, context) => {
        const request = pageRequest(args, ORDER);
        const { rows, hasMore } = context.hub.quality.standardsPage(args.filter ?? {}, request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor(ORDER, context.hub.quality.standardSortKey(row)));
      },
    },
    { name: 'QualityStandardConnection', description: 'A page of quality standards.' },
    { name: 'QualityStandardEdge', description: 'A quality standard in a page, with its cursor.' },
  ),
  qualityStandard: t.field({
    type: QualityStandard,
    nullable: true,
    description: 'One quality standard by its global id or plain standardId; null if there is none.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true, description: 'Global id, or the plain standardId.' }) },
    resolve: (_root, args) => standardIdOf(String(args.id)),
  }),
}));

const QualityPolicyPayload = entityPayload('QualityPolicyPayload', 'qualityPolicy', QualityPolicy, 'quality policy');
const QualityStandardPayload = entityPayload('QualityStandardPayload', 'qualityStandard', QualityStandard, 'quality standard');

const policyDescriptions: Record<QualityPolicyCommandName, string> = {
  draftQualityPolicy: 'Drafts the quality policy. Creates it.',
  recordQualityPolicyConsultation: 'Records a consultation on the current edition with students, staff or employers.',
  approveQualityPolicy: 'Records the approval of the consulted edition.',
  openQualityPolicyUpdate: 'Opens an update of the approved policy: a new edition with its text, to be consulted on and approved.',
  planQualityPolicyMeasure: 'Plans a measure implementing the approved policy, with its owner and due date.',
  reportQualityPolicyMeasure: 'Reports how far a measure has come: in progress, done or dropped.',
};
for (const name of Object.keys(qualityPolicyCommands) as QualityPolicyCommandName[]) {
  const creates = name === 'draftQualityPolicy';
  commandMutation({
    name,
    description: policyDescriptions[name],
    schema: qualityPolicyCommands[name],
    payload: QualityPolicyPayload,
    acceptsExpectedRevision: !creates,
    prepare: (raw) => (typeof raw.policyId === 'string' ? { ...raw, policyId: policyIdOf(raw.policyId) } : raw),
    run: (call) =>
      runEntityCommand({
        call: call as CommandCall<Record<string, unknown>>,
        name,
        decider: qualityPolicyDecider,
        category: qualityPolicyCategory,
        entity: 'quality policy',
        idField: 'policyId',
        creates,
        stamp: (id) => call.context.hub.quality.policiesByIds([id])[0],
      }),
  });
}

const standardDescriptions: Record<QualityStandardCommandName, string> = {
  draftQualityStandard: 'Drafts a quality standard with its criteria, evidence indicators and sources. Creates it.',
  reviseQualityStandardDraft: 'Replaces the criteria and sources of a draft.',
  approveQualityStandard: 'Records the approval of the draft, and the date by which it must be revised.',
  openQualityStandardRevision: 'Opens the revision of an approved standard: a new edition drafted again.',
  markQualityStandardRevisionOverdue: 'Records that the revision date passed without a revision (the hub’s clock sends it).',
};
for (const name of Object.keys(qualityStandardCommands) as QualityStandardCommandName[]) {
  const creates = name === 'draftQualityStandard';
  commandMutation({
    name,
    description: standardDescriptions[name],
    schema: qualityStandardCommands[name],
    payload: QualityStandardPayload,
    acceptsExpectedRevision: !creates,
    prepare: (raw) => (typeof raw.standardId === 'string' ? { ...raw, standardId: standardIdOf(raw.standardId) } : raw),
    run: (call) =>
      runEntityCommand({
        call: call as CommandCall<Record<string, unknown>>,
        name,
        decider: qualityStandardDecider,
        category: qualityStandardCategory,
        entity: 'quality standard',
        idField: 'standardId',
        creates,
        stamp: (id) => call.context.hub.quality.standardsByIds([id])[0],
      }),
  });
}
