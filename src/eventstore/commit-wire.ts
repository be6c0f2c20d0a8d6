// How an append's refusal crosses from the commit thread to the store: errors do not survive
// postMessage as their classes, so each kind the store's callers tell apart is sent as plain data
// and built again on the other side.
import Database from 'better-sqlite3';
import { EventIdConflictError, WrongExpectedRevisionError } from './errors.ts';
import type { ExpectedState } from './types.ts';

export type WireError =
  | { kind: 'wrong-revision'; stream: string; expected: ExpectedState; actual: bigint | undefined }
  | { kind: 'id-conflict'; eventId: string }
  | { kind: 'sqlite'; message: string; code: string }
  | { kind: 'other'; name: string; message: string };

export function toWire(error: unknown): WireError {
  if (error instanceof WrongExpectedRevisionError) return { kind: 'wrong-revision', stream: error.stream, expected: error.expected, actual: error.actual };
  if (error instanceof EventIdConflictError) return { kind: 'id-conflict', eventId: error.eventId };
  if (error instanceof Database.SqliteError) return { kind: 'sqlite', message: error.message, code: error.code };
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  return { kind: 'other', name, message };
}

export function fromWire(wire: WireError): Error {
  switch (wire.kind) {
    case 'wrong-revision':
      return new WrongExpectedRevisionError(wire.stream, wire.expected, wire.actual);
    case 'id-conflict':
      return new EventIdConflictError(wire.eventId);
    case 'sqlite':
      return new Database.SqliteError(wire.message, wire.code);
    default:
      return Object.assign(new Error(wire.message), { name: wire.name });
  }
}
