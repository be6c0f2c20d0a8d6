// Ids derived from the command id. A client that retries a command with the same commandId makes
// the same event ids and the same new entity id, which is what lets the store recognise the retry
// and answer it with the first result instead of storing the events twice.
import { createHash, randomUUID } from 'node:crypto';

/** A UUID (version 8, "custom") built from a sha-256 of the given name. */
function uuidFromName(name: string): string {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const eventIdFor = (commandId: string, index: number): string => uuidFromName(`sapat:event:${commandId}:${index}`);

/** The id of an entity a command creates (a licence application, an accreditation...). */
export const entityIdFor = (category: string, commandId: string): string => uuidFromName(`sapat:entity:${category}:${commandId}`);

export const newCommandId = (): string => randomUUID();

/**
 * The command id of a follow-up the hub sends itself: the same source (a reactor and the event it
 * answers, or a clock rule and its due moment) always makes the same id, so a follow-up re-sent
 * after a crash is recognised as a retry and stores nothing twice.
 */
export const followUpCommandIdFor = (source: string, cause: string, index = 0): string => uuidFromName(`sapat:follow-up:${source}:${cause}:${index}`);
