// Integrations far behind on a large log, over the real server in a process of its own (its event
// loop is the point: the clients must not share it) with real graphql-ws clients. Several catch up
// from the beginning and disconnect abruptly while still behind, one reads to the head. The hub
// must keep answering /health while they catch up, not once they are done, and once they are all
// gone no subscription may be left running on it.
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { encodePosition } from '../src/eventstore/position.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import { newEvent } from './support/events.ts';
import { director, temporaryDirectory, tokenFor } from './support/fixtures.ts';
import { PROCESS_CEILING_MS, startHubProcess, stopHubProcess, type HubProcess } from './support/hub-ready.ts';

const LOG_SIZE = 10_000;
const LEAVERS = 3;
const EVENTS = `subscription { events { position type stream recordedAt hash data } }`;

let dir: ReturnType<typeof temporaryDirectory>;
let hub: HubProcess;
let token: string;
let head: string;

beforeAll(async () => {
  dir = temporaryDirectory();
  // Written before the hub starts, as a hub that has run for a year finds its log.
  const store = openSqliteEventStore({ path: join(dir.path, 'events.db'), synchronous: 'NORMAL' });
  for (let i = 0; i < LOG_SIZE / 1000; i++) {
    const answers = Array.from({ length: 1000 }, (_, j) =>
      newEvent('SurveyAnswered', { question: j, answer: 'Fully agree with the statement as worded'.repeat(4) }),
    );
    head = encodePosition((await store.append(`survey-${i}`, answers, 'no_stream')).position);
  }
  await store.close();
  hub = await startHubProcess(dir.path);
  token = await tokenFor(director);
}, 2 * PROCESS_CEILING_MS);

afterAll(async () => {
  if (hub) expect(await stopHubProcess(hub), hub.output()).toEqual({ code: 0, signal: null });
  dir?.remove();
}, 2 * PROCESS_CEILING_MS);

function client(onSocket?: (socket: WebSocket) => void): Client {
  class Socket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      onSocket?.(this);
    }
  }
  return createClient({ url: hub.url.replace('http', 'ws'), webSocketImpl: Socket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
}

const liveSubscriptions = async (): Promise<number> => {
  const metrics = await (await fetch(`${hub.base}/metrics`)).text();
  return Number(/^sapat_live_subscriptions (\d+)$/m.exec(metrics)?.[1]);
};

describe('subscribers far behind on a large log', () => {
  it(
    'leave without stalling the hub: /health answers during their catch-up, and no subscription outlives them',
    async () => {
      // Each leaver cuts its connection, without a goodbye, once it has received a few events.
      const left = Array.from({ length: LEAVERS }, () => {
        let socket: WebSocket | undefined;
        const leaver = client((s) => (socket = s));
        let received = 0;
        return new Promise<number>((resolve, reject) =>
          leaver.subscribe(
            { query: EVENTS },
            {
              next: () => {
                if (++received !== 100) return;
                socket!.terminate();
                resolve(received);
              },
              error: (error) => (received >= 100 ? undefined : reject(error)),
              complete: () => reject(new Error('the hub completed a subscription that was still behind')),
            },
          ),
        );
      });

      const reader = client();
      let delivered = 0;
      let deliveredWhenHealthAnswered: number | undefined;
      const readToHead = new Promise<void>((resolve, reject) =>
        reader.subscribe(
          { query: EVENTS },
          {
            next: (result) => {
              delivered++;
              if (delivered === 1) {
                void fetch(`${hub.base}/health`).then((response) => {
                  expect(response.status).toBe(200);
                  deliveredWhenHealthAnswered = delivered;
                });
              }
              if ((result.data!.events as { position: string }).position === head) resolve();
            },
            error: reject,
            complete: () => reject(new Error('the hub completed the subscription before the head')),
          },
        ),
      );

      expect(await Promise.all(left)).toEqual(Array(LEAVERS).fill(100));
      await readToHead;
      expect(delivered).toBe(LOG_SIZE);
      // Asked as the reader's catch-up began, answered long before it ended.
      expect(deliveredWhenHealthAnswered).toBeDefined();
      expect(deliveredWhenHealthAnswered!).toBeLessThan(LOG_SIZE / 2);

      await reader.dispose();
      // Every subscription is gone from the hub: the leavers' on their own, the reader's on dispose.
      await expect.poll(liveSubscriptions, { timeout: PROCESS_CEILING_MS, interval: 100 }).toBe(0);
    },
    3 * PROCESS_CEILING_MS,
  );
});
