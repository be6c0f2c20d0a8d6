// A poison event as the hub's users and operators meet it: the licence registry stops on an event
// it cannot fold, the command that stored it is told so (not "query again shortly"), ratings go on,
// /ready, /metrics and the readModels query name the stopped read model, and the operator's way out
// (a fixed projection under a new version) rebuilds beside it and takes over (docs/operations.md).
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { licensesProjection } from '../projections/licenses.ts';
import { ratingsProjection } from '../projections/ratings.ts';
import type { ProjectionDefinition } from '../projections/projection.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { allProjections } from '../src/modules.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, teacher, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { applicationInput } from './support/licensing.ts';

/** The licence registry with a bug: it cannot fold an application for 13 students. */
const unluckyLicenses: ProjectionDefinition = {
  ...(licensesProjection as ProjectionDefinition),
  open(db, tables) {
    const applier = licensesProjection.open(db, tables as never);
    return {
      apply(event) {
        if (event.type === 'LicenseApplied' && event.data.requestedCapacity === 13) throw new Error('capacity 13 is unlucky');
        applier.apply(event);
      },
    };
  },
};
const V = licensesProjection.version;
const fixedLicenses = { ...(licensesProjection as ProjectionDefinition), version: licensesProjection.version + 1 };

const APPLY = `mutation($input: ApplyForLicenseInput!) { applyForLicense(input: $input) {
  __typename ... on Error { message } ... on ReadModelStoppedError { position revision readModels } ... on LicensePayload { position } } }`;
const CREATE_CAMPAIGN = `mutation($input: CreateRatingCampaignInput!) { createRatingCampaign(input: $input) { __typename ... on Error { message } } }`;
const READ_MODELS = `{ readModels { name version state stateLabel(language: EN) position stoppedAt { position eventType stream error } } }`;
const LICENCES = `{ licenses(first: 10) { edges { node { requestedCapacity } } } }`;

const campaign = {
  year: 2031,
  title: { ky: 'Рейтинг 2031', ru: 'Рейтинг 2031', en: 'Rating 2031' },
  criteria: [{ code: 'TEACH', name: { ky: 'Окутуу', ru: 'Учебная работа', en: 'Teaching' }, maxPoints: 40, weight: 1 }],
  entriesDue: '2099-06-30',
};

describe('a read model stopped by a poison event', () => {
  const dir = temporaryDirectory();
  const hubs: Hub[] = [];
  afterEach(async () => {
    for (const hub of hubs.splice(0)) await hub.close();
  });
  afterAll(() => dir.remove());

  async function boot(licenses: ProjectionDefinition[]) {
    // Every other read model as the hub runs it; only the licence registry's versions are the test's.
    const hub = await openHub(testConfig(dir.path), { projections: [...licenses, ...allProjections.filter((p) => p.name !== licensesProjection.name)] });
    hubs.push(hub);
    const yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
    const get = async (path: string) => {
      const response = await yoga.fetch(`http://hub.test${path}`);
      return { status: response.status, text: await response.text() };
    };
    return { hub, gql: yogaClient(yoga), get };
  }

  it('stops alone, says so to the command, to /ready, /metrics and readModels, and the hub serves the rest', async () => {
    const { gql, get } = await boot([unluckyLicenses]);
    const token = await tokenFor(director);
    expect((await gql(APPLY, { input: applicationInput() }, { token })).data?.applyForLicense.__typename).toBe('LicensePayload');
    const poisoned = (await gql(APPLY, { input: applicationInput({ requestedCapacity: 13 }) }, { token })).data?.applyForLicense;
    expect(poisoned).toMatchObject({
      __typename: 'ReadModelStoppedError',
      revision: '0',
      readModels: [expect.stringMatching(new RegExp(`^licenses v${V} \\(stopped at LicenseApplied, position \\d+\\)$`))],
    });
    expect(poisoned.message).toMatch(new RegExp(`was stored at position \\d+, but the read model licenses v${V} .* has stopped`));

    const created = await gql(CREATE_CAMPAIGN, { input: campaign }, { token });
    expect(created.data?.createRatingCampaign.__typename).toBe('RatingCampaignPayload');

    const models = (await gql(READ_MODELS, {}, { token })).data?.readModels as { name: string; state: string }[];
    expect(models.filter((m) => m.name !== 'licenses').every((m) => m.state === 'LIVE')).toBe(true);
    expect(models.filter((m) => m.name === 'licenses' || m.name === 'ratings')).toEqual([
      {
        name: 'licenses',
        version: V,
        state: 'STOPPED',
        stateLabel: 'Stopped on an event',
        position: expect.any(String),
        stoppedAt: { position: poisoned.position, eventType: 'LicenseApplied', stream: expect.stringMatching(/^license-/), error: 'capacity 13 is unlucky' },
      },
      { name: 'ratings', version: ratingsProjection.version, state: 'LIVE', stateLabel: 'Serving reads', position: expect.any(String), stoppedAt: null },
    ]);
    const refused = await gql(READ_MODELS, {}, { token: await tokenFor(teacher) });
    expect(refused.errors?.[0]?.message).toMatch(/readModels is not open to the roles teacher/);

    const ready = await get('/ready');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toMatchObject({ ready: false, stopped: [`licenses v${V}`] });
    expect(ready.text).not.toContain('unlucky');
    const metrics = await get('/metrics');
    expect(metrics.text).toContain(`sapat_projection_stopped{projection="licenses",version="${V}"} 1`);
    expect(metrics.text).toContain(`sapat_projection_stopped{projection="ratings",version="${ratingsProjection.version}"} 0`);
  });

  it('is replaced by a fixed version that rebuilds beside it and takes over', async () => {
    const { hub, gql, get } = await boot([unluckyLicenses, fixedLicenses]);
    const token = await tokenFor(director);
    await expect
      .poll(() =>
        hub.projections
          .status()
          .filter((s) => s.name === 'licenses' || s.name === 'ratings')
          .map((s) => [s.name, s.version, s.state]),
      )
      .toEqual([
        ['licenses', V + 1, 'live'],
        ['ratings', ratingsProjection.version, 'live'],
      ]);
    await expect.poll(async () => (await get('/ready')).status).toBe(200);
    const capacities = (await gql(LICENCES, {}, { token })).data?.licenses.edges.map((e: { node: { requestedCapacity: number } }) => e.node.requestedCapacity);
    expect(capacities.sort()).toEqual([13, 150]);
    expect((await gql(APPLY, { input: applicationInput({ requestedCapacity: 13 }) }, { token })).data?.applyForLicense.__typename).toBe('LicensePayload');
  });
});
