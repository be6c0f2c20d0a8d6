// How the strategy modules (plans, indicators, corrective actions) run a command: the entity's id is
// derived from the commandId when the command creates it, taken from the input otherwise, and the
// answer carries the stream revision and log position the command landed at.
import { entityIdFor } from '../src/commands/ids.ts';
import type { Decider, DomainEvent } from '../src/domain/decider.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { CommandCall } from './command.ts';

export type StrategyPayloadShape = { id: string; revision: bigint; position: string; replayed: boolean };

export async function runStrategyCommand<Command, Event extends DomainEvent, State>(options: {
  name: string;
  call: CommandCall<Record<string, unknown>>;
  decider: Decider<Command, Event, State>;
  category: string;
  /** The input field holding the entity's id, e.g. indicatorId. */
  idField: string;
  entity: string;
  creates: boolean;
  /** Values the edge adds to the command from other read models (an indicator's strategic direction). */
  extra?: Record<string, unknown>;
  /** The read model's revision and position of the entity, for a retried command's answer. */
  current: (id: string) => { revision: number; position: string } | undefined;
}): Promise<StrategyPayloadShape> {
  const { call, creates } = options;
  const id = creates ? entityIdFor(options.category, call.commandId) : String(call.input[options.idField]);
  const outcome = await call.context.hub.execute({
    decider: options.decider,
    stream: `${options.category}-${id}`,
    // Values added from other read models may have moved on; a retry is recognised by what the caller sent.
    input: call.input,
    command: { ...call.input, ...options.extra, type: options.name, [options.idField]: id } as never,
    target: { kind: creates ? 'new' : 'existing', entity: options.entity, id },
    actor: call.actor,
    commandId: call.commandId,
    correlationId: call.context.correlationId,
    ...(call.expectedRevision !== undefined ? { expectedRevision: call.expectedRevision } : {}),
    now: new Date().toISOString(),
  });
  const current = options.current(id);
  return {
    id,
    revision: outcome.revision ?? BigInt(current?.revision ?? 0),
    position: outcome.position ? encodePosition(outcome.position) : (current?.position ?? ''),
    replayed: outcome.replayed,
  };
}
