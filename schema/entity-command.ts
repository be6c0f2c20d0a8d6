// One command on one kind of entity, as most modules run it: the entity's id (derived from the
// commandId for a command that creates it), the pipeline, and the payload that answers with the entity
// as the read model shows it, its revision, the position and whether it was a replay.
import type { ObjectRef } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { entityIdFor } from '../src/commands/ids.ts';
import type { Decider, DomainEvent } from '../src/domain/decider.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import { builder, type Types } from './builder.ts';
import type { CommandCall } from './command.ts';

export type EntityPayloadShape = { id: string; revision: bigint; position: string; replayed: boolean };

/** The success payload of a command on one kind of entity: the entity now, its revision, the position, and whether it was a replay. */
export function entityPayload<Node>(name: string, field: string, node: ObjectRef<Types, Node>, entity: string) {
  return builder.objectRef<EntityPayloadShape>(name).implement({
    description: `The ${entity} after the command, with where the command landed in the log.`,
    fields: (t) => ({
      [field]: t.field({ type: node, description: `The ${entity} as the read model shows it now, including this command.`, resolve: (p) => p.id as never }),
      revision: t.int({ description: `Revision of the ${entity}’s stream after the command.`, resolve: (p) => Number(p.revision) }),
      position: t.exposeString('position', { description: 'Position of the command’s last event in the global log.' }),
      replayed: t.exposeBoolean('replayed', { description: 'True when this commandId was handled before and its first answer is returned.' }),
    }),
  });
}

/**
 * Runs one command on a stream of `category` and answers with the payload. `creates` commands get
 * an id derived from the commandId (a retry makes the same entity); `facts` are what the resolver
 * read from other streams for the decider, which does no I/O.
 */
export async function runEntityCommand<Command, Event extends DomainEvent, State>(options: {
  call: CommandCall<Record<string, unknown>>;
  name: string;
  decider: Decider<Command, Event, State>;
  category: string;
  entity: string;
  idField: string;
  creates: boolean;
  facts?: Record<string, unknown>;
  stamp: (id: string) => { revision: number; position: string } | undefined;
}): Promise<EntityPayloadShape> {
  const { call, name } = options;
  const { context } = call;
  const id = options.creates ? entityIdFor(options.category, call.commandId) : String(call.input[options.idField]);
  const outcome = await context.hub.execute({
    decider: options.decider,
    stream: `${options.category}-${id}`,
    // Facts read from other read models may have moved on; a retry is recognised by what the caller sent.
    input: call.input,
    command: { ...call.input, ...options.facts, type: name, [options.idField]: id } as never,
    target: { kind: options.creates ? 'new' : 'existing', entity: options.entity, id },
    actor: call.actor,
    commandId: call.commandId,
    correlationId: context.correlationId,
    ...(call.expectedRevision !== undefined ? { expectedRevision: call.expectedRevision } : {}),
    now: new Date().toISOString(),
  });
  const row = options.stamp(id);
  if (!row) throw new GraphQLError(`the read model has no row for a stored ${options.entity}`);
  return {
    id,
    revision: outcome.revision ?? BigInt(row.revision),
    position: outcome.position ? encodePosition(outcome.position) : row.position,
    replayed: outcome.replayed,
  };
}
