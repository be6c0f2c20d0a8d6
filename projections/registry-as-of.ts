// Time travel for whole registers: the read models as they stood at a moment, folded from the log
// up to it by the registers' own projections into a throwaway in-memory database (as time-travel.ts
// does for one entity), so `licenses(asOf:)` answers with exactly the code that builds the present.
// It reads the log from the start on every call: a question for audits and reports, not a hot path.
import type { EventStore, RecordedEvent } from '../src/eventstore/types.ts';
import { openReadModelDatabase, type ReadModelDatabase } from './database.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

/** Folds every event recorded at or before `time` into the given projections; the caller closes the database. */
export async function foldRegistersAsOf(store: EventStore, definitions: ProjectionDefinition[], time: string): Promise<ReadModelDatabase> {
  const db = openReadModelDatabase(':memory:');
  const appliers = definitions.map((definition) => ({
    types: new Set(definition.eventTypes),
    applier: definition.open(db, Object.fromEntries(definition.tables.map((t) => [t, t])) as TableNames<string>),
  }));
  const eventTypes = [...new Set(definitions.flatMap((d) => d.eventTypes))];
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll({ filter: { eventTypes } })) if (event.recordedAt <= time) events.push(event);
  db.transaction(() => {
    for (const event of events) for (const { types, applier } of appliers) if (types.has(event.type)) applier.apply(event);
  })();
  return db;
}
