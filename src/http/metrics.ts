// Prometheus metrics, served at /metrics in the text format: GraphQL operations by transport, type
// and outcome with their durations, command latency by command, how far each projection is behind
// the log, which projections have stopped, whether the read models have caught up, and the live
// subscriptions. Optionally behind a bearer token (SAPAT_METRICS_TOKEN); without one it is open, as
// it names no person and no data.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { refusals } from '../automation/refusals.ts';
import { DomainError } from '../domain/errors.ts';
import { decodePosition } from '../eventstore/position.ts';
import type { Hub } from '../hub.ts';
import type { Exchange } from './exchange.ts';

export type Outcome = 'ok' | 'errors' | 'refused' | 'failed';

export type Metrics = {
  registry: Registry;
  operation(exchange: Exchange, outcome: Outcome, durationSeconds: number): void;
  command<T>(name: string, run: () => Promise<T>): Promise<T>;
  plugin: Plugin;
};

const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const digest = (value: string) => createHash('sha256').update(value).digest();

export function createMetrics(hub: Hub, options: { token?: string | undefined; commandsInFlight: () => number; liveSubscriptions: () => number }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const operations = new Counter({
    name: 'sapat_graphql_operations_total',
    help: 'GraphQL operations by transport (http, ws), operation type and outcome (ok, errors in the result, refused with a 4xx, failed with a 5xx).',
    labelNames: ['transport', 'operation_type', 'outcome'] as const,
    registers,
  });
  const operationSeconds = new Histogram({
    name: 'sapat_graphql_operation_duration_seconds',
    help: 'Time to answer a query or mutation, from the request to the last byte of the response.',
    labelNames: ['transport', 'operation_type'] as const,
    buckets: latencyBuckets,
    registers,
  });
  const commandSeconds = new Histogram({
    name: 'sapat_command_duration_seconds',
    help: 'Time to run a command: load, decide, append and wait for the read models (read-your-writes).',
    labelNames: ['command', 'outcome'] as const,
    buckets: latencyBuckets,
    registers,
  });
  new Gauge({
    name: 'sapat_commands_in_flight',
    help: 'Commands being run now.',
    registers,
    collect() {
      this.set(options.commandsInFlight());
    },
  });
  new Gauge({
    name: 'sapat_projection_lag',
    help: "Log head position minus the projection's checkpoint: events behind on the embedded store (log bytes on KurrentDB).",
    labelNames: ['projection', 'version', 'state'] as const,
    registers,
    async collect() {
      const head = (await hub.store.headPosition())?.commit ?? 0n;
      this.reset();
      for (const p of hub.projections.status()) {
        const at = p.position ? decodePosition(p.position).commit : 0n;
        this.set({ projection: p.name, version: String(p.version), state: p.state }, Number(head > at ? head - at : 0n));
      }
    },
  });
  new Gauge({
    name: 'sapat_projection_stopped',
    help: 'Whether a projection version has stopped on an event it cannot fold (1) or runs (0); see the readModels query and docs/operations.md.',
    labelNames: ['projection', 'version'] as const,
    registers,
    collect() {
      this.reset();
      for (const p of hub.projections.status()) this.set({ projection: p.name, version: String(p.version) }, p.state === 'stopped' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'sapat_projections_caught_up',
    help: '1 once the read models have caught up with the log (what /ready reports), 0 before or after a projection failure.',
    registers,
    collect() {
      this.set(hub.projections.isCaughtUp() ? 1 : 0);
    },
  });
  new Gauge({
    name: 'sapat_live_subscriptions',
    help: 'GraphQL subscriptions open now (WebSocket and SSE): change subscriptions and the events log.',
    registers,
    collect() {
      this.set(options.liveSubscriptions());
    },
  });

  new Gauge({
    name: 'sapat_follow_up_refusals',
    help: 'Follow-up commands of reactors and the clock that were refused, by source and rule code (recorded; they never stop the hub).',
    labelNames: ['source_kind', 'source', 'code'] as const,
    registers,
    collect() {
      this.reset();
      for (const row of refusals(hub.automation).counts()) this.set({ source_kind: row.source_kind, source: row.source, code: row.code }, row.count);
    },
  });

  new Gauge({
    name: 'sapat_webhook_deliveries',
    help: 'Webhook deliveries by webhook and status: delivered, or retrying (the receiver failed and the next attempt is scheduled).',
    labelNames: ['webhook', 'status'] as const,
    registers,
    collect() {
      this.reset();
      const rows = hub.automation
        .prepare<[], { webhook_id: string; status: string; count: number }>(
          'SELECT webhook_id, status, COUNT(*) AS count FROM webhook_deliveries GROUP BY webhook_id, status',
        )
        .all();
      for (const row of rows) this.set({ webhook: row.webhook_id, status: row.status }, row.count);
    },
  });

  const expected = options.token ? digest(`Bearer ${options.token}`) : undefined;
  const authorised = (header: string | null) => !expected || (header !== null && timingSafeEqual(digest(header), expected));

  return {
    registry,
    operation(exchange, outcome, durationSeconds) {
      const operationType = exchange.operationType ?? 'unknown';
      operations.inc({ transport: exchange.transport, operation_type: operationType, outcome });
      if (operationType !== 'subscription') operationSeconds.observe({ transport: exchange.transport, operation_type: operationType }, durationSeconds);
    },
    async command(name, run) {
      const stop = commandSeconds.startTimer({ command: name });
      try {
        const result = await run();
        stop({ outcome: 'accepted' });
        return result;
      } catch (error) {
        // Typed refusals (DomainRuleError, ConcurrencyError, ...) by class name; anything else is a failure.
        stop({ outcome: error instanceof DomainError ? error.name : 'failed' });
        throw error;
      }
    },
    plugin: {
      onRequest({ url, request, endResponse, fetchAPI }) {
        if (url.pathname !== '/metrics') return;
        if (!authorised(request.headers.get('authorization'))) {
          endResponse(
            new fetchAPI.Response('metrics need Authorization: Bearer <SAPAT_METRICS_TOKEN>\n', {
              status: 401,
              headers: { 'WWW-Authenticate': 'Bearer', 'content-type': 'text/plain' },
            }),
          );
          return;
        }
        return registry.metrics().then(
          (text) => endResponse(new fetchAPI.Response(text, { headers: { 'content-type': registry.contentType } })),
          () => endResponse(new fetchAPI.Response('metrics are unavailable while the hub stops\n', { status: 503 })),
        );
      },
    },
  };
}
