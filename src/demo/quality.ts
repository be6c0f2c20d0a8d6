// Quality monitoring and what comes of it: monitorings of faculties, colleges and programmes (with
// their focus groups, findings, recommendations and follow-ups), SWOT analyses, the department's
// proposals to the rector and the Academic Council, and the quality plan with its actions.
import { demoActors } from './context.ts';
import type { DemoModule } from './modules.ts';
import { personName } from './people.ts';
import { unitName } from './university.ts';

const { director, specialist, seniorInspector } = demoActors;

const monitorings = [
  {
    unit: 'economics',
    kind: 'faculty',
    title: 'Студенттердин окутуунун сапатына канааттануусу / Удовлетворённость студентов качеством преподавания',
    startDaysAgo: 420,
    close: true,
  },
  { unit: 'medical-college', kind: 'college', title: 'Практикалык сабактардын уюштурулушу / Организация практических занятий', startDaysAgo: 250, close: true },
  { unit: 'mathematics-it', kind: 'faculty', title: 'Электрондук курстардын сапаты / Качество электронных курсов', startDaysAgo: 90, close: false },
  { unit: 'law', kind: 'programme', title: 'Бүтүрүүчүлөрдүн компетенциялары / Компетенции выпускников', startDaysAgo: 30, close: false, onlyPlanned: true },
] as const;

export const qualityDemo: DemoModule = {
  name: 'quality',
  async load(demo) {
    const { send, random, year } = demo;
    for (const [i, m] of monitorings.entries()) {
      const key = `monitoring:${i}`;
      const objectName = m.kind === 'programme' ? '530500 Юриспруденция / Law' : unitName(m.unit);
      const { id: monitoringId } = await send(
        'planMonitoring',
        {
          objectKind: m.kind,
          objectName,
          title: m.title,
          procedure: 'Анкета v2, фокус-топ / Анкета v2, фокус-группа',
          startsOn: demo.daysAgo(m.startDaysAgo),
          endsOn: demo.daysAgo(m.startDaysAgo - 60),
        },
        specialist,
        `${key}:plan`,
      );
      if ('onlyPlanned' in m) continue;
      const ref = { monitoringId };
      await send(
        'formMonitoringFocusGroup',
        {
          ...ref,
          members: [
            { name: personName(random), affiliation: 'student_self_government', role: 'Студенттик кеңештин төрагасы / Председатель студсовета' },
            { name: personName(random), affiliation: 'ombudsman_office' },
            { name: personName(random), affiliation: 'teaching_staff' },
            { name: personName(random), affiliation: 'employer' },
          ],
          formedOn: demo.daysAgo(m.startDaysAgo - 2),
        },
        specialist,
        `${key}:focus-group`,
      );
      const findings = [
        { code: 'F1', kind: 'strength', description: 'Окутуучулардын 85%ы жогору бааланды / 85% преподавателей оценены высоко' },
        { code: 'F2', kind: 'weakness', description: 'Силлабустар студенттерге убагында жеткирилбейт / Силлабусы не доводятся до студентов вовремя' },
        { code: 'F3', kind: 'nonconformity', description: 'Баалоо критерийлери жарыяланган эмес / Критерии оценивания не опубликованы' },
      ];
      for (const f of findings) {
        await send('recordMonitoringFinding', { ...ref, ...f, recordedOn: demo.daysAgo(m.startDaysAgo - 30) }, seniorInspector, `${key}:finding:${f.code}`);
      }
      for (const [r, findingCode] of ['F2', 'F3'].entries()) {
        const code = `R${r + 1}`;
        await send(
          'issueMonitoringRecommendation',
          {
            ...ref,
            findingCode,
            code,
            text: 'Силлабустарды жана критерийлерди AVNге жарыялоо / Опубликовать силлабусы и критерии в AVN',
            responsibleUnit: unitName(m.unit),
            dueOn: demo.daysAgo(m.startDaysAgo - 120),
            issuedOn: demo.daysAgo(m.startDaysAgo - 62),
          },
          seniorInspector,
          `${key}:recommendation:${code}`,
        );
        // A closed monitoring has a final follow-up for each recommendation; an open one, work in progress.
        if (m.close || r === 0) {
          const followUp = !m.close ? 'in_progress' : r === 0 ? 'implemented' : 'not_implemented';
          const note = {
            implemented: 'Аткарылды / Выполнено',
            in_progress: 'Аткарылууда / В работе',
            not_implemented: 'Аткарылган жок: ресурстар жок / Не выполнено: нет ресурсов',
          }[followUp];
          await send(
            'recordRecommendationFollowUp',
            { ...ref, recommendationCode: code, followUp, note, recordedOn: demo.daysAgo(Math.max(1, m.startDaysAgo - 125)) },
            specialist,
            `${key}:follow-up:${code}`,
          );
        }
      }
      if (m.close) {
        await send(
          'closeMonitoring',
          {
            ...ref,
            conclusion: 'Сапат жалпысынан талаптарга жооп берет; эки сунуш көзөмөлдө / Качество в целом соответствует; две рекомендации на контроле',
            closedOn: demo.daysAgo(m.startDaysAgo - 130),
          },
          director,
          `${key}:close`,
        );
      }
    }

    const swots = [
      { scope: 'Ош мамлекеттик университети / Osh State University', publish: true, daysAgo: 300 },
      { scope: unitName('economics'), publish: false, daysAgo: 40 },
    ];
    for (const [i, s] of swots.entries()) {
      const { id: swotAnalysisId } = await send(
        'recordSwotAnalysis',
        {
          title: `SWOT-анализ ${year - (i === 0 ? 1 : 0)}`,
          scope: s.scope,
          sources: [
            { kind: 'internal', description: `Студенттерди сурамжылоо / Анкетирование студентов ${year - 1}` },
            { kind: 'external', description: `QS Asia ${year} натыйжалары / Результаты QS Asia ${year}` },
          ],
          strengths: ['Региондогу эң ири университет / Крупнейший вуз региона', 'Медициналык билим берүүнүн экспорту / Экспорт медицинского образования'],
          weaknesses: ['Scopus жарыялары аз / Мало публикаций Scopus', 'Лабораториялык жабдуулар эскирген / Устаревшее лабораторное оборудование'],
          opportunities: ['Өзгөчө статус жана автономия / Особый статус и автономия', 'Эки дипломдук программалар / Программы двойного диплома'],
          threats: ['Демографиялык төмөндөө / Демографический спад', 'Чет элдик ЖОЖдор менен атаандаштык / Конкуренция с зарубежными вузами'],
          analysedOn: demo.daysAgo(s.daysAgo),
        },
        specialist,
        `swot:${i}:record`,
      );
      if (s.publish) await send('publishSwotAnalysis', { swotAnalysisId, publishedOn: demo.daysAgo(s.daysAgo - 14) }, director, `swot:${i}:publish`);
    }

    const proposals = [
      { title: 'Силлабустардын бирдиктүү шаблону / Единый шаблон силлабуса', bases: ['monitoring_data'], outcome: 'accepted', daysAgo: 280 },
      {
        title: 'Жарыялар үчүн сыйлык фонду / Премиальный фонд за публикации',
        bases: ['swot_analysis', 'stakeholder_suggestion'],
        outcome: 'accepted',
        daysAgo: 200,
      },
      { title: 'Кечки окуу формасын жабуу / Закрыть вечернюю форму обучения', bases: ['societal_challenge'], outcome: 'rejected', daysAgo: 150 },
      {
        title: 'Иш берүүчүлөр кеңешин түзүү / Создать совет работодателей',
        bases: ['monitoring_data', 'stakeholder_suggestion'],
        outcome: undefined,
        daysAgo: 20,
      },
    ] as const;
    for (const [i, p] of proposals.entries()) {
      const { id: proposalId } = await send(
        'submitProposal',
        {
          title: p.title,
          summary: `${p.title}: сунуш жана негиздеме / предложение и обоснование.`,
          bases: [...p.bases],
          addressedTo: 'Ректор / Rector',
          submittedOn: demo.daysAgo(p.daysAgo),
        },
        specialist,
        `proposal:${i}:submit`,
      );
      if (p.outcome) {
        await send(
          'decideProposal',
          {
            proposalId,
            outcome: p.outcome,
            reason: p.outcome === 'accepted' ? 'Колдоого алынды / Поддержано' : 'Абитуриенттердин суроо-талабы сакталууда / Спрос абитуриентов сохраняется',
            decidedBy: 'Ректорат / Rectorate',
            decidedOn: demo.daysAgo(p.daysAgo - 21),
          },
          director,
          `proposal:${i}:decide`,
        );
      }
    }

    const { id: qualityPlanId } = await send(
      'draftQualityPlan',
      {
        title: `Сапатты жогорулатуу планы / План повышения качества ${year}–${year + 1}`,
        startYear: year,
        endYear: year + 1,
        basis: 'Мониторингдер, SWOT-анализ, индикаторлор / Мониторинги, SWOT-анализ, индикаторы',
      },
      specialist,
      'quality-plan:draft',
    );
    const actions = [
      { code: '1.1', action: 'Силлабустарды AVNге жарыялоо / Публикация силлабусов в AVN', unit: 'economics', due: -60 },
      { code: '1.2', action: 'Окутуучулардын квалификациясын жогорулатуу / Повышение квалификации преподавателей', unit: 'pedagogy', due: 120 },
      { code: '2.1', action: 'Scopus боюнча семинарлар / Семинары по публикациям в Scopus', unit: 'natural-sciences', due: 200 },
      { code: '2.2', action: 'Лабораторияны жаңылоо / Обновление лаборатории', unit: 'medicine', due: 300 },
    ];
    for (const a of actions) {
      await send(
        'addQualityPlanAction',
        { qualityPlanId, code: a.code, action: a.action, responsibleUnit: unitName(a.unit), dueOn: a.due < 0 ? demo.daysAgo(-a.due) : demo.daysAhead(a.due) },
        specialist,
        `quality-plan:action:${a.code}`,
      );
    }
    await send(
      'adoptQualityPlan',
      { qualityPlanId, adoptedOn: demo.daysAgo(100), decision: 'Окумуштуулар кеңешинин № 3 протоколу / Протокол Учёного совета № 3' },
      director,
      'quality-plan:adopt',
    );
    await send(
      'completeQualityPlanAction',
      { qualityPlanId, code: '1.1', completedOn: demo.daysAgo(50), evidence: 'AVN: 412 силлабус жарыяланды / опубликовано 412 силлабусов' },
      specialist,
      'quality-plan:complete:1.1',
    );
    await send(
      'cancelQualityPlanAction',
      { qualityPlanId, code: '2.2', reason: 'Каржылоо кийинки жылга жылдырылды / Финансирование перенесено', cancelledOn: demo.daysAgo(10) },
      director,
      'quality-plan:cancel:2.2',
    );
  },
};
