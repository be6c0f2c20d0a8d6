// A lean SSE subscriber for the fan-out benchmark. The real graphql-sse client parses every frame
// into objects through a web stream; 500 of them took most of a core in the bench process, on the
// same two cores as the hub, and held up the bench's own writers on its event loop, all of which
// was counted against the hub. This one speaks the same protocol (a POST with
// `Accept: text/event-stream`, graphql-sse's "distinct connections" mode) over node:http and reads
// only what the benchmark checks from the raw text of each `next` frame: the event's position and
// its recordedAt. It still sees every frame, so the benchmark can check that every subscriber got
// every event once and in order; anything else in a frame (errors) fails the subscription.
import { Agent, request } from 'node:http';

export type LeanSubscription = {
  /** Resolves once `count` events arrived (or the stream completed), rejects on an error frame or a dropped connection. */
  done: Promise<void>;
  close(): void;
};

/** Positions are decimal strings, recordedAt an ISO timestamp: the same for every subscriber, so each is parsed once. */
const recordedAtMs = new Map<string, number>();

const field = (frame: string, name: string): string | undefined => {
  const start = frame.indexOf(`"${name}":"`);
  if (start < 0) return undefined;
  const from = start + name.length + 4;
  return frame.slice(from, frame.indexOf('"', from));
};

/** One connection per subscriber, as the benchmark's integrations would have. */
const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });

export function subscribeLean(options: {
  url: string;
  token: string;
  query: string;
  variables: Record<string, unknown>;
  /** Resolve `done` after this many events. */
  count: number;
  /** Each event as it arrives: its position and the time from its commit to now, in ms. */
  onEvent(position: number, latencyMs: number): void;
}): LeanSubscription {
  let settle!: { resolve: () => void; reject: (error: Error) => void };
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  let received = 0;
  let text = '';
  const body = JSON.stringify({ query: options.query, variables: options.variables });
  const req = request(options.url, {
    method: 'POST',
    agent,
    headers: {
      accept: 'text/event-stream',
      'content-type': 'application/json; charset=utf-8',
      authorization: `Bearer ${options.token}`,
      'content-length': Buffer.byteLength(body),
    },
  });
  req.on('response', (res) => {
    if (res.statusCode !== 200) {
      settle.reject(new Error(`subscription answered ${res.statusCode}`));
      res.resume();
      return;
    }
    res.setEncoding('latin1');
    res.on('data', (chunk: string) => {
      // Every frame of a chunk arrived at the same moment.
      const now = Date.now();
      text += chunk;
      let end = text.indexOf('\n\n');
      let from = 0;
      while (end >= 0) {
        const frame = text.slice(from, end);
        from = end + 2;
        end = text.indexOf('\n\n', from);
        if (frame.startsWith('event: next')) {
          const position = field(frame, 'position');
          const recordedAt = field(frame, 'recordedAt');
          if (position === undefined || recordedAt === undefined || frame.includes('"errors"')) {
            settle.reject(new Error(`unexpected frame: ${frame}`));
            req.destroy();
            return;
          }
          let at = recordedAtMs.get(recordedAt);
          if (at === undefined) recordedAtMs.set(recordedAt, (at = Date.parse(recordedAt)));
          options.onEvent(Number(position), now - at);
          if (++received === options.count) settle.resolve();
        } else if (frame.startsWith('event: complete')) settle.resolve();
        // Anything else is a keep-alive comment.
      }
      text = from === 0 ? text : text.slice(from);
    });
    res.on('end', () => settle.reject(new Error(`the stream ended after ${received} events`)));
  });
  req.on('error', (error) => settle.reject(error));
  req.end(body);
  return {
    done,
    close: () => req.destroy(),
  };
}
