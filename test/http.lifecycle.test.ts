// The hub over a real socket, as `npm start` runs it: a free port and a temporary data directory.
// A licence goes through its whole lifecycle by HTTP mutations while a WebSocket (graphql-ws) and an
// SSE (graphql-sse) client watch licenseChanged; then the server restarts on the same data and
// must show the same registry, with projections resuming from their checkpoints, applying nothing twice.
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openHub, type Hub } from '../src/hub.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { graphqlClient } from './support/graphql.ts';
import { applicationInput, expertGroupInput } from './support/licensing.ts';
import { AMEND, APPLY, CONCLUDE, FORM_GROUP, GRANT, REGISTRY, RESUME, REVOKE, SUSPEND } from './support/licensing-operations.ts';

const CHANGES = `subscription($id: ID) { licenseChanged(id: $id) { eventType revision position license { status revision } } }`;

type Change = { eventType: string; revision: number; position: string; license: { status: string; revision: number } };

async function boot(dataDir: string): Promise<{ hub: Hub; server: RunningServer }> {
  const hub = await openHub(testConfig(dataDir));
  const server = await startServer(hub, { port: 0, host: '127.0.0.1', secret: TEST_SECRET });
  return { hub, server };
}

async function shutdown(running: { hub: Hub; server: RunningServer }) {
  await running.server.close();
  await running.hub.close();
}

/** Collects `count` results of a subscription, resolving when they have all arrived. */
function collect<T>(
  subscribe: (sink: { next: (value: { data?: unknown }) => void; error: (e: unknown) => void; complete: () => void }) => () => void,
  count: number,
) {
  const received: T[] = [];
  let stop: () => void = () => {};
  const done = new Promise<T[]>((resolve, reject) => {
    stop = subscribe({
      next: (value) => {
        received.push((value.data as { licenseChanged: T }).licenseChanged);
        if (received.length === count) resolve(received);
      },
      error: reject,
      complete: () => resolve(received),
    });
  });
  return { done, stop: () => stop(), received };
}

describe('the hub over HTTP, WebSocket and SSE, across a restart', () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let running: { hub: Hub; server: RunningServer };
  let token: string;
  let licenseId: string;
  let registryBefore: unknown;

  beforeAll(async () => {
    dir = temporaryDirectory();
    running = await boot(dir.path);
    token = await tokenFor(director);
  });
  afterAll(async () => {
    await shutdown(running).catch(() => {});
    dir.remove();
  });

  it('serves /health and /ready', async () => {
    const base = running.server.url.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('runs the whole licence lifecycle by mutations while WebSocket and SSE subscribers watch it', async () => {
    const gql = graphqlClient(fetch, running.server.url);
    const applied = await gql(APPLY, { input: applicationInput() }, { token });
    const license = applied.data!.applyForLicense.license;
    licenseId = license.licenseId;

    const ws = createWsClient({
      url: running.server.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
    });
    const sse = createSseClient({ url: running.server.url, headers: { authorization: `Bearer ${token}` } });
    const overWs = collect<Change>((sink) => ws.subscribe({ query: CHANGES, variables: { id: license.id } }, sink), 7);
    const overSse = collect<Change>((sink) => sse.subscribe({ query: CHANGES, variables: { id: licenseId } }, sink), 7);
    const unrelated = collect<Change>((sink) => ws.subscribe({ query: CHANGES, variables: { id: 'c1d2e3f4-0000-4000-8000-000000000000' } }, sink), 1);
    // Both transports must have reached the hub before the first change is made.
    await expect.poll(() => running.server.liveSubscriptions(), { timeout: 60_000, interval: 50 }).toBe(3);

    const steps: [string, Record<string, unknown>][] = [
      [FORM_GROUP, expertGroupInput(license.id)],
      [CONCLUDE, { licenseId, outcome: 'POSITIVE', summary: 'Meets the requirements', concludedOn: '2026-02-20' }],
      [GRANT, { licenseId, licenseNumber: 'LS240777', appendixNumber: '3', grantedOn: '2026-03-01', validUntil: '2031-02-28' }],
      [AMEND, { licenseId, capacity: 180, reason: 'New lecture hall', amendedOn: '2026-04-01' }],
      [SUSPEND, { licenseId, reason: 'Inspection', suspendedOn: '2026-05-01' }],
      [RESUME, { licenseId, resumedOn: '2026-06-01' }],
      [REVOKE, { licenseId, reason: 'Programme closed', basis: 'Rector order 88', revokedOn: '2026-07-01' }],
    ];
    for (const [operation, input] of steps) {
      const res = await gql(operation, { input }, { token });
      expect(res.status).toBe(200);
      expect(Object.values(res.data!)[0]).toMatchObject({ __typename: 'LicensePayload' });
    }

    const expected = [
      'ExpertGroupFormed',
      'ExpertConclusionRecorded',
      'LicenseGranted',
      'LicenseAmended',
      'LicenseSuspended',
      'LicenseResumed',
      'LicenseRevoked',
    ];
    for (const changes of [await overWs.done, await overSse.done]) {
      expect(changes.map((c) => c.eventType)).toEqual(expected);
      expect(changes.map((c) => c.revision)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(changes.at(-1)!.license).toEqual({ status: 'REVOKED', revision: 7 });
    }
    expect(unrelated.received).toEqual([]);
    overWs.stop();
    overSse.stop();
    unrelated.stop();
    await ws.dispose();
    sse.dispose();
    await expect.poll(() => running.server.liveSubscriptions(), { timeout: 60_000, interval: 50 }).toBe(0);
    expect(running.hub.projections.listenerCount()).toBe(0);

    const registry = await gql(REGISTRY, { first: 100 }, { token });
    registryBefore = registry.data;
    expect(registry.data!.licenses.edges).toHaveLength(1);
    expect(registry.data!.licenses.edges[0].node).toMatchObject({ status: 'REVOKED', capacity: 180 });
  });

  it('refuses a WebSocket subscription without a valid token', async () => {
    const ws = createWsClient({
      url: running.server.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: 'Bearer forged.token.value' },
    });
    const outcome = await new Promise<unknown>((resolve) => {
      ws.subscribe({ query: CHANGES }, { next: () => resolve('data'), error: resolve, complete: () => resolve('complete') });
    });
    expect(JSON.stringify(outcome)).toContain('the token is malformed');
    await ws.dispose();
  });

  it('shows the same state after a restart, resuming projections from their checkpoints', async () => {
    const head = await running.hub.store.headPosition();
    const checkpointsBefore = running.hub.projections.status();
    await shutdown(running);

    running = await boot(dir.path);
    expect(running.hub.projections.status()).toEqual(checkpointsBefore);
    expect(checkpointsBefore.every((p) => p.position === `${head!.commit}`)).toBe(true);

    const gql = graphqlClient(fetch, running.server.url);
    const registry = await gql(REGISTRY, { first: 100 }, { token });
    expect(registry.data).toEqual(registryBefore);
    const license = await gql(`query($id: ID!) { license(id: $id) { amendmentCount revision capacity } }`, { id: licenseId }, { token });
    expect(license.data!.license).toEqual({ amendmentCount: 1, revision: 7, capacity: 180 });

    // A command after the restart is applied once, on top of the resumed checkpoint.
    const next = await gql(APPLY, { input: applicationInput({ submittedOn: '2026-08-01' }) }, { token });
    expect(next.data!.applyForLicense.license.status).toBe('APPLIED');
    expect(running.hub.projections.failure()).toBeUndefined();
    expect((await gql(REGISTRY, { first: 100 }, { token })).data!.licenses.edges).toHaveLength(2);
  });
});
