// Several read models fold the same event with the same schema (the licences registry and the
// programme register both parse every licensing event). The parsed data is kept with the event, per
// schema, so each event is validated once; a failed parse is not kept, so every projection that
// folds the event still fails on it and stops.
import type { z } from 'zod';
import type { RecordedEvent } from '../src/eventstore/types.ts';

const bySchema = new WeakMap<z.ZodType, WeakMap<RecordedEvent, unknown>>();

/** `schema.parse(event.data)`, done once per event and schema. The result is shared: never change it. */
export function parsedOnce<Schema extends z.ZodType>(schema: Schema, event: RecordedEvent): z.output<Schema> {
  let parsed = bySchema.get(schema);
  if (!parsed) bySchema.set(schema, (parsed = new WeakMap()));
  if (parsed.has(event)) return parsed.get(event) as z.output<Schema>;
  const data = schema.parse(event.data);
  parsed.set(event, data);
  return data;
}
