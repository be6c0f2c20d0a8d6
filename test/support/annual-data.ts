// A small university year for the export and report tests, sent through GraphQL like a frontend:
// licence applications in two faculties, a strategic plan with two measured indicators and a
// corrective action, and a 2026 rating campaign with entries from two teachers of different units.
import { expect } from 'vitest';
import type { Actor } from '../../src/domain/decider.ts';
import { director, tokenFor } from './fixtures.ts';
import type { yogaClient } from './graphql.ts';
import { APPLY } from './licensing-operations.ts';
import { applicationInput } from './licensing.ts';
import {
  ADD_DIRECTION,
  ADD_GOAL,
  DEFINE_INDICATOR,
  DRAFT_PLAN,
  indicatorInput,
  name,
  PLAN_ACTION,
  REPORT_MEASUREMENT,
  VERIFY_MEASUREMENT,
} from './strategy-operations.ts';

export const divisionHead: Actor = { id: 'd-head', name: 'Elmira Tashieva', roles: ['head_of_rating_division'] };
export const aida: Actor = { id: 't-aida', name: 'Айда Мамытова', roles: ['teacher'], unit: 'faculty-economics' };
export const dinara: Actor = { id: 't-dinara', name: 'Динара Алиева', roles: ['teacher'], unit: 'faculty-law' };

type Gql = ReturnType<typeof yogaClient>;

export async function seedYear(gql: Gql): Promise<void> {
  const token = await tokenFor(director);
  const send = async (operation: string, input: Record<string, unknown>, as = token) => {
    const res = await gql(operation, { input }, { token: as });
    const payload = Object.values(res.data ?? {})[0] as Record<string, any>;
    if (!payload?.__typename) throw new Error(JSON.stringify(res));
    expect(payload.__typename).toMatch(/Payload$/);
    return payload;
  };

  await send(APPLY, applicationInput({ submittedOn: '2026-01-15' }));
  await send(APPLY, applicationInput({ submittedOn: '2026-02-03', requestedCapacity: 60 }));
  await send(
    APPLY,
    applicationInput({
      submittedOn: '2026-03-10',
      programme: {
        code: '530100',
        name: { ky: 'Юриспруденция, укук таануу, "жарандык" укук', ru: 'Юриспруденция', en: 'Law' },
        level: 'MASTER',
        formOfStudy: 'PART_TIME',
        faculty: 'Faculty of Law',
      },
    }),
  );

  const planId = (await send(DRAFT_PLAN, { title: name('Development programme 2024–2028'), startYear: 2024, endYear: 2028 })).strategicPlan.id;
  await send(ADD_DIRECTION, { planId, code: '1', name: name('Quality of education') });
  await send(ADD_GOAL, { planId, directionCode: '1', code: '1.1', name: name('Qualified teaching staff') });
  const degree = (
    await send(
      DEFINE_INDICATOR,
      indicatorInput(planId, {
        name: { ky: 'Илимий даражасы бар окутуучулардын үлүшү', ru: 'Доля преподавателей с учёной степенью', en: 'Share of staff with a degree' },
        targets: [
          { year: 2025, value: 33 },
          { year: 2026, value: 36 },
        ],
      }),
    )
  ).indicator;
  for (const [period, value] of [
    ['2024', 30],
    ['2025', 32],
    ['2026', 31],
  ] as const) {
    await send(REPORT_MEASUREMENT, { indicatorId: degree.id, period, value, evidence: `Staff list ${period}`, reportedOn: '2026-11-01' });
    await send(VERIFY_MEASUREMENT, { indicatorId: degree.id, period, verifiedOn: '2026-11-02' });
  }
  const publications = (
    await send(
      DEFINE_INDICATOR,
      indicatorInput(planId, {
        code: 'SD1-G1-KPI02',
        name: { ky: 'Scopus басылмалары', ru: 'Публикации в Scopus', en: 'Scopus publications' },
        unit: 'COUNT',
        baseline: { year: 2024, value: 40 },
        targets: [{ year: 2026, value: 60 }],
        finalTarget: { year: 2028, value: 80 },
      }),
    )
  ).indicator;
  await send(REPORT_MEASUREMENT, { indicatorId: publications.id, period: '2025', value: 52, evidence: 'Scopus', reportedOn: '2026-11-01' });
  await send(PLAN_ACTION, {
    source: 'INDICATOR',
    sourceId: degree.indicatorId,
    problem: 'Илимий даражасы бар окутуучулар аз',
    rootCause: 'Few defences',
    action: 'Support doctoral studies',
    owner: 'Head of HR',
    ownerUnit: 'hr-office',
    plannedOn: '2026-11-05',
    dueOn: '2026-11-20',
  });

  const lead = await tokenFor(divisionHead);
  const criteria = [
    { code: 'TEACH', name: { ky: 'Окутуу', ru: 'Учебная работа', en: 'Teaching' }, maxPoints: 40, weight: 1 },
    { code: 'PUB', name: { ky: 'Басылмалар', ru: 'Публикации', en: 'Publications' }, maxPoints: 30, weight: 1.5 },
  ];
  const campaign = (
    await send(
      `mutation($input: CreateRatingCampaignInput!) { createRatingCampaign(input: $input) { __typename ... on RatingCampaignPayload { campaign { campaignId } } ... on Error { message } } }`,
      { year: 2026, title: { ky: '2026-жылдын рейтинги', ru: 'Рейтинг ППС 2026', en: 'Teaching staff rating 2026' }, criteria, entriesDue: '2099-06-30' },
      lead,
    )
  ).campaign;
  await send(
    `mutation($input: OpenRatingCampaignInput!) { openRatingCampaign(input: $input) { __typename ... on Error { message } } }`,
    { campaignId: campaign.campaignId, basis: 'Order No. 45/1' },
    lead,
  );
  for (const [teacher, teach, pub] of [
    [aida, 36, 24.5],
    [dinara, 30, 20],
  ] as const) {
    await send(
      `mutation($input: RecordRatingScoresInput!) { recordRatingScores(input: $input) { __typename ... on Error { message } } }`,
      {
        campaignId: campaign.campaignId,
        scores: [
          { criterionCode: 'TEACH', quantity: teach, evidence: 'Teaching load report' },
          { criterionCode: 'PUB', quantity: pub },
        ],
      },
      await tokenFor(teacher),
    );
  }
}
