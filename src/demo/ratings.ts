// The teaching-staff rating: last year's campaign with two hundred teachers of every faculty,
// institute and college, who recorded their profile (faculty, chair, position, degree, staff rate) and the quantities
// they did against the criteria catalogue; their deans verified or
// returned the entries, the results are published, and a few teachers appealed. This year's
// campaign is being prepared (a draft).
import type { Actor } from '../domain/decider.ts';
import type { RatingPosition, RatingProfile } from '../domain/rating-entries.ts';
import { demoActors } from './context.ts';
import type { DemoModule } from './modules.ts';
import { personName } from './people.ts';
import { units } from './university.ts';

const { ratingHead, methodist } = demoActors;
const n = (ky: string, ru: string, en: string) => ({ ky, ru, en });

// The criteria catalogue: quantities (articles, courses, certificates) times points per unit, each
// criterion capped, in groups of work whose points are capped together.
const criteria = [
  {
    code: 'TEACH-LOAD',
    group: 'teaching',
    name: n('Окуу жүгүн аткаруу (%)', 'Выполнение учебной нагрузки (%)', 'Teaching load fulfilled (%)'),
    pointsPerUnit: 0.2,
    maxPoints: 20,
  },
  {
    code: 'STUDENT-SURVEY',
    group: 'teaching',
    name: n('«Студенттин көзү менен окутуучу» (балл)', '«Преподаватель глазами студентов» (балл)', 'Teacher as students see them (score)'),
    maxPoints: 15,
  },
  { code: 'E-COURSE', group: 'methodical', name: n('Электрондук курстар', 'Электронные курсы', 'E-learning courses'), pointsPerUnit: 5, maxPoints: 10 },
  {
    code: 'TEXTBOOK',
    group: 'methodical',
    name: n('Окуу китептери жана колдонмолор', 'Учебники и пособия', 'Textbooks and manuals'),
    pointsPerUnit: 7.5,
    maxPoints: 15,
    weight: 1.5,
    sharedAuthorship: true,
  },
  {
    code: 'PUB-SCOPUS',
    group: 'research',
    name: n('Scopus/WoS жарыялары', 'Публикации Scopus/WoS', 'Scopus/WoS publications'),
    pointsPerUnit: 10,
    maxPoints: 30,
    weight: 2,
    sharedAuthorship: true,
    evidenceRequired: true,
  },
  {
    code: 'PUB-NATIONAL',
    group: 'research',
    name: n('Улуттук журналдардагы жарыялар', 'Публикации в национальных журналах', 'National journal publications'),
    pointsPerUnit: 3,
    maxPoints: 15,
    sharedAuthorship: true,
  },
  {
    code: 'GRANTS',
    group: 'research',
    name: n('Гранттар жана келишимдер', 'Гранты и договоры', 'Grants and contracts'),
    pointsPerUnit: 10,
    maxPoints: 20,
    weight: 1.5,
  },
  { code: 'MOBILITY', group: 'social', name: n('Академиялык мобилдүүлүк', 'Академическая мобильность', 'Academic mobility'), pointsPerUnit: 5, maxPoints: 10 },
  {
    code: 'PROF-DEV',
    group: 'methodical',
    name: n('Квалификацияны жогорулатуу', 'Повышение квалификации', 'Professional development'),
    pointsPerUnit: 2.5,
    maxPoints: 10,
  },
  {
    code: 'COMMUNITY',
    group: 'educational',
    name: n('Тарбия иштери жана коомдук иш', 'Воспитательная и общественная работа', 'Mentoring and community work'),
    pointsPerUnit: 2,
    maxPoints: 10,
    weight: 0.5,
  },
];
/** Research may add at most 100 weighted points and methodical work 40, whatever the criteria add up to. */
const groupCaps = [
  { group: 'research', maxPoints: 100 },
  { group: 'methodical', maxPoints: 40 },
];

/** Positions with the degree they usually go with, in the proportions of a chair. */
const profiles: { position: RatingPosition; degrees: RatingProfile['degree'][] }[] = [
  { position: 'professor', degrees: ['doctor', 'doctor', 'candidate'] },
  { position: 'associate_professor', degrees: ['candidate', 'candidate', 'phd'] },
  { position: 'associate_professor', degrees: ['candidate', 'phd'] },
  { position: 'senior_lecturer', degrees: ['none', 'candidate', 'none'] },
  { position: 'senior_lecturer', degrees: ['none'] },
  { position: 'lecturer', degrees: ['none'] },
  { position: 'lecturer', degrees: ['none', 'phd'] },
  { position: 'assistant', degrees: ['none'] },
];
const rates = [1, 1, 1, 1, 1.5, 1.25, 0.75, 0.5, 0.25] as const;

const TEACHERS = 200;

export const ratingsDemo: DemoModule = {
  name: 'ratings',
  async load(demo) {
    const { send, random, year } = demo;
    const rated = year - 1;
    const title = (y: number) => n(`${y}-жылдын ПОК рейтинги`, `Рейтинг ППС за ${y} год`, `Teaching-staff rating ${y}`);
    const { id: campaignId } = await send(
      'createRatingCampaign',
      { year: rated, title: title(rated), criteria, groupCaps, entriesDue: demo.daysAhead(21) },
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
    const chairOf = (i: number) => units.flatMap((u) => u.chairs)[i % units.flatMap((u) => u.chairs).length]!;
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
      // A quantity in the criterion's own unit: up to what reaches its cap, by the teacher's strength.
      const scores = criteria.map((c) => {
        const toCap = c.maxPoints / (c.pointsPerUnit ?? 1);
        const quantity =
          c.pointsPerUnit && c.pointsPerUnit >= 2
            ? Math.round(toCap * strength * random.decimal(0.4, 1.3, 2))
            : Number((toCap * strength * random.decimal(0.6, 1.2, 2)).toFixed(2));
        return {
          criterionCode: c.code,
          quantity: Math.min(quantity, toCap * 2),
          ...(c.sharedAuthorship ? { authorCount: quantity > 0 ? random.int(1, 4) : 1 } : {}),
          ...(c.evidenceRequired && quantity > 0 ? { evidence: `https://doi.org/10.${random.int(1000, 9999)}/oshsu.${rated}.${i}` } : {}),
        };
      });
      const key = `rating:${rated}:teacher:${i}`;
      const { id: entryId } = await send('recordRatingScores', { campaignId, scores }, teacher, `${key}:record`);
      const kind = profiles[i % profiles.length]!;
      const profile: RatingProfile = {
        faculty: unitOf(i).name.ru,
        chair: chairOf(i).ru,
        position: kind.position,
        degree: random.pick(kind.degrees),
        rate: random.pick(rates),
      };
      await send('recordRatingEntryProfile', { entryId, profile }, teacher, `${key}:profile`);
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
              corrections: [{ criterionCode: 'PUB-SCOPUS', quantity: 3, authorCount: 1, evidence: 'Scopus EID 2-s2.0-85' }],
            }
          : { entryId, decision: 'rejected', response: 'Макала рейтинг жылынан кийин жарыяланган / Статья опубликована после отчётного года' },
        ratingHead,
        `${key}:resolve`,
      );
    }
    // This year's campaign, prepared but not opened yet.
    await send('createRatingCampaign', { year, title: title(year), criteria, groupCaps, entriesDue: demo.daysAhead(120) }, methodist, `rating:${year}:create`);
  },
};
