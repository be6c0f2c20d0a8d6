// The registers merged after the exports and the annual report, filled through GraphQL like a
// frontend would: two ranking organisations with results for two years (so a trend), a cooperation
// plan, data requests to two faculties, a meeting, a UMO session, an analytical report, a
// publication, a published instrument with a survey round, and a task. Values that a spreadsheet
// would take for a formula are among them on purpose (the CSV must neutralise them).
import { expect } from 'vitest';
import type { Actor } from '../../src/domain/decider.ts';
import { divisionHead } from './annual-data.ts';
import { director, tokenFor } from './fixtures.ts';
import type { yogaClient } from './graphql.ts';

type Gql = ReturnType<typeof yogaClient>;

export const economicsHead: Actor = { id: 'h-econ', name: 'Dean of Economics', roles: ['unit_head'], unit: 'faculty-economics' };

const name = (en: string) => ({ ky: `${en} (ky)`, ru: `${en} (ru)`, en });

/** Sends one mutation and answers its payload; fails the test on anything but a payload. */
const sender =
  (gql: Gql) =>
  async (mutation: string, input: Record<string, unknown>, as: Actor, select = '') => {
    const res = await gql(
      `mutation($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { __typename ${select} ... on Error { message } } }`,
      { input },
      { token: await tokenFor(as) },
    );
    const payload = res.data?.[mutation] as Record<string, any> | undefined;
    expect(payload?.__typename, `${mutation}: ${JSON.stringify(res)}`).toMatch(/Payload$/);
    return payload!;
  };

/** Two ranking organisations, each with a 2025 and a 2026 result: QS by band (better in 2026), the Ministry's rating by rank (worse). */
export async function seedRankings(gql: Gql): Promise<void> {
  const send = sender(gql);
  const indicators = [{ code: 'AR', name: name('Academic reputation'), weight: 30, unit: 'score', computation: 'Academic survey', source: 'SURVEY' }];
  const organisation = async (input: Record<string, unknown>) =>
    (await send('registerRankingOrganisation', input, divisionHead, '... on RankingOrganisationPayload { rankingOrganisation { rankingOrganisationId } }'))
      .rankingOrganisation.rankingOrganisationId as string;
  const edition = async (rankingOrganisationId: string, year: number, title: string) =>
    (
      await send(
        'announceRankingEdition',
        { rankingOrganisationId, year, title, indicators },
        divisionHead,
        '... on RankingEditionPayload { rankingEdition { id } }',
      )
    ).rankingEdition.id as string;
  const qs = await organisation({ name: 'QS World University Rankings', shortName: 'QS WUR', kind: 'INTERNATIONAL', country: 'United Kingdom' });
  const ministry = await organisation({ name: 'National rating of HEIs', shortName: 'rating.kg', kind: 'NATIONAL_MINISTRY', country: 'Kyrgyzstan' });
  const results: [string, number, Record<string, unknown>][] = [
    [qs, 2025, { publishedOn: '2025-06-04', band: '1001-1200', score: 15.2 }],
    [qs, 2026, { publishedOn: '2026-06-04', band: '801-1000', score: 18.7 }],
    [ministry, 2025, { publishedOn: '2025-06-10', rank: 4, score: 415.84 }],
    [ministry, 2026, { publishedOn: '2026-06-10', rank: 6, score: 410.1 }],
  ];
  for (const [organisationId, year, result] of results) {
    const editionId = await edition(organisationId, year, `${organisationId === qs ? 'QS WUR' : 'rating.kg'} ${year}`);
    await send('recordRankingResult', { rankingEditionId: editionId, ...result }, divisionHead);
  }
  await send('draftRankingCooperationPlan', { rankingOrganisationId: ministry, title: '=Work with the Ministry’s rating', year: 2026 }, divisionHead);
}

/** The secretariat's, surveys' and organisation's registers, a few items each. */
export async function seedRegisters(gql: Gql): Promise<void> {
  const send = sender(gql);
  const request = (unit: string, subject: string) => ({
    subject,
    question: 'Give the number of academic staff as of 1 November.',
    figures: [{ name: 'Academic staff', unit: 'persons' }],
    unitKind: 'FACULTY',
    unit,
    sentOn: '2026-11-20',
    dueOn: '2026-12-20',
  });
  await send('sendDataRequest', request('faculty-economics', 'Staff figures of economics'), divisionHead);
  await send('sendDataRequest', request('faculty-economics', '-1 vacancies? recheck'), divisionHead);
  await send('sendDataRequest', request('faculty-law', 'Staff figures of law'), divisionHead);

  await send(
    'planMeeting',
    {
      topic: '@Rankings seminar',
      kind: 'SEMINAR',
      date: '2026-12-10',
      place: 'Hall 2',
      organiser: 'Rating division',
      participants: ['Deans', 'Chairs'],
      plannedOn: '2026-11-25',
    },
    divisionHead,
  );
  await send(
    'scheduleUmoSession',
    { title: 'UMO session No. 3', scheduledOn: '2026-12-15', place: 'Room 204', members: ['Asanova', 'Bakirov', 'Chynybaeva'], agenda: ['Curricula for 2027'] },
    divisionHead,
  );
  await send(
    'prepareAnalyticalReport',
    {
      title: 'Licensing 2026',
      subject: 'Licensing',
      periodFrom: '2026-01-01',
      periodTo: '2026-10-31',
      summary: 'Findings.',
      references: [],
      preparedOn: '2026-11-15',
    },
    divisionHead,
  );
  await send(
    'draftPublication',
    { title: '+OshSU in the national rating', kind: 'PRESS_RELEASE', topic: 'RANKINGS', body: 'OshSU kept its place.', draftedOn: '2026-11-10' },
    divisionHead,
  );

  const instrumentId = (
    await send(
      'draftAssessmentInstrument',
      {
        code: 'SSQ',
        title: name('Student satisfaction'),
        purpose: 'Students on teaching',
        questions: [{ code: 'Q1', text: name('The teaching is clear'), kind: 'SCALE_1_5' }],
        draftedOn: '2026-10-01',
      },
      divisionHead,
      '... on AssessmentInstrumentPayload { assessmentInstrument { id } }',
    )
  ).assessmentInstrument.id as string;
  await send('publishAssessmentInstrumentVersion', { instrumentId, version: 1, publishedOn: '2026-10-05' }, divisionHead);
  await send(
    'planSurveyRound',
    {
      instrumentId,
      title: 'Student satisfaction, autumn 2026',
      targetGroup: 'STUDENTS',
      unit: 'faculty-economics',
      startsOn: '2026-11-01',
      endsOn: '2026-12-01',
      invitedCount: 120,
    },
    divisionHead,
  );

  await send(
    'assignOrganisationTask',
    { title: 'Collect the staff figures', assigneeUnit: 'RATING_DIVISION', assignedOn: '2026-11-20', dueOn: '2026-12-05' },
    director,
  );
}

/** The year's rating campaign taken to publication: each teacher submits, the division verifies, closes and publishes, so its results table has rows. */
export async function publishRatingCampaign(gql: Gql, teachers: Actor[]): Promise<string> {
  const send = sender(gql);
  const res = await gql(
    'query { ratingEntries(first: 100) { edges { node { entryId teacherId campaign { campaignId } } } } }',
    {},
    { token: await tokenFor(director) },
  );
  const entries = res.data!.ratingEntries.edges.map((e: { node: Record<string, any> }) => e.node);
  for (const teacher of teachers) {
    const entryId = entries.find((e: Record<string, any>) => e.teacherId === teacher.id).entryId;
    const faculty = teacher.unit === 'faculty-law' ? 'Law' : 'Economics';
    const profile = { faculty, chair: `${faculty}, general`, position: 'ASSOCIATE_PROFESSOR', degree: 'CANDIDATE', rate: 1 };
    await send('recordRatingEntryProfile', { entryId, profile }, teacher);
    await send('submitRatingEntry', { entryId }, teacher);
    await send('verifyRatingEntry', { entryId }, divisionHead);
  }
  const campaignId = entries[0].campaign.campaignId as string;
  for (const mutation of ['closeRatingEntries', 'startRatingVerification']) await send(mutation, { campaignId }, divisionHead);
  await send('publishRatingResults', { campaignId, appealsUntil: '2099-12-31' }, divisionHead);
  return campaignId;
}
