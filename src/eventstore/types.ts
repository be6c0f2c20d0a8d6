// The event store port. Both adapters (sqlite.ts, kurrentdb.ts) implement it and pass the same
// contract suite (test/eventstore.contract.ts), so nothing above this line knows which one runs.
import type { Position } from './position.ts';

export type { Position } from './position.ts';

/** What the caller expects of the stream before the append; checked atomically with it. */
export type ExpectedState = 'no_stream' | 'exists' | 'any' | bigint;

/** Who did it and why: carried on every event so history answers "who, when, on whose behalf". */
export type EventMetadata = {
  actor: { id: string; name: string; roles: string[]; unit?: string | undefined };
  commandId: string;
  /** sha-256 of the command's name, target stream, input and actor (src/commands/digest.ts). */
  commandDigest?: string;
  correlationId: string;
  causationId: string;
  occurredAt: string;
  schemaVersion: number;
  /** Hash-chain link, filled in by the store at append time (see hashchain.ts). */
  prevHash?: string;
  hash?: string;
  [extra: string]: unknown;
};

/** An event as the command side proposes it. `id` is deterministic (derived from the command id). */
export type NewEvent = {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
};

/** An event as the store returns it. */
export type RecordedEvent = {
  id: string;
  stream: string;
  /** Zero-based revision of the event within its stream. */
  revision: bigint;
  /** Opaque, totally ordered position in the global log. */
  position: Position;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  /** When the store committed the event (ISO 8601). */
  recordedAt: string;
};

export type AppendResult = {
  /** Revision of the last event written (or found, for an idempotent retry). */
  revision: bigint;
  /** Position of the last event written (or found). */
  position: Position;
};

export type ReadStreamOptions = {
  direction?: 'forwards' | 'backwards';
  /** Inclusive start revision; for backwards reads, the highest revision to return. */
  from?: bigint;
  limit?: number;
};

/** Which events of the global log a reader wants; an empty or missing list means "all". */
export type EventFilter = {
  /** Stream categories: the part of the stream name before the first '-'. */
  categories?: string[];
  eventTypes?: string[];
};

export type ReadAllOptions = {
  /** Exclusive: events strictly after this position. Missing means from the beginning. */
  after?: Position;
  filter?: EventFilter;
  /** Maximum number of events returned; adapters read in pages even when it is large. */
  limit?: number;
};

export type ReadPagesOptions = ReadAllOptions & {
  /** Events per page (the last page may hold fewer); adapters may cap it. */
  pageSize?: number;
};

export type SubscribeOptions = {
  after?: Position;
  filter?: EventFilter;
  /**
   * Called with positions the subscription has scanned past even when no matching event was there,
   * so a checkpoint on a sparse filter can still advance (KurrentDB's checkpointReached).
   */
  onCheckpoint?: (position: Position) => void;
};

/** A catch-up-then-live subscription; iterate it, and stop it with `close()` or `break`. */
export type Subscription = AsyncIterable<RecordedEvent> & { close(): Promise<void> };

export type EventStore = {
  /** Which adapter this is, for health output and logs. */
  readonly kind: 'sqlite' | 'kurrentdb';
  append(stream: string, events: NewEvent[], expected: ExpectedState): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /**
   * The same events as readAll, a whole page per step: one await per page instead of one per event,
   * for readers that fold the log in bulk (a rebuild). An adapter may parse an event's metadata only
   * when it is first read (a damaged one then throws there). Optional: `readPages` in pages.ts falls
   * back to grouping readAll for an adapter (or a wrapper) without it.
   */
  readPages?(options?: ReadPagesOptions): AsyncIterable<RecordedEvent[]>;
  subscribe(options?: SubscribeOptions): Subscription;
  /**
   * The last event a command stored, found by its commandId in any stream. Only stores that index
   * events by commandId offer it (KurrentDB does not); without it a commandId reused on another
   * stream is noticed only when the event ids collide.
   */
  findCommand?(commandId: string): Promise<RecordedEvent | undefined>;
  /** Position of the last event in the log, or undefined for an empty log. */
  headPosition(): Promise<Position | undefined>;
  close(): Promise<void>;
};
