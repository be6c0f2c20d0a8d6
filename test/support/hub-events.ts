// Reading the log as a test checks it: every event of a type, with who sent it and why.
import type { Hub } from '../../src/hub.ts';
import type { RecordedEvent } from '../../src/eventstore/types.ts';

export async function eventsOfType(hub: Hub, type: string): Promise<RecordedEvent[]> {
  const found: RecordedEvent[] = [];
  for await (const event of hub.store.readAll({ filter: { eventTypes: [type] } })) found.push(event);
  return found;
}
