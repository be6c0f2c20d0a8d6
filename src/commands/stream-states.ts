// Folded states of recently commanded streams, so a command reads only the events appended since
// its stream was last folded rather than the whole stream: a licence amended for years, or a
// rating campaign with thousands of entries, would otherwise cost more with every command.
//
// An entry is the fold of a stream up to a revision, with the id of the event at that revision.
// Events are immutable, so the entry stays true as long as that event is still where it was: the
// pipeline reads from the entry's revision (not after it) and uses the entry only when the first
// event read is the one remembered. A log restored from an older copy, or a stream that no longer
// reaches that revision, fails the check and the stream is folded from the start.
import type { EventStore } from '../eventstore/types.ts';

export type StreamState<State> = { state: State; revision: bigint; eventId: string };

/** Enough for every stream a busy department touches in a day; each entry is one entity's state. */
const capacity = 5_000;

type Entries = Map<string, StreamState<unknown>>;
/** Per store and per decider: two deciders may fold the same stream into different states. */
const caches = new WeakMap<EventStore, WeakMap<object, Entries>>();

function entriesOf(store: EventStore, decider: object): Entries {
  let byDecider = caches.get(store);
  if (!byDecider) caches.set(store, (byDecider = new WeakMap()));
  let entries = byDecider.get(decider);
  if (!entries) byDecider.set(decider, (entries = new Map()));
  return entries;
}

export function cachedStreamState<State>(store: EventStore, decider: object, stream: string): StreamState<State> | undefined {
  const entries = entriesOf(store, decider);
  const entry = entries.get(stream) as StreamState<State> | undefined;
  if (entry) {
    // Most recently used last, so the first key is the one to evict.
    entries.delete(stream);
    entries.set(stream, entry);
  }
  return entry;
}

export function rememberStreamState<State>(store: EventStore, decider: object, stream: string, entry: StreamState<State>): void {
  const entries = entriesOf(store, decider);
  entries.delete(stream);
  entries.set(stream, deepFreeze(entry));
  if (entries.size > capacity) entries.delete(entries.keys().next().value!);
}

export function forgetStreamState(store: EventStore, decider: object, stream: string): void {
  entriesOf(store, decider).delete(stream);
}

/**
 * A remembered state is shared by every later command on the stream, so an `evolve` or `decide`
 * that changed it in place would corrupt the next command's view; frozen, such a change throws at
 * once (in strict mode, which ES modules are) instead of silently deciding on a wrong state.
 */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
