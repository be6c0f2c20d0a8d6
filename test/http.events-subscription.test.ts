// Integrations must never miss an event. Over a real port, with the real graphql-sse and graphql-ws
// clients: the events subscription catches up on the backlog, goes live, loses its connection in
// the middle of a stream while commands keep arriving, and resumes from the last cursor it received.
// Together the two connections must see the log exactly: every event once, in order.
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Actor } from '../src/domain/decider.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { graphqlClient } from './support/graphql.ts';
import { applicationInput } from './support/licensing.ts';
import { APPLY } from './support/licensing-operations.ts';

const integration: Actor = { id: 'svc-erp', name: 'University ERP', roles: ['integration'] };
const EVENTS = `subscription($after: String) { events(after: $after) { position type stream } }`;
type Received = { position: string; type: string; stream: string };
type Sink = { next: (value: { data?: unknown }) => void; error: (e: unknown) => void; complete: () => void };

let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let server: RunningServer;
let directorToken: string;
let integrationToken: string;

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path));
  server = await startServer(hub, { port: 0, host: '127.0.0.1', secret: TEST_SECRET });
  directorToken = await tokenFor(director);
  integrationToken = await tokenFor(integration);
});
afterAll(async () => {
  await server.close();
  await hub.close();
  dir.remove();
});

/** Applies for licences one after another until stopped; `more(n)` resolves once n more were acknowledged. */
function keepCommanding() {
  const gql = graphqlClient(fetch, server.url);
  let running = true;
  let sent = 0;
  const waiting = new Set<{ until: number; resolve: () => void }>();
  const done = (async () => {
    while (running) {
      // Each application a programme of its own (applicationInput gives a fresh code), so none waits on another's pending one.
      const res = await gql(APPLY, { input: applicationInput() }, { token: directorToken });
      expect(res.data?.applyForLicense.__typename).toBe('LicensePayload');
      sent++;
      for (const waiter of waiting) if (sent >= waiter.until) waiting.delete(waiter), waiter.resolve();
    }
  })();
  return {
    more: (n: number) => new Promise<void>((resolve) => waiting.add({ until: sent + n, resolve })),
    stop: async () => ((running = false), await done, sent),
  };
}

/** The whole log as the store has it, for comparison. */
async function log(): Promise<Received[]> {
  const all: Received[] = [];
  for await (const e of hub.store.readAll()) all.push({ position: encodePosition(e.position), type: e.type, stream: e.stream });
  return all;
}

async function seed(count: number) {
  const gql = graphqlClient(fetch, server.url);
  for (let i = 0; i < count; i++) await gql(APPLY, { input: applicationInput() }, { token: directorToken });
}

/** Receives until `stopAfter` events arrived, then calls `drop`; resolves with what was received. */
function receiveUntil(subscribe: (sink: Sink) => void, stopAfter: number, drop: () => void): Promise<Received[]> {
  const received: Received[] = [];
  return new Promise((resolve, reject) => {
    subscribe({
      next: (value) => {
        received.push((value.data as { events: Received }).events);
        if (received.length === stopAfter) {
          drop();
          resolve(received);
        }
      },
      error: (error) => (received.length >= stopAfter ? resolve(received) : reject(error)),
      complete: () => resolve(received),
    });
  });
}

/** Receives from `after` until the subscription has delivered the store's head position. */
function receiveToHead(subscribe: (sink: Sink) => () => void, head: string): Promise<Received[]> {
  const received: Received[] = [];
  return new Promise((resolve, reject) => {
    const stop = subscribe({
      next: (value) => {
        const event = (value.data as { events: Received }).events;
        received.push(event);
        if (event.position === head) {
          stop();
          resolve(received);
        }
      },
      error: reject,
      complete: () => resolve(received),
    });
  });
}

describe('the events subscription for integrations', () => {
  it('over SSE: catches up, goes live, survives a dropped connection mid-stream and resumes from the last cursor', async () => {
    await seed(20);
    const commands = keepCommanding();
    const first = createSseClient({ url: server.url, headers: { authorization: `Bearer ${integrationToken}` }, retryAttempts: 0 });
    const before = await receiveUntil(
      (sink) => first.subscribe({ query: EVENTS }, sink),
      35,
      () => first.dispose(),
    );
    // Commands go on while the integration is away.
    await commands.more(5);
    await commands.stop();
    const all = await log();
    const head = all.at(-1)!.position;
    const second = createSseClient({ url: server.url, headers: { authorization: `Bearer ${integrationToken}` } });
    const after = await receiveToHead((sink) => second.subscribe({ query: EVENTS, variables: { after: before.at(-1)!.position } }, sink), head);
    second.dispose();
    expect([...before, ...after]).toEqual(all);
  });

  it('over WebSocket: the socket is cut abruptly mid-stream, and a new client resumes exactly after the last event', async () => {
    const sockets: WebSocket[] = [];
    class TrackedSocket extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        sockets.push(this);
      }
    }
    const start = (await log()).at(-1)!.position;
    const commands = keepCommanding();
    const first = createWsClient({
      url: server.url.replace('http', 'ws'),
      webSocketImpl: TrackedSocket,
      connectionParams: { authorization: `Bearer ${integrationToken}` },
      retryAttempts: 0,
    });
    const before = await receiveUntil(
      (sink) => first.subscribe({ query: EVENTS, variables: { after: start } }, sink),
      10,
      () => sockets[0]!.terminate(),
    );
    await commands.more(5);
    await commands.stop();
    await first.dispose();
    const all = await log();
    const expected = all.slice(all.findIndex((e) => e.position === start) + 1);
    const second = createWsClient({
      url: server.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${integrationToken}` },
    });
    const after = await receiveToHead((sink) => second.subscribe({ query: EVENTS, variables: { after: before.at(-1)!.position } }, sink), all.at(-1)!.position);
    await second.dispose();
    expect(before.length).toBe(10);
    expect(after.length).toBeGreaterThan(0);
    expect([...before, ...after]).toEqual(expected);
  });

  it('refuses a forged token with 401 and staff without a log-reading role with FORBIDDEN', async () => {
    // The signature's first character carries six bits of it, so changing it always breaks the signature
    // (the last one carries padding bits, and some changes of it decode to the same signature).
    const [header, payload, signature] = integrationToken.split('.') as [string, string, string];
    const tampered = `${header}.${payload}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    const forged = createSseClient({ url: server.url, headers: { authorization: `Bearer ${tampered}` }, retryAttempts: 0 });
    const refused = await new Promise<{ response?: Response }>((resolve) =>
      forged.subscribe({ query: EVENTS }, { next: () => resolve({}), error: (e) => resolve(e as { response?: Response }), complete: () => resolve({}) }),
    );
    forged.dispose();
    expect(refused.response?.status).toBe(401);

    const staff = createSseClient({
      url: server.url,
      headers: { authorization: `Bearer ${await tokenFor({ id: 'u-m', name: 'Methodist', roles: ['methodist'] })}` },
      retryAttempts: 0,
    });
    const forbidden = await new Promise<unknown>((resolve) =>
      staff.subscribe({ query: EVENTS }, { next: resolve, error: resolve, complete: () => resolve('complete') }),
    );
    staff.dispose();
    expect(JSON.stringify(forbidden)).toContain('FORBIDDEN');
  });
});
