// The deadlines list through GraphQL, fed by licences and a rating campaign: stable order by due
// date, the filters (from, to, unit, kind, overdue, done), relay paging both ways, the link to the
// entity as a global id, and bad input refused naming the argument.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { applicationInput, expertGroupInput, licensingSender } from './support/licensing.ts';
import { APPLY, CONCLUDE, EXPIRE, FORM_GROUP, GRANT, REVOKE } from './support/licensing-operations.ts';

let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let gql: ReturnType<typeof yogaClient>;
let token: string;
const ids: Record<string, string> = {};

async function granted(faculty: string, validUntil: string): Promise<string> {
  const send = licensingSender(gql, token);
  const base = applicationInput();
  const { licenseId } = await send(APPLY, { ...base, programme: { ...base.programme, faculty } });
  await send(FORM_GROUP, expertGroupInput(licenseId));
  await send(CONCLUDE, { licenseId, outcome: 'POSITIVE', summary: 'Meets the requirements', concludedOn: '2026-02-20' });
  await send(GRANT, { licenseId, licenseNumber: `LS-${validUntil}`, appendixNumber: '1', grantedOn: '2026-03-01', validUntil });
  return licenseId;
}

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path));
  gql = yogaClient(createGraphQLHandler(hub, { secret: TEST_SECRET }));
  token = await tokenFor(director);
  const send = licensingSender(gql, token);
  ids.overdue = await granted('Faculty of Economics', '2026-05-31');
  ids.medical = await granted('Medical Faculty', '2099-02-28');
  ids.revoked = await granted('Faculty of Economics', '2098-06-30');
  await send(REVOKE, { licenseId: ids.revoked, reason: 'Closed', basis: 'Order 7', revokedOn: '2026-04-01' });
  ids.expired = await granted('Faculty of Economics', '2026-04-30');
  await send(EXPIRE, { licenseId: ids.expired, expiredOn: '2026-05-01' });
  const campaign = await gql(
    `mutation($input: CreateRatingCampaignInput!) { createRatingCampaign(input: $input) { __typename ... on RatingCampaignPayload { campaign { id } } } }`,
    {
      input: {
        year: 2098,
        title: { ky: 'Рейтинг', ru: 'Рейтинг', en: 'Rating' },
        criteria: [{ code: 'TEACH', name: { ky: 'О', ru: 'У', en: 'Teaching' }, maxPoints: 40, weight: 1 }],
        entriesDue: '2098-12-31',
      },
    },
    { token },
  );
  ids.campaign = campaign.data!.createRatingCampaign.campaign.id;
});
afterAll(async () => {
  await hub.close();
  dir.remove();
});

const LIST = `query($from: Date, $to: Date, $unit: String, $kind: String, $overdue: Boolean, $done: Boolean, $first: Int, $after: String, $last: Int, $before: String) {
  deadlines(from: $from, to: $to, unit: $unit, kind: $kind, overdue: $overdue, done: $done, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { key kind kindLabel(language: RU) dueOn done doneOn overdue unit entityType entity } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
type Node = { key: string; kind: string; dueOn: string; done: boolean; overdue: boolean; unit: string | null; entity: string; kindLabel: string };
async function list(variables: Record<string, unknown> = {}): Promise<{ nodes: Node[]; pageInfo: Record<string, any> }> {
  const res = await gql(LIST, variables, { token });
  expect(res.errors).toBeUndefined();
  return { nodes: res.data!.deadlines.edges.map((e: { node: Node }) => e.node), pageInfo: res.data!.deadlines.pageInfo };
}
const dues = (nodes: Node[]) => nodes.map((n) => n.dueOn);

describe('the deadlines query', () => {
  it('lists every module’s dates by due day, a revoked licence’s dropped, an expired one’s done', async () => {
    const { nodes } = await list();
    expect(dues(nodes)).toEqual(['2026-04-30', '2026-05-31', '2098-12-31', '2099-02-28']);
    expect(nodes[0]).toMatchObject({
      key: `license:${ids.expired}:validity`,
      done: true,
      overdue: false,
      unit: 'Faculty of Economics',
      kindLabel: 'Срок действия лицензии',
    });
    expect(nodes[1]).toMatchObject({ key: `license:${ids.overdue}:validity`, done: false, overdue: true });
    expect(nodes[2]).toMatchObject({ kind: 'rating_entries', entityType: 'RatingCampaign', entity: ids.campaign, unit: null, overdue: false });
  });

  it('filters by overdue, done, unit, kind and a range of days', async () => {
    expect(dues((await list({ overdue: true })).nodes)).toEqual(['2026-05-31']);
    expect(dues((await list({ overdue: false })).nodes)).toEqual(['2026-04-30', '2098-12-31', '2099-02-28']);
    expect(dues((await list({ done: true })).nodes)).toEqual(['2026-04-30']);
    expect((await list({ unit: 'Medical Faculty' })).nodes.map((n) => n.key)).toEqual([`license:${ids.medical}:validity`]);
    expect(dues((await list({ kind: 'rating_entries' })).nodes)).toEqual(['2098-12-31']);
    expect(dues((await list({ from: '2026-05-01', to: '2098-12-31' })).nodes)).toEqual(['2026-05-31', '2098-12-31']);
  });

  it('links each item to its entity by global id', async () => {
    const { nodes } = await list({ unit: 'Medical Faculty' });
    const res = await gql(`query($id: ID!) { node(id: $id) { __typename ... on License { licenseId } } }`, { id: nodes[0]!.entity }, { token });
    expect(res.data?.node).toEqual({ __typename: 'License', licenseId: ids.medical });
  });

  it('pages forwards and backwards without gaps or repeats', async () => {
    const first = await list({ first: 3 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await list({ first: 3, after: first.pageInfo.endCursor });
    expect([...dues(first.nodes), ...dues(rest.nodes)]).toEqual(['2026-04-30', '2026-05-31', '2098-12-31', '2099-02-28']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const back = await list({ last: 2, before: rest.pageInfo.startCursor });
    expect(dues(back.nodes)).toEqual(['2026-05-31', '2098-12-31']);
    expect(back.pageInfo.hasPreviousPage).toBe(true);
  });

  it('refuses a malformed day naming the argument, and anonymous callers', async () => {
    const bad = await gql(LIST, { from: '2026-02-30' }, { token });
    expect(JSON.stringify(bad.errors)).toMatch(/from/);
    expect(bad.data?.deadlines ?? null).toBeNull();
    const anonymous = await gql(LIST, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
