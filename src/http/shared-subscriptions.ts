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
//
// A field whose source is a log read from a cursor (it declares `logPosition`) goes further: its
// subscribers are "followable". An SSE stream may then stop reading its own source while it sits at
// the same position as another subscriber of the same key, and take that one's frames instead
// (event-stream.ts); when it has to read on its own again, its source skips what it already sent.
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
import { Counter, Gauge, type Registry } from 'prom-client';
import type { GraphQLContext } from '../../schema/builder.ts';

/** Extension of a subscription field: the part of the context its selection's result depends on. */
export const SHARED_BY = 'sharedBy';
export type SharedBy = (context: GraphQLContext) => string;
/**
 * Extension of a subscription field whose source yields a log in order from a cursor, without gap
 * or duplicate, and tolerates not being read for a while: the log position of a payload.
 */
export const LOG_POSITION = 'logPosition';
export type LogPosition = (payload: unknown) => bigint;
/**
 * Extension of such a field: the argument that holds the cursor it starts after. Where to start
 * changes which events a subscriber receives, never what an event's result is, so a variable given
 * to it is left out of the sharing key: integrations with cursors of their own share once live.
 */
export const LOG_CURSOR_ARGUMENT = 'logCursorArgument';

/** A subscriber whose stream another of the same key may carry for a while (see the header). */
export type Followable = {
  /** Subscribers with the same key receive the same results. */
  key: string;
  /** Log position of the last payload its own source yielded, if any. */
  lastPosition(): bigint | undefined;
  /** Its own source skips everything up to and including this position from now on. */
  skipThrough(position: bigint): void;
  /** Called once when the subscription is ended from outside (return()), read or not. */
  onEnd(listener: () => void): void;
};

type Result = ExecutionResult | Promise<ExecutionResult>;

export type SharedSubscriptions = {
  plugin: Plugin;
  /** The followable subscription an HTTP request started, if it is one. */
  followableOf(request: object): Followable | undefined;
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
  const followables = new WeakMap<object, Followable>();
  let executions = 0;
  let results = 0;

  const textOf = (document: DocumentNode): string => {
    let text = texts.get(document);
    if (text === undefined) texts.set(document, (text = print(document)));
    return text;
  };

  /** The sharing key of a subscription and its field's log position, or undefined when its root field cannot be told (then nothing is shared). */
  function sharingOf(args: ExecutionArgs): { key: string; positionOf: LogPosition | undefined } | undefined {
    const operation = getOperationAST(args.document, args.operationName);
    const root = operation?.operation === 'subscription' ? operation.selectionSet.selections[0] : undefined;
    if (root?.kind !== 'Field' || operation!.selectionSet.selections.length !== 1) return undefined;
    const field = (args.schema as GraphQLSchema).getSubscriptionType()?.getFields()[root.name.value];
    if (!field) return undefined;
    const declared = field.extensions[SHARED_BY];
    const visibility = (typeof declared === 'function' ? (declared as SharedBy) : wholeReader)(args.contextValue as GraphQLContext);
    const positionOf = field.extensions[LOG_POSITION];
    const cursor = root.arguments?.find((a) => a.name.value === field.extensions[LOG_CURSOR_ARGUMENT])?.value;
    let variables = args.variableValues ?? null;
    if (variables && cursor?.kind === 'Variable') {
      const { [cursor.name.value]: _cursor, ...others } = variables;
      variables = others;
    }
    return {
      key: JSON.stringify([textOf(args.document), args.operationName ?? null, variables, visibility]),
      positionOf: typeof positionOf === 'function' ? (positionOf as LogPosition) : undefined,
    };
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
    const sharing = sharingOf(args);
    const key = sharing?.key;
    const positionOf = sharing?.positionOf;
    const source = stream[Symbol.asyncIterator]();
    let last: bigint | undefined;
    let skip: bigint | undefined;
    const endListeners: (() => void)[] = [];
    let ended = false;
    const close = async (): Promise<IteratorResult<ExecutionResult>> => {
      if (!ended) {
        ended = true;
        for (const listener of endListeners) listener();
      }
      await source.return?.();
      return { done: true, value: undefined };
    };
    const iterator: AsyncIterableIterator<ExecutionResult> = {
      async next() {
        for (;;) {
          const next = await source.next();
          if (next.done) return { done: true, value: undefined };
          if (positionOf) {
            const position = positionOf(next.value);
            if (skip !== undefined && position <= skip) continue;
            last = position;
          }
          try {
            return { done: false, value: await resultFor(args, key, next.value) };
          } catch (error) {
            await close();
            throw error;
          }
        }
      },
      return: close,
      async throw(error) {
        await close();
        throw error;
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    const request = (args.contextValue as { request?: unknown } | undefined)?.request;
    if (key !== undefined && positionOf && typeof request === 'object' && request !== null) {
      followables.set(request, {
        key,
        lastPosition: () => last,
        skipThrough: (position) => {
          skip = position;
        },
        onEnd: (listener) => void endListeners.push(listener),
      });
    }
    return iterator;
  }

  return {
    plugin: {
      onSubscribe({ setSubscribeFn }) {
        setSubscribeFn(subscribe as Parameters<typeof setSubscribeFn>[0]);
      },
    },
    followableOf: (request) => followables.get(request),
    counts: () => ({ executions, results }),
  };
}

/** On /metrics: results handed out over executions run is how much subscribers share; followers, how many SSE streams ride on another's read. */
export function registerFanoutMetrics(
  registry: Registry,
  shared: SharedSubscriptions,
  streams: () => { open: number; following: number; writes: number; payloads: number },
): void {
  const registers = [registry];
  new Counter({
    name: 'sapat_subscription_executions_total',
    help: 'Executions of a subscription selection for an event; subscribers of the same selection, variables and visibility share one.',
    registers,
    collect() {
      this.reset();
      this.inc(shared.counts().executions);
    },
  });
  new Counter({
    name: 'sapat_subscription_results_total',
    help: 'Subscription results handed to subscribers reading their own source (an SSE stream that follows another takes its frames instead).',
    registers,
    collect() {
      this.reset();
      this.inc(shared.counts().results);
    },
  });
  new Gauge({
    name: 'sapat_sse_streams',
    help: 'Subscriptions open over Server-Sent Events.',
    registers,
    collect() {
      this.set(streams().open);
    },
  });
  new Counter({
    name: 'sapat_sse_writes_total',
    help: 'Writes of gathered SSE frames to a subscriber (one per stream per flush, however many frames).',
    registers,
    collect() {
      this.reset();
      this.inc(streams().writes);
    },
  });
  new Counter({
    name: 'sapat_sse_payloads_total',
    help: 'Payloads built for those writes; streams of one selection that gathered the same events in one flush are written the same one.',
    registers,
    collect() {
      this.reset();
      this.inc(streams().payloads);
    },
  });
  new Gauge({
    name: 'sapat_sse_streams_following',
    help: 'SSE subscriptions that take the frames of another at the same log position instead of reading the log themselves.',
    registers,
    collect() {
      this.set(streams().following);
    },
  });
}
