// The teaching-staff rating: last year's campaign with two hundred teachers of every faculty,
// institute and college, who scored themselves against the criteria; their deans verified or
// returned the entries, the results are published, and a few teachers appealed. This year's
// campaign is being prepared (a draft).
import type { Actor } from '../domain/decider.ts';
import { demoActors } from './context.ts';
import type { DemoModule } from './modules.ts';
import { personName } from './people.ts';
import { units } from './university.ts';

const { ratingHead, methodist } = demoActors;
const n = (ky: string, ru: string, en: string) => ({ ky, ru, en });

const criteria = [
  { code: 'TEACH-LOAD', name: n('Окуу жүгүн аткаруу', 'Выполнение учебной нагрузки', 'Teaching load fulfilled'), maxPoints: 20, weight: 1 },
  {
    code: 'STUDENT-SURVEY',
    name: n('«Студенттин көзү менен окутуучу»', '«Преподаватель глазами студентов»', 'Teacher as students see them'),
    maxPoints: 15,
    weight: 1,
  },
  { code: 'E-COURSE', name: n('Электрондук курстар', 'Электронные курсы', 'E-learning courses'), maxPoints: 10, weight: 1 },
  { code: 'TEXTBOOK', name: n('Окуу китептери жана колдонмолор', 'Учебники и пособия', 'Textbooks and manuals'), maxPoints: 15, weight: 1.5 },
  { code: 'PUB-SCOPUS', name: n('Scopus/WoS жарыялары', 'Публикации Scopus/WoS', 'Scopus/WoS publications'), maxPoints: 30, weight: 2 },
  {
    code: 'PUB-NATIONAL',
    name: n('Улуттук журналдардагы жарыялар', 'Публикации в национальных журналах', 'National journal publications'),
    maxPoints: 15,
    weight: 1,
  },
  { code: 'GRANTS', name: n('Гранттар жана келишимдер', 'Гранты и договоры', 'Grants and contracts'), maxPoints: 20, weight: 1.5 },
  { code: 'MOBILITY', name: n('Академиялык мобилдүүлүк', 'Академическая мобильность', 'Academic mobility'), maxPoints: 10, weight: 1 },
  { code: 'PROF-DEV', name: n('Квалификацияны жогорулатуу', 'Повышение квалификации', 'Professional development'), maxPoints: 10, weight: 1 },
  {
    code: 'COMMUNITY',
    name: n('Тарбия иштери жана коомдук иш', 'Воспитательная и общественная работа', 'Mentoring and community work'),
    maxPoints: 10,
    weight: 0.5,
  },
];

const TEACHERS = 200;

export const ratingsDemo: DemoModule = {
  name: 'ratings',
  async load(demo) {
    const { send, random, year } = demo;
    const rated = year - 1;
    const title = (y: number) => n(`${y}-жылдын ПОК рейтинги`, `Рейтинг ППС за ${y} год`, `Teaching-staff rating ${y}`);
    const { id: campaignId } = await send(
      'createRatingCampaign',
      { year: rated, title: title(rated), criteria, entriesDue: demo.daysAhead(21) },
      methodist,
      `rating:${rated}:create`,
    );
    demo.facts.ids.set('rating-campaign', campaignId);
    await send('openRatingCampaign', { campaignId, basis: `Ректордун № ${random.int(100, 400)} буйругу / Приказ ректора` }, ratingHead, `rating:${rated}:open`);

    // Teachers are spread over the units in proportion to their chairs; each unit's head reviews its entries.
    const unitOf = (i: number) => {
      const weighted = units.flatMap((u) => u.chairs.map(() => u));
      return weighted[i % weighted.length]!;
    };
    const heads = new Map<string, Actor>();
    const headOf = (unit: string): Actor => {
      let head = heads.get(unit);
      if (!head) heads.set(unit, (head = { id: `demo-dean-${heads.size + 1}`, name: personName(random), roles: ['unit_head'], unit }));
      return head;
    };
    const verified: { entryId: string; teacher: Actor }[] = [];
    for (let i = 0; i < TEACHERS; i++) {
      const unit = unitOf(i).name.en;
      const teacher: Actor = { id: `demo-teacher-${String(i + 1).padStart(3, '0')}`, name: personName(random), roles: ['teacher'], unit };
      const strength = random.decimal(0.2, 0.95, 2);
      const scores = criteria.map((c) => ({
        criterionCode: c.code,
        points: Math.min(c.maxPoints, Number((c.maxPoints * strength * random.decimal(0.6, 1.2, 2)).toFixed(2))),
        ...(c.code === 'PUB-SCOPUS' ? { evidence: `https://doi.org/10.${random.int(1000, 9999)}/oshsu.${rated}.${i}` } : {}),
      }));
      const key = `rating:${rated}:teacher:${i}`;
      const { id: entryId } = await send('recordRatingScores', { campaignId, scores }, teacher, `${key}:record`);
      // A few never submitted; a few were returned for correction; the rest are verified by their unit head.
      if (i % 25 === 7) continue;
      await send('submitRatingEntry', { entryId }, teacher, `${key}:submit`);
      if (i % 20 === 3) {
        await send('returnRatingEntry', { entryId, reason: 'PUB-SCOPUS: DOI шилтемеси иштебейт / ссылка DOI не открывается' }, headOf(unit), `${key}:return`);
        continue;
      }
      await send('verifyRatingEntry', { entryId }, headOf(unit), `${key}:verify`);
      verified.push({ entryId, teacher });
    }
    await send('closeRatingEntries', { campaignId }, ratingHead, `rating:${rated}:close`);
    await send('startRatingVerification', { campaignId }, ratingHead, `rating:${rated}:verification`);
    await send(
      'publishRatingResults',
      { campaignId, appealsUntil: demo.daysAhead(10), basis: `Рейтинг комиссиясынын № ${random.int(1, 9)} протоколу / Протокол рейтинговой комиссии` },
      ratingHead,
      `rating:${rated}:publish`,
    );
    // Three teachers appealed: one upheld with corrected points, one rejected, one still waiting.
    for (const [a, { entryId, teacher }] of verified.slice(10, 13).entries()) {
      const key = `rating:${rated}:appeal:${a}`;
      await send(
        'fileRatingAppeal',
        { entryId, criteria: ['PUB-SCOPUS'], reason: 'Scopus макаласы эсепке алынган жок / Статья в Scopus не учтена' },
        teacher,
        `${key}:file`,
      );
      if (a === 2) continue;
      await send(
        'resolveRatingAppeal',
        a === 0
          ? {
              entryId,
              decision: 'upheld',
              response: 'Макала эсепке алынды / Статья учтена',
              corrections: [{ criterionCode: 'PUB-SCOPUS', points: 30, evidence: 'Scopus EID 2-s2.0-85' }],
            }
          : { entryId, decision: 'rejected', response: 'Макала рейтинг жылынан кийин жарыяланган / Статья опубликована после отчётного года' },
        ratingHead,
        `${key}:resolve`,
      );
    }
    // This year's campaign, prepared but not opened yet.
    await send('createRatingCampaign', { year, title: title(year), criteria, entriesDue: demo.daysAhead(120) }, methodist, `rating:${year}:create`);
  },
};
