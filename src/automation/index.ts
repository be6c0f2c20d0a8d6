// The hub's automation, started beside the server once the commands are registered: the reactors,
// the clock's scheduler and the webhook deliverer, stopped together before the hub closes.
import type { Hub } from '../hub.ts';
import type { Position } from '../eventstore/types.ts';
import { clockRules as moduleClockRules, reactors as moduleReactors } from '../modules.ts';
import type { Clock } from './clock.ts';
import type { ClockRule, Reactor } from './contracts.ts';
import type { SendFollowUp } from './follow-up.ts';
import { startReactors } from './reactors.ts';
import { startScheduler } from './scheduler.ts';
import { startWebhookDelivery } from './webhooks.ts';

export type Automation = {
  /** Resolves once every part has handled the log up to `position` and acted on what is due now. */
  settled(position?: Position): Promise<void>;
  /** The clock moved (tests): act on what is due now. */
  wake(): void;
  stop(): Promise<void>;
};

export async function startAutomation(
  hub: Hub,
  options: {
    send: SendFollowUp;
    /** Stream categories whose events webhooks may carry (none with personal data). */
    deliverableCategories: () => string[];
    clock?: Clock;
    reactors?: readonly Reactor[];
    clockRules?: readonly ClockRule[];
    onError?: (error: Error) => void;
  },
): Promise<Automation> {
  const clock = options.clock ?? hub.clock;
  const shared = { store: hub.store, db: hub.automation, send: options.send, ...(options.onError ? { onError: options.onError } : {}) };
  const reactors = startReactors({ ...shared, reactors: options.reactors ?? moduleReactors, now: () => new Date(clock.now()).toISOString() });
  const scheduler = await startScheduler({ ...shared, rules: options.clockRules ?? moduleClockRules, clock });
  const webhooks = startWebhookDelivery(hub, {
    deliverableCategories: options.deliverableCategories,
    ...(options.onError ? { onError: options.onError } : {}),
  });
  return {
    async settled(position) {
      const target = position ?? (await hub.store.headPosition());
      if (target) await reactors.reached(target);
      await scheduler.settled(target);
    },
    wake: () => scheduler.wake(),
    async stop() {
      await reactors.stop();
      await scheduler.stop();
      await webhooks.stop();
    },
  };
}
