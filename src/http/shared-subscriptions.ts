// One execution per event for subscribers who would all compute the same result. A subscription
// runs its selection once for every event its source stream yields; with hundreds of integrations
// following the same log, that was hundreds of identical executions per commit, and the commands
// waited behind them on the one event loop. Here each subscriber still has its own source stream
// (its own cursor, catch-up, order and queue: nothing about delivery changes), but the selection is
// executed once per event and sharing key, and every subscriber with that key receives the same
// result object (so the SSE writer serialises it once, too).
//
// The sharing key is the document, the operation name, the variables and the reader's visibility.
// Visibility is whatever in the context can change the result: by default the whole actor and the
// language, so only one user's own connections share; a subscription field may declare a narrower
// scope (`sharedBy` in its extensions) when it has checked that its selection reads nothing else of
// the reader. The memo hangs off the event object itself (a WeakMap), so only subscribers handed the
// very same object share, which is what the store does for live subscribers: each commit's events
// go to all of them as one batch. A catch-up reads its own rows, so it executes on its own.
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  print,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Counter, type Registry } from 'prom-client';
import type { GraphQLContext } from '../../schema/builder.ts';

/** Extension of a subscription field: the part of the context its selection's result depends on. */
export const SHARED_BY = 'sharedBy';
export type SharedBy = (context: GraphQLContext) => string;

type Result = ExecutionResult | Promise<ExecutionResult>;

export type SharedSubscriptions = {
  plugin: Plugin;
  /** Selections executed for subscription events, and results handed to subscribers: their ratio is the sharing. */
  counts(): { executions: number; results: number };
};

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> => typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/** The whole actor and the language: what any resolver may look at (roles, unit, the user's own id). */
const wholeReader: SharedBy = (context) => JSON.stringify([context.actor ?? null, context.language]);

export function createSharedSubscriptions(): SharedSubscriptions {
  const texts = new WeakMap<DocumentNode, string>();
  /** Per event object, the result per sharing key; gone with the event once no subscriber holds it. */
  const shared = new WeakMap<object, Map<string, Result>>();
  let executions = 0;
  let results = 0;

  const textOf = (document: DocumentNode): string => {
    let text = texts.get(document);
    if (text === undefined) texts.set(document, (text = print(document)));
    return text;
  };

  /** The sharing key of a subscription, or undefined when its root field cannot be told (then nothing is shared). */
  function keyOf(args: ExecutionArgs): string | undefined {
    const operation = getOperationAST(args.document, args.operationName);
    const root = operation?.operation === 'subscription' ? operation.selectionSet.selections[0] : undefined;
    if (root?.kind !== 'Field' || operation!.selectionSet.selections.length !== 1) return undefined;
    const field = (args.schema as GraphQLSchema).getSubscriptionType()?.getFields()[root.name.value];
    if (!field) return undefined;
    const declared = field.extensions[SHARED_BY];
    const visibility = (typeof declared === 'function' ? (declared as SharedBy) : wholeReader)(args.contextValue as GraphQLContext);
    return JSON.stringify([textOf(args.document), args.operationName ?? null, args.variableValues ?? null, visibility]);
  }

  function resultFor(args: ExecutionArgs, key: string | undefined, payload: unknown): Result {
    results += 1;
    if (key === undefined || typeof payload !== 'object' || payload === null) {
      executions += 1;
      return execute({ ...args, rootValue: payload });
    }
    let byKey = shared.get(payload);
    if (!byKey) shared.set(payload, (byKey = new Map()));
    let result = byKey.get(key);
    if (result === undefined) {
      executions += 1;
      result = execute({ ...args, rootValue: payload });
      byKey.set(key, result);
    }
    return result;
  }

  /** graphql-js's subscribe, with the per-event execution memoised. */
  async function subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterable(stream)) return stream as ExecutionResult;
    const key = keyOf(args);
    const source = stream[Symbol.asyncIterator]();
    const close = async (): Promise<IteratorResult<ExecutionResult>> => {
      await source.return?.();
      return { done: true, value: undefined };
    };
    const iterator: AsyncIterableIterator<ExecutionResult> = {
      async next() {
        const next = await source.next();
        if (next.done) return { done: true, value: undefined };
        try {
          return { done: false, value: await resultFor(args, key, next.value) };
        } catch (error) {
          await close();
          throw error;
        }
      },
      return: close,
      async throw(error) {
        if (source.throw) {
          const next = await source.throw(error);
          if (!next.done) return { done: false, value: await resultFor(args, key, next.value) };
        }
        await close();
        throw error;
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  return {
    plugin: {
      onSubscribe({ setSubscribeFn }) {
        setSubscribeFn(subscribe as Parameters<typeof setSubscribeFn>[0]);
      },
    },
    counts: () => ({ executions, results }),
  };
}

/** The two counts on /metrics: results handed out over executions run is how much subscribers share. */
export function registerSharingMetrics(registry: Registry, shared: SharedSubscriptions): void {
  new Counter({
    name: 'sapat_subscription_executions_total',
    help: 'Executions of a subscription selection for an event; subscribers of the same selection, variables and visibility share one.',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(shared.counts().executions);
    },
  });
  new Counter({
    name: 'sapat_subscription_results_total',
    help: 'Subscription results handed to subscribers (one per subscriber per event).',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(shared.counts().results);
    },
  });
}
