// Tamper evidence: every event carries the hash of its own canonical content and the hash of the
// event before it in the same stream. Anything that edits, drops or reorders an event breaks the
// chain from that point on. What is hashed is what survives an export/import round trip (not the
// position or the commit time, which a different store assigns anew).
import { hash as digest } from 'node:crypto';
import type { EventMetadata, NewEvent } from './types.ts';

/** The hash a stream's first event points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * What JSON.stringify would make of a string it leaves as it is: no quote, backslash, control
 * character or surrogate (a lone surrogate is escaped; a pair is not, but takes the slow way too).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what JSON escapes
const escapedInJson = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * JSON.stringify of a primitive, without a call into the engine's serialiser for the common cases
 * (a string with nothing to escape, a number, a boolean, null): canonicalJson runs on every key
 * and value of every appended event, and those calls were most of its time.
 */
function primitiveJson(v: unknown): string | undefined {
  if (typeof v === 'string') return escapedInJson.test(v) ? JSON.stringify(v) : `"${v}"`;
  // JSON writes a finite number as ToString does, and anything else as null.
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) return 'null';
  return JSON.stringify(v);
}

/**
 * JSON with object keys sorted at every depth, so equal values always hash equally. Follows
 * JSON.stringify otherwise (toJSON, undefined properties dropped, undefined in arrays as null), so
 * what is hashed is exactly what a reader of the stored JSON sees.
 */
export function canonicalJson(value: unknown): string {
  let out = '';
  const write = (v: unknown, inArray: boolean): void => {
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      v = (v as { toJSON: () => unknown }).toJSON();
    }
    if (v === null || typeof v !== 'object') {
      const json = primitiveJson(v);
      out += json === undefined ? (inArray ? 'null' : '') : json;
      return;
    }
    if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) out += ',';
        write(v[i], true);
      }
      out += ']';
      return;
    }
    const record = v as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    out += '{';
    let first = true;
    for (const key of keys) {
      const item = record[key];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      if (!first) out += ',';
      first = false;
      out += primitiveJson(key);
      out += ':';
      write(item, false);
    }
    out += '}';
  };
  write(value, false);
  return out || 'null';
}

type Hashable = Pick<NewEvent, 'id' | 'type' | 'data' | 'metadata'> & { stream: string; revision: bigint };

/**
 * The metadata that the hash covers: everything but the chain link itself. A plain copy of the
 * other keys, in their order (the rest pattern `{ hash, prevHash, ...rest }` cost twice as much,
 * and this runs on every append).
 */
function hashedMetadata(metadata: EventMetadata): Omit<EventMetadata, 'hash' | 'prevHash'> {
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(metadata)) {
    if (key !== 'hash' && key !== 'prevHash') rest[key] = metadata[key as keyof EventMetadata];
  }
  return rest as Omit<EventMetadata, 'hash' | 'prevHash'>;
}

const contentHash = (stream: string, revision: bigint, event: Pick<NewEvent, 'id' | 'type' | 'data' | 'metadata'>, prevHash: string): string =>
  // crypto.hash: one call for a short input, without a Hash object per event.
  digest(
    'sha256',
    canonicalJson({
      stream,
      revision: revision.toString(),
      id: event.id,
      type: event.type,
      data: event.data,
      metadata: hashedMetadata(event.metadata),
      prevHash,
    }),
    'hex',
  );

export function eventHash(event: Hashable, prevHash: string): string {
  return contentHash(event.stream, event.revision, event, prevHash);
}

/**
 * Link new events onto a stream whose last event has hash `prevHash` (GENESIS_HASH for a new
 * stream) and revision `firstRevision - 1`. Returns copies with `prevHash` and `hash` set.
 */
export function chainEvents(stream: string, firstRevision: bigint, prevHash: string, events: NewEvent[]): NewEvent[] {
  let previous = prevHash;
  const linked = new Array<NewEvent>(events.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const hash = contentHash(stream, firstRevision + BigInt(i), event, previous);
    linked[i] = { ...event, metadata: { ...event.metadata, prevHash: previous, hash } };
    previous = hash;
  }
  return linked;
}

/** The content that decides whether a re-sent event id is the same event (an idempotent retry). */
export function sameEventContent(a: { stream: string; type: string; data: unknown }, b: { stream: string; type: string; data: unknown }): boolean {
  return a.stream === b.stream && a.type === b.type && canonicalJson(a.data) === canonicalJson(b.data);
}
