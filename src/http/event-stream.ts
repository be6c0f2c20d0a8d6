// Server-Sent Events for subscriptions, written in batches. Yoga's own writer serialises every
// result for every subscriber and makes two socket writes of each: with 500 subscribers, one commit
// was 500 serialisations and 500 writes while the commands waited. This writer serialises a result
// once, whoever receives it (subscribers of one selection receive the same result object, see
// shared-subscriptions.ts), and gathers what each stream has to send into one write per flush.
// Flushes of all streams happen together, at most once every `flushMs`: the first event after a
// quiet spell goes out on the next turn of the event loop; under a burst each socket gets one write
// per interval, however many events it carries.
//
// The wire format is yoga's (and graphql-sse's "distinct connections" mode): a `:` comment first and
// every 12 s as a keep-alive, `event: next` with the result, `event: complete` at the end. Results
// that are not a stream (a refusal, a validation error) still go through yoga's writer.
import type { ExecutionResult, GraphQLError } from 'graphql';
import { type getSSEProcessor, isAsyncIterable, type Plugin } from 'graphql-yoga';

/** Frames a stream gathers before it writes at once, without waiting for the flush: bounds memory for a client that reads slowly. */
const maxPending = 256;
const keepAliveMs = globalThis.process?.env.NODE_ENV === 'test' ? 300 : 12_000;
const complete = 'event: complete\ndata:\n\n';

type FetchAPI = Parameters<ReturnType<typeof getSSEProcessor>>[1];

/** As yoga sends it: without the extensions meant for the HTTP layer (`http`, `unexpected`). */
function serialised(result: ExecutionResult): string {
  if (!result.errors?.length && !(result.extensions as { http?: unknown } | undefined)?.http) return JSON.stringify(result);
  const errors = result.errors?.map((error: GraphQLError) => {
    const json = typeof error.toJSON === 'function' ? error.toJSON() : (error as object as ReturnType<GraphQLError['toJSON']>);
    const { http: _http, unexpected: _unexpected, ...extensions } = json.extensions ?? {};
    const { extensions: _all, ...rest } = json;
    return Object.keys(extensions).length > 0 ? { ...rest, extensions } : rest;
  });
  const { http: _http, ...extensions } = (result.extensions ?? {}) as Record<string, unknown>;
  return JSON.stringify({ ...result, ...(errors ? { errors } : {}), extensions: Object.keys(extensions).length > 0 ? extensions : undefined });
}

type Stream = { flush(): void };

export type EventStreams = { plugin: Plugin };

export function createEventStreams(options: { flushMs: number }): EventStreams {
  /** The frame of a result, made once however many streams send it. */
  const frames = new WeakMap<object, string>();
  const frameOf = (result: ExecutionResult): string => {
    let frame = frames.get(result);
    if (frame === undefined) frames.set(result, (frame = `event: next\ndata: ${serialised(result)}\n\n`));
    return frame;
  };

  // One flush for all streams with something to send.
  const waiting = new Set<Stream>();
  let armed = false;
  let lastFlush = 0;
  const flushAll = () => {
    armed = false;
    lastFlush = performance.now();
    const streams = [...waiting];
    waiting.clear();
    for (const stream of streams) stream.flush();
  };
  const schedule = (stream: Stream) => {
    waiting.add(stream);
    if (armed) return;
    armed = true;
    const wait = lastFlush + options.flushMs - performance.now();
    if (wait > 0) setTimeout(flushAll, wait);
    else setImmediate(flushAll);
  };

  function eventStream(result: AsyncIterable<ExecutionResult>, fetchAPI: FetchAPI): Response {
    const encoder = new fetchAPI.TextEncoder();
    const iterator = result[Symbol.asyncIterator]();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let pending: string[] = [];
    let pulling = false;
    /** The source ended (or the client left): nothing more is read from it. */
    let ended = false;
    let closed = false;
    let keepAlive: ReturnType<typeof setInterval> | undefined;

    const stream: Stream = {
      flush() {
        if (closed) return;
        if (pending.length > 0) {
          controller.enqueue(encoder.encode(pending.length === 1 ? pending[0]! : pending.join('')));
          pending = [];
        }
        if (ended) {
          closed = true;
          clearInterval(keepAlive);
          controller.close();
          return;
        }
        void pump();
      },
    };

    /** Reads results while the stream has room, gathering frames for the next flush. */
    async function pump(): Promise<void> {
      if (pulling || ended) return;
      pulling = true;
      try {
        while (!ended && (controller.desiredSize ?? 0) > 0) {
          const next = await iterator.next();
          if (closed) return;
          if (next.done) {
            ended = true;
            pending.push(complete);
            waiting.delete(stream);
            stream.flush();
            return;
          }
          pending.push(frameOf(next.value));
          if (pending.length >= maxPending) {
            waiting.delete(stream);
            stream.flush();
          } else schedule(stream);
        }
      } catch (error) {
        ended = closed = true;
        clearInterval(keepAlive);
        waiting.delete(stream);
        controller.error(error);
      } finally {
        pulling = false;
      }
    }

    const body = new fetchAPI.ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
        // First a comment: some clients wait for a byte before they hand over the response.
        controller.enqueue(encoder.encode(':\n\n'));
        keepAlive = setInterval(() => {
          if (controller.desiredSize === null) clearInterval(keepAlive);
          else if (controller.desiredSize > 0 && !closed) controller.enqueue(encoder.encode(':\n\n'));
        }, keepAliveMs);
      },
      pull() {
        void pump();
      },
      cancel(reason) {
        ended = closed = true;
        clearInterval(keepAlive);
        waiting.delete(stream);
        return iterator.return?.(reason).then(() => undefined);
      },
    });
    return new fetchAPI.Response(body, {
      status: 200,
      headers: { 'Content-Type': 'text/event-stream', Connection: 'keep-alive', 'Cache-Control': 'no-cache', 'Content-Encoding': 'none' },
    });
  }

  return {
    plugin: {
      // After yoga's own choice: only a stream it would send as SSE is taken over.
      onResultProcess({ request, result, resultProcessor, setResultProcessor }) {
        if (!resultProcessor || !isAsyncIterable(result)) return;
        const accept = request.headers.get('accept') ?? '';
        if (!accept.includes('text/event-stream') || accept.includes('multipart/mixed')) return;
        setResultProcessor((r, fetchAPI) => eventStream(r as AsyncIterable<ExecutionResult>, fetchAPI), 'text/event-stream');
      },
    },
  };
}
