// Time travel: the state of one entity as it was at a moment or at a revision. The entity's events
// up to that point are folded by the read model's own projection into a throwaway in-memory
// database, so the past is computed by exactly the code that builds the present, and the read
// model's queries answer about it.
import type { EventStore, RecordedEvent } from '../src/eventstore/types.ts';
import { openReadModelDatabase, type ReadModelDatabase } from './database.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

/** Up to which event to fold: events recorded at or before `time`, or up to and including `revision`. */
export type AsOf = { time: string; revision?: undefined } | { revision: bigint; time?: undefined };

const included = (event: RecordedEvent, asOf: AsOf): boolean =>
  asOf.revision !== undefined ? event.revision <= asOf.revision : event.recordedAt <= asOf.time;

/**
 * Folds `stream` up to `asOf` with `definition` into a new in-memory database whose tables carry
 * the logical names (so the read model's queries work unchanged). Returns undefined when the
 * entity had no events yet. The caller closes the database.
 */
export async function foldStreamAsOf<Table extends string>(
  store: EventStore,
  definition: ProjectionDefinition<Table>,
  stream: string,
  asOf: AsOf,
): Promise<ReadModelDatabase | undefined> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(stream)) {
    if (!included(event, asOf)) break;
    events.push(event);
  }
  if (events.length === 0) return undefined;
  const db = openReadModelDatabase(':memory:');
  const names = Object.fromEntries(definition.tables.map((t) => [t, t])) as unknown as TableNames<Table>;
  const types = new Set(definition.eventTypes);
  const applier = definition.open(db, names);
  db.transaction(() => {
    for (const event of events) if (types.has(event.type)) applier.apply(event);
  })();
  return db;
}
