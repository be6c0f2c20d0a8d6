// A catch-up-then-live subscription to $all that outlives its connection. KurrentDB drops
// subscriptions on leader change or network faults, sometimes without telling the client (Java
// client #396, Emmett #233), so this one resubscribes from the last position it passed, watches for
// silence while the log moves on, and never hands the caller an event twice or out of order.
import { setTimeout as sleep } from 'node:timers/promises';
import { START, type AllStreamResolvedEvent, type AllStreamSubscription, type Filter, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import { StoreUnavailableError } from './errors.ts';
import { fromClientPosition, planFilter, toClientPosition, toRecordedEvent } from './kurrentdb-mapping.ts';
import { isAfter } from './position.ts';
import type { Position, RecordedEvent, SubscribeOptions, Subscription } from './types.ts';

export type SubscriptionTiming = {
  /** How often a quiet subscription compares what it has seen with the head of the log. */
  livenessCheckMs: number;
  /** First delay before resubscribing; doubles per consecutive failure up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Consecutive failures (no confirmation or event in between) before giving up. */
  maxRetries: number;
};

export const defaultTiming: SubscriptionTiming = { livenessCheckMs: 30_000, retryBaseMs: 250, retryMaxMs: 10_000, maxRetries: 8 };

export type SubscriptionSource = {
  subscribeToAll: KurrentDBClient['subscribeToAll'];
  /** Position of the newest event the server-side filter lets through, if any. */
  latestPosition: (filter: Filter) => Promise<Position | undefined>;
};

const checkpointMark = Symbol('checkpoint');
type CheckpointMark = { [checkpointMark]: Position };
type Item = AllStreamResolvedEvent | CheckpointMark;

/** Late errors from a released client stream must not crash the process as unhandled 'error' events. */
const ignore = (): void => undefined;

export function subscribeToAll(
  source: SubscriptionSource,
  options: SubscribeOptions = {},
  hooks: { timing?: SubscriptionTiming | undefined; onEnd?: () => void } = {},
): Subscription {
  const timing = hooks.timing ?? defaultTiming;
  const probe = planFilter(options.filter);
  // The client calls checkpointReached inside its transform, after pushing every event before the
  // checkpoint; pushing a mark into the same stream keeps checkpoints in order with the events, so
  // onCheckpoint never runs ahead of an event the caller has not had yet.
  const plan = planFilter(options.filter, (subscription, position) => {
    subscription.push({ [checkpointMark]: fromClientPosition(position) } satisfies CheckpointMark);
  });

  /** Newest event received (delivered or filtered out here): nothing at or before it is delivered again. */
  let lastEvent = options.after;
  /** Where a new subscription resumes: the later of lastEvent and the last checkpoint passed. */
  let resumeAfter = options.after;
  let current: AllStreamSubscription | undefined;
  /** True while waiting on the server with nothing buffered, the only time silence means anything. */
  let waiting = false;
  let suspect: Position | undefined;
  let closed = false;
  const stopping = new AbortController();

  function pass(item: Item): RecordedEvent | undefined {
    if (checkpointMark in item) {
      const position = item[checkpointMark];
      if (isAfter(position, resumeAfter)) {
        resumeAfter = position;
        options.onCheckpoint?.(position);
      }
      return undefined;
    }
    const event = item.event;
    if (event === undefined || !isAfter(event.position, lastEvent)) return undefined;
    lastEvent = fromClientPosition(event.position);
    if (isAfter(lastEvent, resumeAfter)) resumeAfter = lastEvent;
    return plan.accepts(event) ? toRecordedEvent(event) : undefined;
  }

  /**
   * Stalled means: an event the server filter lets through was already in the log one check ago,
   * and we are still waiting without having reached it. Two checks apart, so an event that is
   * merely in flight is not mistaken for a dead subscription.
   */
  async function checkLiveness(): Promise<void> {
    const watched = current;
    if (watched === undefined || !waiting) {
      suspect = undefined;
      return;
    }
    let head: Position | undefined;
    try {
      head = await source.latestPosition(probe.server);
    } catch {
      return; // an unreachable store shows up on the subscription itself
    }
    if (watched !== current || !waiting || head === undefined || !isAfter(head, resumeAfter)) {
      suspect = undefined;
    } else if (suspect !== undefined && isAfter(suspect, resumeAfter)) {
      suspect = undefined;
      watched.destroy(new StoreUnavailableError('subscription to $all went silent while the log moved on'));
    } else {
      suspect = head;
    }
  }

  async function release(subscription: AllStreamSubscription): Promise<void> {
    subscription.destroy();
    await subscription.unsubscribe().catch(ignore);
  }

  async function* run(): AsyncGenerator<RecordedEvent> {
    const watchdog = setInterval(() => void checkLiveness(), timing.livenessCheckMs);
    watchdog.unref();
    let failures = 0;
    try {
      while (!closed) {
        const subscription = source.subscribeToAll({
          fromPosition: resumeAfter === undefined ? START : toClientPosition(resumeAfter),
          filter: plan.server,
          requiresLeader: true,
        });
        current = subscription;
        subscription.on('error', ignore);
        subscription.once('confirmation', () => {
          failures = 0;
        });
        const items = subscription[Symbol.asyncIterator]() as AsyncIterator<Item>;
        let failure: unknown;
        try {
          for (;;) {
            let next: IteratorResult<Item>;
            try {
              waiting = true;
              next = await items.next();
            } catch (error) {
              failure = error;
              break;
            } finally {
              waiting = false;
            }
            if (next.done === true) break;
            failures = 0;
            const event = pass(next.value);
            if (event !== undefined) yield event;
          }
        } finally {
          current = undefined;
          await release(subscription);
        }
        if (closed) return;
        failures += 1;
        if (failures > timing.maxRetries) {
          throw new StoreUnavailableError(`subscription to $all failed ${failures} times in a row`, { cause: failure });
        }
        const delay = Math.min(timing.retryMaxMs, timing.retryBaseMs * 2 ** (failures - 1));
        await sleep(delay, undefined, { signal: stopping.signal }).catch(ignore);
      }
    } finally {
      clearInterval(watchdog);
      hooks.onEnd?.();
    }
  }

  const iterator = run();
  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    stopping.abort();
    if (current !== undefined) await release(current);
    await iterator.return(undefined);
    hooks.onEnd?.();
  }
  // A generator's own return() waits behind a pending next(); GraphQL servers call return() on
  // unsubscribe while next() waits for the server, so return() closes the client stream first.
  const consumer: AsyncIterableIterator<RecordedEvent> = {
    next: () => iterator.next(),
    return: async () => {
      await close();
      return { done: true, value: undefined };
    },
    throw: async (error: unknown) => {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]: () => consumer,
  };
  return { [Symbol.asyncIterator]: () => consumer, close };
}
