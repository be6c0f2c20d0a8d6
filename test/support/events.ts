// New events for the store-level tests: any type and data, with the metadata every stored event
// carries (a fresh command, correlation and causation each time).
import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '../../src/eventstore/types.ts';

export const eventMetadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: { id: 'u-1', name: 'Aigul Mamatova', roles: ['planner'] },
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: randomUUID(),
  occurredAt: '2026-11-25T09:00:00.000Z',
  schemaVersion: 1,
  ...overrides,
});

export const newEvent = (type: string, data: Record<string, unknown> = {}): NewEvent => ({ id: randomUUID(), type, data, metadata: eventMetadata() });
