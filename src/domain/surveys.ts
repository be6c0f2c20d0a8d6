// Survey rounds (DOMAIN.md 2.1 items 5 and 16; 2.3): the department runs the published version of
// an assessment instrument with a target group (students, teachers, employers, graduates, staff) of
// a unit or programme for a period, opens and closes it, and once it is closed records the result
// figures of each question: the mean and the share agreeing of a scale, the share of "yes", the
// distribution of a choice, the number answering an open question. A correction is a new event
// carrying the whole corrected set, never an edit. A round may serve a monitoring as its instrument.
import { z } from 'zod';
import { type Question, questionKind, type QuestionKind } from './assessment-instruments.ts';
import type { CommandContext, Decider, Role } from './decider.ts';
import { DomainRuleError } from './errors.ts';
import { departmentStaff } from './staff.ts';
import { planCode } from './strategic-plan.ts';
import { entityId, isoDate, text, type IsoDate, type Labels } from './values.ts';

export const surveyCategory = 'survey';

const targetGroups = ['students', 'teachers', 'employers', 'graduates', 'staff'] as const;
const statuses = ['planned', 'open', 'closed', 'cancelled'] as const;

export const surveyTargetGroupLabels: Labels<(typeof targetGroups)[number]> = {
  students: { ky: 'Студенттер', ru: 'Студенты', en: 'Students' },
  teachers: { ky: 'Окутуучулар', ru: 'Преподаватели', en: 'Teachers' },
  employers: { ky: 'Иш берүүчүлөр', ru: 'Работодатели', en: 'Employers' },
  graduates: { ky: 'Бүтүрүүчүлөр', ru: 'Выпускники', en: 'Graduates' },
  staff: { ky: 'Кызматкерлер', ru: 'Сотрудники', en: 'Staff' },
};
export const surveyStatusLabels: Labels<(typeof statuses)[number]> = {
  planned: { ky: 'Пландалды', ru: 'Запланирован', en: 'Planned' },
  open: { ky: 'Ачык', ru: 'Открыт', en: 'Open' },
  closed: { ky: 'Жабылды', ru: 'Закрыт', en: 'Closed' },
  cancelled: { ky: 'Жокко чыгарылды', ru: 'Отменён', en: 'Cancelled' },
};

export const surveyTargetGroup = z.enum(targetGroups).meta({ id: 'SurveyTargetGroup', description: 'Who is surveyed.', labels: surveyTargetGroupLabels });
export const surveyStatus = z.enum(statuses).meta({ id: 'SurveyRoundStatus', description: 'Where a survey round stands.', labels: surveyStatusLabels });
export type SurveyStatus = z.infer<typeof surveyStatus>;

/** The answers a question of each kind takes, in the order its distribution lists them (a choice: its options). */
const fixedOptions: Partial<Record<QuestionKind, string[]>> = { scale_1_5: ['1', '2', '3', '4', '5'], yes_no: ['yes', 'no'] };

const count = z.int('must be a whole number').min(0, 'must not be negative').max(10_000_000, 'must be at most 10000000');
const surveyRef = { surveyId: entityId('survey round').describe('The survey round acted on.') };

const resultInput = z
  .object({
    questionCode: planCode.describe('The question the figures are for.'),
    counts: z
      .array(
        z
          .object({
            option: z
              .string()
              .trim()
              .min(1, 'must not be empty')
              .max(30, 'must be at most 30 characters')
              .describe('The answer: 1–5, yes/no, or a choice option code.'),
            count: count.describe('How many respondents gave it.'),
          })
          .meta({ id: 'SurveyAnswerCount', description: 'How many respondents gave one answer.' }),
      )
      .max(20, 'must have at most 20 items')
      .optional()
      .describe('Respondents per answer, for a scale, yes/no or choice question (answers not listed count 0).'),
    answered: count.optional().describe('How many answered an open question.'),
    summary: text(4000).optional().describe('A summary of the answers to an open question.'),
  })
  .meta({ id: 'SurveyQuestionResult', description: 'The result figures of one question of a survey round.' });

const results = z
  .array(resultInput)
  .min(1, 'must have at least one result')
  .max(200, 'must have at most 200 results')
  .describe('One result per question of the instrument version.');

export const surveyCommands = {
  planSurveyRound: z
    .object({
      instrumentId: entityId('assessment instrument').describe('The instrument used.'),
      instrumentVersion: z
        .int('must be a whole number')
        .min(1, 'must be 1 or more')
        .optional()
        .describe('The version used; it must be the published one (the default).'),
      title: text(300).describe('What the round is, e.g. "Student satisfaction, spring 2026".'),
      targetGroup: surveyTargetGroup,
      unit: text(200).describe('The faculty, college, chair or unit surveyed.'),
      programme: text(300).optional().describe('The educational programme surveyed, when the round is about one.'),
      startsOn: isoDate.describe('First day of the survey period.'),
      endsOn: isoDate.describe('Last day of the survey period.'),
      invitedCount: count.min(1, 'must be at least 1').describe('How many people are invited to answer.'),
      monitoringId: entityId('monitoring').optional().describe('The quality monitoring this round is the instrument of.'),
    })
    .refine((c) => c.endsOn >= c.startsOn, { path: ['endsOn'], message: 'must not be before startsOn' }),
  openSurveyRound: z.object({ ...surveyRef, openedOn: isoDate.describe('Date the survey was opened to respondents.') }),
  closeSurveyRound: z.object({
    ...surveyRef,
    responseCount: count.describe('How many responded.'),
    closedOn: isoDate.describe('Date the survey was closed.'),
  }),
  recordSurveyRoundResults: z.object({ ...surveyRef, results, recordedOn: isoDate.describe('Date the results were recorded.') }),
  correctSurveyRoundResults: z.object({
    ...surveyRef,
    results,
    reason: text(2000).describe('Why the results are corrected.'),
    correctedOn: isoDate.describe('Date of the correction.'),
  }),
  cancelSurveyRound: z.object({
    ...surveyRef,
    reason: text(2000).describe('Why the round is cancelled.'),
    cancelledOn: isoDate.describe('Date of cancellation.'),
  }),
} as const;

/** What the resolver reads from the instrument for planning a round: its version in use and that version's questions. */
export type InstrumentFacts = { publishedVersion: number | null; questions: Question[] };

export type SurveyCommandName = keyof typeof surveyCommands;
export type SurveyCommand = {
  [Name in SurveyCommandName]: { type: Name; surveyId: string } & z.infer<(typeof surveyCommands)[Name]> &
    (Name extends 'planSurveyRound' ? { instrument?: InstrumentFacts } : unknown);
}[SurveyCommandName];

const questionSnapshot = z.object({ code: z.string(), kind: questionKind, options: z.array(z.string()) });
export type QuestionSnapshot = z.infer<typeof questionSnapshot>;

export const questionResult = z.object({
  questionCode: z.string(),
  kind: questionKind,
  /** How many answered the question. */
  answered: z.number(),
  /** Respondents per answer, every possible answer listed (empty for an open question). */
  distribution: z.array(z.object({ option: z.string(), count: z.number() })),
  /** Mean of a 1–5 scale. */
  mean: z.number().nullable(),
  /** Percentage agreeing: 4 or 5 on a scale, "yes" to a yes/no question. */
  agreeingPercent: z.number().nullable(),
  summary: z.string().nullable(),
});
export type QuestionResult = z.infer<typeof questionResult>;

export const surveyEventSchemas = {
  SurveyRoundPlanned: z.object({
    surveyId: z.string(),
    instrumentId: z.string(),
    instrumentVersion: z.number(),
    /** The version's questions as asked, so results are checked against them without the instrument. */
    questions: z.array(questionSnapshot),
    title: z.string(),
    targetGroup: surveyTargetGroup,
    unit: z.string(),
    programme: z.string().optional(),
    startsOn: isoDate,
    endsOn: isoDate,
    invitedCount: z.number(),
    monitoringId: z.string().optional(),
  }),
  SurveyRoundOpened: z.object({ surveyId: z.string(), openedOn: isoDate }),
  SurveyRoundClosed: z.object({ surveyId: z.string(), responseCount: z.number(), invitedCount: z.number(), closedOn: isoDate }),
  SurveyRoundResultsRecorded: z.object({ surveyId: z.string(), results: z.array(questionResult), recordedOn: isoDate }),
  SurveyRoundResultsCorrected: z.object({ surveyId: z.string(), results: z.array(questionResult), reason: z.string(), correctedOn: isoDate }),
  SurveyRoundCancelled: z.object({ surveyId: z.string(), reason: z.string(), cancelledOn: isoDate }),
} as const;

export type SurveyEventType = keyof typeof surveyEventSchemas;
export type SurveyEvent = { [Type in SurveyEventType]: { type: Type; data: z.infer<(typeof surveyEventSchemas)[Type]> } }[SurveyEventType];
export const surveyEventTypes = Object.keys(surveyEventSchemas) as SurveyEventType[];

export type SurveyState =
  | { exists: false }
  | {
      exists: true;
      status: SurveyStatus;
      questions: QuestionSnapshot[];
      invitedCount: number;
      startsOn: IsoDate;
      openedOn: IsoDate | null;
      closedOn: IsoDate | null;
      responseCount: number | null;
      resultsOn: IsoDate | null;
    };

function evolve(state: SurveyState, event: SurveyEvent): SurveyState {
  if (event.type === 'SurveyRoundPlanned') {
    const d = event.data;
    return {
      exists: true,
      status: 'planned',
      questions: d.questions,
      invitedCount: d.invitedCount,
      startsOn: d.startsOn,
      openedOn: null,
      closedOn: null,
      responseCount: null,
      resultsOn: null,
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'SurveyRoundOpened':
      return { ...state, status: 'open', openedOn: event.data.openedOn };
    case 'SurveyRoundClosed':
      return { ...state, status: 'closed', closedOn: event.data.closedOn, responseCount: event.data.responseCount };
    case 'SurveyRoundResultsRecorded':
      return { ...state, resultsOn: event.data.recordedOn };
    case 'SurveyRoundResultsCorrected':
      return { ...state, resultsOn: event.data.correctedOn };
    case 'SurveyRoundCancelled':
      return { ...state, status: 'cancelled' };
  }
}

const rule = (code: string, message: string) => new DomainRuleError(code, message);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The snapshot a round keeps of a question: its code, kind and the answers it takes. */
export const snapshotOf = (q: Question): QuestionSnapshot => ({
  code: q.code,
  kind: q.kind,
  options: fixedOptions[q.kind] ?? (q.options ?? []).map((o) => o.code),
});

/** The figures of each question from the counts sent, checked against the questions asked and the number who responded. */
export function figuresOf(input: z.infer<typeof results>, asked: QuestionSnapshot[], responseCount: number): QuestionResult[] {
  const codes = input.map((r) => r.questionCode);
  const repeated = codes.find((c, i) => codes.indexOf(c) !== i);
  if (repeated) throw rule('RESULT_REPEATED', `results: question ${repeated} has more than one result`);
  const unknown = codes.find((c) => !asked.some((q) => q.code === c));
  if (unknown) throw rule('QUESTION_NOT_ASKED', `results: the instrument version has no question ${unknown}`);
  const missing = asked.filter((q) => !codes.includes(q.code)).map((q) => q.code);
  if (missing.length > 0) throw rule('RESULTS_INCOMPLETE', `results: questions ${missing.join(', ')} have no result`);
  return asked.map((q) => {
    const r = input.find((x) => x.questionCode === q.code)!;
    if (q.kind === 'open') {
      if (r.counts?.length) throw rule('RESULT_SHAPE', `results: question ${q.code} is open; give answered and a summary, not counts`);
      if (r.answered === undefined) throw rule('RESULT_SHAPE', `results: question ${q.code} is open; give how many answered it`);
      if (r.answered > responseCount)
        throw rule('MORE_ANSWERS_THAN_RESPONSES', `results: ${r.answered} answered ${q.code}, more than the ${responseCount} who responded`);
      return { questionCode: q.code, kind: q.kind, answered: r.answered, distribution: [], mean: null, agreeingPercent: null, summary: r.summary ?? null };
    }
    if (!r.counts) throw rule('RESULT_SHAPE', `results: question ${q.code} is ${q.kind}; give the counts per answer`);
    if (r.answered !== undefined || r.summary !== undefined) throw rule('RESULT_SHAPE', `results: answered and summary are for open questions, not ${q.code}`);
    const bad = r.counts.find((c) => !q.options.includes(c.option));
    if (bad) throw rule('OPTION_NOT_ASKED', `results: ${bad.option} is not an answer to ${q.code} (answers: ${q.options.join(', ')})`);
    const options = r.counts.map((c) => c.option);
    const twice = options.find((o, i) => options.indexOf(o) !== i);
    if (twice) throw rule('RESULT_REPEATED', `results: answer ${twice} of ${q.code} is counted twice`);
    const distribution = q.options.map((option) => ({ option, count: r.counts!.find((c) => c.option === option)?.count ?? 0 }));
    const answered = distribution.reduce((sum, d) => sum + d.count, 0);
    if (answered > responseCount)
      throw rule('MORE_ANSWERS_THAN_RESPONSES', `results: ${answered} answered ${q.code}, more than the ${responseCount} who responded`);
    const countOf = (...options: string[]) => distribution.filter((d) => options.includes(d.option)).reduce((sum, d) => sum + d.count, 0);
    const share = (n: number) => (answered === 0 ? null : round2((100 * n) / answered));
    const mean = q.kind === 'scale_1_5' && answered > 0 ? round2(distribution.reduce((sum, d) => sum + Number(d.option) * d.count, 0) / answered) : null;
    const agreeingPercent = q.kind === 'scale_1_5' ? share(countOf('4', '5')) : q.kind === 'yes_no' ? share(countOf('yes')) : null;
    return { questionCode: q.code, kind: q.kind, answered, distribution, mean, agreeingPercent, summary: null };
  });
}

function decide(command: SurveyCommand, state: SurveyState, _context: CommandContext): SurveyEvent[] {
  if (command.type === 'planSurveyRound') {
    if (state.exists) throw rule('SURVEY_ALREADY_PLANNED', 'this survey round already exists');
    const { type: _type, instrument, instrumentVersion, ...data } = command;
    if (!instrument || instrument.publishedVersion === null)
      throw rule('INSTRUMENT_NOT_PUBLISHED', 'instrumentId: the instrument has no published version yet');
    const version = instrumentVersion ?? instrument.publishedVersion;
    if (version !== instrument.publishedVersion) {
      throw rule('INSTRUMENT_VERSION_NOT_IN_USE', `instrumentVersion: only the published version ${instrument.publishedVersion} can be used, not ${version}`);
    }
    return [{ type: 'SurveyRoundPlanned', data: { ...data, instrumentVersion: version, questions: instrument.questions.map(snapshotOf) } }];
  }
  if (!state.exists) throw rule('SURVEY_NOT_FOUND', 'no survey round with this id exists');
  if (state.status === 'cancelled') throw rule('SURVEY_CANCELLED', 'the survey round is cancelled');
  switch (command.type) {
    case 'openSurveyRound': {
      if (state.status !== 'planned') throw rule('SURVEY_NOT_PLANNED', `the survey round is ${state.status}; only a planned round is opened`);
      const { type: _type, ...data } = command;
      return [{ type: 'SurveyRoundOpened', data }];
    }
    case 'closeSurveyRound': {
      if (state.status !== 'open') throw rule('SURVEY_NOT_OPEN', `the survey round is ${state.status}; only an open round is closed`);
      if (command.closedOn < state.openedOn!) throw rule('DATE_BEFORE_OPENING', `closedOn: the round was opened on ${state.openedOn}`);
      if (command.responseCount > state.invitedCount) {
        throw rule('MORE_RESPONSES_THAN_INVITED', `responseCount: ${command.responseCount} is more than the ${state.invitedCount} invited`);
      }
      const { type: _type, ...data } = command;
      return [{ type: 'SurveyRoundClosed', data: { ...data, invitedCount: state.invitedCount } }];
    }
    case 'recordSurveyRoundResults': {
      if (state.status !== 'closed') throw rule('SURVEY_NOT_CLOSED', `the survey round is ${state.status}; results are recorded once it is closed`);
      if (state.resultsOn !== null) throw rule('RESULTS_ALREADY_RECORDED', 'the results are recorded already; send a correction instead');
      if (command.recordedOn < state.closedOn!) throw rule('DATE_BEFORE_CLOSING', `recordedOn: the round was closed on ${state.closedOn}`);
      const figures = figuresOf(command.results, state.questions, state.responseCount!);
      return [{ type: 'SurveyRoundResultsRecorded', data: { surveyId: command.surveyId, results: figures, recordedOn: command.recordedOn } }];
    }
    case 'correctSurveyRoundResults': {
      if (state.resultsOn === null) throw rule('RESULTS_NOT_RECORDED', 'no results are recorded yet: record them first');
      if (command.correctedOn < state.resultsOn) throw rule('DATE_BEFORE_RESULTS', `correctedOn: the results stand as of ${state.resultsOn}`);
      const figures = figuresOf(command.results, state.questions, state.responseCount!);
      return [
        {
          type: 'SurveyRoundResultsCorrected',
          data: { surveyId: command.surveyId, results: figures, reason: command.reason, correctedOn: command.correctedOn },
        },
      ];
    }
    case 'cancelSurveyRound': {
      if (state.status === 'closed') throw rule('SURVEY_CLOSED', 'a closed survey round is not cancelled; correct its results instead');
      const { type: _type, ...data } = command;
      return [{ type: 'SurveyRoundCancelled', data }];
    }
  }
}

export const surveyDecider: Decider<SurveyCommand, SurveyEvent, SurveyState> = { initialState: { exists: false }, evolve, decide };

export const surveyPermissions: Record<SurveyCommandName, Role[]> = {
  planSurveyRound: departmentStaff,
  openSurveyRound: departmentStaff,
  closeSurveyRound: departmentStaff,
  recordSurveyRoundResults: departmentStaff,
  correctSurveyRoundResults: departmentStaff,
  cancelSurveyRound: departmentStaff,
};
