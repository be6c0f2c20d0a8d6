// Tamper evidence: every event carries the hash of its own canonical content and the hash of the
// event before it in the same stream. Anything that edits, drops or reorders an event breaks the
// chain from that point on. What is hashed is what survives an export/import round trip (not the
// position or the commit time, which a different store assigns anew).
import { createHash } from 'node:crypto';
import type { EventMetadata, NewEvent } from './types.ts';

/** The hash a stream's first event points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so equal values always hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

type Hashable = Pick<NewEvent, 'id' | 'type' | 'data' | 'metadata'> & { stream: string; revision: bigint };

/** The metadata that the hash covers: everything but the chain link itself. */
function hashedMetadata(metadata: EventMetadata): Omit<EventMetadata, 'hash' | 'prevHash'> {
  const { hash: _hash, prevHash: _prevHash, ...rest } = metadata;
  return rest;
}

export function eventHash(event: Hashable, prevHash: string): string {
  const content = canonicalJson({
    stream: event.stream,
    revision: event.revision.toString(),
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: hashedMetadata(event.metadata),
    prevHash,
  });
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Link new events onto a stream whose last event has hash `prevHash` (GENESIS_HASH for a new
 * stream) and revision `firstRevision - 1`. Returns copies with `prevHash` and `hash` set.
 */
export function chainEvents(stream: string, firstRevision: bigint, prevHash: string, events: NewEvent[]): NewEvent[] {
  let previous = prevHash;
  return events.map((event, i) => {
    const hash = eventHash({ ...event, stream, revision: firstRevision + BigInt(i) }, previous);
    const linked = { ...event, metadata: { ...event.metadata, prevHash: previous, hash } };
    previous = hash;
    return linked;
  });
}

/** The content that decides whether a re-sent event id is the same event (an idempotent retry). */
export function sameEventContent(a: { stream: string; type: string; data: unknown }, b: { stream: string; type: string; data: unknown }): boolean {
  return a.stream === b.stream && a.type === b.type && canonicalJson(a.data) === canonicalJson(b.data);
}
