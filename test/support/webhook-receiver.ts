// A webhook receiver on a real localhost port, as an integration would run one: it records every
// request (headers and the raw body) and answers as the test tells it to, failing on purpose.
// Tests wait on `until`, which is checked at each request: a readiness signal, never a sleep.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { key: string; signature: string; attempt: number; body: string; position: string; type: string; status: number };

export async function webhookReceiver(answer: (request: Omit<Received, 'status'>, seen: Received[]) => number = () => 200) {
  const received: Received[] = [];
  const watchers = new Set<{ ready: (all: Received[]) => boolean; resolve: () => void }>();
  const header = (headers: IncomingHttpHeaders, name: string) => String(headers[name] ?? '');
  let server: Server | undefined;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((req, res) => {
        let body = '';
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => (body += chunk));
        req.on('end', () => {
          const parsed = JSON.parse(body) as { position: string; event: { type: string } };
          const request = {
            key: header(req.headers, 'idempotency-key'),
            signature: header(req.headers, 'sapat-signature'),
            attempt: Number(header(req.headers, 'sapat-delivery-attempt')),
            body,
            position: parsed.position,
            type: parsed.event.type,
          };
          const status = answer(request, received);
          received.push({ ...request, status });
          res.writeHead(status).end();
          for (const watcher of watchers) if (watcher.ready(received)) watchers.delete(watcher), watcher.resolve();
        });
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();

  return {
    url: () => `http://127.0.0.1:${port}/hooks/sapat`,
    received,
    /** Positions of the requests answered 2xx, in the order they were taken. */
    taken: () => received.filter((r) => r.status < 300).map((r) => r.position),
    until(ready: (all: Received[]) => boolean): Promise<void> {
      if (ready(received)) return Promise.resolve();
      return new Promise((resolve) => watchers.add({ ready, resolve }));
    },
    /** Stops listening (the receiver is down: connections are refused) until `start` again. */
    stop: () => new Promise<void>((resolve) => (server!.closeAllConnections(), server!.close(() => resolve()))),
    start: listen,
  };
}
