// Live change feeds for the change subscriptions (licenseChanged, ratingCampaignChanged, ...).
//
// Each change carries the entity as it stood at that change. The projection runner applies many
// events in one transaction; reading the entity after the batch would give a change at revision 2
// the licence at revision 9. So a feed reads the entity inside the runner's transaction, right after
// the event was applied (onEachApplied), and sends the changes once the batch has committed.
//
// Subscribers of the same selection (same entity kind, same reader visibility) share one feed: the
// entity is read once per event, whatever the number of subscribers, and only if one of them wants
// it. A subscriber only filters.
//
// A subscriber's queue is bounded (SAPAT_SUBSCRIPTION_QUEUE). A client that reads slower than
// changes come is not buffered without end: when its queue is full it still gets what is queued,
// then one last result with a SUBSCRIBER_TOO_SLOW error, and the subscription ends. It then reads
// the current state and subscribes again; `events(after:)` from the position the error names
// misses nothing.
import { GraphQLError } from 'graphql';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { Hub } from '../src/hub.ts';
import type { ProjectionRunner } from '../projections/runner.ts';

/** What one feed reads; subscribers whose selections share a key share the feed. */
export type Selection<Row> = {
  /** The kind of entity and everything that narrows what `read` returns (the reader's visibility). */
  key: string;
  /**
   * The read model `read` reads (or, by event, the one that folds it last): the feed reads right
   * after that read model applied the event.
   */
  projection: string | ((event: RecordedEvent) => string);
  /** The entity an event changes, or undefined for events this selection ignores. */
  entityOf(event: RecordedEvent): string | undefined;
  /** The entity as the read model holds it now; undefined when the reader may not see it. */
  read(entityId: string): Row | undefined;
};

/** `entityOf` for entities that are one stream each: the id after the category's prefix. */
export function entityOfCategory(category: string): (event: { stream: string }) => string | undefined {
  const prefix = `${category}-`;
  return (event) => (event.stream.startsWith(prefix) ? event.stream.slice(prefix.length) : undefined);
}

/** Which of the selection's changes one subscriber wants (its id or campaign argument). */
export type Wants = (entityId: string, event: RecordedEvent) => boolean;

export type Change<Row> = { row: Row; entityId: string; eventType: string; revision: bigint; position: string };

/** The last item of a subscriber that fell behind; `endOfChange` turns it into the error. */
export class FellBehind {
  constructor(
    readonly limit: number,
    /** Position of the last change the subscriber still gets, where `events(after:)` resumes. */
    readonly lastPosition: string,
  ) {}
}

type Subscriber<Row> = { wants: Wants; offer(change: Change<Row>): void };

type Feed<Row> = { subscribers: Set<Subscriber<Row>>; leave(subscriber: Subscriber<Row>): void };

const feedsByRunner = new WeakMap<ProjectionRunner, Map<string, Feed<unknown>>>();

function feedFor<Row>(runner: ProjectionRunner, selection: Selection<Row>): Feed<Row> {
  let feeds = feedsByRunner.get(runner);
  if (!feeds) feedsByRunner.set(runner, (feeds = new Map()));
  const existing = feeds.get(selection.key) as Feed<Row> | undefined;
  if (existing) return existing;

  const subscribers = new Set<Subscriber<Row>>();
  // Read inside the runner's transaction, keyed by event id; sent only for events whose batch committed.
  const read = new Map<string, Change<Row>>();
  const anyoneWants = (entityId: string, event: RecordedEvent) => {
    for (const subscriber of subscribers) if (subscriber.wants(entityId, event)) return true;
    return false;
  };
  const stopReading = runner.onEachApplied((event, projection) => {
    if (projection !== (typeof selection.projection === 'string' ? selection.projection : selection.projection(event))) return;
    const entityId = selection.entityOf(event);
    if (entityId === undefined || !anyoneWants(entityId, event)) return;
    let row: Row | undefined;
    try {
      row = selection.read(entityId);
    } catch {
      // This runs inside the read models' transaction: a row a subscriber cannot read must cost that
      // subscriber one change, never stop the read models. The same read fails in queries, visibly.
      return;
    }
    if (row !== undefined) read.set(event.id, { row, entityId, eventType: event.type, revision: event.revision, position: encodePosition(event.position) });
  });
  const stopSending = runner.onApplied((events) => {
    for (const event of events) {
      const change = read.get(event.id);
      if (!change) continue;
      for (const subscriber of subscribers) if (subscriber.wants(change.entityId, event)) subscriber.offer(change);
    }
    read.clear();
  });
  const feed: Feed<Row> = {
    subscribers,
    leave(subscriber) {
      subscribers.delete(subscriber);
      if (subscribers.size > 0) return;
      stopReading();
      stopSending();
      feeds.delete(selection.key);
    },
  };
  feeds.set(selection.key, feed as Feed<unknown>);
  return feed;
}

/**
 * The changes of `selection` that this subscriber wants, each with the entity as it was at that
 * change. Ends when the client stops (`return()`), at once, unhooking the subscriber.
 */
export function changesOf<Row>(hub: Hub, selection: Selection<Row>, wants: Wants): AsyncIterableIterator<Change<Row> | FellBehind> {
  const limit = hub.config.limits.subscriptionQueue;
  const feed = feedFor(hub.projections, selection);
  const queue: (Change<Row> | FellBehind)[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  let fellBehind = false;
  const subscriber: Subscriber<Row> = {
    wants,
    offer(change) {
      if (fellBehind) return;
      if (queue.length < limit) queue.push(change);
      else {
        fellBehind = true;
        queue.push(new FellBehind(limit, (queue.at(-1) as Change<Row>).position));
        feed.leave(subscriber);
      }
      wake?.();
    },
  };
  feed.subscribers.add(subscriber);
  const finish = async (): Promise<IteratorResult<Change<Row>>> => {
    done = true;
    feed.leave(subscriber);
    wake?.();
    return { done: true, value: undefined };
  };
  const iterator: AsyncIterableIterator<Change<Row> | FellBehind> = {
    [Symbol.asyncIterator]: () => iterator,
    async next() {
      while (!done && queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const item = done ? undefined : queue.shift();
      if (item === undefined) return { done: true, value: undefined };
      if (item instanceof FellBehind) done = true;
      return { done: false, value: item };
    },
    return: finish,
    throw: async (error) => {
      await finish();
      throw error;
    },
  };
  return iterator;
}

/** The subscription field's resolve: the change, or for a subscriber that fell behind, why it ends. */
export function endOfChange<Row>(item: Change<Row> | FellBehind): Change<Row> {
  if (!(item instanceof FellBehind)) return item;
  throw new GraphQLError(
    `this subscription fell more than ${item.limit} changes behind and was ended after the change at position ${item.lastPosition}; read the current state and subscribe again, or follow events(after: "${item.lastPosition}") to miss nothing`,
    { extensions: { code: 'SUBSCRIBER_TOO_SLOW', limit: item.limit, lastPosition: item.lastPosition } },
  );
}
