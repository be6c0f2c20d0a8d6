// One log line and one metrics sample per GraphQL exchange, when it ends: what was asked (operation
// name and type), by whom (actor id), how it ended (HTTP status, outcome) and how long it took.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { elapsedMs, type Exchange } from './exchange.ts';
import type { Logger } from './logging.ts';
import type { Metrics, Outcome } from './metrics.ts';

export type AccessLog = {
  http(exchange: Exchange, request: IncomingMessage, response: ServerResponse): void;
  ws(exchange: Exchange, outcome: Outcome): void;
};

const outcomeOf = (status: number, exchange: Exchange): Outcome =>
  status >= 500 ? 'failed' : status >= 400 ? 'refused' : exchange.errorCount > 0 ? 'errors' : 'ok';

export function createAccessLog(logger: Logger, metrics: Metrics, graphqlEndpoint: string): AccessLog {
  function record(exchange: Exchange, outcome: Outcome, fields: Record<string, unknown>, graphql: boolean): void {
    const durationMs = elapsedMs(exchange);
    const entry = {
      correlationId: exchange.correlationId,
      transport: exchange.transport,
      ...fields,
      outcome,
      durationMs,
      ...(exchange.operationType ? { operationType: exchange.operationType } : {}),
      ...(exchange.operationName ? { operationName: exchange.operationName } : {}),
      ...(exchange.actorId ? { actorId: exchange.actorId } : {}),
    };
    if (!graphql) {
      logger.debug('request', entry);
      return;
    }
    metrics.operation(exchange, outcome, durationMs / 1000);
    (outcome === 'failed' ? logger.error : logger.info)('graphql operation', entry);
  }
  return {
    http(exchange, request, response) {
      const status = response.statusCode;
      const path = request.url?.split('?')[0];
      // GraphiQL's page, CORS preflights, /health and /metrics are not GraphQL operations.
      const graphql = path === graphqlEndpoint && (exchange.operationType !== undefined || status >= 400);
      record(exchange, outcomeOf(status, exchange), { method: request.method, path, status }, graphql);
    },
    ws(exchange, outcome) {
      record(exchange, outcome, {}, true);
    },
  };
}
