// Failures of the event store port. They are plain classes (not DomainError): the command layer
// turns them into the GraphQL errors a client sees, so store wording never leaks out directly.
import type { ExpectedState } from './types.ts';

const describeExpected = (e: ExpectedState): string => (typeof e === 'bigint' ? `revision ${e}` : e);

/** The stream was not in the state the append expected; nothing was written. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedState,
    /** The stream's current revision, or undefined when it does not exist. */
    readonly actual: bigint | undefined,
  ) {
    super(`stream ${stream} expected ${describeExpected(expected)} but is at ${actual === undefined ? 'no stream' : `revision ${actual}`}`);
  }
}

/** An event id that is already stored was sent again with different content; nothing was written. */
export class EventIdConflictError extends Error {
  override readonly name = 'EventIdConflictError';
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already stored with different content`);
  }
}

/** The store could not be reached or answered with a fault; the caller may retry later. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A stored event cannot be read back (its JSON was damaged outside the hub); names where it is. */
export class CorruptEventError extends Error {
  override readonly name = 'CorruptEventError';
  constructor(
    readonly position: string,
    readonly eventId: string,
    reason: string,
  ) {
    super(`the event at position ${position} (id ${eventId}) cannot be read: ${reason}`);
  }
}
