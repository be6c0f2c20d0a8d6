// Given/when/then for assessment instruments (versioned questionnaires: drafted, published, a new
// version superseding the one in use) and survey rounds (only the published version is used;
// planned, opened, closed with the response count; results per question once closed, the figures
// computed from the counts; a correction is a new event; cancellation).
import { describe, expect, it } from 'vitest';
import {
  assessmentInstrumentCommands,
  assessmentInstrumentDecider,
  type AssessmentInstrumentEvent,
  type Question,
} from '../src/domain/assessment-instruments.ts';
import type { CommandContext } from '../src/domain/decider.ts';
import { snapshotOf, surveyCommands, surveyDecider, type SurveyEvent } from '../src/domain/surveys.ts';
import { deciderSpec } from './support/decider-spec.ts';

const context: CommandContext = {
  actor: { id: 'staff-0007', name: 'Cholpon Zhusupova', roles: ['methodist'] },
  now: '2027-03-01T04:00:00.000Z',
  commandId: '2c4e6a8b-0d2f-4b6d-8f0a-2c4e6a8b0d2f',
};
const instrumentId = '5e7a9c1e-3f5b-4d7f-8b1d-3f5b7d9f1b3d';
const surveyId = '6f8b0d2f-4a6c-4e8a-9c2e-4a6c8e0a2c4e';
const name = (en: string) => ({ ky: `${en} (ky)`, ru: `${en} (ru)`, en });

const questions: Question[] = [
  { code: 'Q1', text: name('The teaching is clear'), kind: 'scale_1_5' },
  { code: 'Q2', text: name('Would you recommend the programme?'), kind: 'yes_no' },
  {
    code: 'Q3',
    text: name('Main source of information'),
    kind: 'choice',
    options: [
      { code: 'A', text: name('Lectures') },
      { code: 'B', text: name('Library') },
      { code: 'C', text: name('Internet') },
    ],
  },
  { code: 'Q4', text: name('What should change?'), kind: 'open' },
];

describe('assessment instruments', () => {
  const spec = deciderSpec(assessmentInstrumentDecider, context);
  const drafted: AssessmentInstrumentEvent = {
    type: 'AssessmentInstrumentDrafted',
    data: { instrumentId, code: 'SSQ', title: name('Student satisfaction'), purpose: 'Students on teaching', version: 1, questions, draftedOn: '2027-01-10' },
  };
  const published1: AssessmentInstrumentEvent = {
    type: 'AssessmentInstrumentVersionPublished',
    data: { instrumentId, version: 1, supersedes: null, publishedOn: '2027-01-20' },
  };
  const drafted2: AssessmentInstrumentEvent = {
    type: 'AssessmentInstrumentVersionDrafted',
    data: { instrumentId, version: 2, questions: questions.slice(0, 2), changeNote: 'Shorter', draftedOn: '2027-09-01' },
  };

  it('drafts version 1 of an instrument', () => {
    const { instrumentId: _id, version: _v, ...input } = drafted.data;
    spec
      .given([])
      .when({ type: 'draftAssessmentInstrument', instrumentId, ...input })
      .then([drafted]);
    spec
      .given([drafted])
      .when({ type: 'draftAssessmentInstrument', instrumentId, ...input })
      .thenThrows('INSTRUMENT_ALREADY_DRAFTED');
  });

  it('publishes the draft; a later version supersedes the one in use', () => {
    spec.given([drafted]).when({ type: 'publishAssessmentInstrumentVersion', instrumentId, version: 1, publishedOn: '2027-01-20' }).then([published1]);
    spec
      .given([drafted, published1, drafted2])
      .when({ type: 'publishAssessmentInstrumentVersion', instrumentId, version: 2, publishedOn: '2027-09-05' })
      .then([{ type: 'AssessmentInstrumentVersionPublished', data: { instrumentId, version: 2, supersedes: 1, publishedOn: '2027-09-05' } }]);
  });

  it('publishes only the latest draft, not before it was drafted', () => {
    spec
      .given([drafted, published1])
      .when({ type: 'publishAssessmentInstrumentVersion', instrumentId, version: 1, publishedOn: '2027-02-01' })
      .thenThrows('INSTRUMENT_VERSION_NOT_DRAFT');
    spec
      .given([drafted])
      .when({ type: 'publishAssessmentInstrumentVersion', instrumentId, version: 3, publishedOn: '2027-02-01' })
      .thenThrows('INSTRUMENT_VERSION_NOT_FOUND');
    spec
      .given([drafted])
      .when({ type: 'publishAssessmentInstrumentVersion', instrumentId, version: 1, publishedOn: '2027-01-01' })
      .thenThrows('DATE_BEFORE_DRAFT');
  });

  it('drafts a new version only when none is pending, numbered after the latest', () => {
    spec
      .given([drafted, published1])
      .when({ type: 'draftAssessmentInstrumentVersion', instrumentId, questions: questions.slice(0, 2), changeNote: 'Shorter', draftedOn: '2027-09-01' })
      .then([drafted2]);
    spec
      .given([drafted])
      .when({ type: 'draftAssessmentInstrumentVersion', instrumentId, questions, changeNote: 'Again', draftedOn: '2027-09-01' })
      .thenThrows('INSTRUMENT_DRAFT_OPEN');
    spec
      .given([drafted, published1])
      .when({ type: 'draftAssessmentInstrumentVersion', instrumentId, questions, changeNote: 'Early', draftedOn: '2027-01-15' })
      .thenThrows('DATE_BEFORE_PUBLICATION');
    spec.given([]).when({ type: 'publishAssessmentInstrumentVersion', instrumentId, version: 1, publishedOn: '2027-01-20' }).thenThrows('INSTRUMENT_NOT_FOUND');
  });

  it('refuses questions that do not fit their kind, naming the field', () => {
    const issues = (input: unknown) =>
      assessmentInstrumentCommands.draftAssessmentInstrument.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    const base = { code: 'SSQ', title: name('T'), purpose: 'P', draftedOn: '2027-01-10' };
    expect(issues({ ...base, questions: [{ code: 'Q1', text: name('Pick'), kind: 'choice', options: [{ code: 'A', text: name('a') }] }] })).toEqual([
      'questions.0.options: a choice question needs at least two options',
    ]);
    expect(issues({ ...base, questions: [{ code: 'Q1', text: name('Rate'), kind: 'scale_1_5', options: [{ code: 'A', text: name('a') }] }] })).toEqual([
      'questions.0.options: only a choice question has options, not a scale_1_5 one',
    ]);
    expect(issues({ ...base, questions: [questions[0], questions[0]] })).toEqual(['questions.1.code: is used by another question of this version']);
    expect(issues({ ...base, questions: [] })).toEqual(['questions: must have at least one question']);
  });
});

describe('survey rounds', () => {
  const spec = deciderSpec(surveyDecider, context);
  const plan = {
    instrumentId,
    title: 'Student satisfaction, spring 2027',
    targetGroup: 'students' as const,
    unit: 'Faculty of Law',
    programme: 'Jurisprudence (BA)',
    startsOn: '2027-03-01',
    endsOn: '2027-03-31',
    invitedCount: 400,
  };
  const planned: SurveyEvent = { type: 'SurveyRoundPlanned', data: { surveyId, ...plan, instrumentVersion: 2, questions: questions.map(snapshotOf) } };
  const opened: SurveyEvent = { type: 'SurveyRoundOpened', data: { surveyId, openedOn: '2027-03-01' } };
  const closed: SurveyEvent = { type: 'SurveyRoundClosed', data: { surveyId, responseCount: 100, invitedCount: 400, closedOn: '2027-03-31' } };
  type ResultInput = { questionCode: string; counts?: { option: string; count: number }[]; answered?: number; summary?: string };
  const input: ResultInput[] = [
    {
      questionCode: 'Q1',
      counts: [
        { option: '5', count: 40 },
        { option: '4', count: 30 },
        { option: '3', count: 20 },
        { option: '1', count: 10 },
      ],
    },
    {
      questionCode: 'Q2',
      counts: [
        { option: 'yes', count: 72 },
        { option: 'no', count: 24 },
      ],
    },
    { questionCode: 'Q3', counts: [{ option: 'C', count: 60 }] },
    { questionCode: 'Q4', answered: 35, summary: 'More practice' },
  ];
  const figures = [
    {
      questionCode: 'Q1',
      kind: 'scale_1_5' as const,
      answered: 100,
      distribution: [
        { option: '1', count: 10 },
        { option: '2', count: 0 },
        { option: '3', count: 20 },
        { option: '4', count: 30 },
        { option: '5', count: 40 },
      ],
      mean: 3.9,
      agreeingPercent: 70,
      summary: null,
    },
    {
      questionCode: 'Q2',
      kind: 'yes_no' as const,
      answered: 96,
      distribution: [
        { option: 'yes', count: 72 },
        { option: 'no', count: 24 },
      ],
      mean: null,
      agreeingPercent: 75,
      summary: null,
    },
    {
      questionCode: 'Q3',
      kind: 'choice' as const,
      answered: 60,
      distribution: [
        { option: 'A', count: 0 },
        { option: 'B', count: 0 },
        { option: 'C', count: 60 },
      ],
      mean: null,
      agreeingPercent: null,
      summary: null,
    },
    { questionCode: 'Q4', kind: 'open' as const, answered: 35, distribution: [], mean: null, agreeingPercent: null, summary: 'More practice' },
  ];
  const recorded: SurveyEvent = { type: 'SurveyRoundResultsRecorded', data: { surveyId, results: figures, recordedOn: '2027-04-05' } };

  it('plans a round with the published version of the instrument, keeping the questions asked', () => {
    spec
      .given([])
      .when({ type: 'planSurveyRound', surveyId, ...plan, instrument: { publishedVersion: 2, questions } })
      .then([planned]);
    spec
      .given([])
      .when({ type: 'planSurveyRound', surveyId, ...plan, instrumentVersion: 2, instrument: { publishedVersion: 2, questions } })
      .then([planned]);
  });

  it('refuses a version that is not the published one, and an instrument never published', () => {
    spec
      .given([])
      .when({ type: 'planSurveyRound', surveyId, ...plan, instrumentVersion: 1, instrument: { publishedVersion: 2, questions } })
      .thenThrows('INSTRUMENT_VERSION_NOT_IN_USE');
    spec
      .given([])
      .when({ type: 'planSurveyRound', surveyId, ...plan, instrument: { publishedVersion: null, questions: [] } })
      .thenThrows('INSTRUMENT_NOT_PUBLISHED');
    spec
      .given([planned])
      .when({ type: 'planSurveyRound', surveyId, ...plan, instrument: { publishedVersion: 2, questions } })
      .thenThrows('SURVEY_ALREADY_PLANNED');
    expect(surveyCommands.planSurveyRound.safeParse({ ...plan, endsOn: '2027-02-01' }).error?.issues[0]?.path).toEqual(['endsOn']);
  });

  it('opens a planned round and closes an open one with the response count', () => {
    spec.given([planned]).when({ type: 'openSurveyRound', surveyId, openedOn: '2027-03-01' }).then([opened]);
    spec.given([planned, opened]).when({ type: 'openSurveyRound', surveyId, openedOn: '2027-03-02' }).thenThrows('SURVEY_NOT_PLANNED');
    spec.given([planned, opened]).when({ type: 'closeSurveyRound', surveyId, responseCount: 100, closedOn: '2027-03-31' }).then([closed]);
    spec.given([planned]).when({ type: 'closeSurveyRound', surveyId, responseCount: 100, closedOn: '2027-03-31' }).thenThrows('SURVEY_NOT_OPEN');
    spec
      .given([planned, opened])
      .when({ type: 'closeSurveyRound', surveyId, responseCount: 401, closedOn: '2027-03-31' })
      .thenThrows('MORE_RESPONSES_THAN_INVITED');
    spec.given([planned, opened]).when({ type: 'closeSurveyRound', surveyId, responseCount: 1, closedOn: '2027-02-28' }).thenThrows('DATE_BEFORE_OPENING');
    spec.given([]).when({ type: 'openSurveyRound', surveyId, openedOn: '2027-03-01' }).thenThrows('SURVEY_NOT_FOUND');
  });

  it('records the results once closed, with the mean, the share agreeing and the distribution', () => {
    spec.given([planned, opened, closed]).when({ type: 'recordSurveyRoundResults', surveyId, results: input, recordedOn: '2027-04-05' }).then([recorded]);
    spec
      .given([planned, opened])
      .when({ type: 'recordSurveyRoundResults', surveyId, results: input, recordedOn: '2027-04-05' })
      .thenThrows('SURVEY_NOT_CLOSED');
    spec
      .given([planned, opened, closed, recorded])
      .when({ type: 'recordSurveyRoundResults', surveyId, results: input, recordedOn: '2027-04-06' })
      .thenThrows('RESULTS_ALREADY_RECORDED');
    spec
      .given([planned, opened, closed])
      .when({ type: 'recordSurveyRoundResults', surveyId, results: input, recordedOn: '2027-03-30' })
      .thenThrows('DATE_BEFORE_CLOSING');
  });

  it('checks the results against the questions asked and the responses', () => {
    const when = (results: ResultInput[]) =>
      spec.given([planned, opened, closed]).when({ type: 'recordSurveyRoundResults', surveyId, results, recordedOn: '2027-04-05' });
    when(input.slice(0, 3)).thenThrows('RESULTS_INCOMPLETE');
    when([...input, { questionCode: 'Q9', answered: 1 }]).thenThrows('QUESTION_NOT_ASKED');
    when([...input, input[0]!]).thenThrows('RESULT_REPEATED');
    when([{ questionCode: 'Q1', counts: [{ option: '6', count: 1 }] }, ...input.slice(1)]).thenThrows('OPTION_NOT_ASKED');
    when([{ questionCode: 'Q1', counts: [{ option: '5', count: 101 }] }, ...input.slice(1)]).thenThrows('MORE_ANSWERS_THAN_RESPONSES');
    when([...input.slice(0, 3), { questionCode: 'Q4', counts: [{ option: 'yes', count: 1 }] }]).thenThrows('RESULT_SHAPE');
    when([{ questionCode: 'Q1', answered: 3 }, ...input.slice(1)]).thenThrows('RESULT_SHAPE');
  });

  it('corrects recorded results with a new event carrying the whole corrected set', () => {
    const corrected = [{ questionCode: 'Q1', counts: [{ option: '5', count: 50 }] }, ...input.slice(1)];
    spec
      .given([planned, opened, closed, recorded])
      .when({ type: 'correctSurveyRoundResults', surveyId, results: corrected, reason: 'Paper forms added', correctedOn: '2027-04-10' })
      .then([
        {
          type: 'SurveyRoundResultsCorrected',
          data: {
            surveyId,
            results: [
              {
                ...figures[0]!,
                answered: 50,
                distribution: ['1', '2', '3', '4', '5'].map((option) => ({ option, count: option === '5' ? 50 : 0 })),
                mean: 5,
                agreeingPercent: 100,
              },
              ...figures.slice(1),
            ],
            reason: 'Paper forms added',
            correctedOn: '2027-04-10',
          },
        },
      ]);
    spec
      .given([planned, opened, closed])
      .when({ type: 'correctSurveyRoundResults', surveyId, results: input, reason: 'Why', correctedOn: '2027-04-10' })
      .thenThrows('RESULTS_NOT_RECORDED');
  });

  it('cancels a round not yet closed, after which nothing more is done', () => {
    const cancelled: SurveyEvent = { type: 'SurveyRoundCancelled', data: { surveyId, reason: 'Exams moved', cancelledOn: '2027-03-05' } };
    spec.given([planned, opened]).when({ type: 'cancelSurveyRound', surveyId, reason: 'Exams moved', cancelledOn: '2027-03-05' }).then([cancelled]);
    spec.given([planned, opened, closed]).when({ type: 'cancelSurveyRound', surveyId, reason: 'Late', cancelledOn: '2027-04-05' }).thenThrows('SURVEY_CLOSED');
    spec.given([planned, cancelled]).when({ type: 'openSurveyRound', surveyId, openedOn: '2027-03-06' }).thenThrows('SURVEY_CANCELLED');
  });
});
