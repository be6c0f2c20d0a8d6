// Accreditation: the agencies the university works with, their frameworks, an evidence library, and
// cases at every stage, from a fresh application to a decided, closed, expired (and renewed) or
// withdrawn one. The clock records expiries and overdue recommendation actions; a reactor links a
// renewal to the case it renews.
import { demoActors, type DemoContext } from './context.ts';
import type { DemoModule } from './modules.ts';
import { personName } from './people.ts';
import { unitName } from './university.ts';

const { specialist, accreditationHead, director } = demoActors;

const criteria = [
  {
    code: '1.1',
    standard: '1. Сапатты камсыздоо саясаты / Политика обеспечения качества',
    title: 'Миссия, стратегия жана сапат саясаты / Миссия, стратегия и политика качества',
  },
  {
    code: '2.1',
    standard: '2. Программаларды иштеп чыгуу / Разработка программ',
    title: 'Билим берүү программасынын мазмуну жана натыйжалары / Содержание и результаты обучения программы',
  },
  { code: '3.1', standard: '3. Студентке багытталган окутуу / Студентоцентрированное обучение', title: 'Окутуу жана баалоо / Обучение и оценивание' },
  {
    code: '4.1',
    standard: '4. Профессордук-окутуучулук курам / Профессорско-преподавательский состав',
    title: 'Окутуучулардын квалификациясы / Квалификация преподавателей',
  },
  { code: '5.1', standard: '5. Ресурстар / Ресурсы', title: 'Окуу ресурстары жана студенттерди колдоо / Учебные ресурсы и поддержка студентов' },
];

type Stage =
  | 'application'
  | 'self_assessment'
  | 'report_submitted'
  | 'expert_panel'
  | 'visit_held'
  | 'expert_report'
  | 'accredited'
  | 'conditional'
  | 'denied'
  | 'closed'
  | 'expired'
  | 'withdrawn';

type CaseSpec = {
  key: string;
  stage: Stage;
  agency: 'iaar' | 'ednet' | 'aaepo';
  programmes: string[];
  unit: string;
  institutional?: boolean;
  startDaysAgo: number;
};

const cases: CaseSpec[] = [
  { key: 'institutional', stage: 'accredited', agency: 'iaar', programmes: [], unit: 'medicine', institutional: true, startDaysAgo: 1400 },
  { key: 'biology', stage: 'application', agency: 'ednet', programmes: ['510600'], unit: 'natural-sciences', startDaysAgo: 12 },
  { key: 'software', stage: 'self_assessment', agency: 'iaar', programmes: ['710400'], unit: 'mathematics-it', startDaysAgo: 90 },
  { key: 'management', stage: 'report_submitted', agency: 'ednet', programmes: ['580200'], unit: 'economics', startDaysAgo: 140 },
  { key: 'linguistics', stage: 'expert_panel', agency: 'aaepo', programmes: ['520500'], unit: 'world-languages', startDaysAgo: 170 },
  { key: 'law', stage: 'visit_held', agency: 'iaar', programmes: ['530500'], unit: 'law', startDaysAgo: 200 },
  { key: 'paediatrics', stage: 'expert_report', agency: 'iaar', programmes: ['560002'], unit: 'medicine', startDaysAgo: 230 },
  { key: 'economics', stage: 'conditional', agency: 'ednet', programmes: ['580100', '580300'], unit: 'economics', startDaysAgo: 700 },
  { key: 'geography', stage: 'denied', agency: 'aaepo', programmes: ['510800'], unit: 'natural-sciences', startDaysAgo: 420 },
  { key: 'medicine', stage: 'closed', agency: 'iaar', programmes: ['560001'], unit: 'medicine', startDaysAgo: 1300 },
  { key: 'philology', stage: 'expired', agency: 'ednet', programmes: ['520300'], unit: 'philology', startDaysAgo: 2150 },
  { key: 'sociology', stage: 'withdrawn', agency: 'aaepo', programmes: ['521200'], unit: 'history-social', startDaysAgo: 300 },
];

const order: Stage[] = ['application', 'self_assessment', 'report_submitted', 'expert_panel', 'visit_held', 'expert_report'];
const reached = (spec: CaseSpec, stage: Stage) => {
  const at = order.indexOf(spec.stage);
  return at === -1 || at >= order.indexOf(stage);
};

async function registerAgencies(demo: DemoContext): Promise<Record<CaseSpec['agency'], string>> {
  const agencies = [
    {
      key: 'iaar',
      name: 'Независимое агентство аккредитации и рейтинга (IAAR)',
      kind: 'international',
      country: 'Kazakhstan',
      memberships: ['eqar', 'enqa', 'inqaahe'],
      website: 'https://iaar.agency',
    },
    {
      key: 'ednet',
      name: 'Агентство по обеспечению качества в сфере образования «EdNet»',
      kind: 'national',
      country: 'Kyrgyzstan',
      memberships: ['apqn'],
      website: 'https://ednet.kg',
    },
    {
      key: 'aaepo',
      name: 'Агентство аккредитации образовательных программ и организаций (AAEPO)',
      kind: 'national',
      country: 'Kyrgyzstan',
      memberships: ['ceenqa'],
    },
  ] as const;
  const ids: Record<string, string> = {};
  for (const { key, ...agency } of agencies) {
    const { id } = await demo.send(
      'registerAgency',
      { ...agency, memberships: [...agency.memberships], registeredFrom: demo.daysAgo(8 * 365), registeredUntil: demo.daysAhead(2 * 365 + 40) },
      specialist,
      `agency:${key}`,
    );
    for (const framework of ['institutional', 'programme']) {
      await demo.send(
        'publishAgencyFramework',
        {
          agencyId: id,
          framework,
          title:
            framework === 'institutional'
              ? 'Институционалдык аккредитациянын стандарттары / Стандарты институциональной аккредитации'
              : 'Программалык аккредитациянын стандарттары / Стандарты программной аккредитации',
          adoptedOn: demo.daysAgo(7 * 365),
          criteria,
        },
        specialist,
        `agency:${key}:${framework}`,
      );
    }
    ids[key] = id;
    demo.facts.ids.set(`agency:${key}`, id);
  }
  return ids as Record<CaseSpec['agency'], string>;
}

async function registerEvidence(demo: DemoContext): Promise<string[]> {
  const documents = [
    {
      title: 'ОшМУнун 2021–2030-жылдарга өнүгүү стратегиясы / Стратегия развития ОшГУ',
      kind: 'regulation',
      reference: 'ОшГУ, Учёный совет, протокол № 4',
      ownerUnit: 'Rector’s office',
    },
    {
      title: 'Сапатты камсыздоонун ички системасы жөнүндө жобо / Положение о внутренней системе обеспечения качества',
      kind: 'regulation',
      reference: 'oshsu.kg/quality/policy',
      ownerUnit: 'Department of Strategic Planning',
    },
    {
      title: 'Бүтүрүүчүлөрдү жумушка орноштуруу боюнча отчёт / Отчёт о трудоустройстве выпускников',
      kind: 'report',
      reference: 'Центр карьеры, отчёт за учебный год',
      ownerUnit: 'Career Centre',
    },
    {
      title: 'Студенттердин сурамжылоосунун жыйынтыктары / Результаты анкетирования студентов',
      kind: 'dataset',
      reference: 'AVN, выгрузка анкет',
      ownerUnit: 'Department of Strategic Planning',
    },
    { title: 'Окумуштуулар кеңешинин протоколу / Протокол Учёного совета', kind: 'minutes', reference: 'Протокол № 7', ownerUnit: 'Academic Council' },
    { title: 'Эмгек менен камсыздоо буйругу / Приказ о кадровом обеспечении', kind: 'order', reference: 'Приказ № 412-к', ownerUnit: 'HR office' },
  ];
  const ids: string[] = [];
  for (const [i, doc] of documents.entries()) {
    const { id } = await demo.send('registerEvidence', { ...doc, registeredOn: demo.daysAgo(1500 - i * 100) }, specialist, `evidence:${i}`);
    ids.push(id);
  }
  return ids;
}

async function runCase(demo: DemoContext, spec: CaseSpec, agencies: Record<CaseSpec['agency'], string>, evidence: string[], renews?: string): Promise<string> {
  const { send, random } = demo;
  let daysAgo = spec.startDaysAgo;
  const step = (gap: number) => {
    daysAgo = Math.max(0, daysAgo - gap);
    return demo.daysAgo(daysAgo);
  };
  const key = `accreditation:${spec.key}${renews ? ':renewal' : ''}`;
  const faculty = unitName(spec.unit);
  const { id } = await send(
    'applyForAccreditation',
    {
      kind: spec.institutional ? 'institutional' : 'programme',
      agencyId: agencies[spec.agency],
      framework: spec.institutional ? 'institutional' : 'programme',
      programmeCodes: spec.programmes,
      ...(spec.institutional ? {} : { faculty }),
      appliedOn: step(0),
      ...(renews ? { renews } : {}),
    },
    specialist,
    `${key}:apply`,
  );
  const ref = { accreditationId: id };
  if (spec.stage === 'application') return id;
  await send(
    'startSelfAssessment',
    {
      ...ref,
      workingGroup: [
        { name: personName(random), role: 'chair', unit: faculty },
        { name: personName(random), role: 'secretary', unit: 'Department of Strategic Planning' },
        { name: personName(random), role: 'member', unit: faculty },
        { name: personName(random), role: 'member', unit: faculty },
      ],
      startedOn: step(10),
    },
    specialist,
    `${key}:start`,
  );
  if (spec.stage === 'withdrawn') {
    await send(
      'withdrawAccreditation',
      {
        ...ref,
        reason: 'Программа кайра иштелип чыгууда; арыз кийинки жылга жылдырылды. / Программа перерабатывается, заявка перенесена.',
        withdrawnOn: step(30),
      },
      accreditationHead,
      `${key}:withdraw`,
    );
    return id;
  }
  const inProgress = spec.stage === 'self_assessment';
  for (const [i, criterion] of criteria.entries()) {
    const c = { ...ref, criterion: criterion.code };
    await send(
      'draftSelfAssessmentSection',
      { ...c, narrative: `${criterion.title}: ${faculty} — өз алдынча баалоонун бөлүмү / раздел отчёта по самооценке.`, draftedOn: step(2) },
      specialist,
      `${key}:draft:${criterion.code}`,
    );
    await send('attachEvidence', { ...c, evidenceId: evidence[i % evidence.length] }, specialist, `${key}:evidence:${criterion.code}`);
    // A case still in self-assessment shows sections at every status: draft, for review, returned, approved.
    if (inProgress && i === 4) continue;
    await send('submitSelfAssessmentSection', { ...c, submittedOn: step(1) }, specialist, `${key}:submit:${criterion.code}`);
    if (inProgress && i === 3) continue;
    if (inProgress && i === 2) {
      await send(
        'returnSelfAssessmentSection',
        {
          ...c,
          comments: 'Окутуучулардын илимий жарыяланган эмгектери боюнча маалыматтарды кошуңуз. / Добавьте данные о публикациях преподавателей.',
          returnedOn: step(1),
        },
        accreditationHead,
        `${key}:return:${criterion.code}`,
      );
      continue;
    }
    await send('approveSelfAssessmentSection', { ...c, approvedOn: step(1) }, accreditationHead, `${key}:approve:${criterion.code}`);
  }
  if (inProgress) return id;
  await send(
    'recordSelfAssessmentSwot',
    {
      ...ref,
      strengths: ['Клиникалык жана өндүрүштүк базалар / Клинические и производственные базы', 'Эл аралык өнөктөштөр / Международные партнёры'],
      weaknesses: ['Scopus боюнча жарыялар аз / Мало публикаций в Scopus'],
      opportunities: ['Erasmus+ академиялык мобилдүүлүк / Академическая мобильность Erasmus+'],
      threats: ['Демографиялык төмөндөө / Демографический спад'],
      recordedOn: step(5),
    },
    specialist,
    `${key}:swot`,
  );
  await send('submitSelfAssessmentReport', { ...ref, submittedOn: step(5) }, accreditationHead, `${key}:report`);
  if (!reached(spec, 'expert_panel')) return id;
  const appointedOn = step(15);
  const visitFrom = spec.stage === 'expert_panel' ? demo.daysAhead(20) : demo.daysAgo(Math.max(0, daysAgo - 20));
  const visitTo = spec.stage === 'expert_panel' ? demo.daysAhead(22) : demo.daysAgo(Math.max(0, daysAgo - 22));
  await send(
    'appointExpertPanel',
    {
      ...ref,
      members: [
        { name: personName(random), role: 'chair', external: true, affiliation: spec.agency.toUpperCase() },
        { name: personName(random), role: 'member', external: true, affiliation: 'Кыргыз Улуттук университети / КНУ им. Ж. Баласагына' },
        { name: personName(random), role: 'member', external: true, affiliation: 'Работодатель / Employer' },
        { name: personName(random), role: 'secretary', external: false },
      ],
      visitFrom,
      visitTo,
      appointedOn,
    },
    specialist,
    `${key}:panel`,
  );
  if (spec.stage === 'expert_panel') return id;
  step(20);
  await send(
    'recordVisitHeld',
    {
      ...ref,
      heldFrom: visitFrom,
      heldTo: step(2),
      notes: 'Ректор, деканлар, студенттер жана иш берүүчүлөр менен жолугушуулар. / Встречи с ректором, деканами, студентами и работодателями.',
    },
    specialist,
    `${key}:visit`,
  );
  if (spec.stage === 'visit_held') return id;
  await send(
    'recordExpertReport',
    {
      ...ref,
      receivedOn: step(14),
      summary: 'Программа стандарттарга жооп берет, үч сунуш менен. / Программа соответствует стандартам, с тремя рекомендациями.',
    },
    specialist,
    `${key}:expert-report`,
  );
  if (spec.stage === 'expert_report') return id;
  const decidedOn = step(21);
  const years = spec.stage === 'conditional' ? 3 : 5;
  const validUntil = new Date(Date.parse(`${decidedOn}T00:00:00Z`) + years * 365 * 86_400_000).toISOString().slice(0, 10);
  const denied = spec.stage === 'denied';
  const recommendations = denied
    ? []
    : [
        { text: 'Мониторингдин жыйынтыктарын жарыялоо / Публиковать результаты мониторинга', dueOn: demo.daysAgo(Math.max(1, daysAgo - 180)) },
        {
          text: 'Иш берүүчүлөрдү окуу планын иштеп чыгууга тартуу / Вовлечь работодателей в разработку учебного плана',
          dueOn: demo.daysAgo(Math.max(1, daysAgo - 200)),
        },
        { text: 'Scopus журналдарындагы жарыяларды көбөйтүү / Увеличить число публикаций в журналах Scopus' },
      ];
  await send(
    'decideAccreditation',
    {
      ...ref,
      outcome: denied ? 'denied' : spec.stage === 'conditional' ? 'conditionally_accredited' : 'accredited',
      decidedOn,
      ...(denied ? {} : { validFrom: decidedOn, validUntil }),
      conditions:
        spec.stage === 'conditional' ? ['Илимий даражасы бар окутуучулардын үлүшүн 40%га жеткирүү / Довести долю преподавателей со степенью до 40%'] : [],
      recommendations,
      ...(denied ? {} : { interimReportDueOn: demo.daysAgo(Math.max(1, daysAgo - 365)) }),
    },
    accreditationHead,
    `${key}:decide`,
  );
  // An expired accreditation's validity ended long ago: the clock records the expiry at once.
  if (denied || spec.stage === 'expired') return id;
  // Recommendation 1 is met and closed, 2 is planned (the clock marks it overdue once its date has
  // passed) or escalated, 3 waits for a plan; a closed case has every one closed.
  const finishAll = spec.stage === 'closed';
  for (const recommendation of finishAll ? [1, 2, 3] : [1, 2]) {
    await send(
      'planRecommendationAction',
      {
        ...ref,
        recommendation,
        action: recommendation === 1 ? 'Сайтта жарыялоо / Публикация на сайте' : 'Иш берүүчүлөр кеңешин түзүү / Создать совет работодателей',
        owner: faculty,
        dueOn: demo.daysAgo(Math.max(0, daysAgo - 120)),
        plannedOn: step(10),
      },
      specialist,
      `${key}:plan:${recommendation}`,
    );
    if (recommendation === 1 || finishAll) {
      await send(
        'completeRecommendationAction',
        { ...ref, recommendation, result: 'Аткарылды / Выполнено', completedOn: step(30) },
        specialist,
        `${key}:complete:${recommendation}`,
      );
      await send('closeRecommendation', { ...ref, recommendation, closedOn: step(5) }, accreditationHead, `${key}:close:${recommendation}`);
    } else if (spec.stage === 'conditional') {
      await send(
        'escalateRecommendation',
        { ...ref, recommendation, reason: 'Факультет мөөнөттү өткөрүп жиберди / Факультет сорвал срок', escalatedOn: step(130) },
        director,
        `${key}:escalate:${recommendation}`,
      );
    }
  }
  if (spec.stage === 'accredited') {
    await send(
      'submitInterimReport',
      {
        ...ref,
        summary: 'Сунуштардын аткарылышы жөнүндө аралык отчёт / Промежуточный отчёт о выполнении рекомендаций',
        submittedOn: step(60),
        nextDueOn: demo.daysAhead(200),
      },
      specialist,
      `${key}:interim`,
    );
  }
  if (spec.stage === 'closed') {
    await send('closeAccreditationCase', { ...ref, closedOn: step(30) }, accreditationHead, `${key}:close`);
  }
  return id;
}

export const accreditationDemo: DemoModule = {
  name: 'accreditation',
  async load(demo) {
    const agencies = await registerAgencies(demo);
    const evidence = await registerEvidence(demo);
    for (const spec of cases) {
      const id = await runCase(demo, spec, agencies, evidence);
      demo.facts.ids.set(`accreditation:${spec.key}`, id);
      if (spec.stage === 'expired') {
        // Its validity ended: the clock records the expiry; a new cycle renews it (a reactor links the two).
        await demo.settle();
        await runCase(demo, { ...spec, stage: 'self_assessment', startDaysAgo: 60 }, agencies, evidence, id);
      }
    }
  },
};
