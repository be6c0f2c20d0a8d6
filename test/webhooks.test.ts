// Webhooks end to end on one hub: registration through GraphQL (secret shown once, bad URLs
// refused), delivery to a real receiver on localhost that fails on purpose (every event's first
// attempt answered 503), signatures and idempotency keys a receiver can check, the delivery log in
// GraphQL and /metrics, pause and resume, a receiver that is down, and a replay from a position.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { automationParts } from '../schema/follow-up.ts';
import { startAutomation, type Automation } from '../src/automation/index.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectories, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { applicationInput, licensingSender } from './support/licensing.ts';
import { APPLY } from './support/licensing-operations.ts';
import { webhookReceiver } from './support/webhook-receiver.ts';

const integration = { id: 'u-edu-portal', name: 'Education portal', roles: ['integration' as const] };
const PAYLOAD = `__typename ... on WebhookPayload { secret revision webhook { id webhookId status url categories } } ... on ValidationError { issues { path message } } ... on DomainRuleError { code message }`;
const op = (name: string) => `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${PAYLOAD} } }`;
const DELIVERIES = `query { webhooks { webhookId status deliveredThrough deliveries(first: 100) { edges { node { position eventType status attempts lastStatusCode lastError replay } } } } }`;

let dir: ReturnType<typeof temporaryDirectory>;
const dirs = temporaryDirectories();
let hub: Hub;
let automation: Automation;
let yoga: ReturnType<typeof createGraphQLHandler>;
let gql: ReturnType<typeof yogaClient>;
let integrationToken: string;
let apply: () => Promise<string>;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
let webhook: { id: string; secret: string };

const logPositions = async (after: string): Promise<string[]> => {
  const positions: string[] = [];
  for await (const event of hub.store.readAll({ filter: { categories: ['license'] } })) {
    if (BigInt(encodePosition(event.position)) > BigInt(after)) positions.push(encodePosition(event.position));
  }
  return positions;
};

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path, { SAPAT_WEBHOOK_RETRY_BASE_MS: '5', SAPAT_WEBHOOK_RETRY_MAX_MS: '40' }));
  yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
  gql = yogaClient(yoga);
  integrationToken = await tokenFor(integration);
  const send = licensingSender(gql, await tokenFor(director));
  apply = async () => (await send(APPLY, applicationInput())).licenseId;
  automation = await startAutomation(hub, automationParts(hub));
  // Every event's first attempt fails: the hub must retry each before going on to the next.
  receiver = await webhookReceiver((request, seen) => (seen.some((r) => r.key === request.key) ? 200 : 503));
});
afterAll(async () => {
  await automation.stop();
  await receiver.stop();
  await hub.close();
  dir.remove();
  dirs.removeAll();
});

describe('registering a webhook', () => {
  it('refuses a URL that is not http(s), naming the field, and stores nothing', async () => {
    const before = await hub.store.headPosition();
    const res = await gql(op('registerWebhook'), { input: { url: 'ftp://portal.oshsu.kg/in' } }, { token: integrationToken });
    expect(res.data!.registerWebhook).toEqual({ __typename: 'ValidationError', issues: [{ path: ['url'], message: 'must be an http:// or https:// URL' }] });
    expect(await hub.store.headPosition()).toEqual(before);
  });

  it('answers with the secret once; the webhook shows it nowhere else', async () => {
    const res = await gql(
      op('registerWebhook'),
      { input: { url: receiver.url(), categories: ['license'], description: 'Education portal' } },
      { token: integrationToken },
    );
    const payload = res.data!.registerWebhook;
    expect(payload).toMatchObject({ __typename: 'WebhookPayload', webhook: { status: 'ACTIVE', url: receiver.url(), categories: ['license'] } });
    expect(payload.secret).toMatch(/^whsec_/);
    webhook = { id: payload.webhook.webhookId, secret: payload.secret };
    const changed = await gql(op('changeWebhook'), { input: { webhookId: payload.webhook.id, eventTypes: [] } }, { token: integrationToken });
    expect(changed.data!.changeWebhook).toMatchObject({ __typename: 'WebhookPayload', secret: null });
    expect(JSON.stringify((await gql(DELIVERIES, {}, { token: integrationToken })).data)).not.toContain(webhook.secret);
  });

  it('keeps one integration from another’s webhook', async () => {
    const other = await tokenFor({ id: 'u-other', name: 'Other', roles: ['integration'] });
    const res = await gql(op('pauseWebhook'), { input: { webhookId: webhook.id } }, { token: other });
    expect(res.data!.pauseWebhook).toMatchObject({ __typename: 'DomainRuleError', code: 'WEBHOOK_NOT_YOURS' });
    expect((await gql(DELIVERIES, {}, { token: other })).data!.webhooks).toEqual([]);
  });
});

describe('delivery', () => {
  it('posts every matching event in log order, retrying each failure, signed and keyed by position', async () => {
    const registeredAt = (await gql(DELIVERIES, {}, { token: integrationToken })).data!.webhooks[0].deliveredThrough as string;
    for (let i = 0; i < 3; i++) await apply();
    const expected = await logPositions(registeredAt);
    await receiver.until(() => expected.every((p) => receiver.taken().includes(p)));
    expect(receiver.taken()).toEqual(expected);
    for (const request of receiver.received) {
      expect(request.key).toBe(request.position);
      expect(request.signature).toBe(`sha256=${createHmac('sha256', webhook.secret).update(request.body).digest('hex')}`);
    }
    // Each event twice: a 503 first, then taken; never the next event before this one was taken.
    expect(receiver.received.map((r) => [r.position, r.status])).toEqual(
      expected.flatMap((p) => [
        [p, 503],
        [p, 200],
      ]),
    );
    // The receiver has answered the last event; the hub records the delivery right after, on its own turn.
    let log = (await gql(DELIVERIES, {}, { token: integrationToken })).data!.webhooks[0];
    while (log.deliveredThrough !== expected.at(-1)) {
      await new Promise((resolve) => setImmediate(resolve));
      log = (await gql(DELIVERIES, {}, { token: integrationToken })).data!.webhooks[0];
    }
    expect(log.deliveries.edges.map((e: any) => e.node)).toEqual(
      [...expected].reverse().map((position) => ({
        position,
        eventType: 'LicenseApplied',
        status: 'DELIVERED',
        attempts: 2,
        lastStatusCode: 200,
        lastError: 'the receiver answered HTTP 503',
        replay: 0,
      })),
    );
    const metrics = await (await yoga.fetch('http://hub.test/metrics')).text();
    expect(metrics).toContain(`sapat_webhook_deliveries{webhook="${webhook.id}",status="delivered"} 3`);
  });

  it('holds deliveries while paused and resumes from the same place, none skipped', async () => {
    await gql(op('pauseWebhook'), { input: { webhookId: webhook.id, reason: 'Portal maintenance' } }, { token: integrationToken });
    const through = (await gql(DELIVERIES, {}, { token: integrationToken })).data!.webhooks[0];
    expect(through.status).toBe('PAUSED');
    await apply();
    await apply();
    const resumed = await gql(op('resumeWebhook'), { input: { webhookId: webhook.id } }, { token: integrationToken });
    expect(resumed.data!.resumeWebhook.webhook.status).toBe('ACTIVE');
    const expected = await logPositions(through.deliveredThrough);
    await receiver.until(() => expected.every((p) => receiver.taken().includes(p)));
    expect(receiver.taken().slice(-expected.length)).toEqual(expected);
  });

  it('delivers everything in order to a receiver that was down, once it is back', async () => {
    await receiver.stop();
    const from = receiver.taken().at(-1)!;
    await apply();
    await apply();
    const expected = await logPositions(from);
    await until(async () =>
      JSON.stringify((await gql(DELIVERIES, {}, { token: integrationToken })).data).includes('could not reach the receiver (ECONNREFUSED)'),
    );
    await receiver.start();
    await receiver.until(() => expected.every((p) => receiver.taken().includes(p)));
    expect(receiver.taken().slice(-expected.length)).toEqual(expected);
  });

  it('replays from a position: the same events again, in order, with the same idempotency keys', async () => {
    const all = receiver.taken();
    const from = all[1]!;
    const res = await gql(op('replayWebhook'), { input: { webhookId: webhook.id, afterPosition: from } }, { token: integrationToken });
    expect(res.data!.replayWebhook.__typename).toBe('WebhookPayload');
    const again = all.slice(2);
    await receiver.until(() => receiver.taken().length >= all.length + again.length);
    expect(receiver.taken().slice(all.length)).toEqual(again);
  });
});

describe('in production', () => {
  it('refuses plain http and private or loopback addresses unless a setting allows them', async () => {
    const strict = await openHub(testConfig(dirs.newDir(), { NODE_ENV: 'production' }));
    const client = yogaClient(createGraphQLHandler(strict, { secret: TEST_SECRET }));
    const register = async (url: string) => (await client(op('registerWebhook'), { input: { url } }, { token: integrationToken })).data!.registerWebhook;
    expect((await register('http://portal.oshsu.kg/in')).issues[0].message).toMatch(/must be https in production/);
    expect((await register('https://127.0.0.1/in')).issues[0].message).toMatch(/loopback or private/);
    expect((await register('https://10.1.2.3/in')).issues[0].message).toMatch(/loopback or private/);
    expect((await register('https://portal.oshsu.kg/in')).__typename).toBe('WebhookPayload');
    await strict.close();
    const lenient = await openHub(testConfig(dirs.newDir(), { NODE_ENV: 'production', SAPAT_WEBHOOK_ALLOW_PRIVATE: 'true' }));
    const allowed = yogaClient(createGraphQLHandler(lenient, { secret: TEST_SECRET }));
    expect((await allowed(op('registerWebhook'), { input: { url: 'http://10.1.2.3/in' } }, { token: integrationToken })).data!.registerWebhook.__typename).toBe(
      'WebhookPayload',
    );
    await lenient.close();
  });
});

/** Polls a condition the hub exposes (the delivery log) until it holds: a readiness signal, bounded. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 5000; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('the condition never held');
}
