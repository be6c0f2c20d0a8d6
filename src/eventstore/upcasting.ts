// Event versioning. Stored events are never rewritten: an event keeps the data shape it was written
// with and records it in metadata.schemaVersion. When a shape changes, the module registers an
// upcaster from the old version to the next, and every reader (deciders, projections, history,
// subscriptions) sees the current shape. Only the audit tools (verify, export) read events raw,
// because the hash chain covers the data exactly as stored.
import type { EventStore, RecordedEvent, Subscription } from './types.ts';

export type Upcaster = {
  eventType: string;
  /** The version this upcaster reads; it produces version `fromVersion + 1`. */
  fromVersion: number;
  /** The event comes along for what the old shape left in metadata (who recorded it, when). */
  upcast: (data: Record<string, unknown>, event: RecordedEvent) => Record<string, unknown>;
};

export type Upcasters = {
  /** The version new events of this type are written with. */
  currentVersion(eventType: string): number;
  upcast(event: RecordedEvent): RecordedEvent;
};

export function upcasters(list: Upcaster[]): Upcasters {
  const byStep = new Map(list.map((u) => [`${u.eventType}@${u.fromVersion}`, u]));
  /** Events of other types are passed on without reading their metadata (which a store may parse only when read). */
  const upcastTypes = new Set(list.map((u) => u.eventType));
  const current = new Map<string, number>();
  for (const u of list) current.set(u.eventType, Math.max(current.get(u.eventType) ?? 1, u.fromVersion + 1));
  return {
    currentVersion: (eventType) => current.get(eventType) ?? 1,
    upcast(event) {
      if (!upcastTypes.has(event.type)) return event;
      let version = event.metadata.schemaVersion ?? 1;
      let data = event.data;
      for (let step = byStep.get(`${event.type}@${version}`); step; step = byStep.get(`${event.type}@${version}`)) {
        data = step.upcast(data, event);
        version += 1;
      }
      return data === event.data ? event : { ...event, data, metadata: { ...event.metadata, schemaVersion: version } };
    },
  };
}

/** The store as readers should see it: every event read or received is upcast to its current shape. */
export function upcastingStore(store: EventStore, registry: Upcasters): EventStore {
  async function* map(events: AsyncIterable<RecordedEvent>): AsyncGenerator<RecordedEvent> {
    for await (const event of events) yield registry.upcast(event);
  }
  async function* mapPages(pages: AsyncIterable<RecordedEvent[]>): AsyncGenerator<RecordedEvent[]> {
    for await (const page of pages) yield page.map(registry.upcast);
  }
  const upcastFound = (event: RecordedEvent | undefined) => event && registry.upcast(event);
  return {
    kind: store.kind,
    append: (stream, events, expected) => store.append(stream, events, expected),
    readStream: (stream, options) => map(store.readStream(stream, options)),
    readAll: (options) => map(store.readAll(options)),
    // Pages stay pages (an event already current is passed on as it is), so a bulk reader keeps its speed.
    ...(store.readPages ? { readPages: (options) => mapPages(store.readPages!(options)) } : {}),
    subscribe(options) {
      const subscription = store.subscribe(options);
      const source = subscription[Symbol.asyncIterator]();
      const consumer: AsyncIterableIterator<RecordedEvent> = {
        next: async () => {
          const next = await source.next();
          return next.done ? next : { done: false, value: registry.upcast(next.value) };
        },
        // Passed straight through, so a pending next() ends at once on unsubscribe.
        return: async () => (source.return ? source.return() : { done: true, value: undefined }),
        [Symbol.asyncIterator]: () => consumer,
      };
      return { [Symbol.asyncIterator]: () => consumer, close: () => subscription.close() } satisfies Subscription;
    },
    ...(store.findCommand ? { findCommand: async (commandId: string) => upcastFound(await store.findCommand!(commandId)) } : {}),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  };
}
