// Fan-out over a real port with the real graphql-sse and graphql-ws clients: subscribers of the
// same selection, variables and visibility share one execution of the selection per event, whatever
// the transport, and SSE streams at the same log position ride on one read of the log; readers with
// a different visibility never share, and a scoped reader never receives what only another may see.
// A stream stays whole when the one it follows leaves or when its own client stops reading (it then
// reads on its own from where it stands, and the others are not held up).
// The hub counts executions on /metrics (sapat_subscription_executions_total): without sharing,
// N subscribers cost N executions per event.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Actor } from '../src/domain/decider.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import { newEvent } from './support/events.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { graphqlClient } from './support/graphql.ts';
import { applicationInput } from './support/licensing.ts';
import { APPLY } from './support/licensing-operations.ts';

const integration: Actor = { id: 'svc-erp', name: 'University ERP', roles: ['integration'] };
const EVENTS = `subscription($after: String) { events(after: $after) { position type stream data } }`;
type Received = { position: string; type: string; stream: string };
type Subscriber = { received: Received[]; stop: () => unknown };

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
  await apply();
});
afterAll(async () => {
  await server.close();
  await hub.close();
  dir.remove();
});

async function apply(): Promise<void> {
  const res = await graphqlClient(fetch, server.url)(APPLY, { input: applicationInput() }, { token: directorToken });
  expect(res.data?.applyForLicense.__typename).toBe('LicensePayload');
}

async function metric(name: string): Promise<number> {
  const text = await (await fetch(server.url.replace(/\/graphql$/, '/metrics'))).text();
  return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
}

async function head(): Promise<string> {
  const position = await hub.store.headPosition();
  return encodePosition(position!);
}

/** The log after `after` as a reader who sees everything has it. */
async function logAfter(after: string): Promise<Received[]> {
  const all: Received[] = [];
  for await (const e of hub.store.readAll()) all.push({ position: encodePosition(e.position), type: e.type, stream: e.stream });
  return all.slice(all.findIndex((e) => e.position === after) + 1);
}

function overSse(token: string, after: string): Subscriber {
  const client = createSseClient({ url: server.url, headers: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  const received: Received[] = [];
  client.subscribe(
    { query: EVENTS, variables: { after } },
    { next: (v) => void received.push((v.data as { events: Received }).events), error: () => {}, complete: () => {} },
  );
  return { received, stop: () => client.dispose() };
}

function overWebSocket(token: string, after: string): Subscriber {
  const client = createWsClient({ url: server.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
  const received: Received[] = [];
  client.subscribe(
    { query: EVENTS, variables: { after } },
    { next: (v) => void received.push((v.data as { events: Received }).events), error: () => {}, complete: () => {} },
  );
  return { received, stop: () => client.dispose() };
}

/** An SSE subscription over a bare HTTP request, whose reading can be paused (the socket then fills). */
async function rawSse(token: string, after: string): Promise<Subscriber & { pause(): void; resume(): void }> {
  const received: Received[] = [];
  const url = new URL(server.url);
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    });
    req.once('response', resolve).once('error', reject);
    req.end(JSON.stringify({ query: EVENTS, variables: { after } }));
  });
  let buffer = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = /^event: next\ndata: (.*)$/s.exec(message)?.[1];
      if (data) received.push((JSON.parse(data) as { data: { events: Received } }).data.events);
    }
  });
  response.on('error', () => {});
  return { received, pause: () => response.pause(), resume: () => response.resume(), stop: () => response.destroy() };
}

const withoutData = (events: (Received & { data?: unknown })[]) => events.map(({ position, type, stream }) => ({ position, type, stream }));

async function allSubscribed(count: number): Promise<void> {
  await expect.poll(() => metric('sapat_live_subscriptions'), { timeout: 10_000 }).toBe(count);
}

describe('fan-out', () => {
  it('runs the selection once per event for all subscribers of it, over SSE and WebSocket alike', async () => {
    const earlier = await head();
    await apply();
    await apply();
    const after = await head();
    const executedBefore = await metric('sapat_subscription_executions_total');
    // One integration is behind: it catches up on its own (two commands' events) before it is live.
    const behind = overSse(integrationToken, earlier);
    const backlog = await logAfter(earlier);
    await expect.poll(() => behind.received.length, { timeout: 10_000 }).toBe(backlog.length);
    const subscribers = [
      behind,
      ...Array.from({ length: 4 }, () => overSse(integrationToken, after)),
      ...Array.from({ length: 2 }, () => overWebSocket(integrationToken, after)),
    ];
    await allSubscribed(subscribers.length);

    for (let i = 0; i < 5; i++) await apply();
    const expected = await logAfter(after);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    for (const subscriber of subscribers) {
      const wanted = subscriber === behind ? [...backlog, ...expected] : expected;
      await expect.poll(() => subscriber.received.length, { timeout: 10_000 }).toBe(wanted.length);
      // Every subscriber got every event once, in order...
      expect(withoutData(subscriber.received)).toEqual(wanted);
    }
    // ...from one execution per live event, not seven (the backlog was the one subscriber's own).
    expect((await metric('sapat_subscription_executions_total')) - executedBefore).toBe(backlog.length + expected.length);
    // Four of the five SSE streams, whatever cursor they started from, stand at one's position and take its frames.
    expect(await metric('sapat_sse_streams')).toBe(5);
    expect(await metric('sapat_sse_streams_following')).toBe(4);

    for (const subscriber of subscribers) await subscriber.stop();
    await allSubscribed(0);
  });

  it('keeps every stream whole when the streams they follow leave: each reads on from where it stands', async () => {
    const after = await head();
    const streams = Array.from({ length: 4 }, () => overSse(integrationToken, after));
    await allSubscribed(streams.length);
    const [first, second, third, fourth] = streams as [Subscriber, Subscriber, Subscriber, Subscriber];
    const deliveredTo = async (subscribers: Subscriber[]) => {
      const expected = await logAfter(after);
      for (const subscriber of subscribers) await expect.poll(() => subscriber.received.length, { timeout: 10_000 }).toBe(expected.length);
      return expected;
    };

    await apply();
    await apply();
    await deliveredTo(streams);
    expect(await metric('sapat_sse_streams_following')).toBe(3);
    // The first subscriber, which the others follow, leaves; then the next.
    await first.stop();
    await apply();
    await apply();
    const seenBySecond = await deliveredTo([second, third, fourth]);
    await second.stop();
    await apply();
    const all = await deliveredTo([third, fourth]);

    expect(withoutData(second.received)).toEqual(seenBySecond);
    for (const subscriber of [third, fourth]) expect(withoutData(subscriber.received)).toEqual(all);
    expect(await metric('sapat_sse_streams_following')).toBe(1);
    await third.stop();
    await fourth.stop();
    await allSubscribed(0);
  });

  it('builds what a flush writes once for the streams that gathered the same events, and writes it to each', async () => {
    const after = await head();
    const streams = Array.from({ length: 4 }, () => overSse(integrationToken, after));
    await allSubscribed(streams.length);
    const writesBefore = await metric('sapat_sse_writes_total');
    const payloadsBefore = await metric('sapat_sse_payloads_total');
    for (let i = 0; i < 3; i++) await apply();
    const expected = await logAfter(after);
    for (const stream of streams) {
      await expect.poll(() => stream.received.length, { timeout: 10_000 }).toBe(expected.length);
      expect(withoutData(stream.received)).toEqual(expected);
    }
    const writes = (await metric('sapat_sse_writes_total')) - writesBefore;
    const payloads = (await metric('sapat_sse_payloads_total')) - payloadsBefore;
    // Each flush wrote the four streams; built per stream, there would be as many payloads as writes.
    expect(writes).toBeGreaterThanOrEqual(4);
    expect(payloads * 4).toBeLessThanOrEqual(writes);
    for (const stream of streams) await stream.stop();
    await allSubscribed(0);
  });

  it('lets a stream whose client stops reading fall behind on its own, and gives it everything once it reads again', async () => {
    const after = await head();
    const probe = (note: string) => hub.store.append(`probe-${crypto.randomUUID()}`, [newEvent('ProbeRecorded', { note })], 'no_stream');
    // Subscribed one after the other, so the first leads and the slow one follows.
    const first = overSse(directorToken, after);
    await allSubscribed(1);
    const second = overSse(directorToken, after);
    await allSubscribed(2);
    const slow = await rawSse(directorToken, after);
    await allSubscribed(3);
    await probe('first');
    await expect.poll(() => slow.received.length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => metric('sapat_sse_streams_following'), { timeout: 10_000 }).toBe(2);

    // Its client stops reading; large events fill the socket, then what the hub holds for it.
    slow.pause();
    const large = 'x'.repeat(60_000);
    for (let i = 0; i < 2_000 && (await metric('sapat_sse_streams_following')) === 2; i++) await probe(large);
    expect(await metric('sapat_sse_streams_following')).toBe(1);
    await probe('last');

    const all = await logAfter(after);
    for (const subscriber of [first, second]) await expect.poll(() => subscriber.received.length, { timeout: 30_000 }).toBe(all.length);
    slow.resume();
    await expect.poll(() => slow.received.length, { timeout: 30_000 }).toBe(all.length);
    for (const subscriber of [first, second, slow]) expect(withoutData(subscriber.received)).toEqual(all);

    for (const subscriber of [first, second, slow]) await subscriber.stop();
    await allSubscribed(0);
  }, 120_000);

  it('never shares between readers of different visibility, and a scoped reader does not receive what only another may see', async () => {
    const after = await head();
    // The director reads the whole log; the integration only the registered non-personal categories.
    const full = overSse(directorToken, after);
    const scoped = [overSse(integrationToken, after), overSse(integrationToken, after)];
    await allSubscribed(3);
    const executedBefore = await metric('sapat_subscription_executions_total');

    await apply();
    // A stream of no registered kind: outside what an integration may read.
    await hub.store.append(`probe-${crypto.randomUUID()}`, [newEvent('ProbeRecorded', { note: 'for the full-log readers only' })], 'no_stream');
    await apply();

    const everything = await logAfter(after);
    const open = everything.filter((e) => !e.stream.startsWith('probe-'));
    expect(open.length).toBeLessThan(everything.length);
    await expect.poll(() => full.received.length, { timeout: 10_000 }).toBe(everything.length);
    for (const subscriber of scoped) await expect.poll(() => subscriber.received.length, { timeout: 10_000 }).toBe(open.length);
    expect(withoutData(full.received)).toEqual(everything);
    for (const subscriber of scoped) {
      expect(withoutData(subscriber.received)).toEqual(open);
      expect(JSON.stringify(subscriber.received)).not.toContain('for the full-log readers only');
    }
    // The two integrations share; the director executes on its own, also for the events both see.
    expect((await metric('sapat_subscription_executions_total')) - executedBefore).toBe(everything.length + open.length);
    expect(hub.projections.status().filter((p) => p.state === 'stopped')).toEqual([]);

    for (const subscriber of [full, ...scoped]) await subscriber.stop();
    await allSubscribed(0);
  });
});

describe('fan-out at shutdown', () => {
  it('completes every SSE stream, the ones following another included', async () => {
    const own = temporaryDirectory();
    const ownHub = await openHub(testConfig(own.path));
    const ownServer = await startServer(ownHub, { port: 0, host: '127.0.0.1', secret: TEST_SECRET });
    try {
      const clients = Array.from({ length: 3 }, () =>
        createSseClient({ url: ownServer.url, headers: { authorization: `Bearer ${integrationToken}` }, retryAttempts: 0 }),
      );
      const received = clients.map(() => [] as unknown[]);
      const completed = clients.map(
        (client, i) =>
          new Promise<string>((resolve) =>
            client.subscribe(
              { query: EVENTS },
              { next: (v) => void received[i]!.push(v.data), error: () => resolve('error'), complete: () => resolve('complete') },
            ),
          ),
      );
      await expect.poll(() => ownServer.liveSubscriptions(), { timeout: 10_000 }).toBe(3);
      const res = await graphqlClient(fetch, ownServer.url)(APPLY, { input: applicationInput() }, { token: directorToken });
      expect(res.data?.applyForLicense.__typename).toBe('LicensePayload');
      for (const list of received) await expect.poll(() => list.length, { timeout: 10_000 }).toBeGreaterThan(0);
      const following = Number(/^sapat_sse_streams_following (\d+)$/m.exec(await (await fetch(ownServer.url.replace(/\/graphql$/, '/metrics'))).text())?.[1]);
      expect(following).toBe(2);

      await ownServer.close();
      expect(await Promise.all(completed)).toEqual(['complete', 'complete', 'complete']);
      expect(ownServer.liveSubscriptions()).toBe(0);
      for (const client of clients) client.dispose();
    } finally {
      await ownServer.close();
      await ownHub.close();
      own.remove();
    }
  });
});
