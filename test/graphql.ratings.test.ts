// The teaching-staff rating as its users reach it: GraphQL through Yoga (yoga.fetch, no port) on a
// hub with the real embedded store. One campaign runs from creation to publication with teachers of
// two faculties, then appeals recompute the ranks; every rank is checked exactly. Then the scoped
// reads: who sees which entry through the list, ratingEntry, node/nodes, history, the aggregates and
// the change subscription, and who is refused which command.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/decider.ts';
import { ratingEntryAsOf, type StreamReader } from '../projections/rating-entry-as-of.ts';
import { localDateOf } from '../src/domain/values.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';

const ECON = 'faculty-economics';
const LAW = 'faculty-law';
const people = {
  divisionHead: { id: 'd-head', name: 'Elmira Tashieva', roles: ['head_of_rating_division'] },
  methodist: { id: 'd-methodist', name: 'Farida Zhumabaeva', roles: ['methodist'] },
  auditor: { id: 'a-1', name: 'Internal Audit', roles: ['auditor'] },
  rector: { id: 'r-1', name: 'Rector', roles: ['rector'] },
  integration: { id: 'svc-hr', name: 'HR system', roles: ['integration'] },
  sectorHead: { id: 's-head', name: 'Bakyt Toktogulov', roles: ['head_of_accreditation_sector'] },
  econHead: { id: 'h-econ', name: 'Cholpon Eshieva', roles: ['unit_head'], unit: ECON },
  lawHead: { id: 'h-law', name: 'Daniyar Kurmanov', roles: ['unit_head'], unit: LAW },
  aida: { id: 't-aida', name: 'Aida Mamytova', roles: ['teacher'], unit: ECON },
  bakyt: { id: 't-bakyt', name: 'Bakyt Osmonov', roles: ['teacher'], unit: ECON },
  chyngyz: { id: 't-chyngyz', name: 'Chyngyz Sadykov', roles: ['teacher'], unit: ECON },
  dinara: { id: 't-dinara', name: 'Dinara Alieva', roles: ['teacher'], unit: LAW },
  emil: { id: 't-emil', name: 'Emil Nurbekov', roles: ['teacher'], unit: LAW },
  farida: { id: 't-farida', name: 'Farida Toktorova', roles: ['teacher'], unit: LAW },
} satisfies Record<string, Actor>;
type Person = keyof typeof people;

let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let yoga: ReturnType<typeof createGraphQLHandler>;
let gql: ReturnType<typeof yogaClient>;
const tokens = {} as Record<Person, string>;

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path));
  yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
  gql = yogaClient(yoga);
  for (const [name, actor] of Object.entries(people)) tokens[name as Person] = await tokenFor(actor);
});
afterAll(async () => {
  await hub.close();
  dir.remove();
});

const RESULT = `
  __typename
  ... on Error { message }
  ... on DomainRuleError { code }
  ... on ValidationError { issues { path message } }
  ... on NotFoundError { entity id }`;
const CAMPAIGN_RESULT = `${RESULT} ... on RatingCampaignPayload { revision replayed campaign { id campaignId status year resultsRevision } }`;
const ENTRY_RESULT = `${RESULT} ... on RatingEntryPayload { revision replayed entry { id entryId teacherName unit status total submittedAs } }`;
const mutation = (name: string, result: string) => {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  return `mutation($input: ${type}!) { ${name}(input: $input) { ${result} } }`;
};
const campaignCommand = (name: string) => mutation(name, CAMPAIGN_RESULT);
const entryCommand = (name: string) => mutation(name, ENTRY_RESULT);

async function send(operation: string, input: Record<string, unknown>, as: Person): Promise<Record<string, any>> {
  const res = await gql(operation, { input }, { token: tokens[as] });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as Record<string, any>;
}
const head = async () => {
  const position = await hub.store.headPosition();
  return position ? encodePosition(position) : null;
};

const name = (en: string) => ({ ky: en, ru: en, en });
const criteria = [
  { code: 'TEACH', name: { ky: 'Окутуу', ru: 'Учебная работа', en: 'Teaching' }, maxPoints: 40, weight: 1 },
  { code: 'PUB', name: { ky: 'Басылмалар', ru: 'Публикации', en: 'Publications' }, maxPoints: 30, weight: 1.5 },
  { code: 'METH', name: { ky: 'Усулдук иш', ru: 'Методическая работа', en: 'Methodical work' }, maxPoints: 20, weight: 0.5 },
];
const scores = (teach: number, pub: number, meth: number) => [
  { criterionCode: 'TEACH', quantity: teach, evidence: 'Teaching load report' },
  { criterionCode: 'PUB', quantity: pub },
  { criterionCode: 'METH', quantity: meth },
];

const ENTRIES = `query($filter: RatingEntryFilter, $orderBy: RatingEntryOrder, $first: Int, $after: String) {
  ratingEntries(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    edges { node { id teacherName unit status total unitRank unitRankedCount universityRank universityRankedCount } }
    pageInfo { hasNextPage endCursor }
  }
}`;
type EntryNode = {
  id: string;
  teacherName: string;
  unit: string;
  status: string;
  total: number;
  unitRank: number | null;
  unitRankedCount: number | null;
  universityRank: number | null;
  universityRankedCount: number | null;
};
async function entries(as: Person, filter: Record<string, unknown> = {}, orderBy = 'STARTED'): Promise<EntryNode[]> {
  const res = await gql(ENTRIES, { filter, orderBy, first: 100 }, { token: tokens[as] });
  expect(res.errors).toBeUndefined();
  return res.data!.ratingEntries.edges.map((e: { node: EntryNode }) => e.node);
}
/** Teacher, total, university rank / count, unit rank / count: the published table. */
const table = (nodes: EntryNode[]) =>
  nodes.map((n) => [n.teacherName, n.total, `${n.universityRank}/${n.universityRankedCount}`, `${n.unitRank}/${n.unitRankedCount}`]);

// The campaign of 2025, shared by the tests below in order: it is the story of one rating year.
let campaignId: string;
const entryOf = {} as Record<'aida' | 'bakyt' | 'chyngyz' | 'dinara' | 'emil' | 'farida', string>;

describe('a rating campaign from creation to publication, appeals and recomputed ranks', () => {
  it('is created in draft by the division (once per year), its criteria revised by a methodist, and opened', async () => {
    const input = {
      year: 2025,
      title: { ky: '2025-жылдын рейтинги', ru: 'Рейтинг ППС 2025', en: 'Teaching staff rating 2025' },
      criteria: criteria.slice(0, 2),
      entriesDue: '2099-06-30',
      commandId: 'create-2025',
    };
    const created = await send(campaignCommand('createRatingCampaign'), input, 'divisionHead');
    expect(created).toMatchObject({
      __typename: 'RatingCampaignPayload',
      revision: 0,
      replayed: false,
      campaign: { status: 'DRAFT', year: 2025, resultsRevision: 0 },
    });
    campaignId = created.campaign.campaignId;

    const replayed = await send(campaignCommand('createRatingCampaign'), input, 'divisionHead');
    expect(replayed).toMatchObject({ replayed: true, campaign: { campaignId } });
    const second = await send(campaignCommand('createRatingCampaign'), { ...input, commandId: 'create-2025-again' }, 'methodist');
    expect(second).toMatchObject({ __typename: 'DomainRuleError', code: 'CAMPAIGN_ALREADY_EXISTS' });

    const revised = await send(campaignCommand('reviseRatingCriteria'), { campaignId: created.campaign.id, criteria }, 'methodist');
    expect(revised).toMatchObject({ __typename: 'RatingCampaignPayload', revision: 1 });
    const openedByMethodist = await send(campaignCommand('openRatingCampaign'), { campaignId }, 'methodist');
    expect(openedByMethodist.__typename).toBe('ForbiddenError');
    const opened = await send(campaignCommand('openRatingCampaign'), { campaignId, basis: 'Order No. 45/1' }, 'divisionHead');
    expect(opened).toMatchObject({ revision: 2, campaign: { status: 'OPEN' } });

    const res = await gql(
      `query($id: ID!) { ratingCampaign(id: $id) { statusLabel(language: RU) maximumTotal openingBasis criteria { code maxPoints weight name { text(language: EN) } } } }`,
      { id: campaignId },
      { token: tokens.aida },
    );
    expect(res.data?.ratingCampaign).toEqual({
      statusLabel: 'Приём данных открыт',
      maximumTotal: 95,
      openingBasis: 'Order No. 45/1',
      criteria: [
        { code: 'TEACH', maxPoints: 40, weight: 1, name: { text: 'Teaching' } },
        { code: 'PUB', maxPoints: 30, weight: 1.5, name: { text: 'Publications' } },
        { code: 'METH', maxPoints: 20, weight: 0.5, name: { text: 'Methodical work' } },
      ],
    });
  });

  it('takes scores from teachers and from unit heads for their own unit, with weighted totals', async () => {
    const record = async (as: Person, s: ReturnType<typeof scores>, teacher?: Person) =>
      send(
        entryCommand('recordRatingScores'),
        { campaignId, scores: s, ...(teacher ? { teacher: { id: people[teacher].id, name: people[teacher].name } } : {}) },
        as,
      );

    const aida = await record('aida', scores(36, 24.5, 12));
    expect(aida).toMatchObject({
      __typename: 'RatingEntryPayload',
      revision: 1,
      entry: { teacherName: 'Aida Mamytova', unit: ECON, status: 'DRAFT', total: 78.75 },
    });
    entryOf.aida = aida.entry.entryId;
    entryOf.bakyt = (await record('bakyt', scores(30, 20, 10))).entry.entryId;
    // A teacher starts their own entry (their token says their unit); the head of the unit may then record in it.
    entryOf.chyngyz = (await record('chyngyz', scores(38, 18, 10))).entry.entryId;
    const chyngyz = await record('econHead', [{ criterionCode: 'METH', quantity: 14 }], 'chyngyz');
    expect(chyngyz.entry).toMatchObject({ entryId: entryOf.chyngyz, teacherName: 'Chyngyz Sadykov', unit: ECON, total: 72 });
    entryOf.dinara = (await record('dinara', scores(32, 22, 14))).entry.entryId;
    entryOf.emil = (await record('emil', scores(20, 10, 10))).entry.entryId;
    entryOf.farida = (await record('farida', scores(25, 10, 0))).entry.entryId;
    expect((await record('lawHead', [{ criterionCode: 'METH', quantity: 10 }], 'farida')).entry).toMatchObject({ entryId: entryOf.farida, total: 45 });

    // Recording again changes the same entry: one entry per teacher and campaign.
    const again = await record('aida', [{ criterionCode: 'METH', quantity: 12, evidence: 'Syllabus' }]);
    expect(again).toMatchObject({ revision: 2, entry: { entryId: entryOf.aida, total: 78.75 } });

    // Above the cap is capped, not refused: 31 points on PUB count 30 (× 1.5).
    const tooMany = await record('emil', [{ criterionCode: 'PUB', quantity: 31 }]);
    expect(tooMany).toMatchObject({ __typename: 'RatingEntryPayload', entry: { total: 70 } });
    expect((await record('emil', [{ criterionCode: 'PUB', quantity: 10 }])).entry.total).toBe(40);

    // Ranks and the normalisation read the teacher's profile; a full rate leaves the total as it is.
    const profile = (faculty: string, chair: string, position: string) => ({ faculty, chair, position, degree: 'CANDIDATE', rate: 1 });
    const profiles: [Person, ReturnType<typeof profile>][] = [
      ['aida', profile('Economics', 'Finance', 'ASSOCIATE_PROFESSOR')],
      ['bakyt', profile('Economics', 'Finance', 'SENIOR_LECTURER')],
      ['chyngyz', profile('Economics', 'Accounting', 'SENIOR_LECTURER')],
      ['dinara', profile('Law', 'Civil law', 'ASSOCIATE_PROFESSOR')],
      ['emil', profile('Law', 'Civil law', 'LECTURER')],
      ['farida', profile('Law', 'Criminal law', 'LECTURER')],
    ];
    for (const [teacher, p] of profiles) {
      const recorded = await send(entryCommand('recordRatingEntryProfile'), { entryId: entryOf[teacher as keyof typeof entryOf], profile: p }, teacher);
      expect(recorded.__typename).toBe('RatingEntryPayload');
    }
    const repeated = await record('bakyt', [
      { criterionCode: 'PUB', quantity: 1 },
      { criterionCode: 'PUB', quantity: 2 },
    ]);
    expect(repeated).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['scores', '1', 'criterionCode'], message: 'repeats the criterion PUB of item 0' }],
    });
  });

  it('keeps unit heads and teachers to their own entries (ForbiddenError), storing nothing', async () => {
    const before = await head();
    const forAnother = await send(
      entryCommand('recordRatingScores'),
      { campaignId, teacher: { id: people.aida.id, name: 'Aida' }, scores: scores(40, 30, 20) },
      'bakyt',
    );
    expect(forAnother).toMatchObject({ __typename: 'ForbiddenError', message: 'a teacher may change only their own rating entry' });
    const otherUnit = await send(
      entryCommand('recordRatingScores'),
      { campaignId, teacher: { id: people.aida.id, name: 'Aida' }, scores: scores(40, 30, 20) },
      'lawHead',
    );
    expect(otherUnit).toMatchObject({ __typename: 'ForbiddenError', message: 'a unit head acts only for the entries of their own unit' });
    const enrol = await send(
      entryCommand('recordRatingScores'),
      { campaignId, teacher: { id: 't-unknown', name: 'Anyone' }, scores: scores(40, 30, 20) },
      'econHead',
    );
    expect(enrol).toMatchObject({ __typename: 'DomainRuleError', code: 'TEACHER_UNIT_UNKNOWN' });
    expect((await send(entryCommand('submitRatingEntry'), { entryId: entryOf.aida }, 'lawHead')).__typename).toBe('ForbiddenError');
    expect((await send(entryCommand('submitRatingEntry'), { entryId: entryOf.aida }, 'bakyt')).__typename).toBe('ForbiddenError');
    expect(await head()).toBe(before);
  });

  it('submits, verifies within the unit or by the department, and returns for correction', async () => {
    const submit = (entry: string, as: Person) => send(entryCommand('submitRatingEntry'), { entryId: entry }, as);
    const verify = (entry: string, as: Person) => send(entryCommand('verifyRatingEntry'), { entryId: entry }, as);
    expect(await submit(entryOf.aida, 'aida')).toMatchObject({ entry: { status: 'SUBMITTED', submittedAs: 'TEACHER' } });
    expect(await submit(entryOf.chyngyz, 'econHead')).toMatchObject({ entry: { status: 'SUBMITTED', submittedAs: 'UNIT_HEAD' } });
    for (const [entry, as] of [
      [entryOf.bakyt, 'bakyt'],
      [entryOf.dinara, 'dinara'],
      [entryOf.farida, 'farida'],
    ] as const) {
      expect((await submit(entry, as)).entry.status).toBe('SUBMITTED');
    }
    expect(await submit(entryOf.aida, 'aida')).toMatchObject({ __typename: 'DomainRuleError', code: 'ENTRY_ALREADY_SUBMITTED' });
    expect(await send(entryCommand('recordRatingScores'), { campaignId, scores: scores(40, 24.5, 12) }, 'aida')).toMatchObject({ code: 'ENTRY_LOCKED' });

    const crossUnit = await verify(entryOf.aida, 'lawHead');
    expect(crossUnit).toMatchObject({ __typename: 'ForbiddenError', message: 'a unit head reviews only the entries of their own unit' });
    expect((await verify(entryOf.aida, 'aida')).__typename).toBe('ForbiddenError');

    for (const entry of [entryOf.aida, entryOf.bakyt]) expect((await verify(entry, 'econHead')).entry.status).toBe('VERIFIED');
    // Four eyes: the head recorded scores in Chyngyz's entry, so the department verifies it.
    expect(await verify(entryOf.chyngyz, 'econHead')).toMatchObject({ __typename: 'DomainRuleError', code: 'SCORES_ENTERED_BY_REVIEWER' });
    expect((await verify(entryOf.chyngyz, 'methodist')).entry.status).toBe('VERIFIED');

    const returned = await send(entryCommand('returnRatingEntry'), { entryId: entryOf.farida, reason: 'Attach the methodical guide' }, 'lawHead');
    expect(returned.entry.status).toBe('RETURNED');
    const corrected = await send(entryCommand('recordRatingScores'), { campaignId, scores: [{ criterionCode: 'METH', quantity: 0 }] }, 'farida');
    expect(corrected.entry).toMatchObject({ status: 'RETURNED', total: 40 });
    expect((await submit(entryOf.farida, 'farida')).entry.status).toBe('SUBMITTED');
    const byDepartment = await verify(entryOf.farida, 'methodist');
    expect(byDepartment.entry.status).toBe('VERIFIED');

    const res = await gql(
      `query($id: ID!) { ratingEntry(id: $id) { reviewLevel reviewLevelLabel(language: EN) reviewedBy returnReason statusLabel(language: KY) } }`,
      { id: entryOf.farida },
      { token: tokens.farida },
    );
    expect(res.data?.ratingEntry).toEqual({
      reviewLevel: 'DEPARTMENT',
      reviewLevelLabel: 'Rating division',
      reviewedBy: 'Farida Zhumabaeva',
      returnReason: null,
      statusLabel: 'Текшерилди',
    });
  });

  it('closes for entries, starts the final verification, and publishes only when no entry awaits verification', async () => {
    expect(await send(campaignCommand('publishRatingResults'), { campaignId, appealsUntil: '2099-12-31' }, 'divisionHead')).toMatchObject({
      code: 'VERIFICATION_NOT_STARTED',
    });
    expect((await send(campaignCommand('closeRatingEntries'), { campaignId }, 'divisionHead')).campaign.status).toBe('CLOSED_FOR_ENTRIES');
    const late = await send(entryCommand('recordRatingScores'), { campaignId, scores: scores(20, 10, 12) }, 'emil');
    expect(late).toMatchObject({ __typename: 'DomainRuleError', code: 'CAMPAIGN_CLOSED_FOR_ENTRIES' });
    expect((await send(campaignCommand('startRatingVerification'), { campaignId }, 'divisionHead')).campaign.status).toBe('VERIFICATION');

    const before = await head();
    const early = await send(campaignCommand('publishRatingResults'), { campaignId, appealsUntil: '2099-12-31' }, 'divisionHead');
    expect(early).toMatchObject({
      __typename: 'DomainRuleError',
      code: 'ENTRIES_AWAITING_VERIFICATION',
      message: '1 submitted entry is neither verified nor returned yet',
    });
    expect(await head()).toBe(before);

    // Unpublished, nobody is ranked.
    expect((await entries('divisionHead', { campaignId })).every((n) => n.universityRank === null && n.unitRank === null)).toBe(true);

    expect((await send(entryCommand('verifyRatingEntry'), { entryId: entryOf.dinara }, 'methodist')).entry.status).toBe('VERIFIED');
    const published = await send(
      campaignCommand('publishRatingResults'),
      { campaignId, appealsUntil: '2099-12-31', basis: 'Academic Council protocol No. 9' },
      'divisionHead',
    );
    expect(published).toMatchObject({ __typename: 'RatingCampaignPayload', campaign: { status: 'PUBLISHED', resultsRevision: 1 } });
  });

  it('ranks verified entries per unit and university-wide, equal totals sharing a rank; a draft entry is not ranked', async () => {
    expect(table(await entries('divisionHead', { campaignId }, 'RANK'))).toEqual([
      ['Aida Mamytova', 78.75, '1/5', '1/3'],
      ['Chyngyz Sadykov', 72, '2/5', '2/3'],
      ['Dinara Alieva', 72, '2/5', '1/2'],
      ['Bakyt Osmonov', 65, '4/5', '3/3'],
      ['Farida Toktorova', 40, '5/5', '2/2'],
      ['Emil Nurbekov', 40, 'null/null', 'null/null'],
    ]);
    const res = await gql(
      `query($id: ID!) { ratingCampaign(id: $id) { entryCounts { draft submitted verified returned } unitSummaries { unit rankedEntries averageTotal highestTotal lowestTotal } } }`,
      { id: campaignId },
      { token: tokens.divisionHead },
    );
    expect(res.data?.ratingCampaign).toEqual({
      entryCounts: { draft: 1, submitted: 0, verified: 5, returned: 0 },
      unitSummaries: [
        { unit: ECON, rankedEntries: 3, averageTotal: 71.92, highestTotal: 78.75, lowestTotal: 65 },
        { unit: LAW, rankedEntries: 2, averageTotal: 56, highestTotal: 72, lowestTotal: 40 },
      ],
    });
  });

  it('takes appeals from the teacher only, and recomputes ranks when one is upheld', async () => {
    const file = (entry: string, as: Person, contested: string[]) =>
      send(entryCommand('fileRatingAppeal'), { entryId: entry, criteria: contested, reason: 'An article was left out' }, as);
    expect((await file(entryOf.bakyt, 'econHead', ['PUB'])).__typename).toBe('ForbiddenError');
    expect((await file(entryOf.bakyt, 'aida', ['PUB'])).__typename).toBe('ForbiddenError');
    expect(await file(entryOf.emil, 'emil', ['PUB'])).toMatchObject({ code: 'ENTRY_NOT_IN_RESULTS' });
    expect((await file(entryOf.bakyt, 'bakyt', ['PUB'])).__typename).toBe('RatingEntryPayload');
    expect(await file(entryOf.bakyt, 'bakyt', ['TEACH'])).toMatchObject({ code: 'APPEAL_ALREADY_FILED' });
    expect((await file(entryOf.aida, 'aida', ['METH'])).__typename).toBe('RatingEntryPayload');

    const resolve = (entry: string, input: Record<string, unknown>, as: Person = 'divisionHead') =>
      send(entryCommand('resolveRatingAppeal'), { entryId: entry, response: 'Decided by the rating commission', ...input }, as);
    expect((await resolve(entryOf.bakyt, { decision: 'UPHELD', corrections: [{ criterionCode: 'PUB', quantity: 28 }] }, 'methodist')).__typename).toBe(
      'ForbiddenError',
    );
    expect(await resolve(entryOf.bakyt, { decision: 'UPHELD', corrections: [{ criterionCode: 'TEACH', quantity: 40 }] })).toMatchObject({
      code: 'CRITERION_NOT_APPEALED',
    });
    const upheld = await resolve(entryOf.bakyt, {
      decision: 'UPHELD',
      corrections: [{ criterionCode: 'PUB', quantity: 28, evidence: 'Scopus record 2-s2.0-851' }],
    });
    expect(upheld.entry.total).toBe(77);
    expect((await resolve(entryOf.aida, { decision: 'REJECTED' })).__typename).toBe('RatingEntryPayload');

    expect(table(await entries('divisionHead', { campaignId }, 'RANK'))).toEqual([
      ['Aida Mamytova', 78.75, '1/5', '1/3'],
      ['Bakyt Osmonov', 77, '2/5', '2/3'],
      ['Chyngyz Sadykov', 72, '3/5', '3/3'],
      ['Dinara Alieva', 72, '3/5', '1/2'],
      ['Farida Toktorova', 40, '5/5', '2/2'],
      ['Emil Nurbekov', 40, 'null/null', 'null/null'],
    ]);
    const res = await gql(
      `query($id: ID!) { ratingEntry(id: $id) { total scores { criterionCode points weightedPoints evidence } appeal { status statusLabel(language: RU) criteria decidedBy corrections { criterionCode previousQuantity quantity } } campaign { resultsRevision } } }`,
      { id: entryOf.bakyt },
      { token: tokens.bakyt },
    );
    expect(res.data?.ratingEntry).toEqual({
      total: 77,
      scores: [
        { criterionCode: 'TEACH', points: 30, weightedPoints: 30, evidence: 'Teaching load report' },
        { criterionCode: 'PUB', points: 28, weightedPoints: 42, evidence: 'Scopus record 2-s2.0-851' },
        { criterionCode: 'METH', points: 10, weightedPoints: 5, evidence: null },
      ],
      appeal: {
        status: 'UPHELD',
        statusLabel: 'Удовлетворена',
        criteria: ['PUB'],
        decidedBy: 'Elmira Tashieva',
        corrections: [{ criterionCode: 'PUB', previousQuantity: 20, quantity: 28 }],
      },
      campaign: { resultsRevision: 2 },
    });
    const filtered = await entries('divisionHead', { campaignId, appealStatuses: ['REJECTED'] });
    expect(filtered.map((n) => n.teacherName)).toEqual(['Aida Mamytova']);
  });

  it('travels back in time: the entry, its total and ranks before the upheld appeal, and the campaign in draft', async () => {
    const history = await gql(
      `query($id: ID!) { history(id: $id, first: 100) { events { type revision } } }`,
      { id: encodeGlobalID('RatingEntry', entryOf.bakyt) },
      { token: tokens.auditor },
    );
    const upheldAt = history.data!.history.events.find((e: { type: string }) => e.type === 'RatingAppealUpheld').revision as number;
    const AT = `query($id: ID!, $asOf: AsOf) { ratingEntry(id: $id, asOf: $asOf) { total universityRank unitRank appeal { status } } }`;
    const before = await gql(AT, { id: entryOf.bakyt, asOf: { revision: upheldAt - 1 } }, { token: tokens.bakyt });
    expect(before.data?.ratingEntry).toEqual({ total: 65, universityRank: 4, unitRank: 3, appeal: { status: 'UNDER_REVIEW' } });
    const after = await gql(AT, { id: entryOf.bakyt, asOf: { revision: upheldAt } }, { token: tokens.bakyt });
    expect(after.data?.ratingEntry).toEqual({ total: 77, universityRank: 2, unitRank: 2, appeal: { status: 'UPHELD' } });
    const hidden = await gql(AT, { id: entryOf.bakyt, asOf: { revision: upheldAt } }, { token: tokens.dinara });
    expect(hidden.data?.ratingEntry).toBeNull();
    const draft = await gql(`query($id: ID!) { ratingCampaign(id: $id, asOf: { revision: 0 }) { status } }`, { id: campaignId }, { token: tokens.dinara });
    expect(draft.data?.ratingCampaign).toEqual({ status: 'DRAFT' });
  });

  it("travels back by reading the entry's and the campaign's streams, and the other entries only when its ranks were computed again since", async () => {
    const reads: string[] = [];
    const events: RecordedEvent[] = [];
    const counted = async function* (read: string, source: AsyncIterable<RecordedEvent>) {
      reads.push(read);
      for await (const event of source) events.push(event), yield event;
    };
    // The real store, noting what is read from it.
    const store: StreamReader = {
      readStream: (stream, options) => counted(stream, hub.store.readStream(stream, options)),
      readAll: (options) => counted(`log of ${options?.filter?.eventTypes?.join(', ')}`, hub.store.readAll(options)),
    };
    const own = `ratingEntry-${entryOf.bakyt}`;
    const campaign = `ratingCampaign-${campaignId}`;
    const readAfresh = () => {
      const read = [...new Set(reads)].sort();
      reads.length = 0;
      events.length = 0;
      return read;
    };
    const history: RecordedEvent[] = [];
    for await (const event of hub.store.readStream(own)) history.push(event);
    const upheldAt = history.find((e) => e.type === 'RatingAppealUpheld')!.revision;

    // After the last time ranks were computed: today's ranks are that moment's, so no other entry is read.
    const after = await ratingEntryAsOf(store, hub.ratings, entryOf.bakyt, { revision: upheldAt });
    after!.db.close();
    expect(after!.ranks).toMatchObject({ university_rank: 2, unit_rank: 2 });
    expect(events.filter((e) => e.stream.startsWith('ratingEntry-') && e.stream !== own)).toEqual([]);
    expect(readAfresh()).toEqual([campaign, own, 'log of RatingAppealUpheld'].sort());

    // Before publication no ranks exist: the two streams alone.
    const draft = await ratingEntryAsOf(store, hub.ratings, entryOf.bakyt, { revision: 0n });
    draft!.db.close();
    expect(draft!.ranks).toBeUndefined();
    expect(readAfresh()).toEqual([campaign, own].sort());

    // Before the upheld appeal, ranks were computed again since: the campaign's entries are folded, and only they.
    const before = await ratingEntryAsOf(store, hub.ratings, entryOf.bakyt, { revision: upheldAt - 1n });
    before!.db.close();
    const entryStreams = Object.values(entryOf).map((id) => `ratingEntry-${id}`);
    expect(readAfresh()).toEqual([campaign, ...entryStreams, 'log of RatingAppealUpheld', 'log of RatingEntryStarted'].sort());
  });

  it('travels back to a business date: rating events take effect on the day they were decided, in Kyrgyzstan time', async () => {
    const created = await gql(`query($id: ID!) { history(id: $id, first: 1) { events { occurredAt } } }`, { id: campaignId }, { token: tokens.auditor });
    const day = localDateOf(created.data!.history.events[0].occurredAt);
    const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const ON = `query($id: ID!, $on: Date!) { ratingCampaign(id: $id, asOf: { on: $on }) { status } }`;
    expect((await gql(ON, { id: campaignId, on: dayBefore }, { token: tokens.dinara })).data?.ratingCampaign).toBeNull();
    const now = (await gql(`query($id: ID!) { ratingCampaign(id: $id) { status } }`, { id: campaignId }, { token: tokens.dinara })).data?.ratingCampaign;
    expect((await gql(ON, { id: campaignId, on: day }, { token: tokens.dinara })).data?.ratingCampaign).toEqual(now);
  });

  it('answers unknown ids with NotFoundError and malformed ones with ValidationError', async () => {
    const missing = '3f1e1f8e-3c1c-4e55-9b7a-4f7e0c1d2b3a';
    expect(await send(entryCommand('submitRatingEntry'), { entryId: missing }, 'aida')).toMatchObject({
      __typename: 'NotFoundError',
      entity: 'rating entry',
      id: missing,
    });
    expect(await send(entryCommand('recordRatingScores'), { campaignId: missing, scores: scores(1, 1, 1) }, 'aida')).toMatchObject({
      __typename: 'NotFoundError',
      entity: 'rating campaign',
      id: missing,
    });
    expect(await send(campaignCommand('closeRatingEntries'), { campaignId: 'c-2025' }, 'divisionHead')).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['campaignId'] }],
    });
  });
});

describe('scoped reads of personal rating data', () => {
  const everyone = ['Aida Mamytova', 'Bakyt Osmonov', 'Chyngyz Sadykov', 'Dinara Alieva', 'Emil Nurbekov', 'Farida Toktorova'];
  const byName = (nodes: EntryNode[]) => nodes.map((n) => n.teacherName).sort();

  it.each([
    ['aida', ['Aida Mamytova']],
    ['bakyt', ['Bakyt Osmonov']],
    ['econHead', ['Aida Mamytova', 'Bakyt Osmonov', 'Chyngyz Sadykov']],
    ['lawHead', ['Dinara Alieva', 'Emil Nurbekov', 'Farida Toktorova']],
    ['divisionHead', everyone],
    ['methodist', everyone],
    ['rector', everyone],
    ['auditor', everyone],
    ['integration', []],
    ['sectorHead', []],
  ] as const)('the list shows %s exactly the entries they may read', async (as, expected) => {
    expect(byName(await entries(as, { campaignId }))).toEqual(expected);
    // A filter cannot widen it: asking for another unit or teacher gives nothing more.
    expect(byName(await entries(as, { units: [ECON, LAW] }))).toEqual(expected);
  });

  it('a teacher asking for a colleague by teacherId or unit gets nothing', async () => {
    expect(await entries('aida', { teacherId: people.bakyt.id })).toEqual([]);
    expect(byName(await entries('aida', { units: [LAW] }))).toEqual([]);
  });

  const LOOKUP = `query($id: ID!, $ids: [ID!]!) {
    ratingEntry(id: $id) { teacherName total }
    node(id: $id) { id ... on RatingEntry { teacherName total } }
    nodes(ids: $ids) { id }
  }`;
  async function lookup(as: Person, entry: string) {
    const global = await globalIdOf(entry);
    const res = await gql(LOOKUP, { id: global, ids: [global] }, { token: tokens[as] });
    expect(res.errors).toBeUndefined();
    return res.data as { ratingEntry: unknown; node: unknown; nodes: unknown[] };
  }
  let globals: Record<string, string> | undefined;
  async function globalIdOf(entry: string): Promise<string> {
    if (!globals) {
      globals = {};
      const res = await gql(`query { ratingEntries(first: 100) { edges { node { id entryId } } } }`, {}, { token: tokens.auditor });
      for (const { node } of res.data!.ratingEntries.edges) globals[node.entryId] = node.id;
    }
    return globals[entry]!;
  }

  it.each([
    ['aida', 'aida', true],
    ['aida', 'bakyt', false],
    ['econHead', 'bakyt', true],
    ['lawHead', 'bakyt', false],
    ['divisionHead', 'bakyt', true],
    ['auditor', 'emil', true],
    ['integration', 'aida', false],
    ['sectorHead', 'aida', false],
  ] as const)('%s looking up the entry of %s through ratingEntry, node and nodes: visible=%s', async (as, owner, visible) => {
    const found = await lookup(as, entryOf[owner]);
    const teacherName = people[owner].name;
    if (visible) {
      expect(found.ratingEntry).toMatchObject({ teacherName });
      expect(found.node).toMatchObject({ teacherName });
      expect(found.nodes).toEqual([{ id: await globalIdOf(entryOf[owner]) }]);
    } else {
      // Exactly what a missing entry gives: null, and no error that would confirm it exists.
      expect(found).toEqual({ ratingEntry: null, node: null, nodes: [null] });
    }
  });

  it('a hidden entry and a missing one answer alike, by plain id too', async () => {
    const res = await gql(
      `query($a: ID!, $b: ID!) { a: ratingEntry(id: $a) { total } b: ratingEntry(id: $b) { total } }`,
      { a: entryOf.bakyt, b: '3f1e1f8e-3c1c-4e55-9b7a-4f7e0c1d2b3a' },
      { token: tokens.aida },
    );
    expect(res).toMatchObject({ status: 200, data: { a: null, b: null } });
    expect(res.errors).toBeUndefined();
  });

  it('history of an entry is empty to whoever may not read it', async () => {
    const HISTORY = `query($id: ID!) { history(id: $id) { events { type } } }`;
    const id = await globalIdOf(entryOf.bakyt);
    const own = await gql(HISTORY, { id }, { token: tokens.bakyt });
    expect(own.data?.history.events.map((e: { type: string }) => e.type).slice(0, 4)).toEqual([
      'RatingEntryStarted',
      'RatingScoresRecorded',
      'RatingEntryProfileRecorded',
      'RatingEntrySubmitted',
    ]);
    const other = await gql(HISTORY, { id }, { token: tokens.aida });
    expect(other.data?.history.events).toEqual([]);
  });

  it('campaign data is open to every signed-in caller, aggregates only to their readers, nothing to anonymous callers', async () => {
    const SUMMARY = `query($id: ID!) { ratingCampaign(id: $id) { year status entryCounts { verified } unitSummaries { unit rankedEntries } } }`;
    const as = async (who: Person) => (await gql(SUMMARY, { id: campaignId }, { token: tokens[who] })).data?.ratingCampaign;
    const all = [
      { unit: ECON, rankedEntries: 3 },
      { unit: LAW, rankedEntries: 2 },
    ];
    expect(await as('integration')).toEqual({ year: 2025, status: 'PUBLISHED', entryCounts: { verified: 5 }, unitSummaries: all });
    expect((await as('auditor')).unitSummaries).toEqual(all);
    expect((await as('econHead')).unitSummaries).toEqual([{ unit: ECON, rankedEntries: 3 }]);
    expect((await as('aida')).unitSummaries).toEqual([]);
    const anonymous = await gql(SUMMARY, { id: campaignId });
    expect(anonymous.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const list = await gql(
      `query { ratingCampaigns(filter: { years: [2025] }) { edges { node { campaignId statusLabel(language: EN) } } } }`,
      {},
      { token: tokens.integration },
    );
    expect(list.data?.ratingCampaigns.edges).toEqual([{ node: { campaignId, statusLabel: 'Results published' } }]);
  });

  it('the entry change subscription sends a subscriber only the entries they may read', async () => {
    const timeout = () => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no change arrived within 5 s')), 5000));
    const subscribe = async (who: Person) => {
      const response = await yoga.fetch('http://hub.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${tokens[who]}` },
        body: JSON.stringify({ query: `subscription { ratingEntryChanged { eventType entry { teacherName } } }` }),
      });
      const reader = response.body!.getReader();
      // Yoga starts the subscription when the stream is first read (its first chunk is a keep-alive).
      let buffer = new TextDecoder().decode((await reader.read()).value);
      return {
        async next(): Promise<unknown> {
          for (;;) {
            const match = /event: next\ndata: (.*)\n\n/.exec(buffer);
            if (match) {
              buffer = buffer.slice(match.index + match[0].length);
              return (JSON.parse(match[1]!) as { data: unknown }).data;
            }
            const { value, done } = await Promise.race([reader.read(), timeout()]);
            if (done) throw new Error('the subscription ended');
            buffer += new TextDecoder().decode(value);
          }
        },
        close: () => reader.cancel(),
      };
    };
    const bakyt = await subscribe('bakyt');
    const lawHead = await subscribe('lawHead');
    expect(hub.projections.listenerCount()).toBe(2);

    // Changes, in this order: Aida's new 2026 entry (neither may read it), Dinara's 2025 appeal (the
    // law head may), Bakyt's new 2026 entry (only Bakyt may), Emil's new 2026 entry (the law head may).
    const next = (
      await send(campaignCommand('createRatingCampaign'), { year: 2026, title: name('Rating 2026'), criteria, entriesDue: '2099-06-30' }, 'divisionHead')
    ).campaign.campaignId as string;
    await send(campaignCommand('openRatingCampaign'), { campaignId: next }, 'divisionHead');
    await send(entryCommand('recordRatingScores'), { campaignId: next, scores: scores(1, 1, 1) }, 'aida');
    await send(entryCommand('fileRatingAppeal'), { entryId: entryOf.dinara, criteria: ['PUB'], reason: 'Monograph missing' }, 'dinara');
    await send(entryCommand('recordRatingScores'), { campaignId: next, scores: scores(2, 2, 2) }, 'bakyt');
    await send(entryCommand('recordRatingScores'), { campaignId: next, scores: scores(3, 3, 3) }, 'emil');

    const change = (eventType: string, teacherName: string) => ({ ratingEntryChanged: { eventType, entry: { teacherName } } });
    expect([await bakyt.next(), await bakyt.next()]).toEqual([change('RatingEntryStarted', 'Bakyt Osmonov'), change('RatingScoresRecorded', 'Bakyt Osmonov')]);
    expect([await lawHead.next(), await lawHead.next(), await lawHead.next()]).toEqual([
      change('RatingAppealFiled', 'Dinara Alieva'),
      change('RatingEntryStarted', 'Emil Nurbekov'),
      change('RatingScoresRecorded', 'Emil Nurbekov'),
    ]);
    await bakyt.close();
    await lawHead.close();
  });
});

describe('a campaign with a criteria catalogue: points rules, part-time rates, the results table and the chair and faculty tables', () => {
  const catalogue = [
    { code: 'LOAD', name: name('Teaching load'), group: 'TEACHING', maxPoints: 40 },
    { code: 'OPEN', name: name('Open lessons'), group: 'TEACHING', pointsPerUnit: 5, maxPoints: 20 },
    {
      code: 'SCOPUS',
      name: { ky: 'Scopus макалалары', ru: 'Статьи Scopus', en: 'Scopus articles' },
      group: 'RESEARCH',
      pointsPerUnit: 10,
      maxPoints: 50,
      sharedAuthorship: true,
      evidenceRequired: true,
    },
    { code: 'GRANT', name: name('Grants'), group: 'RESEARCH', pointsPerUnit: 15, maxPoints: 30 },
  ];
  const groupCaps = [
    { group: 'TEACHING', maxPoints: 50 },
    { group: 'RESEARCH', maxPoints: 60 },
  ];
  const quantities = (load: number, open: number, scopus: number, authors: number, grant: number) => [
    { criterionCode: 'LOAD', quantity: load },
    { criterionCode: 'OPEN', quantity: open },
    { criterionCode: 'SCOPUS', quantity: scopus, authorCount: authors, evidence: 'Scopus author profile' },
    { criterionCode: 'GRANT', quantity: grant },
  ];
  // Teacher, quantities, profile: totals 60, 40, 100, 60, 40; per full rate 60, 80, 80, 80, 40.
  const teachers = [
    ['aida', quantities(40, 4, 3, 3, 0), { faculty: 'Economics', chair: 'Finance', position: 'PROFESSOR', degree: 'DOCTOR', rate: 1 }],
    ['bakyt', quantities(20, 0, 2, 1, 0), { faculty: 'Economics', chair: 'Finance', position: 'LECTURER', degree: 'NONE', rate: 0.5 }],
    ['chyngyz', quantities(30, 2, 12, 1, 2), { faculty: 'Economics', chair: 'Accounting', position: 'ASSOCIATE_PROFESSOR', degree: 'CANDIDATE', rate: 1.25 }],
    ['dinara', quantities(35, 1, 1, 2, 1), { faculty: 'Law', chair: 'Civil law', position: 'ASSOCIATE_PROFESSOR', degree: 'PHD', rate: 0.75 }],
    ['emil', quantities(40, 0, 0, 1, 0), { faculty: 'Law', chair: 'Civil law', position: 'LECTURER', degree: 'NONE', rate: 1 }],
  ] as const;
  const entry2027 = {} as Record<string, string>;
  let campaign2027: string;

  const RESULTS = `query($campaignId: ID!, $filter: RatingResultFilter, $first: Int, $after: String) {
    ratingResults(campaignId: $campaignId, filter: $filter, first: $first, after: $after) {
      edges { node { teacherName faculty chair staffPosition total normalisedTotal universityRank facultyRank chairRank positionRank } }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  type ResultNode = {
    teacherName: string;
    faculty: string;
    chair: string;
    staffPosition: string;
    total: number;
    normalisedTotal: number;
    universityRank: number;
    facultyRank: number;
    chairRank: number;
    positionRank: number;
  };
  const results = async (as: Person, filter: Record<string, unknown> = {}, first = 100, after?: string) => {
    const res = await gql(RESULTS, { campaignId: campaign2027, filter, first, after }, { token: tokens[as] });
    expect(res.errors).toBeUndefined();
    return res.data!.ratingResults as { edges: { node: ResultNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
  };
  const rows = (page: { edges: { node: ResultNode }[] }) =>
    page.edges.map(({ node: n }) => [n.teacherName.split(' ')[0], n.total, n.normalisedTotal, n.universityRank, n.facultyRank, n.chairRank, n.positionRank]);

  it('creates the catalogue, takes quantities by the rules and profiles, and refuses what breaks a rule', async () => {
    const created = await send(
      campaignCommand('createRatingCampaign'),
      { year: 2027, title: name('Teaching staff rating 2027'), criteria: catalogue, groupCaps, entriesDue: '2099-06-30' },
      'divisionHead',
    );
    expect(created).toMatchObject({ __typename: 'RatingCampaignPayload' });
    campaign2027 = created.campaign.campaignId;
    expect((await send(campaignCommand('openRatingCampaign'), { campaignId: campaign2027 }, 'divisionHead')).campaign.status).toBe('OPEN');
    const read = await gql(
      `query($id: ID!) { ratingCampaign(id: $id) { maximumTotal groupCaps { group groupLabel(language: RU) maxPoints }
        criteria { code group groupLabel(language: KY) pointsPerUnit maxPoints weight sharedAuthorship evidenceRequired } } }`,
      { id: campaign2027 },
      { token: tokens.aida },
    );
    expect(read.data?.ratingCampaign).toEqual({
      maximumTotal: 110,
      groupCaps: [
        { group: 'TEACHING', groupLabel: 'Учебная работа', maxPoints: 50 },
        { group: 'RESEARCH', groupLabel: 'Научная работа', maxPoints: 60 },
      ],
      criteria: [
        {
          code: 'LOAD',
          group: 'TEACHING',
          groupLabel: 'Окуу иши',
          pointsPerUnit: 1,
          maxPoints: 40,
          weight: 1,
          sharedAuthorship: false,
          evidenceRequired: false,
        },
        {
          code: 'OPEN',
          group: 'TEACHING',
          groupLabel: 'Окуу иши',
          pointsPerUnit: 5,
          maxPoints: 20,
          weight: 1,
          sharedAuthorship: false,
          evidenceRequired: false,
        },
        {
          code: 'SCOPUS',
          group: 'RESEARCH',
          groupLabel: 'Илимий иш',
          pointsPerUnit: 10,
          maxPoints: 50,
          weight: 1,
          sharedAuthorship: true,
          evidenceRequired: true,
        },
        {
          code: 'GRANT',
          group: 'RESEARCH',
          groupLabel: 'Илимий иш',
          pointsPerUnit: 15,
          maxPoints: 30,
          weight: 1,
          sharedAuthorship: false,
          evidenceRequired: false,
        },
      ],
    });

    const before = await head();
    const noAuthors = await send(
      entryCommand('recordRatingScores'),
      { campaignId: campaign2027, scores: [{ criterionCode: 'SCOPUS', quantity: 1, evidence: 'DOI' }] },
      'aida',
    );
    expect(noAuthors).toMatchObject({ code: 'AUTHOR_COUNT_REQUIRED', message: expect.stringMatching(/^scores\.0\.authorCount: /) });
    const noEvidence = await send(
      entryCommand('recordRatingScores'),
      { campaignId: campaign2027, scores: [{ criterionCode: 'SCOPUS', quantity: 1, authorCount: 1 }] },
      'aida',
    );
    expect(noEvidence).toMatchObject({ code: 'EVIDENCE_REQUIRED' });
    expect(await head()).toBe(before);

    const expectedTotals = { aida: 60, bakyt: 40, chyngyz: 100, dinara: 60, emil: 40 };
    for (const [teacher, scores] of teachers) {
      const recorded = await send(entryCommand('recordRatingScores'), { campaignId: campaign2027, scores }, teacher);
      expect(recorded.entry.total).toBe(expectedTotals[teacher]);
      entry2027[teacher] = recorded.entry.entryId;
    }
    expect(await send(entryCommand('submitRatingEntry'), { entryId: entry2027.aida }, 'aida')).toMatchObject({ code: 'PROFILE_MISSING' });
    const badRate = await send(entryCommand('recordRatingEntryProfile'), { entryId: entry2027.aida, profile: { ...teachers[0][2], rate: 0.3 } }, 'aida');
    expect(badRate).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['profile', 'rate'] }] });
    for (const [teacher, , profile] of teachers) {
      // The head of the unit may record it too.
      const as: Person = teacher === 'chyngyz' ? 'econHead' : teacher;
      expect((await send(entryCommand('recordRatingEntryProfile'), { entryId: entry2027[teacher], profile }, as)).__typename).toBe('RatingEntryPayload');
    }

    const aida = await gql(
      `query($id: ID!) { ratingEntry(id: $id) { staffPositionLabel(language: KY) degreeLabel(language: EN) rate normalisedTotal
        scores { criterionCode quantity authorCount points capped weightedPoints }
        groupTotals { group groupLabel(language: EN) points uncappedPoints cap capped } } }`,
      { id: entry2027.aida },
      { token: tokens.aida },
    );
    expect(aida.data?.ratingEntry).toEqual({
      staffPositionLabel: 'Профессор',
      degreeLabel: 'Doctor of sciences',
      rate: 1,
      normalisedTotal: 60,
      scores: [
        { criterionCode: 'LOAD', quantity: 40, authorCount: null, points: 40, capped: false, weightedPoints: 40 },
        { criterionCode: 'OPEN', quantity: 4, authorCount: null, points: 20, capped: false, weightedPoints: 20 },
        { criterionCode: 'SCOPUS', quantity: 3, authorCount: 3, points: 10, capped: false, weightedPoints: 10 },
        { criterionCode: 'GRANT', quantity: 0, authorCount: null, points: 0, capped: false, weightedPoints: 0 },
      ],
      groupTotals: [
        { group: 'TEACHING', groupLabel: 'Teaching', points: 50, uncappedPoints: 60, cap: 50, capped: true },
        { group: 'RESEARCH', groupLabel: 'Research', points: 10, uncappedPoints: 10, cap: 60, capped: false },
      ],
    });
  });

  it('publishes ranks per full rate within the university, faculty, chair and position, ties sharing a rank', async () => {
    for (const [teacher] of teachers)
      expect((await send(entryCommand('submitRatingEntry'), { entryId: entry2027[teacher] }, teacher)).entry.status).toBe('SUBMITTED');
    for (const [teacher] of teachers) {
      const reviewer: Person = ['dinara', 'emil'].includes(teacher) ? 'lawHead' : teacher === 'chyngyz' ? 'methodist' : 'econHead';
      expect((await send(entryCommand('verifyRatingEntry'), { entryId: entry2027[teacher] }, reviewer)).entry.status).toBe('VERIFIED');
    }
    expect((await results('divisionHead')).edges).toEqual([]);
    await send(campaignCommand('closeRatingEntries'), { campaignId: campaign2027 }, 'divisionHead');
    await send(campaignCommand('startRatingVerification'), { campaignId: campaign2027 }, 'divisionHead');
    const published = await send(campaignCommand('publishRatingResults'), { campaignId: campaign2027, appealsUntil: '2099-12-31' }, 'divisionHead');
    expect(published.campaign.status).toBe('PUBLISHED');

    // Teacher, total, per full rate, ranks: university, faculty, chair, position.
    expect(rows(await results('divisionHead'))).toEqual([
      ['Bakyt', 40, 80, 1, 1, 1, 1],
      ['Chyngyz', 100, 80, 1, 1, 1, 1],
      ['Dinara', 60, 80, 1, 1, 1, 1],
      ['Aida', 60, 60, 4, 3, 2, 1],
      ['Emil', 40, 40, 5, 2, 2, 2],
    ]);
  });

  it('serves the table a page at a time, filtered by faculty, chair or position, to its readers only', async () => {
    const first = await results('divisionHead', {}, 2);
    expect(rows(first).map((r) => r[0])).toEqual(['Bakyt', 'Chyngyz']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await results('divisionHead', {}, 2, first.pageInfo.endCursor);
    expect(rows(second).map((r) => r[0])).toEqual(['Dinara', 'Aida']);
    const third = await results('divisionHead', {}, 2, second.pageInfo.endCursor);
    expect(rows(third).map((r) => r[0])).toEqual(['Emil']);
    expect(third.pageInfo.hasNextPage).toBe(false);

    expect(rows(await results('rector', { faculties: ['Economics'] })).map((r) => r[0])).toEqual(['Bakyt', 'Chyngyz', 'Aida']);
    expect(rows(await results('auditor', { chairs: ['Civil law'] })).map((r) => r[0])).toEqual(['Dinara', 'Emil']);
    expect(rows(await results('divisionHead', { positions: ['LECTURER'] })).map((r) => r[0])).toEqual(['Bakyt', 'Emil']);
    expect(rows(await results('econHead')).map((r) => r[0])).toEqual(['Bakyt', 'Chyngyz', 'Aida']);
    expect(rows(await results('bakyt')).map((r) => r[0])).toEqual(['Bakyt']);
    expect((await results('integration')).edges).toEqual([]);
  });

  const TABLES = `query($id: ID!) { ratingCampaign(id: $id) {
    chairTable { faculty chair rank rankedEntries totalSum rateSum perFullRate }
    facultyTable { faculty chair rank rankedEntries totalSum rateSum perFullRate } } }`;

  it('publishes the chair and faculty tables: sums and sums per full rate, ranked', async () => {
    const res = await gql(TABLES, { id: campaign2027 }, { token: tokens.integration });
    expect(res.data?.ratingCampaign).toEqual({
      chairTable: [
        { faculty: 'Economics', chair: 'Accounting', rank: 1, rankedEntries: 1, totalSum: 100, rateSum: 1.25, perFullRate: 80 },
        { faculty: 'Economics', chair: 'Finance', rank: 2, rankedEntries: 2, totalSum: 100, rateSum: 1.5, perFullRate: 66.67 },
        { faculty: 'Law', chair: 'Civil law', rank: 3, rankedEntries: 2, totalSum: 100, rateSum: 1.75, perFullRate: 57.14 },
      ],
      facultyTable: [
        { faculty: 'Economics', chair: null, rank: 1, rankedEntries: 3, totalSum: 200, rateSum: 2.75, perFullRate: 72.73 },
        { faculty: 'Law', chair: null, rank: 2, rankedEntries: 2, totalSum: 100, rateSum: 1.75, perFullRate: 57.14 },
      ],
    });
    const law = await gql(TABLES, { id: campaign2027 }, { token: tokens.lawHead });
    expect(law.data?.ratingCampaign.facultyTable.map((r: { faculty: string }) => r.faculty)).toEqual(['Law']);
    const teacher = await gql(TABLES, { id: campaign2027 }, { token: tokens.aida });
    expect(teacher.data?.ratingCampaign).toEqual({ chairTable: [], facultyTable: [] });
  });

  it('re-ranks the table and the chairs when an appeal correcting the number of authors is upheld', async () => {
    const filed = await send(
      entryCommand('fileRatingAppeal'),
      { entryId: entry2027.aida, criteria: ['SCOPUS'], reason: 'I am the sole author of four' },
      'aida',
    );
    expect(filed.__typename).toBe('RatingEntryPayload');
    const upheld = await send(
      entryCommand('resolveRatingAppeal'),
      { entryId: entry2027.aida, decision: 'UPHELD', response: 'Confirmed', corrections: [{ criterionCode: 'SCOPUS', quantity: 4, authorCount: 1 }] },
      'divisionHead',
    );
    expect(upheld.entry.total).toBe(90);
    expect(rows(await results('divisionHead'))).toEqual([
      ['Aida', 90, 90, 1, 1, 1, 1],
      ['Bakyt', 40, 80, 2, 2, 2, 1],
      ['Chyngyz', 100, 80, 2, 2, 1, 1],
      ['Dinara', 60, 80, 2, 1, 1, 1],
      ['Emil', 40, 40, 5, 2, 2, 2],
    ]);
    const tables = await gql(TABLES, { id: campaign2027 }, { token: tokens.divisionHead });
    expect(tables.data?.ratingCampaign.chairTable.map((r: { chair: string; perFullRate: number; rank: number }) => [r.chair, r.perFullRate, r.rank])).toEqual([
      ['Finance', 86.67, 1],
      ['Accounting', 80, 2],
      ['Civil law', 57.14, 3],
    ]);
    const appeal = await gql(
      `query($id: ID!) { ratingEntry(id: $id) { appeal { corrections { criterionCode previousQuantity quantity previousAuthorCount authorCount } } } }`,
      { id: entry2027.aida },
      { token: tokens.aida },
    );
    expect(appeal.data?.ratingEntry.appeal.corrections).toEqual([
      { criterionCode: 'SCOPUS', previousQuantity: 3, quantity: 4, previousAuthorCount: 3, authorCount: 1 },
    ]);
  });
});
