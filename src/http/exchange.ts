// One exchange with a caller: an HTTP request, or one operation on a WebSocket. It carries the
// correlation id and what the access log and the metrics report about it, so each log line names
// its request. It travels explicitly — in the server context Yoga merges into the GraphQL context,
// and on the errors an execution returns — not in an AsyncLocalStorage: that kept promise hooks on
// for every promise the hub made, 11 % of the CPU of a licences page (issue 16).
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

/** The exchange a server context or GraphQL context carries (src/server.ts puts it there). */
export const exchangeIn = (context: unknown): Exchange | undefined => (context as { exchange?: Exchange } | null | undefined)?.exchange;

/** The correlation id as log fields, for a line written on behalf of an exchange. */
export const correlated = (exchange: Exchange | undefined): { correlationId?: string } => (exchange ? { correlationId: exchange.correlationId } : {});

/**
 * Errors an exchange produced, so that Yoga's log of an error it masks (which is handed the error
 * and nothing else) names the request. Tagged before the masking plugin runs (Yoga adds it after
 * the hub's plugins); the error and the errors it wraps are tagged.
 */
const errorExchanges = new WeakMap<object, Exchange>();

export function tagErrors(exchange: Exchange, errors: readonly unknown[] | undefined): void {
  for (let error of errors ?? []) {
    for (let depth = 0; depth < 5 && typeof error === 'object' && error !== null; depth++) {
      errorExchanges.set(error, exchange);
      error = (error as { originalError?: unknown }).originalError;
    }
  }
}

export const exchangeOfError = (error: unknown): Exchange | undefined => (typeof error === 'object' && error !== null ? errorExchanges.get(error) : undefined);

function describe(exchange: Exchange, document: DocumentNode, operationName: string | null | undefined): void {
  const operation = getOperationAST(document, operationName);
  exchange.operationType = operation?.operation;
  exchange.operationName = operationName ?? operation?.name?.value;
}

/** Fills in the operation's name and type once parsed, and the errors of its result. */
export function useExchangeRecording(): Plugin {
  return {
    onValidate({ params, context }) {
      const exchange = exchangeIn(context);
      const operationName = (context as { params?: { operationName?: string | null } }).params?.operationName;
      if (exchange) describe(exchange, params.documentAST, operationName);
    },
    onExecute({ args }) {
      const exchange = exchangeIn(args.contextValue);
      if (!exchange) return undefined;
      return {
        onExecuteDone({ result }) {
          if ('errors' in result) count(exchange, result.errors);
        },
      };
    },
    onSubscribe({ args }) {
      const exchange = exchangeIn(args.contextValue);
      if (!exchange) return undefined;
      return {
        onSubscribeResult({ result }) {
          if ('errors' in result) count(exchange, result.errors);
        },
      };
    },
  };
}

function count(exchange: Exchange, errors: readonly GraphQLError[] | undefined): void {
  tagErrors(exchange, errors);
  exchange.errorCount += errors?.length ?? 0;
  if (errors?.some((e) => Number((e.extensions.http as { status?: unknown } | undefined)?.status) >= 400)) exchange.refused = true;
}
