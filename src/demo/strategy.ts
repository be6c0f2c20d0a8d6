// The strategy: the university's development plan (directions and goals), its indicators with
// yearly targets, several years of measured values reported by the units that own them and verified
// by the department, some off track (the deviation is recorded by the hub's reactor), and corrective
// actions at every step for those.
import type { Actor } from '../domain/decider.ts';
import type { IsoDate } from '../domain/values.ts';
import { demoActors } from './context.ts';
import type { DemoModule } from './modules.ts';
import { personName } from './people.ts';

const { director, specialist, seniorInspector } = demoActors;
const n = (ky: string, ru: string, en: string) => ({ ky, ru, en });

const directions = [
  {
    code: '1',
    name: n('Билим берүүнүн сапаты', 'Качество образования', 'Quality of education'),
    goals: [
      { code: '1.1', name: n('Кадрдык потенциалды өнүктүрүү', 'Развитие кадрового потенциала', 'Developing the teaching staff') },
      { code: '1.2', name: n('Программалардын атаандаштыкка жөндөмдүүлүгү', 'Конкурентоспособность программ', 'Competitive programmes') },
    ],
  },
  {
    code: '2',
    name: n('Илим жана инновациялар', 'Наука и инновации', 'Research and innovation'),
    goals: [
      { code: '2.1', name: n('Жарыялоо активдүүлүгү', 'Публикационная активность', 'Publication output') },
      { code: '2.2', name: n('Илимди коммерциялаштыруу', 'Коммерциализация науки', 'Commercialising research') },
    ],
  },
  {
    code: '3',
    name: n('Интернационалдаштыруу', 'Интернационализация', 'Internationalisation'),
    goals: [
      { code: '3.1', name: n('Академиялык мобилдүүлүк', 'Академическая мобильность', 'Academic mobility') },
      { code: '3.2', name: n('Эл аралык рейтингдер', 'Международные рейтинги', 'International rankings') },
    ],
  },
  {
    code: '4',
    name: n('Башкаруу жана ресурстар', 'Управление и ресурсы', 'Governance and resources'),
    goals: [
      { code: '4.1', name: n('Санариптик трансформация', 'Цифровая трансформация', 'Digital transformation') },
      { code: '4.2', name: n('Студенттердин ийгилиги', 'Успешность студентов', 'Student success') },
    ],
  },
];

type Direction = 'increase' | 'decrease' | 'at_least' | 'at_most';
type IndicatorSpec = {
  code: string;
  goal: string;
  name: ReturnType<typeof n>;
  unit: 'percent' | 'count' | 'ratio' | 'score' | 'rank_position' | 'som';
  direction: Direction;
  baseline: number;
  final: number;
  owner: string;
  source: string;
  /** Achieved share of the yearly target: above 1 on track, a little below at risk, well below off track. */
  performance: number;
  ranking?: string[];
};

const indicators: IndicatorSpec[] = [
  {
    code: 'SD1-G1-KPI01',
    goal: '1.1',
    name: n('Илимий даражасы бар окутуучулардын үлүшү', 'Доля преподавателей с учёной степенью', 'Share of teaching staff with a degree'),
    unit: 'percent',
    direction: 'increase',
    baseline: 38,
    final: 50,
    owner: 'HR office',
    source: 'HR register',
    performance: 0.86,
  },
  {
    code: 'SD1-G1-KPI02',
    goal: '1.1',
    name: n('Квалификациясын жогорулаткан окутуучулар', 'Преподаватели, повысившие квалификацию', 'Teaching staff who completed professional development'),
    unit: 'percent',
    direction: 'at_least',
    baseline: 60,
    final: 80,
    owner: 'HR office',
    source: 'HR register',
    performance: 1.04,
  },
  {
    code: 'SD1-G2-KPI03',
    goal: '1.2',
    name: n('Аккредитацияланган программалар', 'Аккредитованные программы', 'Accredited programmes'),
    unit: 'count',
    direction: 'increase',
    baseline: 12,
    final: 40,
    owner: 'Department of Strategic Planning',
    source: 'Accreditation registry',
    performance: 1.02,
  },
  {
    code: 'SD1-G2-KPI04',
    goal: '1.2',
    name: n('Бүтүрүүчүлөрдүн жумушка орношуусу', 'Трудоустройство выпускников', 'Graduate employment rate'),
    unit: 'percent',
    direction: 'increase',
    baseline: 62,
    final: 75,
    owner: 'Career Centre',
    source: 'Graduate survey',
    performance: 0.95,
  },
  {
    code: 'SD1-G2-KPI05',
    goal: '1.2',
    name: n('Студенттердин канааттануусу', 'Удовлетворённость студентов', 'Student satisfaction'),
    unit: 'score',
    direction: 'at_least',
    baseline: 3.6,
    final: 4.2,
    owner: 'Department of Strategic Planning',
    source: 'Student survey (AVN)',
    performance: 1.01,
  },
  {
    code: 'SD2-G1-KPI01',
    goal: '2.1',
    name: n('Scopus жана WoS жарыялары', 'Публикации в Scopus и WoS', 'Scopus and WoS publications'),
    unit: 'count',
    direction: 'increase',
    baseline: 95,
    final: 300,
    owner: 'Research department',
    source: 'Scopus, Web of Science',
    performance: 0.82,
    ranking: ['QS Asia: Papers per Faculty'],
  },
  {
    code: 'SD2-G1-KPI02',
    goal: '2.1',
    name: n('Бир окутуучуга цитаталар', 'Цитирования на преподавателя', 'Citations per teacher'),
    unit: 'ratio',
    direction: 'increase',
    baseline: 0.8,
    final: 2,
    owner: 'Research department',
    source: 'Scopus',
    performance: 0.97,
    ranking: ['QS Asia: Citations per Paper'],
  },
  {
    code: 'SD2-G2-KPI03',
    goal: '2.2',
    name: n('Илимий долбоорлордун каржылоосу', 'Финансирование научных проектов', 'Research funding'),
    unit: 'som',
    direction: 'increase',
    baseline: 18_000_000,
    final: 60_000_000,
    owner: 'Research department',
    source: 'Finance office',
    performance: 1.08,
  },
  {
    code: 'SD2-G2-KPI04',
    goal: '2.2',
    name: n('Патенттер жана күбөлүктөр', 'Патенты и свидетельства', 'Patents and certificates'),
    unit: 'count',
    direction: 'increase',
    baseline: 6,
    final: 25,
    owner: 'Research department',
    source: 'Kyrgyzpatent',
    performance: 0.8,
  },
  {
    code: 'SD3-G1-KPI01',
    goal: '3.1',
    name: n('Чет элдик студенттер', 'Иностранные студенты', 'International students'),
    unit: 'count',
    direction: 'increase',
    baseline: 2100,
    final: 5000,
    owner: 'International office',
    source: 'Registrar',
    performance: 1.05,
    ranking: ['QS Asia: International Student Ratio'],
  },
  {
    code: 'SD3-G1-KPI02',
    goal: '3.1',
    name: n('Чыгуучу академиялык мобилдүүлүк', 'Исходящая академическая мобильность', 'Outbound academic mobility'),
    unit: 'count',
    direction: 'increase',
    baseline: 400,
    final: 1000,
    owner: 'International office',
    source: 'Mobility register',
    performance: 0.88,
    ranking: ['QS Asia: Outbound exchange'],
  },
  {
    code: 'SD3-G2-KPI03',
    goal: '3.2',
    name: n('QS Asia рейтингиндеги орун', 'Позиция в рейтинге QS Asia', 'Position in the QS Asia ranking'),
    unit: 'rank_position',
    direction: 'decrease',
    baseline: 551,
    final: 250,
    owner: 'Department of Strategic Planning',
    source: 'QS Asia',
    performance: 1.03,
    ranking: ['QS Asia: overall'],
  },
  {
    code: 'SD4-G1-KPI01',
    goal: '4.1',
    name: n('Электрондук курстар', 'Электронные курсы', 'Courses with an e-learning module'),
    unit: 'percent',
    direction: 'increase',
    baseline: 35,
    final: 90,
    owner: 'Digital Transformation Centre',
    source: 'LMS',
    performance: 1.1,
  },
  {
    code: 'SD4-G2-KPI02',
    goal: '4.2',
    name: n('Окуудан чыгып калуу', 'Отсев студентов', 'Student dropout rate'),
    unit: 'percent',
    direction: 'at_most',
    baseline: 9,
    final: 5,
    owner: 'Registrar',
    source: 'AVN',
    performance: 0.84,
  },
];

const round = (value: number, unit: IndicatorSpec['unit']) =>
  unit === 'count' || unit === 'rank_position' || unit === 'som' ? Math.round(value) : Number(value.toFixed(unit === 'ratio' || unit === 'score' ? 2 : 1));

const unitHead = (unit: string): Actor => ({
  id: `demo-head-${unit.toLowerCase().replace(/[^a-z]+/g, '-')}`,
  name: `Head of ${unit}`,
  roles: ['unit_head'],
  unit,
});

export const strategyDemo: DemoModule = {
  name: 'strategy',
  async load(demo) {
    const { send, random, year } = demo;
    const startYear = year - 4;
    const endYear = year + 4;
    const { id: planId } = await send(
      'draftStrategicPlan',
      {
        title: n(
          `ОшМУнун ${startYear}–${endYear}-жылдарга стратегиялык өнүгүү планы`,
          `Стратегический план развития ОшГУ на ${startYear}–${endYear} годы`,
          `OshSU strategic development plan ${startYear}–${endYear}`,
        ),
        startYear,
        endYear,
      },
      specialist,
      'strategy:plan',
    );
    demo.facts.ids.set('strategic-plan', planId);
    for (const direction of directions) {
      await send('addStrategicDirection', { planId, code: direction.code, name: direction.name }, specialist, `strategy:direction:${direction.code}`);
      for (const goal of direction.goals) {
        await send('addStrategicGoal', { planId, directionCode: direction.code, code: goal.code, name: goal.name }, specialist, `strategy:goal:${goal.code}`);
      }
    }
    await send(
      'adoptStrategicPlan',
      { planId, adoptedOn: `${startYear - 1}-12-26`, decision: 'Окумуштуулар кеңешинин № 5 протоколу / Протокол Учёного совета № 5' },
      director,
      'strategy:adopt',
    );

    const clamp = (date: IsoDate): IsoDate => (date > demo.today ? demo.today : date);
    for (const spec of indicators) {
      const span = endYear - startYear;
      const targetOf = (y: number) => round(spec.baseline + ((spec.final - spec.baseline) * (y - startYear + 1)) / (span + 1), spec.unit);
      const targets = [];
      for (let y = startYear; y <= endYear; y++) targets.push({ year: y, value: targetOf(y) });
      const { id: indicatorId } = await send(
        'defineIndicator',
        {
          planId,
          goalCode: spec.goal,
          code: spec.code,
          name: spec.name,
          definition: `${spec.name.ru}: ${spec.name.en}.`,
          unit: spec.unit,
          direction: spec.direction,
          baseline: { year: startYear - 1, value: spec.baseline },
          targets: targets.slice(0, -1),
          finalTarget: targets.at(-1),
          thresholds: { atRisk: 1, offTrack: 0.9 },
          weight: random.pick([1, 1, 1.5, 2]),
          ownerUnit: spec.owner,
          dataSource: spec.source,
          frequency: 'annual',
          ...(spec.ranking ? { rankingIndicators: spec.ranking } : {}),
        },
        specialist,
        `strategy:indicator:${spec.code}`,
      );
      const reporter = unitHead(spec.owner);
      const lowerIsBetter = spec.direction === 'decrease' || spec.direction === 'at_most';
      // Each year's value is reported in January after it; this year's so far, a few weeks ago.
      for (let y = startYear; y <= year; y++) {
        const on = (monthDay: string, days: number) => (y === year ? demo.daysAgo(days) : clamp(`${y + 1}-${monthDay}`));
        const performance = y === startYear ? Math.max(spec.performance, 1.01) : spec.performance * random.decimal(0.98, 1.02, 3);
        const value = round(lowerIsBetter ? targetOf(y) / performance : targetOf(y) * performance, spec.unit);
        const period = String(y);
        const key = `strategy:measure:${spec.code}:${period}`;
        await send(
          'reportIndicatorMeasurement',
          { indicatorId, period, value, evidence: `${spec.source}, ${y}`, reportedOn: on('01-20', 20) },
          reporter,
          `${key}:report`,
        );
        // This year's values: one still waits for the department, one was sent back and corrected.
        if (y === year && spec.code === 'SD1-G2-KPI05') continue;
        if (y === year && spec.code === 'SD3-G1-KPI02') {
          await send(
            'rejectIndicatorMeasurement',
            {
              indicatorId,
              period,
              reason: 'Мобилдүүлүк реестриндеги маалыматтар менен дал келбейт / Не совпадает с реестром мобильности',
              rejectedOn: on('02-01', 16),
            },
            seniorInspector,
            `${key}:reject`,
          );
          await send(
            'correctIndicatorMeasurement',
            {
              indicatorId,
              period,
              value: round(value * 0.97, spec.unit),
              evidence: 'Реестр мобильности, исправленная выгрузка',
              reason: 'Кайталанган жазуулар алынып салынды / Удалены дубли',
              correctedOn: on('02-05', 14),
            },
            reporter,
            `${key}:correct`,
          );
        }
        await send('verifyIndicatorMeasurement', { indicatorId, period, verifiedOn: on('02-10', 10) }, seniorInspector, `${key}:verify`);
      }
      demo.facts.ids.set(`indicator:${spec.code}`, indicatorId);
    }
    // The reactor has recorded the deviations of the values off track; each gets a corrective action.
    await demo.settle();
    const offTrack = indicators.filter((spec) => spec.performance < 0.9);
    for (const [i, spec] of offTrack.entries()) {
      const indicatorId = demo.facts.ids.get(`indicator:${spec.code}`)!;
      const key = `strategy:action:${spec.code}`;
      const plannedOn = demo.daysAgo(200 - i * 20);
      const { id: correctiveActionId } = await send(
        'planCorrectiveAction',
        {
          source: 'indicator',
          sourceId: indicatorId,
          problem: `${spec.name.ru}: значение ниже порога отклонения / ${spec.name.en} is off track`,
          rootCause: 'Жооптуу бөлүмдө ресурстар жетишсиз / Недостаточно ресурсов у ответственного подразделения',
          action: 'Иш-чаралар планын иштеп чыгуу жана ай сайын мониторинг / План мероприятий и ежемесячный мониторинг',
          owner: personName(random),
          ownerUnit: spec.owner,
          plannedOn,
          dueOn: demo.daysAgo(i === 0 ? 20 : -60 - i * 30),
        },
        specialist,
        `${key}:plan`,
      );
      const ref = { correctiveActionId };
      // One by step: planned and overdue (the clock marks it), started, done, done and verified effective, cancelled.
      if (i === 0) continue;
      await send('startCorrectiveAction', { ...ref, startedOn: demo.daysAgo(180 - i * 20) }, unitHead(spec.owner), `${key}:start`);
      if (i === 1) continue;
      if (i === 2) {
        await send(
          'cancelCorrectiveAction',
          { ...ref, reason: 'Индикатордун паспорту кайра каралууда / Паспорт индикатора пересматривается', cancelledOn: demo.daysAgo(20) },
          director,
          `${key}:cancel`,
        );
        continue;
      }
      await send(
        'completeCorrectiveAction',
        { ...ref, completedOn: demo.daysAgo(60), evidence: 'Аткаруу жөнүндө отчёт / Отчёт о выполнении' },
        unitHead(spec.owner),
        `${key}:complete`,
      );
      if (i === 3) continue;
      await send(
        'verifyCorrectiveActionEffectiveness',
        { ...ref, effective: true, conclusion: 'Көрсөткүч босогодон жогору көтөрүлдү / Показатель поднялся выше порога', verifiedOn: demo.daysAgo(10) },
        seniorInspector,
        `${key}:verify`,
      );
    }
  },
};
