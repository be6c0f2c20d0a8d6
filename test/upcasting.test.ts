// Event versioning with a real example: ExpertGroupFormed v1 (members by name, chair first) stored
// long ago must read as v2 (members with roles) everywhere, while the stored bytes, and so the hash
// chain, stay as written.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventIdFor } from '../src/commands/ids.ts';
import { fold } from '../src/domain/decider.ts';
import { ratingEntryDecider, type RatingEntryEvent } from '../src/domain/rating-entries.ts';
import { upcastingStore } from '../src/eventstore/upcasting.ts';
import { eventVersions } from '../src/modules.ts';
import { entryIdFor } from '../schema/rating-mutations.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventMetadata, EventStore } from '../src/eventstore/types.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { CONCLUDE, FORM_GROUP } from './support/licensing-operations.ts';

const licenseId = '5a1f0c2e-8d3b-4c7a-9e6f-2b1d0c9e8f7a';
const stream = `license-${licenseId}`;
const metadata = (schemaVersion: number, commandId: string): EventMetadata => ({
  actor: { id: 'u-1', name: 'Inspector of 2024', roles: ['inspector'] },
  commandId,
  correlationId: commandId,
  causationId: commandId,
  occurredAt: '2024-05-01T08:00:00.000Z',
  schemaVersion,
});

describe('upcasting ExpertGroupFormed v1 to v2', () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let hub: Hub;

  beforeEach(async () => {
    dir = temporaryDirectory();
    const store: EventStore = openSqliteEventStore({ path: join(dir.path, 'events.db') });
    await store.append(
      stream,
      [
        {
          id: eventIdFor('old-apply', 0),
          type: 'LicenseApplied',
          data: {
            licenseId,
            programme: {
              code: '580100',
              name: { ky: 'Экономика', ru: 'Экономика', en: 'Economics' },
              level: 'bachelor',
              formOfStudy: 'full_time',
              faculty: 'Economics',
            },
            requestedCapacity: 90,
            submittedOn: '2024-04-01',
          },
          metadata: metadata(1, 'old-apply'),
        },
      ],
      'no_stream',
    );
    await store.append(
      stream,
      [
        {
          id: eventIdFor('old-group', 0),
          type: 'ExpertGroupFormed',
          data: { licenseId, kind: 'expert_group', members: ['Erkin Saparov', 'Cholpon Ismailova'], formedOn: '2024-05-01' },
          metadata: metadata(1, 'old-group'),
        },
      ],
      0n,
    );
    await store.close();
    hub = await openHub(testConfig(dir.path));
    // The read models fold a log they find at start in the background (/ready says when): wait for it.
    await hub.projections.waitFor((await hub.store.headPosition())!, 60_000);
  });
  afterEach(async () => {
    await hub.close();
    dir.remove();
  });

  it('shows the v1 group with roles in the registry, and the decider accepts the next step', async () => {
    const gql = yogaClient(createGraphQLHandler(hub, { secret: TEST_SECRET }));
    const token = await tokenFor(director);
    const read = await gql(`query($id: ID!) { license(id: $id) { status expertGroup { members { name role } } } }`, { id: licenseId }, { token });
    expect(read.data?.license).toEqual({
      status: 'UNDER_EXPERT_REVIEW',
      expertGroup: {
        members: [
          { name: 'Erkin Saparov', role: 'CHAIR' },
          { name: 'Cholpon Ismailova', role: 'MEMBER' },
        ],
      },
    });
    const concluded = await gql(CONCLUDE, { input: { licenseId, outcome: 'POSITIVE', summary: 'ok', concludedOn: '2024-06-01' } }, { token });
    expect(concluded.data?.recordExpertConclusion.license.status).toBe('CONCLUSION_POSITIVE');
  });

  it('reads the upcast shape through the hub and the stored shape through the raw store', async () => {
    const upcast = [];
    for await (const e of hub.store.readStream(stream)) upcast.push(e);
    const raw = [];
    for await (const e of hub.rawStore.readStream(stream)) raw.push(e);
    expect(upcast[1]!.metadata.schemaVersion).toBe(2);
    expect(upcast[1]!.data.members).toEqual([
      { name: 'Erkin Saparov', role: 'chair' },
      { name: 'Cholpon Ismailova', role: 'member' },
    ]);
    expect(raw[1]!.metadata.schemaVersion).toBe(1);
    expect(raw[1]!.data.members).toEqual(['Erkin Saparov', 'Cholpon Ismailova']);
    expect(upcast[1]!.metadata.hash).toBe(raw[1]!.metadata.hash);
  });

  it('writes new ExpertGroupFormed events as version 2', async () => {
    const gql = yogaClient(createGraphQLHandler(hub, { secret: TEST_SECRET }));
    const token = await tokenFor(director);
    const res = await gql(
      FORM_GROUP,
      { input: { licenseId, kind: 'WORKING_GROUP', formedOn: '2024-05-02', members: [{ name: 'Aigul Tashieva', role: 'CHAIR' }] } },
      { token },
    );
    expect(res.data?.formExpertGroup.__typename).toBe('LicensePayload');
    const events = [];
    for await (const e of hub.rawStore.readStream(stream, { direction: 'backwards', limit: 1 })) events.push(e);
    expect(events[0]).toMatchObject({
      type: 'ExpertGroupFormed',
      metadata: { schemaVersion: 2 },
      data: { members: [{ name: 'Aigul Tashieva', role: 'chair' }] },
    });
  });
});

describe('upcasting RatingScoresRecorded v1 to v2', () => {
  it('names who recorded the scores from the event metadata, so four eyes hold for entries begun before', async () => {
    const dir = temporaryDirectory();
    const raw = openSqliteEventStore({ path: join(dir.path, 'events.db') });
    try {
      const entryId = '7c2d1e0f-3a4b-4c5d-8e6f-9a0b1c2d3e4f';
      const campaignId = '8d3e2f1a-4b5c-4d6e-9f7a-0b1c2d3e4f5a';
      const head = { id: 'h-econ', name: 'Cholpon Eshieva', roles: ['unit_head' as const], unit: 'faculty-economics' };
      await raw.append(
        `ratingEntry-${entryId}`,
        [
          {
            id: eventIdFor('old-scores', 0),
            type: 'RatingEntryStarted',
            data: { entryId, campaignId, teacher: { id: 't-aida', name: 'Aida Mamytova' }, unit: 'faculty-economics' },
            metadata: { ...metadata(1, 'old-scores'), actor: head },
          },
          {
            id: eventIdFor('old-scores', 1),
            type: 'RatingScoresRecorded',
            data: { entryId, campaignId, scores: [{ criterionCode: 'TEACH', points: 30 }] },
            metadata: { ...metadata(1, 'old-scores'), actor: head },
          },
          {
            id: eventIdFor('old-submit', 0),
            type: 'RatingEntrySubmitted',
            data: { entryId, campaignId, submittedAs: 'unit_head' },
            metadata: { ...metadata(1, 'old-submit'), actor: head },
          },
        ],
        'no_stream',
      );
      const events: RatingEntryEvent[] = [];
      for await (const e of upcastingStore(raw, eventVersions).readStream(`ratingEntry-${entryId}`))
        events.push({ type: e.type, data: e.data } as RatingEntryEvent);
      expect(events[1]!.data).toMatchObject({ recordedBy: { id: 'h-econ', name: 'Cholpon Eshieva' } });

      const campaign = {
        campaignId,
        year: 2025,
        title: { ky: 'Рейтинг', ru: 'Рейтинг', en: 'Rating' },
        status: 'open' as const,
        criteria: [],
        groupCaps: [],
        entriesDue: '2026-04-30',
        appealsUntil: null,
        appealsClosedOn: null,
      };
      const verify = () =>
        ratingEntryDecider.decide({ type: 'verifyRatingEntry', entryId, campaign }, fold(ratingEntryDecider, events), {
          actor: head,
          now: '2026-03-10T04:00:00.000Z',
          commandId: 'verify-1',
        });
      expect(verify).toThrow(expect.objectContaining({ code: 'SCORES_ENTERED_BY_REVIEWER' }));
    } finally {
      await raw.close();
      dir.remove();
    }
  });
});

describe('upcasting a rating campaign and its entries from before the points rules', () => {
  it('reads v1 criteria as one point per unit and v1/v2 points as quantities: the same totals, and new commands decide on them', async () => {
    const dir = temporaryDirectory();
    const raw = openSqliteEventStore({ path: join(dir.path, 'events.db') });
    const campaignId = '9e4f3a2b-5c6d-4e7f-8a9b-1c2d3e4f5a6b';
    // The id the hub derives for Aida's entry, so that her next command finds the stored one.
    const entryId = entryIdFor(campaignId, 't-aida');
    const title = { ky: 'Рейтинг 2024', ru: 'Рейтинг 2024', en: 'Rating 2024' };
    const division = { id: 'd-head', name: 'Elmira Tashieva', roles: ['head_of_rating_division' as const] };
    const aida = { id: 't-aida', name: 'Aida Mamytova', roles: ['teacher' as const], unit: 'faculty-economics' };
    const old = (commandId: string, actor: EventMetadata['actor'], schemaVersion = 1) => ({ ...metadata(schemaVersion, commandId), actor });
    await raw.append(
      `ratingCampaign-${campaignId}`,
      [
        {
          id: eventIdFor('old-campaign', 0),
          type: 'RatingCampaignCreated',
          data: {
            campaignId,
            year: 2024,
            title,
            criteria: [
              { code: 'TEACH', name: title, maxPoints: 40, weight: 1 },
              { code: 'PUB', name: title, maxPoints: 30, weight: 1.5 },
            ],
            entriesDue: '2099-04-30',
          },
          metadata: old('old-campaign', division),
        },
        {
          id: eventIdFor('old-open', 0),
          type: 'RatingCampaignOpened',
          data: { campaignId, openedOn: '2024-03-01' },
          metadata: old('old-open', division),
        },
      ],
      'no_stream',
    );
    await raw.append(
      `ratingEntry-${entryId}`,
      [
        {
          id: eventIdFor('old-entry', 0),
          type: 'RatingEntryStarted',
          data: { entryId, campaignId, teacher: { id: aida.id, name: aida.name }, unit: aida.unit },
          metadata: old('old-entry', aida),
        },
        {
          id: eventIdFor('old-entry', 1),
          type: 'RatingScoresRecorded',
          data: { entryId, campaignId, scores: [{ criterionCode: 'TEACH', points: 30, evidence: 'Load report' }] },
          metadata: old('old-entry', aida, 1),
        },
        {
          id: eventIdFor('old-entry-2', 0),
          type: 'RatingScoresRecorded',
          data: { entryId, campaignId, scores: [{ criterionCode: 'PUB', points: 20 }], recordedBy: { id: aida.id, name: aida.name } },
          metadata: old('old-entry-2', aida, 2),
        },
      ],
      'no_stream',
    );
    await raw.close();
    const hub = await openHub(testConfig(dir.path));
    try {
      const gql = yogaClient(createGraphQLHandler(hub, { secret: TEST_SECRET }));
      const token = await tokenFor(aida);
      // The read model folds the stored log in the background: wait until it has all of it.
      await hub.projections.waitFor((await hub.store.headPosition())!, 10_000);
      const read = await gql(
        `query($c: ID!, $e: ID!) {
          ratingCampaign(id: $c) { maximumTotal groupCaps { group } criteria { code group pointsPerUnit maxPoints weight sharedAuthorship evidenceRequired } }
          ratingEntry(id: $e) { total rate normalisedTotal faculty staffPosition scores { criterionCode quantity points weightedPoints evidence } } }`,
        { c: campaignId, e: entryId },
        { token },
      );
      expect(read.errors).toBeUndefined();
      expect(read.data).toEqual({
        ratingCampaign: {
          maximumTotal: 85,
          groupCaps: [],
          criteria: [
            { code: 'TEACH', group: null, pointsPerUnit: 1, maxPoints: 40, weight: 1, sharedAuthorship: false, evidenceRequired: false },
            { code: 'PUB', group: null, pointsPerUnit: 1, maxPoints: 30, weight: 1.5, sharedAuthorship: false, evidenceRequired: false },
          ],
        },
        ratingEntry: {
          total: 60,
          rate: 1,
          normalisedTotal: 60,
          faculty: null,
          staffPosition: null,
          scores: [
            { criterionCode: 'TEACH', quantity: 30, points: 30, weightedPoints: 30, evidence: 'Load report' },
            { criterionCode: 'PUB', quantity: 20, points: 20, weightedPoints: 30, evidence: null },
          ],
        },
      });

      // The decider folds the upcast history: a new score is recorded against the old criteria, as version 3.
      const recorded = await gql(
        `mutation($input: RecordRatingScoresInput!) { recordRatingScores(input: $input) { __typename ... on RatingEntryPayload { entry { total } } } }`,
        { input: { campaignId, scores: [{ criterionCode: 'PUB', quantity: 30 }] } },
        { token },
      );
      expect(recorded.data?.recordRatingScores).toEqual({ __typename: 'RatingEntryPayload', entry: { total: 75 } });
      const stored = [];
      for await (const e of hub.rawStore.readStream(`ratingEntry-${entryId}`)) stored.push(e);
      expect(stored.map((e) => [e.type, e.metadata.schemaVersion])).toEqual([
        ['RatingEntryStarted', 1],
        ['RatingScoresRecorded', 1],
        ['RatingScoresRecorded', 2],
        ['RatingScoresRecorded', 3],
      ]);
      expect(stored[1]!.data.scores).toEqual([{ criterionCode: 'TEACH', points: 30, evidence: 'Load report' }]);
    } finally {
      await hub.close();
      dir.remove();
    }
  });
});
