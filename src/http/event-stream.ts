// Server-Sent Events for subscriptions, written in batches. Yoga's own writer serialises every
// result for every subscriber and makes two socket writes of each: with 500 subscribers, one commit
// was 500 serialisations and 500 writes while the commands waited. This writer serialises a result
// once, whoever receives it (subscribers of one selection receive the same result object, see
// shared-subscriptions.ts), and gathers what each stream has to send into one write per flush.
// Flushes of all streams happen together, at most once every `flushMs`: the first event after a
// quiet spell goes out on the next turn of the event loop; under a burst each socket gets one write
// per interval, however many events it carries, and streams that gathered the same events since the
// last flush are written the same bytes, built once.
//
// Streams of a followable subscription (the log read from a cursor) also share the reading. Each
// stream reads its own source until it stands at the same log position as another stream of the
// same key that reads its own (a "leader"); it then stops reading and takes the leader's frames,
// so 500 subscribers at the head cost one read of each event, not 500 async pipelines. A follower
// reads on its own again, from where it stands (its source skips what it has sent), when it would
// otherwise hold up the others or be held up: its client reads too slowly, or its leader leaves.
// Each stream still sends every event once, in order, and a follower's own source stays open, so
// ending it (client gone, shutdown) works as for any subscription.
//
// The wire format is yoga's (and graphql-sse's "distinct connections" mode): a `:` comment first and
// every 12 s as a keep-alive, `event: next` with the result, `event: complete` at the end. Results
// that are not a stream (a refusal, a validation error) still go through yoga's writer.
import type { ExecutionResult, GraphQLError } from 'graphql';
import { type getSSEProcessor, isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Followable } from './shared-subscriptions.ts';

/** Frames a stream gathers before it writes at once, without waiting for the flush: bounds memory for a client that reads slowly. */
const maxPending = 256;
/** However long flushes take, a frame waits no longer than this for its write. */
const maxFlushMs = 100;
const keepAliveMs = globalThis.process?.env.NODE_ENV === 'test' ? 300 : 12_000;
const completeFrame = 'event: complete\ndata:\n\n';

type FetchAPI = Parameters<ReturnType<typeof getSSEProcessor>>[1];

/** What of node's ServerResponse the writer uses, when yoga runs on a node server. */
type NodeResponse = {
  readonly headersSent: boolean;
  readonly destroyed: boolean;
  readonly writableNeedDrain: boolean;
  write(chunk: string | Uint8Array): boolean;
  once(event: 'close', listener: () => void): unknown;
  on(event: 'drain', listener: () => void): unknown;
};

const nodeResponseOf = (serverContext: unknown): NodeResponse | undefined => {
  const res = (serverContext as { res?: Partial<NodeResponse> } | undefined)?.res;
  return typeof res?.write === 'function' && typeof res.once === 'function' && typeof res.headersSent === 'boolean' ? (res as NodeResponse) : undefined;
};

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

/** One SSE response. */
type Stream = {
  /** Writes what it gathered; `shared` holds the payloads this flush has already built, to reuse. */
  flush(shared?: SharedPayloads): void;
  /** A frame its leader read, at that log position. */
  receive(frame: string, position: bigint): void;
  /** Reads its own source again (its leader left or it left its leader). */
  lead(): void;
  readonly closed: boolean;
  readonly lastPosition: bigint | undefined;
  leader: Stream | undefined;
  readonly followers: Set<Stream>;
};

/**
 * Per sharing key and range of log positions, the bytes of what a stream has gathered since its
 * last flush. Streams of one key that gathered the same range of the log (a leader and its
 * followers, flushed together) hold the same frames, so one flush builds them once and writes the
 * same Buffer to each socket, instead of joining and encoding the same text for every subscriber.
 */
type SharedPayloads = Map<string, Map<string, Uint8Array>>;

export type EventStreams = {
  plugin: Plugin;
  /**
   * SSE subscription streams open, how many of them are carried by another's read of the log, and
   * the writes of frames made with the payloads built for them (fewer payloads than writes: shared).
   */
  counts(): { open: number; following: number; writes: number; payloads: number };
};

export function createEventStreams(options: { flushMs: number; followableOf(request: object): Followable | undefined }): EventStreams {
  /** The frame of a result, made once however many streams send it. */
  const frames = new WeakMap<object, string>();
  const frameOf = (result: ExecutionResult): string => {
    let frame = frames.get(result);
    if (frame === undefined) frames.set(result, (frame = `event: next\ndata: ${serialised(result)}\n\n`));
    return frame;
  };

  // One flush for all streams with something to send. A flush of hundreds of streams costs as many
  // socket writes (on loopback a write is dearer than all the rest of a delivery); the next flush
  // starts at least four times as long after as the last took, so writing takes at most a quarter
  // of the event loop and commands keep the rest, however many subscribers there are. What a flush
  // costs is measured to the end of its writes: Node's HTTP response corks the socket and writes on
  // the next tick, so a tick queued after the last write runs once they are all done. (Measured to
  // the next turn of the loop instead, it counted the commands whose I/O the loop polled after the
  // flush, and under load the interval sat at its 100 ms cap, which set the delivery p99.)
  const waiting = new Set<Stream>();
  let writes = 0;
  let payloads = 0;
  let armed = false;
  let lastFlush = 0;
  let interval = options.flushMs;
  const flushAll = () => {
    armed = false;
    const started = performance.now();
    lastFlush = started;
    const streams = [...waiting];
    waiting.clear();
    const shared: SharedPayloads = new Map();
    for (const stream of streams) stream.flush(shared);
    process.nextTick(() => {
      interval = Math.min(maxFlushMs, Math.max(options.flushMs, 4 * (performance.now() - started)));
    });
  };
  const schedule = (stream: Stream) => {
    waiting.add(stream);
    if (armed) return;
    armed = true;
    const wait = lastFlush + interval - performance.now();
    if (wait > 0) setTimeout(flushAll, wait);
    else setImmediate(flushAll);
  };

  /** Per sharing key, the leaders by the log position they stand at (each indexed where it last read). */
  const leadersAt = new Map<string, Map<bigint, Stream>>();
  /** Open streams, for the counts on /metrics. */
  const open = new Set<Stream>();

  function eventStream(
    result: AsyncIterable<ExecutionResult>,
    fetchAPI: FetchAPI,
    followable: Followable | undefined,
    response: NodeResponse | undefined,
  ): Response {
    const encoder = new fetchAPI.TextEncoder();
    const iterator = result[Symbol.asyncIterator]();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let pending: string[] = [];
    /** Log position of the first frame in `pending`, when it came from a followable source. */
    let pendingFrom: bigint | undefined;
    let pulling = false;
    /** Nothing more is read from the source: it ended, failed, or the client left. */
    let ended = false;
    let closed = false;
    let keepAlive: ReturnType<typeof setInterval> | undefined;
    /** Whether frames were written since the last keep-alive tick. */
    let wrote = false;
    let lastPosition: bigint | undefined;
    /** Where this stream is indexed as a leader, if it is. */
    let indexedAt: bigint | undefined;
    // Written straight to the Node response once yoga has sent its head: a write is then one call,
    // not a chunk through a web stream and its promises. Before that (and in process, through
    // yoga.fetch) everything goes through the body stream.
    const direct = (): boolean => response?.headersSent === true && !response.destroyed;
    const room = () => (response ? direct() && !response.writableNeedDrain : (controller.desiredSize ?? 0) > 0);
    const write = (chunk: string | Uint8Array) => {
      if (direct()) response!.write(chunk);
      else controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    };
    /** What `pending` holds, as one payload: from `shared` when another stream of the key built the same range in this flush. */
    const payload = (shared: SharedPayloads | undefined): string | Uint8Array => {
      if (!shared || !followable || ended || pendingFrom === undefined || lastPosition === undefined) {
        payloads++;
        return pending.length === 1 ? pending[0]! : pending.join('');
      }
      let ofKey = shared.get(followable.key);
      if (!ofKey) shared.set(followable.key, (ofKey = new Map()));
      const range = `${pendingFrom}-${lastPosition}-${pending.length}`;
      let bytes = ofKey.get(range);
      if (!bytes) {
        payloads++;
        ofKey.set(range, (bytes = Buffer.from(pending.length === 1 ? pending[0]! : pending.join(''))));
      }
      return bytes;
    };

    const unindex = () => {
      if (!followable || indexedAt === undefined) return;
      const leaders = leadersAt.get(followable.key);
      if (leaders?.get(indexedAt) === stream) leaders.delete(indexedAt);
      if (leaders?.size === 0) leadersAt.delete(followable.key);
      indexedAt = undefined;
    };

    /** After reading at `position`: follow a leader that stands there too, or be found there. True when now a follower. */
    const joinOrIndex = (position: bigint): boolean => {
      unindex();
      if (!followable) return false;
      let leaders = leadersAt.get(followable.key);
      if (!leaders) leadersAt.set(followable.key, (leaders = new Map()));
      const other = leaders.get(position);
      if (other && other !== stream && !other.closed && other.leader === undefined) {
        stream.leader = other;
        other.followers.add(stream);
        for (const follower of stream.followers) {
          follower.leader = other;
          other.followers.add(follower);
        }
        stream.followers.clear();
        return true;
      }
      leaders.set(position, stream);
      indexedAt = position;
      return false;
    };

    /** This stream stops carrying its followers: the first of them reads on its own and carries the rest. */
    const handOver = () => {
      unindex();
      const [next, ...rest] = [...stream.followers].filter((f) => !f.closed);
      stream.followers.clear();
      if (!next) return;
      next.leader = undefined;
      for (const follower of rest) {
        follower.leader = next;
        next.followers.add(follower);
      }
      next.lead();
    };

    const leaveLeader = () => {
      stream.leader?.followers.delete(stream);
      stream.leader = undefined;
    };

    const send = (frame: string, position: bigint | undefined) => {
      if (pending.length === 0) pendingFrom = position;
      pending.push(frame);
      if (pending.length >= maxPending) {
        waiting.delete(stream);
        stream.flush();
      } else schedule(stream);
    };

    const stop = () => {
      ended = closed = true;
      open.delete(stream);
      clearInterval(keepAlive);
      waiting.delete(stream);
      leaveLeader();
      handOver();
    };

    const stream: Stream = {
      get closed() {
        return closed;
      },
      get lastPosition() {
        return lastPosition;
      },
      leader: undefined,
      followers: new Set(),
      flush(shared) {
        if (closed) return;
        // Only into a stream with room (the client reads): otherwise the frames wait here, at most maxPending.
        if (pending.length > 0 && (room() || ended)) {
          write(payload(shared));
          writes++;
          pending = [];
          wrote = true;
        }
        if (ended) {
          closed = true;
          open.delete(stream);
          clearInterval(keepAlive);
          controller.close();
          return;
        }
        void pump();
      },
      receive(frame, position) {
        if (closed) return;
        if (pending.length >= maxPending && !room()) {
          // Its client reads too slowly to keep up with the others: it reads on its own, from here.
          leaveLeader();
          stream.lead();
          return;
        }
        lastPosition = position;
        send(frame, position);
      },
      lead() {
        if (closed) return;
        if (lastPosition !== undefined) followable?.skipThrough(lastPosition);
        void pump();
      },
    };

    open.add(stream);

    let cancelled = false;
    const cancel = async (reason: unknown): Promise<void> => {
      if (cancelled) return;
      cancelled = true;
      stop();
      await iterator.return?.(reason);
    };

    /** Reads its own source while it leads and the stream has room, gathering frames for the next flush. */
    async function pump(): Promise<void> {
      if (pulling || ended || stream.leader) return;
      pulling = true;
      try {
        // A leader with followers reads on even when its own client is slow, up to maxPending; past that it hands them over.
        while (!ended && !stream.leader && (room() || (stream.followers.size > 0 && pending.length < maxPending))) {
          const next = await iterator.next();
          if (closed) return;
          if (next.done) {
            ended = true;
            waiting.delete(stream);
            pending.push(completeFrame);
            stream.flush();
            unindex();
            handOver();
            return;
          }
          const frame = frameOf(next.value);
          const position = followable?.lastPosition();
          if (position !== undefined) lastPosition = position;
          for (const follower of stream.followers) follower.receive(frame, position!);
          send(frame, position);
          if (position !== undefined && joinOrIndex(position)) return;
        }
        if (!room() && stream.followers.size > 0) handOver();
      } catch (error) {
        stop();
        controller.error(error);
      } finally {
        pulling = false;
      }
    }

    // Ended from outside while following (shutdown): its own source is not being read, so say so here.
    followable?.onEnd(() => {
      if (closed || !stream.leader) return;
      ended = true;
      leaveLeader();
      waiting.delete(stream);
      pending.push(completeFrame);
      stream.flush();
    });

    const body = new fetchAPI.ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
        // First a comment: some clients wait for a byte before they hand over the response.
        controller.enqueue(encoder.encode(':\n\n'));
        // Only when nothing else was written since the last one: a busy stream needs no keep-alive.
        keepAlive = setInterval(() => {
          if (controller.desiredSize === null) clearInterval(keepAlive);
          else if (!wrote && room() && !closed) write(':\n\n');
          wrote = false;
        }, keepAliveMs);
      },
      pull() {
        if (pending.length > 0) schedule(stream);
        void pump();
      },
      cancel: (reason) => cancel(reason),
    });
    // The client went away (the body stream may never hear of it when nothing goes through it).
    response?.once('close', () => void cancel(undefined));
    response?.on('drain', () => {
      if (pending.length > 0) schedule(stream);
      void pump();
    });
    return new fetchAPI.Response(body, {
      status: 200,
      headers: { 'Content-Type': 'text/event-stream', Connection: 'keep-alive', 'Cache-Control': 'no-cache', 'Content-Encoding': 'none' },
    });
  }

  return {
    counts() {
      let following = 0;
      for (const stream of open) if (stream.leader) following++;
      return { open: open.size, following, writes, payloads };
    },
    plugin: {
      // After yoga's own choice: only a stream it would send as SSE is taken over.
      onResultProcess({ request, result, resultProcessor, setResultProcessor, serverContext }) {
        if (!resultProcessor || !isAsyncIterable(result)) return;
        const accept = request.headers.get('accept') ?? '';
        if (!accept.includes('text/event-stream') || accept.includes('multipart/mixed')) return;
        const followable = options.followableOf(request);
        const response = nodeResponseOf(serverContext);
        setResultProcessor((r, fetchAPI) => eventStream(r as AsyncIterable<ExecutionResult>, fetchAPI, followable, response), 'text/event-stream');
      },
    },
  };
}
