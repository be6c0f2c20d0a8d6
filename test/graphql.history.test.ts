// What auditors read: an entity's history, the global log in pages with filters, and an entity as
// it was at a moment or revision. Through Yoga (yoga.fetch) on a hub with the real store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/decider.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, teacher, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { applicationInput, expertGroupInput } from './support/licensing.ts';
import { APPLY, CONCLUDE, FORM_GROUP, GRANT } from './support/licensing-operations.ts';

const auditor: Actor = { id: 'u-auditor', name: 'External Auditor', roles: ['auditor'] };
const integration: Actor = { id: 'svc-portal', name: 'University portal', roles: ['integration'] };

const HISTORY = `query($id: ID!, $after: String, $first: Int) {
  history(id: $id, after: $after, first: $first) {
    hasNextPage endCursor
    events { eventId type revision position stream category entityId data schemaVersion actor { id name roles } commandId correlationId causationId occurredAt recordedAt hash prevHash }
  }
}`;
const EVENTS = `query($after: String, $first: Int, $filter: EventLogFilter) {
  events(after: $after, first: $first, filter: $filter) { hasNextPage endCursor events { type position stream recordedAt } }
}`;

let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let gql: ReturnType<typeof yogaClient>;
let tokens: Record<'director' | 'auditor' | 'integration' | 'teacher', string>;
let licenseId: string;
const moments: string[] = [];

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path));
  const yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
  gql = yogaClient(yoga);
  tokens = { director: await tokenFor(director), auditor: await tokenFor(auditor), integration: await tokenFor(integration), teacher: await tokenFor(teacher) };
  const applied = await gql(APPLY, { input: applicationInput() }, { token: tokens.director, headers: { 'x-correlation-id': 'ticket-4711' } });
  licenseId = applied.data!.applyForLicense.license.id;
  for (const [operation, input] of [
    [FORM_GROUP, expertGroupInput(licenseId)],
    [CONCLUDE, { licenseId, outcome: 'POSITIVE', summary: 'Meets the requirements', concludedOn: '2026-02-20' }],
    [GRANT, { licenseId, licenseNumber: 'LS240001', appendixNumber: '12', grantedOn: '2026-03-01', indefinite: true }],
  ] as const) {
    moments.push(new Date().toISOString());
    await new Promise((resolve) => setTimeout(resolve, 5));
    await gql(operation, { input }, { token: tokens.director });
  }
  for (let i = 0; i < 4; i++)
    await gql(APPLY, { input: applicationInput({ programme: { ...applicationInput().programme, code: `53050${i}` } }) }, { token: tokens.director });
});
afterAll(async () => {
  await hub.close();
  dir.remove();
});

describe('history of an entity', () => {
  it('lists every event with who, when, why and its hash link, oldest first', async () => {
    const res = await gql(HISTORY, { id: licenseId }, { token: tokens.auditor });
    const events = res.data!.history.events;
    expect(events.map((e: any) => [e.type, e.revision])).toEqual([
      ['LicenseApplied', 0],
      ['ExpertGroupFormed', 1],
      ['ExpertConclusionRecorded', 2],
      ['LicenseGranted', 3],
    ]);
    expect(events[0]).toMatchObject({
      category: 'license',
      entityId: licenseId,
      correlationId: 'ticket-4711',
      actor: { id: director.id, name: director.name, roles: ['director'] },
      schemaVersion: 1,
    });
    expect(events[0].causationId).toBe(events[0].commandId);
    expect(events[1].schemaVersion).toBe(2);
    expect(events[3].data).toMatchObject({ licenseNumber: 'LS240001', validUntil: null });
    for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
  });

  it('pages by revision cursor', async () => {
    const first = (await gql(HISTORY, { id: licenseId, first: 3 }, { token: tokens.auditor })).data!.history;
    expect(first).toMatchObject({ hasNextPage: true, endCursor: 'r2' });
    const rest = (await gql(HISTORY, { id: licenseId, after: first.endCursor, first: 3 }, { token: tokens.auditor })).data!.history;
    expect(rest.events.map((e: any) => e.revision)).toEqual([3]);
    expect(rest.hasNextPage).toBe(false);
  });

  it('is open to whoever may see the licence, and refuses ids it does not know', async () => {
    const asTeacher = await gql(HISTORY, { id: licenseId }, { token: tokens.teacher });
    expect(asTeacher.data!.history.events).toHaveLength(4);
    const anonymous = await gql(HISTORY, { id: licenseId });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const unknown = await gql(HISTORY, { id: Buffer.from('Spaceship:1').toString('base64') }, { token: tokens.auditor });
    expect(unknown.errors?.[0]?.message).toBe('id: Spaceship has no history');
  });
});

describe('history by plain id', () => {
  it('takes the plain licenseId that license(id:) takes, and answers the same as for the global id', async () => {
    const plain = (await gql(`query($id: ID!) { license(id: $id) { licenseId } }`, { id: licenseId }, { token: tokens.auditor })).data!.license.licenseId;
    expect(plain).not.toBe(licenseId);
    const byPlain = await gql(HISTORY, { id: plain }, { token: tokens.auditor });
    expect(byPlain.errors).toBeUndefined();
    expect(byPlain.data!.history).toEqual((await gql(HISTORY, { id: licenseId }, { token: tokens.auditor })).data!.history);
    expect(byPlain.data!.history.events).toHaveLength(4);
  });

  it('answers an empty history for a plain id no entity has, and refuses what is no id at all', async () => {
    const nobody = await gql(HISTORY, { id: 'c1d2e3f4-0000-4000-8000-000000000000' }, { token: tokens.auditor });
    expect(nobody.data!.history).toEqual({ events: [], hasNextPage: false, endCursor: null });
    const garbage = await gql(HISTORY, { id: 'licence 7' }, { token: tokens.auditor });
    expect(garbage.errors?.[0]?.message).toBe('id: must be a global id or the plain id (a UUID) of an entity the hub returned');
  });
});

describe('the global log', () => {
  it('pages through every event in position order', async () => {
    const all: any[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await gql(EVENTS, { after, first: 3 }, { token: tokens.auditor })).data!.events;
      all.push(...page.events);
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(all).toHaveLength(8);
    const positions = all.map((e) => Number(e.position));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(8);
  });

  it('filters by event type and by a time window', async () => {
    const applied = (await gql(EVENTS, { first: 100, filter: { eventTypes: ['LicenseApplied'] } }, { token: tokens.auditor })).data!.events.events;
    expect(applied.map((e: any) => e.type)).toEqual(Array(5).fill('LicenseApplied'));
    const window = (await gql(EVENTS, { first: 100, filter: { recordedFrom: moments[0], recordedBefore: moments[2] } }, { token: tokens.auditor })).data!.events
      .events;
    expect(window.map((e: any) => e.type)).toEqual(['ExpertGroupFormed', 'ExpertConclusionRecorded']);
  });

  it('is open to integrations and auditors but not to staff without those roles', async () => {
    const asIntegration = await gql(EVENTS, { first: 1 }, { token: tokens.integration });
    expect(asIntegration.data!.events.events).toHaveLength(1);
    const asTeacher = await gql(EVENTS, { first: 1 }, { token: tokens.teacher });
    expect(asTeacher.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a malformed cursor or time, naming the argument', async () => {
    const cursor = await gql(EVENTS, { after: 'yesterday' }, { token: tokens.auditor });
    expect(cursor.errors?.[0]?.message).toMatch(/^after: must be a position cursor/);
    for (const beyond of ['9223372036854775808', '99999999999999999999', '5:9223372036854775808']) {
      const tooLarge = await gql(EVENTS, { after: beyond }, { token: tokens.auditor });
      expect(tooLarge.errors?.[0]).toMatchObject({
        message: 'after: must be a position cursor returned by the hub (each number below 2^63)',
        extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
      });
    }
    const largest = await gql(EVENTS, { after: '9223372036854775807' }, { token: tokens.auditor });
    expect(largest.data?.events).toMatchObject({ events: [], hasNextPage: false });
    const time = await gql(EVENTS, { filter: { recordedFrom: '2026-02-30' } }, { token: tokens.auditor });
    expect(time.errors?.[0]?.message).toMatch(/^filter\.recordedFrom: must be an ISO 8601 moment/);
  });
});

describe('time travel', () => {
  const AT = `query($id: ID!, $asOf: AsOf) { license(id: $id, asOf: $asOf) { status revision licenseNumber expertGroup { formedOn } } }`;

  it('shows the licence as it was at each revision', async () => {
    const at = async (revision: number) => (await gql(AT, { id: licenseId, asOf: { revision } }, { token: tokens.auditor })).data!.license;
    expect(await at(0)).toEqual({ status: 'APPLIED', revision: 0, licenseNumber: null, expertGroup: null });
    expect(await at(1)).toEqual({ status: 'UNDER_EXPERT_REVIEW', revision: 1, licenseNumber: null, expertGroup: { formedOn: '2026-02-01' } });
    expect(await at(3)).toMatchObject({ status: 'ACTIVE', revision: 3, licenseNumber: 'LS240001' });
  });

  it('shows the licence as it was at a moment, and nothing before it existed', async () => {
    const at = async (time: string) => (await gql(AT, { id: licenseId, asOf: { time } }, { token: tokens.auditor })).data!.license;
    expect((await at(moments[1]!)).status).toBe('UNDER_EXPERT_REVIEW');
    expect((await at(moments[2]!)).status).toBe('CONCLUSION_POSITIVE');
    expect(await at('2020-01-01T00:00:00Z')).toBeNull();
    const now = (await gql(AT, { id: licenseId }, { token: tokens.auditor })).data!.license;
    expect(now.status).toBe('ACTIVE');
  });

  it('shows the licence as it stood on a business date, by the dates its acts took effect, whenever they were recorded', async () => {
    const on = async (date: string) => (await gql(AT, { id: licenseId, asOf: { on: date } }, { token: tokens.auditor })).data!.license;
    expect(await on('2026-01-14')).toBeNull();
    expect(await on('2026-01-15')).toEqual({ status: 'APPLIED', revision: 0, licenseNumber: null, expertGroup: null });
    expect(await on('2026-02-19')).toEqual({ status: 'UNDER_EXPERT_REVIEW', revision: 1, licenseNumber: null, expertGroup: { formedOn: '2026-02-01' } });
    expect(await on('2026-03-01')).toMatchObject({ status: 'ACTIVE', revision: 3, licenseNumber: 'LS240001' });
    // Recorded time differs: on 1 March 2026 the hub had recorded none of it yet (the test records it now).
    const recordedBy = (await gql(AT, { id: licenseId, asOf: { time: '2026-03-01T23:59:59+06:00' } }, { token: tokens.auditor })).data!.license;
    expect(recordedBy).toBeNull();
  });

  it('refuses asOf with more or fewer than one of time, on and revision, or a day that does not exist', async () => {
    const both = await gql(AT, { id: licenseId, asOf: { revision: 1, time: moments[0] } }, { token: tokens.auditor });
    expect(both.errors?.[0]?.message).toMatch(/^asOf: give exactly one of time/);
    const neither = await gql(AT, { id: licenseId, asOf: {} }, { token: tokens.auditor });
    expect(neither.errors?.[0]?.extensions?.argument).toBe('asOf');
    const dateAndTime = await gql(AT, { id: licenseId, asOf: { on: '2026-03-01', time: moments[0] } }, { token: tokens.auditor });
    expect(dateAndTime.errors?.[0]?.message).toMatch(/^asOf: give exactly one of time .*, on .* or revision/);
    const noSuchDay = await gql(AT, { id: licenseId, asOf: { on: '2026-02-30' } }, { token: tokens.auditor });
    expect(noSuchDay.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
  });
});
