// Running the hub: /health and /ready, one JSON log line per request with its correlation id (also
// sent back as X-Correlation-Id and recorded on the events), Prometheus metrics, unexpected errors
// masked in responses but logged with their stack, and graceful shutdown: a mutation in flight when
// shutdown begins completes and is stored, subscriptions end cleanly, new connections are refused.
import { request as httpRequest } from 'node:http';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { licensesProjection } from '../projections/licenses.ts';
import { openEventStore } from '../src/eventstore/index.ts';
import type { EventStore, RecordedEvent } from '../src/eventstore/types.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { startServer } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { graphqlClient } from './support/graphql.ts';
import { applicationInput } from './support/licensing.ts';
import { APPLY } from './support/licensing-operations.ts';
import { PROCESS_CEILING_MS, startHubProcess, stopHubProcess } from './support/hub-ready.ts';

type LogLine = Record<string, unknown> & { time: string; level: string; msg: string };

async function boot(overrides: Record<string, string>, options: { store?: (real: EventStore) => EventStore; shutdownTimeoutMs?: number } = {}) {
  const dir = temporaryDirectory();
  const config = testConfig(dir.path, overrides);
  const hub = await openHub(config, options.store ? { store: options.store(openEventStore(config)) } : {});
  const lines: string[] = [];
  const server = await startServer(hub, {
    port: 0,
    host: '127.0.0.1',
    secret: TEST_SECRET,
    logSink: (line) => lines.push(line),
    ...(options.shutdownTimeoutMs ? { shutdownTimeoutMs: options.shutdownTimeoutMs } : {}),
  });
  const base = server.url.replace('/graphql', '');
  return {
    hub,
    server,
    base,
    lines,
    logs: (): LogLine[] => lines.map((line) => JSON.parse(line) as LogLine),
    gql: graphqlClient(fetch, server.url),
    stop: async () => {
      await server.close();
      await hub.close();
      dir.remove();
    },
  };
}

const metricValue = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

async function eventsOf(hub: Hub): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of hub.store.readAll()) events.push(event);
  return events;
}

describe('health, correlation ids, logs and metrics', () => {
  let running: Awaited<ReturnType<typeof boot>>;
  let token: string;
  beforeAll(async () => {
    running = await boot({ SAPAT_LOG_LEVEL: 'info' });
    token = await tokenFor(director);
  });
  afterAll(() => running.stop());

  it('answers /health, and /ready with the projections it waited for', async () => {
    expect((await fetch(`${running.base}/health`)).status).toBe(200);
    const ready = await fetch(`${running.base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      ready: true,
      projections: expect.arrayContaining([expect.objectContaining({ name: 'licenses', state: 'live' })]),
    });
  });

  it('keeps a caller’s correlation id, returns it, records it on the events, and logs the request with it', async () => {
    const res = await fetch(running.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-correlation-id': 'audit-2026-042' },
      body: JSON.stringify({ query: APPLY, variables: { input: applicationInput() }, operationName: 'applyForLicense' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-correlation-id')).toBe('audit-2026-042');
    const events = await eventsOf(running.hub);
    expect(events.at(-1)!.metadata.correlationId).toBe('audit-2026-042');

    await expect.poll(() => running.logs().some((l) => l.correlationId === 'audit-2026-042')).toBe(true);
    const line = running.logs().find((l) => l.correlationId === 'audit-2026-042')!;
    expect(line).toMatchObject({
      level: 'info',
      msg: 'graphql operation',
      transport: 'http',
      method: 'POST',
      path: '/graphql',
      status: 200,
      outcome: 'ok',
      operationName: 'applyForLicense',
      operationType: 'mutation',
      actorId: 'u-director',
    });
    expect(new Date(line.time).toISOString()).toBe(line.time);
    expect(line.durationMs).toEqual(expect.any(Number));
  });

  it('makes a correlation id when none or a malformed one is sent', async () => {
    for (const sent of [undefined, 'spaces are not allowed', 'x'.repeat(101)]) {
      const res = await fetch(running.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(sent ? { 'x-correlation-id': sent } : {}) },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(res.headers.get('x-correlation-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('writes every line as one JSON object', () => {
    expect(running.lines.length).toBeGreaterThan(0);
    for (const line of running.lines) {
      expect(line.endsWith('\n')).toBe(true);
      expect(line.slice(0, -1)).not.toContain('\n');
      expect(JSON.parse(line)).toMatchObject({ time: expect.any(String), level: expect.any(String), msg: expect.any(String) });
    }
  });

  it('serves Prometheus metrics: operations, command latency, projection lag, live subscriptions', async () => {
    await running.gql('{ nope }', {}, { token });
    const ws = createWsClient({
      url: running.server.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    const stop = ws.subscribe({ query: 'subscription { licenseChanged { eventType } }' }, { next: () => {}, error: () => {}, complete: () => {} });
    await expect.poll(() => running.server.liveSubscriptions(), { timeout: 60_000, interval: 50 }).toBe(1);

    const res = await fetch(`${running.base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(metricValue(text, 'sapat_graphql_operations_total{transport="http",operation_type="mutation",outcome="ok"}')).toBe(1);
    expect(metricValue(text, 'sapat_graphql_operations_total{transport="http",operation_type="query",outcome="refused"}')).toBe(1);
    expect(metricValue(text, 'sapat_command_duration_seconds_count{command="applyForLicense",outcome="accepted"}')).toBe(1);
    expect(metricValue(text, 'sapat_command_duration_seconds_bucket{le="10",command="applyForLicense",outcome="accepted"}')).toBe(1);
    expect(metricValue(text, 'sapat_graphql_operation_duration_seconds_count{transport="http",operation_type="mutation"}')).toBe(1);
    expect(metricValue(text, `sapat_projection_lag{projection="licenses",version="${licensesProjection.version}",state="live"}`)).toBe(0);
    expect(metricValue(text, 'sapat_projections_caught_up')).toBe(1);
    expect(metricValue(text, 'sapat_live_subscriptions')).toBe(1);
    expect(metricValue(text, 'sapat_commands_in_flight')).toBe(0);
    expect(text).toContain('process_resident_memory_bytes');

    stop();
    await ws.dispose();
    await expect.poll(() => running.server.liveSubscriptions(), { timeout: 60_000, interval: 50 }).toBe(0);
    expect(running.hub.projections.listenerCount()).toBe(0);
    expect(metricValue(await (await fetch(`${running.base}/metrics`)).text(), 'sapat_live_subscriptions')).toBe(0);
  });
});

describe('projection lag', () => {
  it('is the distance from the log head to each checkpoint, and shows a stalled projection', async () => {
    const running = await boot({});
    try {
      // Projections stop following; events appended now are in the log but in no read model.
      await running.hub.projections.stop();
      const actor = { id: 'u-director', name: 'Gulnara Asanova', roles: ['director'] };
      for (const n of [1, 2, 3]) {
        await running.hub.store.append(
          `license-lag-${n}`,
          [
            {
              id: `00000000-0000-4000-8000-00000000000${n}`,
              type: 'LicenseApplied',
              data: {},
              metadata: { actor, commandId: `lag-${n}`, correlationId: 'lag', causationId: `lag-${n}`, occurredAt: new Date().toISOString(), schemaVersion: 1 },
            },
          ],
          'no_stream',
        );
      }
      const text = await (await fetch(`${running.base}/metrics`)).text();
      expect(metricValue(text, `sapat_projection_lag{projection="licenses",version="${licensesProjection.version}",state="live"}`)).toBe(3);
    } finally {
      await running.stop();
    }
  });
});

describe('/metrics behind SAPAT_METRICS_TOKEN', () => {
  it('needs the bearer token when one is configured', async () => {
    const running = await boot({ SAPAT_METRICS_TOKEN: 'scrape-token-0123456789' });
    try {
      expect((await fetch(`${running.base}/metrics`)).status).toBe(401);
      expect((await fetch(`${running.base}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
      const ok = await fetch(`${running.base}/metrics`, { headers: { authorization: 'Bearer scrape-token-0123456789' } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('sapat_projections_caught_up 1');
    } finally {
      await running.stop();
    }
  });
});

describe('unexpected errors', () => {
  it('are masked in the response and logged with their stack and correlation id', async () => {
    const running = await boot({ SAPAT_LOG_LEVEL: 'error' });
    try {
      running.hub.readModels.close();
      const res = await fetch(running.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(director)}`, 'x-correlation-id': 'broken-disk-1' },
        body: JSON.stringify({ query: '{ licenses(first: 1) { edges { node { id } } } }' }),
      });
      const text = await res.text();
      expect(JSON.parse(text).errors).toEqual([expect.objectContaining({ message: 'Unexpected error.' })]);
      expect(text).not.toContain('database');
      expect(text).not.toMatch(/\n\s+at /);

      const logs = running.logs();
      const logged = logs.find((l) => l.msg === 'unexpected error (masked in the response)')!;
      expect(logged).toMatchObject({
        level: 'error',
        correlationId: 'broken-disk-1',
        error: { message: expect.stringContaining('database'), path: ['licenses'] },
      });
      expect((logged.error as { stack: string }).stack).toMatch(/\n\s+at /);
      // SAPAT_LOG_LEVEL=error: the info line of the request is not written.
      expect(logs.every((l) => l.level === 'error')).toBe(true);
    } finally {
      await running.stop();
    }
  });
});

describe('correlation over WebSocket', () => {
  it("logs each operation with its actor and name, and a fault it masks under the operation's correlation id", async () => {
    // The exchange travels on the operation's context (src/http/exchange.ts), not in async context.
    const running = await boot({ SAPAT_LOG_LEVEL: 'info' });
    const ws = createWsClient({
      url: running.server.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await tokenFor(director)}` },
    });
    const once = (query: string) =>
      new Promise<{ errors?: readonly { message: string }[] }>((resolve, reject) => {
        let result: { errors?: readonly { message: string }[] } = {};
        ws.subscribe(
          { query },
          { next: (r) => void (result = r), error: (e) => (Array.isArray(e) ? resolve({ errors: e }) : reject(e)), complete: () => resolve(result) },
        );
      });
    try {
      expect((await once('query Registry { licenses(first: 1) { edges { node { id } } } }')).errors).toBeUndefined();
      const served = () => running.logs().find((l) => l.msg === 'graphql operation' && l.operationName === 'Registry');
      await expect.poll(served).toMatchObject({ transport: 'ws', operationType: 'query', outcome: 'ok', actorId: 'u-director' });
      expect(served()!.correlationId).toEqual(expect.any(String));

      running.hub.readModels.close();
      expect((await once('query Broken { licenses(first: 1) { edges { node { id } } } }')).errors).toEqual([
        expect.objectContaining({ message: 'Unexpected error.' }),
      ]);
      const operation = () => running.logs().find((l) => l.msg === 'graphql operation' && l.operationName === 'Broken');
      await expect.poll(operation).toMatchObject({ transport: 'ws', outcome: 'errors', actorId: 'u-director' });
      const fault = running.logs().find((l) => l.msg === 'unexpected error (masked in the response)');
      expect(fault).toMatchObject({ level: 'error', correlationId: operation()!.correlationId, error: { path: ['licenses'] } });
      expect(operation()!.correlationId).not.toBe(served()!.correlationId);
    } finally {
      await ws.dispose();
      await running.stop();
    }
  });
});

describe('client errors', () => {
  it("a value of the wrong type is logged as the caller's mistake, not as an unexpected error", async () => {
    const running = await boot({ SAPAT_LOG_LEVEL: 'info' });
    try {
      const query = 'query($d: Date) { licenses(first: 1, filter: { expiringBefore: $d }) { edges { cursor } } }';
      const res = await running.gql(query, { d: 5 }, { token: await tokenFor(director) });
      expect(res.errors?.[0]?.message).toContain('Date must be a string');
      const logs = running.logs();
      expect(logs.filter((l) => l.level === 'error')).toEqual([]);
      expect(logs.find((l) => l.msg === 'client error')).toMatchObject({
        level: 'info',
        error: { name: 'ScalarTypeError', message: expect.stringContaining('Date must be a string') },
      });
    } finally {
      await running.stop();
    }
  });
});

/** The real store, with appends held at a gate the test opens, to have a command in flight at will. */
function gatedStore() {
  let open!: () => void;
  let reached!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const appending = new Promise<void>((resolve) => (reached = resolve));
  return {
    open,
    appending,
    wrap: (real: EventStore): EventStore => ({
      ...real,
      async append(...args) {
        reached();
        await gate;
        return real.append(...args);
      },
    }),
  };
}

const newConnection = (url: string) =>
  new Promise<string>((resolve) => {
    const req = httpRequest(url, { method: 'GET', agent: false }, (res) => resolve(`answered ${res.statusCode}`));
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });

describe('graceful shutdown', () => {
  it('lets a mutation in flight finish and be stored, ends subscriptions, refuses new connections', async () => {
    const gate = gatedStore();
    const running = await boot({}, { store: gate.wrap });
    const token = await tokenFor(director);
    const ws = createWsClient({
      url: running.server.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    const sse = createSseClient({ url: running.server.url, headers: { authorization: `Bearer ${token}` } });
    const ended = (subscribe: (sink: { next: () => void; error: (e: unknown) => void; complete: () => void }) => unknown) =>
      new Promise<string>((resolve) => subscribe({ next: () => {}, error: (e) => resolve(`error ${String(e)}`), complete: () => resolve('complete') }));
    const overWs = ended((sink) => ws.subscribe({ query: 'subscription { licenseChanged { eventType } }' }, sink));
    const overSse = ended((sink) => sse.subscribe({ query: 'subscription { licenseChanged { eventType } }' }, sink));
    await expect.poll(() => running.server.liveSubscriptions(), { timeout: 60_000, interval: 50 }).toBe(2);

    const mutation = fetch(running.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: APPLY, variables: { input: applicationInput() } }),
    });
    await gate.appending;
    const closing = running.server.close();

    expect(await overWs).toBe('complete');
    expect(await overSse).toBe('complete');
    expect(await newConnection(`${running.base}/health`)).toBe('ECONNREFUSED');

    gate.open();
    const response = await mutation;
    expect(response.status).toBe(200);
    expect(response.headers.get('connection')).toBe('close');
    const body = (await response.json()) as { data: { applyForLicense: { __typename: string; license: { status: string } } } };
    expect(body.data.applyForLicense).toMatchObject({ __typename: 'LicensePayload', license: { status: 'APPLIED' } });
    await closing;

    expect((await eventsOf(running.hub)).map((e) => e.type)).toEqual(['LicenseApplied']);
    expect(await newConnection(`${running.base}/health`)).toBe('ECONNREFUSED');
    await ws.dispose();
    sse.dispose();
    await running.hub.close();
  });

  it('cuts what is still running at the deadline instead of waiting for ever', async () => {
    const gate = gatedStore();
    const running = await boot({ SAPAT_LOG_LEVEL: 'warn' }, { store: gate.wrap, shutdownTimeoutMs: 300 });
    const mutation = fetch(running.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(director)}` },
      body: JSON.stringify({ query: APPLY, variables: { input: applicationInput() } }),
    }).then(
      (r) => `answered ${r.status}`,
      () => 'cut',
    );
    await gate.appending;
    const started = Date.now();
    await running.server.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await mutation).toBe('cut');
    expect(running.logs().map((l) => l.msg)).toContain('shutdown deadline reached: cutting the requests still in flight');
    gate.open();
    await running.hub.close();
  });
});

describe('npm start', () => {
  it(
    'logs JSON lines, and stops on SIGTERM with exit code 0 after closing the store',
    async () => {
      const dir = temporaryDirectory();
      const hub = await startHubProcess(dir.path);
      try {
        expect((await fetch(`${hub.base}/ready`)).status).toBe(200);
        expect(await stopHubProcess(hub)).toEqual({ code: 0, signal: null });
        const lines = hub.logLines();
        expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['listening', 'stopping', 'stopped']));
        expect(lines.find((l) => l.msg === 'stopping')).toMatchObject({ signal: 'SIGTERM', shutdownTimeoutMs: 10_000 });
      } finally {
        hub.child.kill('SIGKILL');
        dir.remove();
      }
    },
    2 * PROCESS_CEILING_MS,
  );
});
