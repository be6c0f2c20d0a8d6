// Pure translations between the event store port (types.ts) and @kurrent/kurrentdb-client. No I/O
// here, so every rule about how our events look inside KurrentDB is unit-tested without a server.
import { createHash } from 'node:crypto';
import {
  ANY,
  ErrorType,
  NO_STREAM,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  isCommandError,
  jsonEvent,
  streamNameFilter,
  type AppendStreamState,
  type EventData,
  type Filter,
  type Position as ClientPosition,
} from '@kurrent/kurrentdb-client';
import { EventIdConflictError, StoreUnavailableError, WrongExpectedRevisionError } from './errors.ts';
import { sameEventContent } from './hashchain.ts';
import type { AppendResult, EventFilter, EventMetadata, ExpectedState, NewEvent, Position, RecordedEvent } from './types.ts';

export function toStreamState(expected: ExpectedState): AppendStreamState {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return expected;
  }
}

export function fromStreamState(state: AppendStreamState): ExpectedState {
  switch (state) {
    case NO_STREAM:
      return 'no_stream';
    case STREAM_EXISTS:
      return 'exists';
    case ANY:
      return 'any';
    default:
      return state;
  }
}

export const toClientPosition = (p: Position): ClientPosition => ({ commit: p.commit, prepare: p.prepare });
export const fromClientPosition = (p: ClientPosition): Position => ({ commit: p.commit, prepare: p.prepare });

/** Checked against what the adapter read, before it appends at that exact revision. */
export function checkExpected(stream: string, expected: ExpectedState, actual: bigint | undefined): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === undefined) ||
    (expected === 'exists' && actual !== undefined) ||
    (typeof expected === 'bigint' && expected === actual);
  if (!ok) throw new WrongExpectedRevisionError(stream, expected, actual);
}

/**
 * A retried append finds its own events among the stream's latest ones, in the same order and
 * content: it is answered with the first result. Any other overlap (an id stored with other
 * content, part of the batch stored, or the batch rearranged) means the caller reused an id for
 * something else, reported as the first reused id.
 */
export function storedBatch(stream: string, events: NewEvent[], latest: RecordedEvent[]): AppendResult | undefined {
  const byId = new Map(latest.map((e) => [e.id, e]));
  const found = events.map((e) => byId.get(e.id));
  const first = found.findIndex((e) => e !== undefined);
  if (first === -1) return undefined;
  const reused = events[first]!.id;
  const start = found[first]!.revision;
  events.forEach((event, i) => {
    const stored = found[i];
    if (stored === undefined || stored.revision !== start + BigInt(i)) throw new EventIdConflictError(reused);
    if (!sameEventContent({ stream, type: event.type, data: event.data }, stored)) throw new EventIdConflictError(event.id);
  });
  const last = found[found.length - 1]!;
  return { revision: last.revision, position: last.position };
}

/** Ours are named without '$'; the server's reserved keys carry correlation and causation. */
export function toStoredMetadata(metadata: EventMetadata): Record<string, unknown> {
  const { correlationId, causationId, ...rest } = metadata;
  return { ...rest, $correlationId: correlationId, $causationId: causationId };
}

export function fromStoredMetadata(stored: Record<string, unknown>): EventMetadata {
  const { $correlationId, $causationId, ...rest } = stored;
  if (typeof $correlationId !== 'string' || typeof $causationId !== 'string') {
    throw new Error('stored metadata has no $correlationId/$causationId: the event was not written by the hub');
  }
  return { ...rest, correlationId: $correlationId, causationId: $causationId } as EventMetadata;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Where an id that KurrentDB could not take as-is (it wants a lowercase UUID) is kept. */
const ORIGINAL_ID_KEY = 'originalEventId';

/** KurrentDB event ids are UUIDs; any other id maps to a stable name-based UUID (RFC 9562 version 8). */
export function storedEventId(id: string): string {
  if (uuidPattern.test(id)) return id;
  const hex = createHash('sha256').update(`sapat-event-id:${id}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function toEventData(event: NewEvent): EventData {
  const id = storedEventId(event.id);
  const metadata = toStoredMetadata(event.metadata);
  if (id !== event.id) metadata[ORIGINAL_ID_KEY] = event.id;
  return jsonEvent({ id, type: event.type, data: event.data, metadata });
}

/** The part of a client's recorded event that this adapter reads (both the gRPC and the Rust paths give it). */
export type StoredEvent = {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  position?: ClientPosition | undefined;
};

const isJsonObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

export function toRecordedEvent(event: StoredEvent): RecordedEvent {
  const where = `event ${event.id} in ${event.streamId}`;
  if (event.position === undefined) throw new Error(`${where} has no log position (KurrentDB 22.6 or newer is required)`);
  if (!event.isJson || !isJsonObject(event.data) || !isJsonObject(event.metadata)) {
    throw new Error(`${where} is not JSON with JSON metadata: it was not written by the hub`);
  }
  const { [ORIGINAL_ID_KEY]: originalId, ...stored } = event.metadata;
  return {
    id: typeof originalId === 'string' ? originalId : event.id,
    stream: event.streamId,
    revision: event.revision,
    position: fromClientPosition(event.position),
    type: event.type,
    data: event.data,
    metadata: fromStoredMetadata(stored),
    recordedAt: event.created.toISOString(),
  };
}

/** What KurrentDB filters and what this process still has to check. */
export type FilterPlan = {
  server: Filter;
  accepts: (event: { streamId: string; type: string }) => boolean;
};

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * KurrentDB filters on one thing at a time. Event types go to the server when given, being the
 * narrower choice (each type belongs to one module); they match exactly, which its prefix filter
 * would not. `accepts` re-checks the whole filter here, including that no system event ('$' stream
 * or type) gets through: a '$' type filter does not exclude projection-emitted events in '$' streams.
 */
export function planFilter(filter: EventFilter = {}, checkpointReached?: Filter['checkpointReached']): FilterPlan {
  const categories = filter.categories ?? [];
  const types = filter.eventTypes ?? [];
  const server =
    types.length > 0
      ? eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$`, checkpointReached })
      : categories.length > 0
        ? streamNameFilter({ prefixes: categories.map((c) => `${c}-`), checkpointReached })
        : excludeSystemEvents({ checkpointReached });
  const typeSet = new Set(types);
  const prefixes = categories.map((c) => `${c}-`);
  return {
    server,
    accepts: ({ streamId, type }) =>
      !streamId.startsWith('$') &&
      !type.startsWith('$') &&
      (typeSet.size === 0 || typeSet.has(type)) &&
      (prefixes.length === 0 || prefixes.some((p) => streamId.startsWith(p))),
  };
}

const unreachableTypes: ReadonlySet<string> = new Set([
  ErrorType.TIMEOUT,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.UNAVAILABLE,
  ErrorType.CANCELLED,
  ErrorType.NOT_LEADER,
  ErrorType.UNKNOWN,
]);
const unreachableErrno: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'EPIPE']);
/** gRPC status codes CANCELLED, DEADLINE_EXCEEDED, UNAVAILABLE, for errors the client left unconverted. */
const unreachableGrpc: ReadonlySet<number> = new Set([1, 4, 14]);

function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (isCommandError(error)) return unreachableTypes.has(error.type);
  const code: unknown = (error as { code?: unknown }).code;
  return (
    (typeof code === 'string' && unreachableErrno.has(code)) ||
    (typeof code === 'number' && unreachableGrpc.has(code)) ||
    /failed to discover/i.test(error.message)
  );
}

/** The client's failures as the port's; anything else passes through unchanged. */
export function toStoreError(error: unknown, append?: { stream: string; expected: ExpectedState }): Error {
  if (error instanceof WrongExpectedVersionError) {
    const actual = typeof error.actualState === 'bigint' && error.actualState >= 0n ? error.actualState : undefined;
    return new WrongExpectedRevisionError(append?.stream ?? error.streamName, append?.expected ?? fromStreamState(error.expectedState), actual);
  }
  if (isUnreachable(error)) {
    return new StoreUnavailableError(`KurrentDB could not be reached: ${(error as Error).message || (error as Error).name}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}
