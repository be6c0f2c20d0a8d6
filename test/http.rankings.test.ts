// One ranking edition end to end over a real socket, against the hub as `npm start` runs it in a
// process of its own: from the ranking organisation and the agreement the director signs, through a
// cooperation plan, to a data set supplied by units, verified, approved, submitted and acknowledged,
// and the published result compared with last year's, as the division and the units reach it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/decider.ts';
import { temporaryDirectory, tokenFor } from './support/fixtures.ts';
import { graphqlClient } from './support/graphql.ts';
import { PROCESS_CEILING_MS, startHubProcess, stopHubProcess, type HubProcess } from './support/hub-ready.ts';

const people = {
  director: { id: 'u-director', name: 'Gulnara Asanova', roles: ['director'] },
  head: { id: 'd-head', name: 'Elmira Tashieva', roles: ['head_of_rating_division'] },
  methodist: { id: 'd-methodist', name: 'Farida Zhumabaeva', roles: ['methodist'] },
  hrHead: { id: 'h-hr', name: 'Nurlan Sadykov', roles: ['unit_head'], unit: 'hr-office' },
} satisfies Record<string, Actor>;
type Person = keyof typeof people;

let dir: ReturnType<typeof temporaryDirectory>;
let hub: HubProcess;
const tokens = {} as Record<Person, string>;

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await startHubProcess(dir.path);
  for (const person of Object.keys(people) as Person[]) tokens[person] = await tokenFor(people[person]);
}, PROCESS_CEILING_MS);
afterAll(async () => {
  if (hub) await stopHubProcess(hub);
  dir.remove();
}, PROCESS_CEILING_MS);

const fragments: Record<string, string> = {
  RankingOrganisationPayload: '... on RankingOrganisationPayload { rankingOrganisation { id } }',
  RankingCooperationPlanPayload: '... on RankingCooperationPlanPayload { cooperationPlan { id } }',
  RankingEditionPayload: '... on RankingEditionPayload { rankingEdition { id submissionStatus } }',
};

describe('a ranking edition over HTTP, in a hub process of its own', () => {
  it('goes from the organisation and the agreement to a submitted data set and a recorded result', async () => {
    const gql = graphqlClient(fetch, hub.url);
    const send = async (name: string, payload: keyof typeof fragments, input: Record<string, unknown>, as: Person) => {
      const operation = `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename ${fragments[payload]} ... on Error { message } } }`;
      const res = await gql(operation, { input }, { token: tokens[as] });
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      const result = res.data![name] as Record<string, any>;
      expect(result.__typename, `${name}: ${JSON.stringify(result)}`).toBe(payload);
      return Object.values(result).find((v) => typeof v === 'object' && v !== null) as Record<string, any>;
    };

    const qs = (
      await send(
        'registerRankingOrganisation',
        'RankingOrganisationPayload',
        { name: 'QS World University Rankings', shortName: 'QS WUR', kind: 'INTERNATIONAL', country: 'United Kingdom' },
        'head',
      )
    ).id;
    await send(
      'signRankingAgreement',
      'RankingOrganisationPayload',
      {
        rankingOrganisationId: qs,
        agreementNumber: 'QS-2026/1',
        subject: 'Data exchange and QS Stars audit',
        signedOn: '2026-01-20',
        validUntil: '2099-12-31',
      },
      'director',
    );
    const plan = (
      await send(
        'draftRankingCooperationPlan',
        'RankingCooperationPlanPayload',
        { rankingOrganisationId: qs, agreementNumber: 'QS-2026/1', title: 'Cooperation with QS', year: 2026 },
        'head',
      )
    ).id;
    await send(
      'addRankingCooperationActivity',
      'RankingCooperationPlanPayload',
      { rankingCooperationPlanId: plan, code: '1', activity: 'QS HUB training for units', responsible: 'F. Zhumabaeva', dueOn: '2099-03-01' },
      'head',
    );
    await send(
      'adoptRankingCooperationPlan',
      'RankingCooperationPlanPayload',
      { rankingCooperationPlanId: plan, adoptedOn: '2026-02-01', decision: 'Order 12' },
      'director',
    );

    const indicators = [
      {
        code: 'AR',
        name: { ky: 'Академиялык бедел', ru: 'Академическая репутация', en: 'Academic reputation' },
        weight: 30,
        unit: 'score',
        computation: 'Academic survey',
        source: 'SURVEY',
      },
      {
        code: 'FSR',
        name: { ky: 'Окутуучу/студент', ru: 'Преподаватели/студенты', en: 'Faculty/student ratio' },
        weight: 10,
        unit: 'ratio',
        computation: 'Faculty FTE / students FTE',
        source: 'SUBMITTED',
      },
    ];
    const announce = (year: number) =>
      send(
        'announceRankingEdition',
        'RankingEditionPayload',
        { rankingOrganisationId: qs, year, title: `QS WUR ${year}`, collectionOpensOn: `${year}-01-10`, collectionClosesOn: `${year}-03-31`, indicators },
        'head',
      );
    const last = (await announce(2025)).id;
    await send('recordRankingResult', 'RankingEditionPayload', { rankingEditionId: last, publishedOn: '2025-06-04', band: '1001-1200' }, 'methodist');
    const edition = (await announce(2026)).id;

    const value = {
      rankingEditionId: edition,
      indicatorCode: 'FSR',
      value: 0.068,
      breakdowns: [{ name: 'full-time', value: 1020 }],
      evidence: 'HR export',
      supplyingUnit: 'hr-office',
    };
    expect((await send('recordRankingDataValue', 'RankingEditionPayload', value, 'hrHead')).submissionStatus).toBe('COLLECTING');
    expect(
      (
        await send(
          'verifyRankingDataValue',
          'RankingEditionPayload',
          { rankingEditionId: edition, indicatorCode: 'FSR', verifiedOn: '2026-02-12' },
          'methodist',
        )
      ).submissionStatus,
    ).toBe('VERIFIED');
    expect(
      (await send('approveRankingSubmission', 'RankingEditionPayload', { rankingEditionId: edition, approvedOn: '2026-02-20' }, 'director')).submissionStatus,
    ).toBe('APPROVED');
    expect(
      (await send('submitRankingData', 'RankingEditionPayload', { rankingEditionId: edition, submittedOn: '2026-02-21', channel: 'QS HUB' }, 'methodist'))
        .submissionStatus,
    ).toBe('SUBMITTED');
    expect(
      (await send('acknowledgeRankingSubmission', 'RankingEditionPayload', { rankingEditionId: edition, acknowledgedOn: '2026-02-25' }, 'head'))
        .submissionStatus,
    ).toBe('ACKNOWLEDGED');
    await send(
      'recordRankingResult',
      'RankingEditionPayload',
      { rankingEditionId: edition, publishedOn: '2026-06-04', band: '801-1000', indicatorScores: [{ indicatorCode: 'FSR', score: 31 }] },
      'head',
    );

    const read = await gql(
      `query($id: ID!) {
        rankings(first: 10) { edges { node { shortName trend currentSubmissionStatus agreements { agreementNumber inForce } editions { year result { band } } } } }
        rankingEdition(id: $id) { values { indicatorCode value supplyingUnit status dataRequestId } result { band trend rankChange previous { band } indicatorScores { indicatorCode score } } }
        cooperationPlans(first: 10) { edges { node { title adopted activities { code status dueOn } } } }
      }`,
      { id: edition },
      { token: tokens.hrHead },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({
      rankings: {
        edges: [
          {
            node: {
              shortName: 'QS WUR',
              trend: 'IMPROVED',
              currentSubmissionStatus: 'ACKNOWLEDGED',
              agreements: [{ agreementNumber: 'QS-2026/1', inForce: true }],
              editions: [
                { year: 2026, result: { band: '801-1000' } },
                { year: 2025, result: { band: '1001-1200' } },
              ],
            },
          },
        ],
      },
      rankingEdition: {
        values: [{ indicatorCode: 'FSR', value: 0.068, supplyingUnit: 'hr-office', status: 'VERIFIED', dataRequestId: null }],
        result: {
          band: '801-1000',
          trend: 'IMPROVED',
          rankChange: 200,
          previous: { band: '1001-1200' },
          indicatorScores: [{ indicatorCode: 'FSR', score: 31 }],
        },
      },
      cooperationPlans: {
        edges: [{ node: { title: 'Cooperation with QS', adopted: true, activities: [{ code: '1', status: 'PLANNED', dueOn: '2099-03-01' }] } }],
      },
    });
  });
});
