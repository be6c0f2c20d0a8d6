// Time travel: the state of an entity as it was at a moment, on a date, or at a revision of its stream. The
// events up to that point are folded by the read model's own projection into a throwaway in-memory
// database, so the past is computed by exactly the code that builds the present, and the read
// model's own queries answer about it. An entity whose read model depends on other streams (an
// indicator's status on its corrective actions) is folded with those categories too; a rating
// entry reads only the streams its answer needs (rating-entry-as-of.ts).
import { localDateOf } from '../src/domain/values.ts';
import type { IsoDate } from '../src/domain/values.ts';
import type { EventStore, RecordedEvent } from '../src/eventstore/types.ts';
import { comparePositions } from '../src/eventstore/position.ts';
import { openReadModelDatabase, type ReadModelDatabase } from './database.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

/**
 * Which events to fold. `time` is recorded time: the events the hub had stored by that moment.
 * `on` is the business date: the events that took effect on or before that day, whenever they
 * were recorded (a suspension entered a week late still counts from its own date). `revision`:
 * up to and including that revision of the entity's stream.
 */
export type AsOf =
  | { time: string; on?: undefined; revision?: undefined }
  | { on: IsoDate; time?: undefined; revision?: undefined }
  | { revision: bigint; time?: undefined; on?: undefined };

/**
 * The date an event takes effect on, by event type, read from its data (a grant's grantedOn). Types
 * without one take effect on the day their command was decided, in Kyrgyzstan time.
 */
export type EffectiveDates = Readonly<Record<string, ((data: never) => IsoDate) | undefined>>;

const effectiveDateOf = (event: RecordedEvent, dates: EffectiveDates | undefined): IsoDate =>
  dates?.[event.type]?.(event.data as never) ?? localDateOf(event.metadata.occurredAt);

export type TimeTravelScope = {
  /** The entity's own stream: `revision` counts in it, and the entity did not exist before its first event. */
  stream: string;
  /** Every category the read model needs for this entity; only the stream itself when omitted. */
  categories?: string[];
  /** What `asOf: { on }` compares with the date. */
  effectiveDates?: EffectiveDates;
};

async function revisionEvent(store: Pick<EventStore, 'readStream'>, stream: string, revision: bigint): Promise<RecordedEvent | undefined> {
  for await (const event of store.readStream(stream, { from: revision, limit: 1 })) return event.revision === revision ? event : undefined;
  return undefined;
}

/**
 * Which events `asOf` includes, and whether that is a prefix of the log (a moment or a revision:
 * everything up to a point) rather than a choice by business date. Undefined when `asOf` names a
 * revision the stream does not have.
 */
export async function inclusionOf(
  store: Pick<EventStore, 'readStream'>,
  scope: Pick<TimeTravelScope, 'stream' | 'effectiveDates'>,
  asOf: AsOf,
): Promise<{ included: (event: RecordedEvent) => boolean; prefix: boolean } | undefined> {
  if (asOf.revision !== undefined) {
    const last = await revisionEvent(store, scope.stream, asOf.revision);
    if (!last) return undefined;
    return { included: (event) => comparePositions(event.position, last.position) <= 0, prefix: true };
  }
  if (asOf.on !== undefined) {
    const on = asOf.on;
    return { included: (event) => effectiveDateOf(event, scope.effectiveDates) <= on, prefix: false };
  }
  const time = asOf.time;
  return { included: (event) => event.recordedAt <= time, prefix: true };
}

/** The events of `definition`'s types, folded in the order given into a new in-memory database with the tables' logical names. */
export function foldInto<Table extends string>(definition: ProjectionDefinition<Table>, events: Iterable<RecordedEvent>): ReadModelDatabase {
  const types = new Set(definition.eventTypes);
  const db = openReadModelDatabase(':memory:');
  const names = Object.fromEntries(definition.tables.map((t) => [t, t])) as unknown as TableNames<Table>;
  const applier = definition.open(db, names);
  db.transaction(() => {
    for (const event of events) if (types.has(event.type)) applier.apply(event);
  })();
  return db;
}

/**
 * Folds the scope's events up to `asOf` into a new in-memory database whose tables carry the
 * logical names (so the read model's queries work unchanged). Returns undefined when the entity
 * had no events by then. The caller closes the database.
 */
export async function foldAsOf<Table extends string>(
  store: EventStore,
  definition: ProjectionDefinition<Table>,
  scope: TimeTravelScope,
  asOf: AsOf,
): Promise<ReadModelDatabase | undefined> {
  const inclusion = await inclusionOf(store, scope, asOf);
  if (!inclusion) return undefined;
  const source = scope.categories ? store.readAll({ filter: { categories: scope.categories } }) : store.readStream(scope.stream);
  const events: RecordedEvent[] = [];
  let entityExisted = false;
  for await (const event of source) {
    if (!inclusion.included(event)) continue;
    entityExisted ||= event.stream === scope.stream;
    events.push(event);
  }
  if (!entityExisted) return undefined;
  return foldInto(definition, events);
}
