// One exchange with a caller: an HTTP request, or one operation on a WebSocket. It carries the
// correlation id and what the access log and the metrics report about it, and is reachable from
// everything that runs on its behalf (AsyncLocalStorage), so each log line names its request.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { getOperationAST, type DocumentNode, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export type OperationType = 'query' | 'mutation' | 'subscription';

export type Exchange = {
  correlationId: string;
  transport: 'http' | 'ws';
  startedAt: number;
  operationName?: string | undefined;
  operationType?: OperationType | undefined;
  actorId?: string | undefined;
  /** Errors in the (non-streamed) execution result. */
  errorCount: number;
  /** A limit refused the operation before it ran (HTTP says so by its status; a WebSocket cannot). */
  refused?: boolean;
};

const correlationIdPattern = /^[\w.:-]{1,100}$/;

/** A caller's X-Correlation-Id is kept when it is a plain token; otherwise the hub makes one. */
export const correlationIdOf = (requested: string | null | undefined): string => (requested && correlationIdPattern.test(requested) ? requested : randomUUID());

export function openExchange(transport: Exchange['transport'], requestedId?: string | null): Exchange {
  return { correlationId: correlationIdOf(requestedId), transport, startedAt: performance.now(), errorCount: 0 };
}

export const elapsedMs = (exchange: Exchange): number => Math.round((performance.now() - exchange.startedAt) * 10) / 10;

const storage = new AsyncLocalStorage<Exchange>();

export const currentExchange = (): Exchange | undefined => storage.getStore();

export const withinExchange = <T>(exchange: Exchange, run: () => T): T => storage.run(exchange, run);

function describe(exchange: Exchange, document: DocumentNode, operationName: string | null | undefined): void {
  const operation = getOperationAST(document, operationName);
  exchange.operationType = operation?.operation;
  exchange.operationName = operationName ?? operation?.name?.value;
}

/** Fills in the operation's name and type once parsed, and the errors of its result. */
export function useExchangeRecording(): Plugin {
  return {
    onValidate({ params, context }) {
      const exchange = currentExchange();
      const operationName = (context as { params?: { operationName?: string | null } }).params?.operationName;
      if (exchange) describe(exchange, params.documentAST, operationName);
    },
    onExecute() {
      const exchange = currentExchange();
      return {
        onExecuteDone({ result }) {
          if (exchange && 'errors' in result) count(exchange, result.errors);
        },
      };
    },
    onSubscribe() {
      const exchange = currentExchange();
      return {
        onSubscribeResult({ result }) {
          if (exchange && 'errors' in result) count(exchange, result.errors);
        },
      };
    },
  };
}

function count(exchange: Exchange, errors: readonly GraphQLError[] | undefined): void {
  exchange.errorCount += errors?.length ?? 0;
  if (errors?.some((e) => Number((e.extensions.http as { status?: unknown } | undefined)?.status) >= 400)) exchange.refused = true;
}
