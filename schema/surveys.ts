// Assessment instruments and survey rounds in GraphQL: the instruments with their version history
// (`assessmentInstruments`, `assessmentInstrument(id)`), the survey rounds with their response rate
// and results per question (`surveys`, `survey(id)`), and one mutation per command.
import type { z } from 'zod';
import {
  surveysProjection,
  type InstrumentRow,
  type InstrumentVersion,
  type QuestionView,
  type ResultsCorrection,
  type SurveyRow,
} from '../projections/surveys.ts';
import {
  assessmentInstrumentCategory,
  assessmentInstrumentCommands,
  assessmentInstrumentDecider,
  instrumentVersionStatus,
  questionKind,
  type AssessmentInstrumentCommandName,
} from '../src/domain/assessment-instruments.ts';
import { NotFoundError } from '../src/domain/errors.ts';
import type { QuestionResult } from '../src/domain/surveys.ts';
import {
  surveyCategory,
  surveyCommands,
  surveyDecider,
  surveyStatus,
  surveyTargetGroup,
  type InstrumentFacts,
  type SurveyCommandName,
} from '../src/domain/surveys.ts';
import { builder, type GraphQLContext, type Types } from './builder.ts';
import { changesOf, entityOfCategory, endOfChange, type Change } from './changes.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { connectionOf, encodeCursor, pageComplexity, pageRequest } from './connection.ts';
import { entityPayload, runEntityCommand } from './entity-command.ts';
import { plainIdOf } from './ids.ts';
import { labelIn } from './indicators.ts';
import { languageArg } from './language.ts';
import { MultilingualNameRef } from './licensing.ts';
import { Monitoring } from './monitoring.ts';
import { registerStreamKind } from './streams.ts';
import { enumFor } from './zod-types.ts';

// Instruments and aggregate survey figures are the department's own public record: every signed-in caller reads them.
registerStreamKind({
  typename: 'AssessmentInstrument',
  category: assessmentInstrumentCategory,
  personal: false,
  canRead: (context) => context.actor !== undefined,
});
registerStreamKind({ typename: 'SurveyRound', category: surveyCategory, personal: false, canRead: (context) => context.actor !== undefined });

const QuestionKindEnum = enumFor(questionKind);
const VersionStatusEnum = enumFor(instrumentVersionStatus);
const TargetGroupEnum = enumFor(surveyTargetGroup);
const SurveyStatusEnum = enumFor(surveyStatus);

/** A `…Label(language:)` field: the value's label in the language asked for, or the request's. */
function label<Parent>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>, schema: z.ZodType, of: (p: Parent) => string) {
  return t.string({
    description: 'The value in Kyrgyz, Russian or English.',
    args: { language: languageArg(t.arg) },
    resolve: (p, args, context) => labelIn(schema, of(p), args.language, context),
  });
}

type Option = NonNullable<QuestionView['options']>[number];
const ChoiceOptionRef = builder.objectRef<Option>('AssessmentChoiceOption').implement({
  description: 'An option of a choice question.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code of the option; result distributions name it.' }),
    text: t.field({ type: MultilingualNameRef, description: 'The option as respondents read it.', resolve: (o) => o.text }),
  }),
});

const QuestionRef = builder.objectRef<QuestionView>('AssessmentQuestion').implement({
  description: 'A question of an instrument version.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code of the question within the instrument.' }),
    text: t.field({ type: MultilingualNameRef, description: 'The question in Kyrgyz, Russian and English.', resolve: (q) => q.text }),
    kind: t.field({ type: QuestionKindEnum, description: 'How it is answered.', resolve: (q) => q.kind }),
    kindLabel: t.string({
      description: 'How it is answered, in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (q, args, context) => labelIn(questionKind, q.kind, args.language, context),
    }),
    options: t.field({ type: [ChoiceOptionRef], description: 'The options of a choice question (empty for other kinds).', resolve: (q) => q.options ?? [] }),
  }),
});

const InstrumentVersionRef = builder.objectRef<InstrumentVersion>('AssessmentInstrumentVersion').implement({
  description: 'One version of an assessment instrument: its questions, and when it was drafted, published and superseded.',
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'Version number, from 1.' }),
    status: t.field({ type: VersionStatusEnum, description: 'Draft, published (in use) or superseded.', resolve: (v) => v.status }),
    statusLabel: t.string({
      description: 'The status in Kyrgyz, Russian or English.',
      args: { language: languageArg(t.arg) },
      resolve: (v, args, context) => labelIn(instrumentVersionStatus, v.status, args.language, context),
    }),
    questions: t.field({ type: [QuestionRef], description: 'The questions, in the order asked.', resolve: (v) => v.questions }),
    changeNote: t.exposeString('changeNote', { nullable: true, description: 'What changed from the version before (null for version 1).' }),
    draftedOn: t.field({ type: 'Date', description: 'Date drafted.', resolve: (v) => v.draftedOn }),
    draftedBy: t.exposeString('draftedBy', { description: 'Who recorded the draft.' }),
    publishedOn: t.field({ type: 'Date', nullable: true, description: 'Date published.', resolve: (v) => v.publishedOn }),
    supersededOn: t.field({ type: 'Date', nullable: true, description: 'Date a later version superseded it.', resolve: (v) => v.supersededOn }),
  }),
});

export const AssessmentInstrument = builder.loadableNode('AssessmentInstrument', {
  description: 'An assessment instrument (questionnaire), versioned: a new published version supersedes the one in use.',
  id: { resolve: (r) => r.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.surveys.instrumentsByIds(ids).map((r) => r ?? null) as InstrumentRow[],
  fields: (t) => ({
    instrumentId: t.exposeString('id', { description: 'The plain id of the instrument (the global `id` wraps it).' }),
    code: t.exposeString('code', { description: 'Code of the instrument.' }),
    title: t.field({
      type: MultilingualNameRef,
      description: 'Title of the instrument.',
      resolve: (r) => ({ ky: r.title_ky, ru: r.title_ru, en: r.title_en }),
    }),
    purpose: t.exposeString('purpose', { description: 'What it measures and for whom.' }),
    latestVersion: t.exposeInt('latest_version', { description: 'Number of the latest version, draft or not.' }),
    publishedVersion: t.exposeInt('published_version', { nullable: true, description: 'The version in use; null before the first publication.' }),
    versionInUse: t.field({
      type: InstrumentVersionRef,
      nullable: true,
      description: 'The published version, the only one a new survey round can use.',
      resolve: (r) => r.versions.find((v) => v.version === r.published_version) ?? null,
    }),
    versions: t.field({ type: [InstrumentVersionRef], description: 'Every version, oldest first: the version history.', resolve: (r) => r.versions }),
    version: t.field({
      type: InstrumentVersionRef,
      nullable: true,
      description: 'One version by its number; null if there is none.',
      args: { version: t.arg.int({ required: true, description: 'The version number.' }) },
      resolve: (r, args) => r.versions.find((v) => v.version === args.version) ?? null,
    }),
    revision: t.exposeInt('revision', { description: 'Revision of the instrument stream; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updated_at }),
  }),
});

const AnswerCountRef = builder.objectRef<QuestionResult['distribution'][number]>('SurveyAnswerCount').implement({
  description: 'How many respondents gave one answer.',
  fields: (t) => ({
    option: t.exposeString('option', { description: 'The answer: 1–5, yes/no, or a choice option code.' }),
    count: t.exposeInt('count', { description: 'How many gave it.' }),
  }),
});

type ResultShape = { result: QuestionResult; instrumentId: string; version: number };
const QuestionResultRef = builder.objectRef<ResultShape>('SurveyQuestionResult').implement({
  description: 'The result figures of one question of a survey round, as fits its kind.',
  fields: (t) => ({
    questionCode: t.string({ description: 'The question.', resolve: (r) => r.result.questionCode }),
    question: t.field({
      type: QuestionRef,
      nullable: true,
      description: 'The question as asked, from the instrument version the round used.',
      resolve: (r, _args, context) =>
        context.hub.surveys
          .instrumentsByIds([r.instrumentId])[0]
          ?.versions.find((v) => v.version === r.version)
          ?.questions.find((q) => q.code === r.result.questionCode) ?? null,
    }),
    kind: t.field({ type: QuestionKindEnum, description: 'How the question is answered.', resolve: (r) => r.result.kind }),
    answered: t.int({ description: 'How many answered it.', resolve: (r) => r.result.answered }),
    distribution: t.field({
      type: [AnswerCountRef],
      description: 'Respondents per answer, every answer listed (empty for an open question).',
      resolve: (r) => r.result.distribution,
    }),
    mean: t.float({ nullable: true, description: 'Mean of a 1–5 scale question.', resolve: (r) => r.result.mean }),
    agreeingPercent: t.float({
      nullable: true,
      description: 'Percentage agreeing: 4 or 5 on a scale, "yes" to a yes/no question.',
      resolve: (r) => r.result.agreeingPercent,
    }),
    summary: t.string({ nullable: true, description: 'Summary of the answers to an open question.', resolve: (r) => r.result.summary }),
  }),
});

const resultsOf = (row: SurveyRow, results: QuestionResult[]): ResultShape[] =>
  results.map((result) => ({ result, instrumentId: row.instrument_id, version: row.instrument_version }));

type CorrectionShape = { correction: ResultsCorrection; row: SurveyRow };
const CorrectionRef = builder.objectRef<CorrectionShape>('SurveyResultsCorrection').implement({
  description: 'A correction of a round’s results: why, when, by whom, and the figures it replaced.',
  fields: (t) => ({
    reason: t.string({ description: 'Why the results were corrected.', resolve: (c) => c.correction.reason }),
    correctedOn: t.field({ type: 'Date', description: 'Date of the correction.', resolve: (c) => c.correction.correctedOn }),
    correctedBy: t.string({ description: 'Who recorded it.', resolve: (c) => c.correction.correctedBy }),
    previous: t.field({
      type: [QuestionResultRef],
      description: 'The figures before the correction.',
      resolve: (c) => resultsOf(c.row, c.correction.previous),
    }),
  }),
});

export const SurveyRound = builder.loadableNode('SurveyRound', {
  description: 'A survey round: an instrument version run with a target group of a unit or programme for a period, and its results.',
  id: { resolve: (r) => r.id },
  load: async (ids: string[], context: GraphQLContext) => context.hub.surveys.byIds(ids).map((r) => r ?? null) as SurveyRow[],
  fields: (t) => ({
    surveyId: t.exposeString('id', { description: 'The plain id of the round (the global `id` wraps it).' }),
    instrument: t.field({
      type: AssessmentInstrument,
      description: 'The instrument used.',
      resolve: (r, _args, context) => context.hub.surveys.instrumentsByIds([r.instrument_id])[0]!,
    }),
    instrumentVersion: t.exposeInt('instrument_version', { description: 'The version of the instrument used.' }),
    title: t.exposeString('title', { description: 'What the round is.' }),
    targetGroup: t.field({ type: TargetGroupEnum, description: 'Who is surveyed.', resolve: (r) => r.target_group }),
    targetGroupLabel: label(t, surveyTargetGroup, (r) => r.target_group),
    unit: t.exposeString('unit', { description: 'The unit surveyed.' }),
    programme: t.exposeString('programme', { nullable: true, description: 'The programme surveyed, if any.' }),
    startsOn: t.field({ type: 'Date', description: 'First day of the survey period.', resolve: (r) => r.starts_on }),
    endsOn: t.field({ type: 'Date', description: 'Last day of the survey period.', resolve: (r) => r.ends_on }),
    status: t.field({ type: SurveyStatusEnum, description: 'Where the round stands.', resolve: (r) => r.status }),
    statusLabel: label(t, surveyStatus, (r) => r.status),
    invitedCount: t.exposeInt('invited_count', { description: 'How many were invited to answer.' }),
    responseCount: t.exposeInt('response_count', { nullable: true, description: 'How many responded (once closed).' }),
    responseRate: t.float({
      nullable: true,
      description: 'Responses as a percentage of those invited (once closed).',
      resolve: (r) => (r.response_count === null ? null : Math.round((10_000 * r.response_count) / r.invited_count) / 100),
    }),
    openedOn: t.field({ type: 'Date', nullable: true, description: 'Date opened.', resolve: (r) => r.opened_on }),
    closedOn: t.field({ type: 'Date', nullable: true, description: 'Date closed.', resolve: (r) => r.closed_on }),
    cancelledOn: t.field({ type: 'Date', nullable: true, description: 'Date cancelled.', resolve: (r) => r.cancelled_on }),
    cancellationReason: t.exposeString('cancellation_reason', { nullable: true, description: 'Why it was cancelled.' }),
    monitoring: t.field({
      type: Monitoring,
      nullable: true,
      description: 'The quality monitoring this round is the instrument of, if any.',
      resolve: (r, _args, context) => (r.monitoring_id ? (context.hub.monitorings.byIds([r.monitoring_id])[0] ?? null) : null),
    }),
    results: t.field({
      type: [QuestionResultRef],
      nullable: true,
      description: 'Result figures per question, as last recorded or corrected; null until recorded.',
      resolve: (r) => (r.results ? resultsOf(r, r.results) : null),
    }),
    resultsOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Date the results (or their latest correction) were recorded.',
      resolve: (r) => r.results_on,
    }),
    corrections: t.field({
      type: [CorrectionRef],
      description: 'Corrections of the results, oldest first.',
      resolve: (r) => r.corrections.map((correction) => ({ correction, row: r })),
    }),
    revision: t.exposeInt('revision', { description: 'Revision of the round stream; pass it as expectedRevision.' }),
    position: t.exposeString('position', { description: 'Position in the global log of the last event folded into this state.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last change was recorded.', resolve: (r) => r.updated_at }),
  }),
});

const SurveyFilterInput = builder.inputType('SurveyFilter', {
  description: 'Narrows the list of survey rounds; all given conditions must hold.',
  fields: (t) => ({
    instrument: t.id({ required: false, description: 'Rounds of this instrument (global id or plain instrumentId).' }),
    targetGroups: t.field({ type: [TargetGroupEnum], required: false, description: 'Any of these target groups.' }),
    unit: t.string({ required: false, description: 'Exactly this unit.' }),
    statuses: t.field({ type: [SurveyStatusEnum], required: false, description: 'Any of these statuses.' }),
    year: t.int({ required: false, description: 'Rounds whose period starts in this year.' }),
    monitoring: t.id({ required: false, description: 'Rounds serving this monitoring (global id or plain monitoringId).' }),
  }),
});
const InstrumentFilterInput = builder.inputType('AssessmentInstrumentFilter', {
  description: 'Narrows the list of instruments; all given conditions must hold.',
  fields: (t) => ({
    code: t.string({ required: false, description: 'Exactly this code.' }),
    published: t.boolean({ required: false, description: 'True: only instruments with a version in use; false: only those never published.' }),
  }),
});

const instrumentIdOf = (id: string): string => plainIdOf(id, 'AssessmentInstrument');
const surveyIdOf = (id: string): string => plainIdOf(id, 'SurveyRound');
const monitoringIdOf = (id: string): string => plainIdOf(id, 'Monitoring');
const SURVEY_ORDER = 'starts';
const INSTRUMENT_ORDER = 'code';

builder.queryFields((t) => ({
  surveys: t.connection(
    {
      type: SurveyRound,
      description: 'Survey rounds, by the start of their period, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: { filter: t.arg({ type: SurveyFilterInput, required: false, description: 'Conditions the rounds must meet.' }) },
      resolve: (_root, args, context) => {
        const request = pageRequest(args, SURVEY_ORDER);
        const queries = context.hub.surveys;
        const f = args.filter ?? {};
        const { rows, hasMore } = queries.page(
          {
            instrumentId: f.instrument ? instrumentIdOf(String(f.instrument)) : null,
            targetGroups: f.targetGroups ?? null,
            unit: f.unit ?? null,
            statuses: f.statuses ?? null,
            year: f.year ?? null,
            monitoringId: f.monitoring ? monitoringIdOf(String(f.monitoring)) : null,
          },
          request,
        );
        return connectionOf(rows, hasMore, request, (row) => encodeCursor(SURVEY_ORDER, queries.sortKey(row)));
      },
    },
    { name: 'SurveyRoundConnection', description: 'A page of survey rounds.' },
    { name: 'SurveyRoundEdge', description: 'A survey round in a page, with its cursor.' },
  ),
  survey: t.field({
    type: SurveyRound,
    nullable: true,
    description: 'One survey round by its global id (or plain surveyId); null if there is none.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true, description: 'Global id, or the plain surveyId.' }) },
    resolve: (_root, args) => surveyIdOf(String(args.id)),
  }),
  assessmentInstruments: t.connection(
    {
      type: AssessmentInstrument,
      description: 'Assessment instruments, in order of code, a page at a time.',
      authScopes: { authenticated: true },
      complexity: pageComplexity,
      args: { filter: t.arg({ type: InstrumentFilterInput, required: false, description: 'Conditions the instruments must meet.' }) },
      resolve: (_root, args, context) => {
        const request = pageRequest(args, INSTRUMENT_ORDER);
        const queries = context.hub.surveys;
        const { rows, hasMore } = queries.instrumentPage(args.filter ?? {}, request);
        return connectionOf(rows, hasMore, request, (row) => encodeCursor(INSTRUMENT_ORDER, queries.instrumentSortKey(row)));
      },
    },
    { name: 'AssessmentInstrumentConnection', description: 'A page of assessment instruments.' },
    { name: 'AssessmentInstrumentEdge', description: 'An instrument in a page, with its cursor.' },
  ),
  assessmentInstrument: t.field({
    type: AssessmentInstrument,
    nullable: true,
    description: 'One assessment instrument with its version history, by its global id (or plain instrumentId); null if there is none.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true, description: 'Global id, or the plain instrumentId.' }) },
    resolve: (_root, args) => instrumentIdOf(String(args.id)),
  }),
}));

const SurveyRoundChange = builder.objectRef<Change<SurveyRow>>('SurveyRoundChange').implement({
  description: 'A survey round changed: the event that changed it and the round as it stood right after that event.',
  fields: (t) => ({
    // The row read as the change was applied, not through the subscription's long-lived dataloader.
    surveyRound: t.field({ type: SurveyRound, description: 'The round as it stood right after this change.', resolve: (c) => c.row }),
    eventType: t.exposeString('eventType', { description: 'The event that changed it, e.g. SurveyRoundResultsRecorded.' }),
    revision: t.int({ description: 'Revision of the round stream after the change.', resolve: (c) => Number(c.revision) }),
    position: t.exposeString('position', { description: 'Position of the event in the global log.' }),
  }),
});

builder.subscriptionField('surveyRoundChanged', (t) =>
  t.field({
    type: SurveyRoundChange,
    description: 'Each change to a survey round once the list includes it; pass id to follow one round.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: false, description: 'Only this round (global id or plain surveyId).' }) },
    subscribe: (_root, args, context) => {
      const only = args.id ? surveyIdOf(String(args.id)) : undefined;
      const { surveys } = context.hub;
      const selection = {
        key: 'surveyRound',
        projection: surveysProjection.name,
        entityOf: entityOfCategory(surveyCategory),
        read: (id: string) => surveys.byIds([id])[0],
      };
      return changesOf(context.hub, selection, (id) => only === undefined || id === only);
    },
    resolve: endOfChange,
  }),
);

const InstrumentPayload = entityPayload('AssessmentInstrumentPayload', 'assessmentInstrument', AssessmentInstrument, 'assessment instrument');
const SurveyPayload = entityPayload('SurveyRoundPayload', 'surveyRound', SurveyRound, 'survey round');

const instrumentDescriptions: Record<AssessmentInstrumentCommandName, string> = {
  draftAssessmentInstrument: 'Drafts an assessment instrument (questionnaire) with the questions of its version 1. Creates the instrument.',
  draftAssessmentInstrumentVersion: 'Drafts the next version of an instrument, with its questions and what changed; one draft at a time.',
  publishAssessmentInstrumentVersion: 'Publishes the draft version: from now on new survey rounds use it, and it supersedes the version in use.',
};

for (const name of Object.keys(assessmentInstrumentCommands) as AssessmentInstrumentCommandName[]) {
  commandMutation({
    name,
    description: instrumentDescriptions[name],
    schema: assessmentInstrumentCommands[name],
    payload: InstrumentPayload,
    acceptsExpectedRevision: name !== 'draftAssessmentInstrument',
    prepare: (raw) => (typeof raw.instrumentId === 'string' ? { ...raw, instrumentId: instrumentIdOf(raw.instrumentId) } : raw),
    run: (call) =>
      runEntityCommand({
        call: call as CommandCall<Record<string, unknown>>,
        name,
        decider: assessmentInstrumentDecider,
        category: assessmentInstrumentCategory,
        entity: 'assessment instrument',
        idField: 'instrumentId',
        creates: name === 'draftAssessmentInstrument',
        stamp: (id) => call.context.hub.surveys.instrumentsByIds([id])[0],
      }),
  });
}

const surveyDescriptions: Record<SurveyCommandName, string> = {
  planSurveyRound: 'Plans a survey round with the published version of an instrument, a target group, the unit or programme and the period. Creates the round.',
  openSurveyRound: 'Opens a planned round to respondents.',
  closeSurveyRound: 'Closes an open round with the number who responded.',
  recordSurveyRoundResults: 'Records the result figures of every question of a closed round (once; later changes are corrections).',
  correctSurveyRoundResults: 'Corrects the recorded results with the whole corrected set and the reason (a new event).',
  cancelSurveyRound: 'Cancels a round that is not closed yet.',
};

/** The instrument's version in use and its questions, which the decider checks the round against. */
function instrumentFactsOf(input: Record<string, unknown>, context: GraphQLContext): { instrument: InstrumentFacts } {
  const instrumentId = String(input.instrumentId);
  const instrument = context.hub.surveys.instrumentsByIds([instrumentId])[0];
  if (!instrument) throw new NotFoundError('assessment instrument', instrumentId);
  if (typeof input.monitoringId === 'string' && !context.hub.monitorings.byIds([input.monitoringId])[0]) {
    throw new NotFoundError('monitoring', input.monitoringId);
  }
  const inUse = instrument.versions.find((v) => v.version === instrument.published_version);
  return { instrument: { publishedVersion: instrument.published_version, questions: inUse?.questions ?? [] } };
}

for (const name of Object.keys(surveyCommands) as SurveyCommandName[]) {
  commandMutation({
    name,
    description: surveyDescriptions[name],
    schema: surveyCommands[name],
    payload: SurveyPayload,
    acceptsExpectedRevision: name !== 'planSurveyRound',
    prepare: (raw) => {
      const ids: Record<string, unknown> = {};
      if (typeof raw.surveyId === 'string') ids.surveyId = surveyIdOf(raw.surveyId);
      if (typeof raw.instrumentId === 'string') ids.instrumentId = instrumentIdOf(raw.instrumentId);
      if (typeof raw.monitoringId === 'string') ids.monitoringId = monitoringIdOf(raw.monitoringId);
      return { ...raw, ...ids };
    },
    run: (call) =>
      runEntityCommand({
        call: call as CommandCall<Record<string, unknown>>,
        name,
        decider: surveyDecider,
        category: surveyCategory,
        entity: 'survey round',
        idField: 'surveyId',
        creates: name === 'planSurveyRound',
        ...(name === 'planSurveyRound' ? { facts: instrumentFactsOf(call.input as Record<string, unknown>, call.context) } : {}),
        stamp: (id) => call.context.hub.surveys.byIds([id])[0],
      }),
  });
}
