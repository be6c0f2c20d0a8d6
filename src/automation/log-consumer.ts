// A reader of the global log with a checkpoint of its own in the automation database: reactors,
// the clock's feeder and the webhook deliverer all read this way. Each event is handled to the end
// (the handler may retry for as long as it needs) before the checkpoint moves past it, so a crash
// re-reads at most the event in hand, and never skips one.
import { comparePositions, decodePosition, encodePosition } from '../eventstore/position.ts';
import type { EventStore, Position, RecordedEvent, Subscription } from '../eventstore/types.ts';
import { checkpoints, type AutomationDatabase } from './database.ts';

export type LogConsumer = {
  /** Resolves once the consumer has handled everything up to `position`. */
  reached(position: Position): Promise<void>;
  stop(): Promise<void>;
};

export type Stopping = {
  readonly stopped: boolean;
  /** A pause that ends early when the consumer stops. */
  pause(ms: number): Promise<void>;
};

export function consumeLog(options: {
  store: EventStore;
  db: AutomationDatabase;
  consumer: string;
  /** Only these types reach the handler; the checkpoint moves past the others too. */
  eventTypes: ReadonlySet<string>;
  handle(event: RecordedEvent, stopping: Stopping): Promise<void> | void;
  onError?: (error: Error) => void;
}): LogConsumer {
  const saved = checkpoints(options.db);
  const stored = saved.of(options.consumer);
  let position: Position | undefined = stored ? decodePosition(stored) : undefined;
  let stopped = false;
  const wakers = new Set<() => void>();
  const waiters = new Set<{ position: Position; resolve: () => void }>();
  const stopping: Stopping = {
    get stopped() {
      return stopped;
    },
    pause: (ms) =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          wakers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        wakers.add(done);
      }),
  };
  const subscription: Subscription = options.store.subscribe(position ? { after: position } : {});
  let skipped = 0;

  const running = (async () => {
    try {
      for await (const event of subscription) {
        if (stopped) break;
        if (options.eventTypes.has(event.type)) {
          await options.handle(event, stopping);
          if (stopped) break;
          saved.save(options.consumer, encodePosition(event.position));
          skipped = 0;
        } else if (++skipped >= 500) {
          // Events of other types cost nothing to re-read, so their checkpoint is only saved now and then.
          saved.save(options.consumer, encodePosition(event.position));
          skipped = 0;
        }
        position = event.position;
        for (const waiter of waiters) if (comparePositions(position, waiter.position) >= 0) waiter.resolve();
      }
    } catch (error) {
      if (!stopped) options.onError?.(error instanceof Error ? error : new Error(String(error)));
    }
  })();

  return {
    reached(target) {
      if (position && comparePositions(position, target) >= 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const waiter = { position: target, resolve: () => (waiters.delete(waiter), resolve()) };
        waiters.add(waiter);
      });
    },
    async stop() {
      stopped = true;
      for (const wake of wakers) wake();
      await subscription.close();
      await running;
      if (position && skipped > 0) saved.save(options.consumer, encodePosition(position));
    },
  };
}
