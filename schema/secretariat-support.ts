// What the secretariat's GraphQL files share: an enum's labels from its zod meta, the command loop
// that turns a module's commands into mutations on one kind of entity, and the history of a row.
import type { ObjectRef } from '@pothos/core';
import type { z } from 'zod';
import type { CommandName } from '../src/auth/permissions.ts';
import type { Decider, DomainEvent } from '../src/domain/decider.ts';
import type { Labels } from '../src/domain/values.ts';
import type { Types } from './builder.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { runEntityCommand, type EntityPayloadShape } from './entity-command.ts';
import { plainIdOf } from './ids.ts';

export const labelsOf = (schema: z.ZodType) => (schema.meta() as { labels: Labels<string> }).labels;

/** One mutation per command of a module whose commands act on one kind of entity. */
export function entityMutations<Command, Event extends DomainEvent, State>(options: {
  commands: Record<string, z.ZodType>;
  descriptions: Record<string, string>;
  creates: string;
  decider: Decider<Command, Event, State>;
  category: string;
  entity: string;
  typename: string;
  idField: string;
  payload: ObjectRef<Types, EntityPayloadShape>;
  stamp: (call: CommandCall<Record<string, unknown>>, id: string) => { revision: number; position: string } | undefined;
}): void {
  for (const name of Object.keys(options.commands)) {
    commandMutation({
      name: name as CommandName,
      description: options.descriptions[name]!,
      schema: options.commands[name]!,
      payload: options.payload,
      acceptsExpectedRevision: name !== options.creates,
      prepare: (raw) =>
        typeof raw[options.idField] === 'string' ? { ...raw, [options.idField]: plainIdOf(raw[options.idField] as string, options.typename) } : raw,
      run: (call) => {
        const routed = call as CommandCall<Record<string, unknown>>;
        return runEntityCommand({
          call: routed,
          name,
          decider: options.decider,
          category: options.category,
          entity: options.entity,
          idField: options.idField,
          creates: name === options.creates,
          stamp: (id) => options.stamp(routed, id),
        });
      },
    });
  }
}
