// What graceful shutdown waits for and what it ends: HTTP requests and commands in flight are let
// finish (up to a deadline); live subscriptions, which never finish by themselves, are completed so
// their clients see a clean end rather than a dropped connection.
import type { ServerResponse } from 'node:http';
import type { Plugin } from 'graphql-yoga';

export type Drain = {
  readonly draining: boolean;
  /** Ends subscriptions for SSE and WebSocket alike (both run through this plugin). */
  plugin: Plugin;
  request(response: ServerResponse): void;
  command<T>(run: () => Promise<T>): Promise<T>;
  commandsInFlight(): number;
  /** GraphQL subscriptions open now, over WebSocket and SSE, whatever they follow. */
  liveSubscriptions(): number;
  /** Stops new work and resolves true once nothing is in flight, or false at the deadline. */
  drain(timeoutMs: number): Promise<boolean>;
};

export function createDrain(): Drain {
  const subscriptions = new Set<AsyncIterator<unknown>>();
  const requests = new Set<ServerResponse>();
  let commands = 0;
  let draining = false;
  let idle: (() => void) | undefined;
  const settle = () => {
    if (commands === 0 && requests.size === 0) idle?.();
  };

  return {
    get draining() {
      return draining;
    },
    plugin: {
      onSubscribe() {
        return {
          onSubscribeResult({ result }) {
            if (!(Symbol.asyncIterator in result)) return;
            const iterator = result as AsyncIterator<unknown>;
            subscriptions.add(iterator);
            return { onEnd: () => void subscriptions.delete(iterator) };
          },
        };
      },
    },
    request(response) {
      requests.add(response);
      response.once('close', () => {
        requests.delete(response);
        settle();
      });
    },
    async command(run) {
      commands += 1;
      try {
        return await run();
      } finally {
        commands -= 1;
        settle();
      }
    },
    commandsInFlight: () => commands,
    liveSubscriptions: () => subscriptions.size,
    drain(timeoutMs) {
      draining = true;
      for (const response of requests) if (!response.headersSent) response.setHeader('Connection', 'close');
      for (const subscription of subscriptions) void subscription.return?.();
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        idle = () => {
          clearTimeout(timer);
          resolve(true);
        };
        settle();
      });
    },
  };
}
