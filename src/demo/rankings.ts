// Rankings: the Rating division's work with QS, THE, Webometrics and the Ministry's national rating.
// An agreement with QS and this year's cooperation plan under it (activities done, cancelled,
// planned, one overdue that the hub's clock marks); editions of the last three years, each with
// its indicator dictionary. Past editions went the whole way (values recorded by the units that
// supply them, verified by the division, approved by the director, sent, acknowledged, result
// published), so each organisation has a trend; this year's stand at every step of the submission.
// A measure decided on last year's QS result serves the strategy's QS indicator.
import type { Actor } from '../domain/decider.ts';
import type { RankingIndicatorDefinition } from '../domain/ranking-editions.ts';
import { demoActors } from './context.ts';
import type { DemoModule } from './modules.ts';

const { director, ratingHead, methodist } = demoActors;
const inspector: Actor = { id: 'demo-rating-inspector', name: 'Ташиева Бермет', roles: ['rating_inspector'] };
const n = (ky: string, ru: string, en: string) => ({ ky, ru, en });

/** The offices that supply ranking data, each with its head (a unit head records only their own unit's values). */
const suppliers = {
  hr: {
    unit: 'Human Resources Department',
    head: { id: 'demo-head-hr', name: 'Абдыраманова Салтанат', roles: ['unit_head'], unit: 'Human Resources Department' },
  },
  registrar: { unit: 'Registrar’s Office', head: { id: 'demo-head-registrar', name: 'Курманов Эрлан', roles: ['unit_head'], unit: 'Registrar’s Office' } },
  international: {
    unit: 'International Office',
    head: { id: 'demo-head-international', name: 'Юсупова Асел', roles: ['unit_head'], unit: 'International Office' },
  },
  research: { unit: 'Research Department', head: { id: 'demo-head-research', name: 'Сатыбалдиев Канат', roles: ['unit_head'], unit: 'Research Department' } },
} satisfies Record<string, { unit: string; head: Actor }>;
type Supplier = keyof typeof suppliers;

type Indicator = RankingIndicatorDefinition & { supplier?: Supplier; base?: number; growth?: number };
const ind = (
  code: string,
  name: ReturnType<typeof n>,
  weight: number,
  unit: string,
  source: RankingIndicatorDefinition['source'],
  computation: string,
  supply?: { supplier: Supplier; base: number; growth: number },
): Indicator => ({ code, name, weight, unit, source, computation, ...supply });

type Ranking = {
  key: string;
  name: string;
  shortName: string;
  kind: 'international' | 'national_ministry';
  country: string;
  website: string;
  indicators: Indicator[];
  /** The channel the data set goes through, when the ranking takes data from the university. */
  channel?: string;
  /** Results of the last three years, oldest first. */
  results: { rank?: number; band?: string; score?: number }[];
};

const rankings: Ranking[] = [
  {
    key: 'qs',
    name: 'QS World University Rankings: Asia (Quacquarelli Symonds)',
    shortName: 'QS Asia',
    kind: 'international',
    country: 'United Kingdom',
    website: 'https://www.topuniversities.com',
    channel: 'QS HUB',
    indicators: [
      ind('AR', n('Академиялык кадыр-барк', 'Академическая репутация', 'Academic reputation'), 30, 'score', 'survey', 'QS Academic Survey responses'),
      ind('ER', n('Иш берүүчүлөрдүн пикири', 'Репутация у работодателей', 'Employer reputation'), 20, 'score', 'survey', 'QS Employer Survey responses'),
      ind(
        'FSR',
        n('Окутуучу/студент катышы', 'Соотношение преподавателей и студентов', 'Faculty/student ratio'),
        10,
        'FTE',
        'submitted',
        'Academic staff FTE per student FTE',
        {
          supplier: 'hr',
          base: 1180,
          growth: 25,
        },
      ),
      ind('SFTE', n('Студенттердин саны', 'Численность студентов', 'Students'), 0, 'FTE', 'submitted', 'Full-time equivalent students', {
        supplier: 'registrar',
        base: 21500,
        growth: 400,
      }),
      ind(
        'ISR',
        n('Чет элдик студенттер', 'Иностранные студенты', 'International student ratio'),
        10,
        'headcount',
        'submitted',
        'International students / all students',
        {
          supplier: 'international',
          base: 5200,
          growth: 350,
        },
      ),
      ind(
        'CPP',
        n('Бир макалага шилтемелер', 'Цитирований на статью', 'Citations per paper'),
        20,
        'ratio',
        'bibliometric',
        'Scopus citations per paper, 5 years',
      ),
      ind(
        'IRN',
        n('Эл аралык изилдөө тармагы', 'Международная исследовательская сеть', 'International research network'),
        10,
        'index',
        'bibliometric',
        'Scopus co-authorship',
      ),
    ],
    results: [
      { band: '551-600', score: 18.2 },
      { band: '501-550', score: 20.4 },
      { band: '451-500', score: 22.9 },
    ],
  },
  {
    key: 'the',
    name: 'THE World University Rankings (Times Higher Education)',
    shortName: 'THE WUR',
    kind: 'international',
    country: 'United Kingdom',
    website: 'https://www.timeshighereducation.com',
    channel: 'THE Data Collection Portal',
    indicators: [
      ind('TEACH', n('Окутуу', 'Преподавание', 'Teaching'), 29.5, 'score', 'survey', 'Reputation survey and institutional data'),
      ind('ACS', n('Академиялык персонал', 'Академический персонал', 'Academic staff'), 0, 'FTE', 'submitted', 'Academic staff FTE', {
        supplier: 'hr',
        base: 1180,
        growth: 25,
      }),
      ind('RINC', n('Изилдөө кирешеси', 'Доходы от исследований', 'Research income'), 29, 'KGS thousand', 'submitted', 'Research income, PPP-adjusted', {
        supplier: 'research',
        base: 41000,
        growth: 6500,
      }),
      ind('RQ', n('Изилдөөнүн сапаты', 'Качество исследований', 'Research quality'), 30, 'score', 'bibliometric', 'Field-weighted citation impact'),
      ind('ISTU', n('Чет элдик студенттер', 'Иностранные студенты', 'International students'), 7.5, 'headcount', 'submitted', 'International students', {
        supplier: 'international',
        base: 5200,
        growth: 350,
      }),
    ],
    results: [{ band: '1501+' }, { band: '1501+' }, { band: '1201-1500' }],
  },
  {
    key: 'webometrics',
    name: 'Ranking Web of Universities (Webometrics, CSIC)',
    shortName: 'Webometrics',
    kind: 'international',
    country: 'Spain',
    website: 'https://www.webometrics.info',
    indicators: [
      ind('IMPACT', n('Көрүнүү', 'Видимость', 'Visibility'), 50, 'rank', 'public', 'Backlinks to the university domain (Ahrefs, Majestic)'),
      ind('OPENNESS', n('Ачыктык', 'Открытость', 'Openness'), 10, 'rank', 'bibliometric', 'Top-cited researchers in Google Scholar'),
      ind('EXCELLENCE', n('Мыктылык', 'Превосходство', 'Excellence'), 40, 'rank', 'bibliometric', 'Papers among the 10 % most cited (Scimago)'),
    ],
    results: [{ rank: 3912 }, { rank: 3655 }, { rank: 3720 }],
  },
  {
    key: 'ministry',
    name: 'Жогорку окуу жайлардын улуттук рейтинги (КР Билим берүү жана илим министрлиги)',
    shortName: 'МОН КР',
    kind: 'national_ministry',
    country: 'Kyrgyzstan',
    website: 'https://edu.gov.kg',
    channel: 'e-mail to the Ministry of Education and Science',
    indicators: [
      ind(
        'DEG',
        n('Илимий даражалуу окутуучулар', 'Доля ППС с учёными степенями', 'Staff with academic degrees'),
        25,
        '%',
        'submitted',
        'Degree holders / all teaching staff',
        {
          supplier: 'hr',
          base: 41,
          growth: 1.5,
        },
      ),
      ind('EMP', n('Бүтүрүүчүлөрдүн жумушка орношуусу', 'Трудоустройство выпускников', 'Graduate employment'), 25, '%', 'submitted', 'Employed within a year', {
        supplier: 'registrar',
        base: 68,
        growth: 2,
      }),
      ind('PUB', n('Scopus/WoS жарыялары', 'Публикации Scopus/WoS', 'Scopus/WoS publications'), 25, 'count', 'submitted', 'Indexed publications in the year', {
        supplier: 'research',
        base: 160,
        growth: 35,
      }),
      ind(
        'INTL',
        n('Эл аралык кызматташтык', 'Международное сотрудничество', 'International cooperation'),
        25,
        'count',
        'submitted',
        'Active agreements and exchanges',
        {
          supplier: 'international',
          base: 120,
          growth: 12,
        },
      ),
    ],
    results: [
      { rank: 4, score: 71.5 },
      { rank: 3, score: 74.8 },
      { rank: 2, score: 78.1 },
    ],
  },
];

export const rankingsDemo: DemoModule = {
  name: 'rankings',
  async load(demo) {
    const { send, year, random } = demo;
    const organisations = new Map<string, string>();
    for (const r of rankings) {
      const { id } = await send(
        'registerRankingOrganisation',
        { name: r.name, shortName: r.shortName, kind: r.kind, country: r.country, website: r.website },
        ratingHead,
        `ranking:${r.key}:register`,
      );
      organisations.set(r.key, id);
    }

    // The agreement with QS and this year's cooperation plan under it.
    const qsId = organisations.get('qs')!;
    const agreementNumber = `QS-OshSU-${year - 2}/07`;
    await send(
      'signRankingAgreement',
      {
        rankingOrganisationId: qsId,
        agreementNumber,
        subject: 'Маалыматтарды тапшыруу, QS Stars аудити жана вебинарлар / Представление данных, аудит QS Stars и вебинары',
        signedOn: `${year - 2}-03-14`,
        validUntil: `${year + 1}-03-13`,
      },
      director,
      'ranking:qs:agreement',
    );
    const { id: planId } = await send(
      'draftRankingCooperationPlan',
      { rankingOrganisationId: qsId, agreementNumber, title: `QS менен кызматташтык планы ${year} / План сотрудничества с QS на ${year} год`, year },
      methodist,
      'ranking:qs:plan',
    );
    const activities = [
      { code: 'A1', activity: 'QS HUB вебинары: маалыматтарды тапшыруу эрежелери', responsible: ratingHead.name, dueOn: demo.daysAhead(20) },
      { code: 'A2', activity: 'Академиялык жана иш берүүчүлөрдүн тизмелерин QS га жөнөтүү', responsible: methodist.name, dueOn: demo.daysAhead(25) },
      { code: 'A3', activity: 'QS өкүлүнүн Ош мамлекеттик университетине сапары', responsible: director.name, dueOn: demo.daysAhead(45) },
      {
        code: 'A4',
        activity: 'QS Stars аудитине даярдык: өзүн-өзү баалоо',
        responsible: ratingHead.name,
        responsibleUnit: 'Rating division',
        dueOn: demo.daysAgo(5),
      },
      { code: 'A5', activity: 'Жыйынтыктар боюнча пресс-релиз', responsible: methodist.name, dueOn: demo.daysAhead(30) },
    ];
    for (const a of activities) await send('addRankingCooperationActivity', { rankingCooperationPlanId: planId, ...a }, methodist, `ranking:qs:plan:${a.code}`);
    await send(
      'adoptRankingCooperationPlan',
      { rankingCooperationPlanId: planId, adoptedOn: demo.daysAgo(230), decision: `Ректордун № ${random.int(20, 90)}-буйругу` },
      director,
      'ranking:qs:plan:adopt',
    );
    await send(
      'completeRankingCooperationActivity',
      {
        rankingCooperationPlanId: planId,
        code: 'A1',
        completedOn: demo.daysAgo(120),
        outcome: 'Вебинарга 14 кызматкер катышты / 14 сотрудников прошли вебинар',
      },
      ratingHead,
      'ranking:qs:plan:A1:done',
    );
    await send(
      'completeRankingCooperationActivity',
      { rankingCooperationPlanId: planId, code: 'A2', completedOn: demo.daysAgo(30), outcome: '312 академиялык жана 148 иш берүүчү байланыштары жөнөтүлдү' },
      methodist,
      'ranking:qs:plan:A2:done',
    );
    await send(
      'cancelRankingCooperationActivity',
      {
        rankingCooperationPlanId: planId,
        code: 'A3',
        cancelledOn: demo.daysAgo(14),
        reason: 'QS сапарды онлайн жолугушууга алмаштырды / QS заменил визит онлайн-встречей',
      },
      director,
      'ranking:qs:plan:A3:cancel',
    );
    // A4 stays planned past its due date: the hub's clock marks it overdue. The others fall due later
    // (the clock would otherwise see their past due dates before it sees them done or cancelled).

    // Editions of the last three years; this year's stand at different steps of the submission.
    for (const r of rankings) {
      const rankingOrganisationId = organisations.get(r.key)!;
      for (let k = 0; k < 3; k++) {
        const y = year - 2 + k;
        const current = k === 2;
        const key = `ranking:${r.key}:${y}`;
        const opens = current ? demo.daysAgo(150) : `${y}-02-01`;
        const closes = current ? demo.daysAgo(60) : `${y}-03-31`;
        const published = current ? demo.daysAgo(20) : `${y}-06-18`;
        const { id: rankingEditionId } = await send(
          'announceRankingEdition',
          {
            rankingOrganisationId,
            year: y,
            title: `${r.shortName} ${y}`,
            ...(r.channel ? { collectionOpensOn: opens, collectionClosesOn: closes } : {}),
            publicationOn: published,
            indicators: r.indicators.map(({ supplier: _s, base: _b, growth: _g, ...definition }) => definition),
          },
          ratingHead,
          `${key}:announce`,
        );
        if (r.key === 'qs') demo.facts.ids.set(`ranking-edition:qs:${y}`, rankingEditionId);
        // Where this year's submission stands: QS sent, THE approved, the Ministry's verified, one of ours returned.
        const stage = !current ? 'acknowledged' : r.key === 'qs' ? 'submitted' : r.key === 'the' ? 'approved' : 'verified';
        const submitted = r.indicators.filter((i) => i.source === 'submitted');
        for (const [index, i] of submitted.entries()) {
          const supplier = suppliers[i.supplier!];
          const value = Number((i.base! + i.growth! * k + random.decimal(-0.3, 0.3) * i.growth!).toFixed(1));
          // Units record their own values; the methodist keys in what came by e-mail; the inspector checks.
          const recorder = index % 3 === 2 ? methodist : supplier.head;
          const valueInput = {
            rankingEditionId,
            indicatorCode: i.code,
            value,
            evidence: `Маалымкат № ${random.int(10, 400)}/${y} (${supplier.unit})`,
            supplyingUnit: supplier.unit,
            ...(i.unit === 'FTE'
              ? {
                  breakdowns: [
                    { name: 'full-time', value: Math.round(value * 0.8) },
                    { name: 'part-time', value: Math.round(value * 0.2) },
                  ],
                }
              : {}),
          };
          await send('recordRankingDataValue', valueInput, recorder, `${key}:${i.code}:record`);
          const verifier = recorder === methodist ? inspector : index % 2 === 0 ? inspector : methodist;
          if (current && r.key === 'ministry' && index === 1) {
            // Returned once with the wrong year's figure, recorded again and then verified.
            await send(
              'returnRankingDataValue',
              {
                rankingEditionId,
                indicatorCode: i.code,
                returnedOn: demo.daysAgo(50),
                reason: 'Өткөн жылдын көрсөткүчү берилген / Указан показатель прошлого года',
              },
              inspector,
              `${key}:${i.code}:return`,
            );
            await send('recordRankingDataValue', { ...valueInput, value: value + 1 }, recorder, `${key}:${i.code}:record-again`);
          }
          await send(
            'verifyRankingDataValue',
            { rankingEditionId, indicatorCode: i.code, verifiedOn: current ? demo.daysAgo(45) : `${y}-03-10` },
            verifier,
            `${key}:${i.code}:verify`,
          );
        }
        if (submitted.length > 0 && stage !== 'verified') {
          await send(
            'approveRankingSubmission',
            { rankingEditionId, approvedOn: current ? demo.daysAgo(40) : `${y}-03-20`, decision: `Директордун резолюциясы / Резолюция директора` },
            director,
            `${key}:approve`,
          );
          if (stage !== 'approved') {
            await send(
              'submitRankingData',
              { rankingEditionId, submittedOn: current ? demo.daysAgo(38) : `${y}-03-25`, channel: r.channel! },
              ratingHead,
              `${key}:submit`,
            );
          }
          if (stage === 'acknowledged') {
            await send(
              'acknowledgeRankingSubmission',
              { rankingEditionId, acknowledgedOn: `${y}-03-28`, reference: `${r.shortName}-${y}-OSHSU-${random.int(1000, 9999)}` },
              methodist,
              `${key}:acknowledge`,
            );
          }
        }
        // Results: the past two years everywhere, and this year's Webometrics (which needs no submission).
        if (!current || submitted.length === 0) {
          const result = r.results[k]!;
          await send('recordRankingResult', { rankingEditionId, publishedOn: published, ...result }, methodist, `${key}:result`);
        }
      }
    }

    // Last year's QS result: a measure on academic reputation that serves the strategy's QS indicator.
    const strategyIndicatorId = demo.facts.ids.get('indicator:SD3-G2-KPI03');
    await send(
      'decideRankingImprovementMeasure',
      {
        rankingEditionId: demo.facts.ids.get(`ranking-edition:qs:${year - 1}`)!,
        code: 'M1',
        measure: 'Чет элдик өнөктөштөрдүн академиялык тизмесин 300дөн 600гө чейин көбөйтүү / Расширить список академических контактов для опроса QS до 600',
        responsibleUnit: 'International Office',
        decidedOn: `${year - 1}-07-02`,
        dueOn: demo.daysAhead(60),
        indicatorCode: 'AR',
        ...(strategyIndicatorId ? { strategyIndicatorId } : {}),
      },
      director,
      'ranking:qs:measure:M1',
    );
  },
};
