// Surveys: the student questionnaire "The teacher as students see them" in two versions (the
// second adds a question on e-learning and an open question), last year's round on the first
// version, and this year's rounds on the second in several faculties: closed with results (one
// corrected), one open, one planned; a pilot round with evening students was cancelled.
import type { Question } from '../domain/assessment-instruments.ts';
import { demoActors } from './context.ts';
import type { DemoModule } from './modules.ts';
import { units } from './university.ts';

const { seniorInspector, specialist } = demoActors;
const n = (ky: string, ru: string, en: string) => ({ ky, ru, en });

const version1: Question[] = [
  {
    code: 'Q1',
    kind: 'scale_1_5',
    text: n('Окутуучу сабакты түшүнүктүү түшүндүрөт', 'Преподаватель понятно объясняет материал', 'The teacher explains clearly'),
  },
  { code: 'Q2', kind: 'scale_1_5', text: n('Баалоо калыс жана ачык', 'Оценивание объективно и прозрачно', 'Assessment is fair and transparent') },
  { code: 'Q3', kind: 'yes_no', text: n('Сабактар убагында башталат', 'Занятия начинаются вовремя', 'Classes start on time') },
  {
    code: 'Q4',
    kind: 'choice',
    text: n('Кайсы окуу материалдары пайдалуу?', 'Какие учебные материалы полезнее всего?', 'Which materials help most?'),
    options: [
      { code: 'A', text: n('Лекциялар', 'Лекции', 'Lectures') },
      { code: 'B', text: n('Окуу китептери', 'Учебники', 'Textbooks') },
      { code: 'C', text: n('Электрондук курстар', 'Электронные курсы', 'E-learning courses') },
    ],
  },
];
const version2: Question[] = [
  ...version1,
  { code: 'Q5', kind: 'scale_1_5', text: n('Электрондук курс сабакка жардам берет', 'Электронный курс помогает в учёбе', 'The e-learning course helps') },
  { code: 'Q6', kind: 'open', text: n('Эмнени жакшыртуу керек?', 'Что стоит улучшить?', 'What should be improved?') },
];

export const surveysDemo: DemoModule = {
  name: 'surveys',
  async load(demo) {
    const { send, random, year } = demo;
    const { id: instrumentId } = await send(
      'draftAssessmentInstrument',
      {
        code: 'SSQ',
        title: n('«Студенттин көзү менен окутуучу»', '«Преподаватель глазами студентов»', 'The teacher as students see them'),
        purpose: 'Студенттердин окутуунун сапатына канааттануусу / Удовлетворённость студентов качеством преподавания',
        questions: version1,
        draftedOn: `${year - 2}-09-10`,
      },
      specialist,
      'survey:ssq',
    );
    await send('publishAssessmentInstrumentVersion', { instrumentId, version: 1, publishedOn: `${year - 2}-09-20` }, specialist, 'survey:ssq:v1');

    /** Counts per answer in rough shares (jittered by the seed), adding up to the responses. */
    const spread = (responses: number, options: string[], shares: number[]) => {
      const weights = shares.map((w) => w * random.decimal(0.8, 1.2));
      const total = weights.reduce((sum, w) => sum + w, 0);
      let left = responses;
      return options.map((option, i) => {
        const count = i === options.length - 1 ? left : Math.min(left, Math.round((responses * weights[i]!) / total));
        left -= count;
        return { option, count };
      });
    };
    const resultsFor = (questions: Question[], responses: number) =>
      questions.map((q) =>
        q.kind === 'open'
          ? { questionCode: q.code, answered: Math.round(responses * 0.3), summary: 'Көбүрөөк практикалык сабактар / Больше практических занятий' }
          : {
              questionCode: q.code,
              counts:
                q.kind === 'scale_1_5'
                  ? spread(responses, ['1', '2', '3', '4', '5'], [0.04, 0.08, 0.2, 0.38, 0.3])
                  : q.kind === 'yes_no'
                    ? spread(responses, ['yes', 'no'], [0.82, 0.18])
                    : spread(
                        responses,
                        q.options!.map((o) => o.code),
                        [0.4, 0.25, 0.35],
                      ),
            },
      );

    const faculties = units.filter((u) => u.kind === 'faculty' || u.kind === 'institute').slice(0, 4);
    const round = async (key: string, unit: string, title: string, from: string, to: string, invited: number, questions: Question[], stage: string) => {
      const { id: surveyId } = await send(
        'planSurveyRound',
        { instrumentId, title, targetGroup: 'students', unit, startsOn: from, endsOn: to, invitedCount: invited },
        seniorInspector,
        `${key}:plan`,
      );
      if (stage === 'planned') return surveyId;
      await send('openSurveyRound', { surveyId, openedOn: from }, seniorInspector, `${key}:open`);
      if (stage === 'open') return surveyId;
      const responses = Math.round(invited * random.decimal(0.45, 0.8));
      await send('closeSurveyRound', { surveyId, responseCount: responses, closedOn: to }, seniorInspector, `${key}:close`);
      await send('recordSurveyRoundResults', { surveyId, results: resultsFor(questions, responses), recordedOn: to }, specialist, `${key}:results`);
      if (stage === 'corrected') {
        await send(
          'correctSurveyRoundResults',
          {
            surveyId,
            results: resultsFor(questions, responses),
            reason: 'Кагаз анкеталар кошулду / Добавлены бумажные анкеты',
            correctedOn: to,
          },
          specialist,
          `${key}:correct`,
        );
      }
      return surveyId;
    };

    // Last year's round on version 1, in the first faculty.
    await round('survey:last-year', faculties[0]!.name.en, `SSQ, ${year - 1}`, `${year - 1}-04-01`, `${year - 1}-04-20`, 600, version1, 'closed');

    // Version 2 adds the e-learning and open questions; this year's rounds use it.
    await send(
      'draftAssessmentInstrumentVersion',
      {
        instrumentId,
        questions: version2,
        changeNote: 'Электрондук окутуу жана ачык суроо кошулду / Добавлены вопросы об электронном обучении и открытый вопрос',
        draftedOn: demo.daysAgo(120),
      },
      specialist,
      'survey:ssq:v2:draft',
    );
    await send('publishAssessmentInstrumentVersion', { instrumentId, version: 2, publishedOn: demo.daysAgo(110) }, specialist, 'survey:ssq:v2');
    const stages = ['closed', 'corrected', 'open', 'planned'];
    for (const [i, faculty] of faculties.entries()) {
      const stage = stages[i]!;
      const from = stage === 'planned' ? demo.daysAhead(20) : stage === 'open' ? demo.daysAgo(5) : demo.daysAgo(90);
      const to = stage === 'planned' ? demo.daysAhead(40) : stage === 'open' ? demo.daysAhead(10) : demo.daysAgo(70);
      await round(`survey:${year}:${faculty.key}`, faculty.name.en, `SSQ, ${year}: ${faculty.name.en}`, from, to, random.int(300, 900), version2, stage);
    }
    // A pilot round with evening students was planned and then cancelled.
    const { id: cancelled } = await send(
      'planSurveyRound',
      {
        instrumentId,
        title: `SSQ, ${year}: pilot with evening students`,
        targetGroup: 'students',
        unit: faculties[0]!.name.en,
        startsOn: demo.daysAgo(60),
        endsOn: demo.daysAgo(40),
        invitedCount: 80,
      },
      seniorInspector,
      'survey:pilot:plan',
    );
    await send(
      'cancelSurveyRound',
      { surveyId: cancelled, reason: 'Кечки бөлүмдүн сабактары онлайн өттү / Занятия вечернего отделения ушли в онлайн', cancelledOn: demo.daysAgo(62) },
      seniorInspector,
      'survey:pilot:cancel',
    );
  },
};
