// Live change feeds for subscriptions: each batch the projection runner commits is offered to the
// subscriber, which keeps what concerns it. A subscriber that stops (client gone, `return()`
// called) is unhooked at once, so a closed subscription never leaks a listener.
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { Hub } from '../src/hub.ts';

export function appliedEvents<Item>(hub: Hub, pick: (event: RecordedEvent) => Item | undefined): AsyncIterableIterator<Item> {
  const queue: Item[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  const unsubscribe = hub.projections.onApplied((events) => {
    for (const event of events) {
      const item = pick(event);
      if (item !== undefined) queue.push(item);
    }
    wake?.();
  });
  const finish = async (): Promise<IteratorResult<Item>> => {
    done = true;
    unsubscribe();
    wake?.();
    return { done: true, value: undefined };
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      while (!done && queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      if (done) return { done: true, value: undefined };
      return { done: false, value: queue.shift()! };
    },
    return: finish,
    throw: async (error) => {
      await finish();
      throw error;
    },
  };
}
