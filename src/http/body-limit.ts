// The request body limit, as Yoga's own (which says only "Request body too large"), but naming the
// limit: refused by Content-Length before reading, or while reading a chunked body sent without one.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const tooLarge = (limit: number, actual?: number) =>
  new GraphQLError(
    `the request body ${actual !== undefined ? `has ${actual} bytes` : 'is larger than the limit'}; the limit is ${limit} bytes (SAPAT_MAX_BODY_BYTES)`,
    {
      extensions: { code: 'REQUEST_TOO_LARGE', limit, ...(actual !== undefined ? { actual } : {}), http: { status: 413 } },
    },
  );

/** Must come after the request parsers, so that it wraps the one chosen for this request. */
export function useRequestBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!/^\d+$/.test(declared))
          throw new GraphQLError('the Content-Length header is not a number', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
        if (Number(declared) > limit) throw tooLarge(limit, Number(declared));
        // Node's HTTP parser reads no more than Content-Length, so only bodies without one need
        // counting (counting through a stream halves the requests per second of small queries).
        return;
      }
      if (!requestParser || !request.body) return;
      const parser = requestParser;
      setRequestParser((incoming) => {
        let read = 0;
        // A native stream needs the native TransformStream, a ponyfilled one the ponyfill (Yoga #4583).
        const Transform = incoming.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
        const counted = incoming.body!.pipeThrough(
          new Transform<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              read += chunk.byteLength;
              if (read > limit) controller.error(tooLarge(limit));
              else controller.enqueue(chunk);
            },
          }),
        );
        return parser(
          new fetchAPI.Request(incoming.url, {
            method: incoming.method,
            headers: incoming.headers,
            signal: incoming.signal,
            body: counted,
            duplex: 'half',
          } as RequestInit),
        );
      });
    },
  };
}
