// One mutation per command, all built the same way: the command registry authorises the caller,
// validates the input with the command's zod schema and runs it through the hub (which waits for
// the read model); the mutation answers with a union of the success payload and the typed errors.
import type { ObjectRef } from '@pothos/core';
import type { z } from 'zod';
import type { CommandName } from '../src/auth/permissions.ts';
import { createCommandRegistry, type CommandCall as RoutedCall } from '../src/commands/registry.ts';
import { builder, type GraphQLContext, type Types } from './builder.ts';
import { commandErrors } from './errors.ts';
import { inputFieldsOf, objectOf } from './zod-types.ts';

export type CommandCall<Input> = RoutedCall<Input, GraphQLContext>;

/** Every command of the schema, for the hub's own follow-ups (schema/follow-up.ts) as much as for mutations. */
export const commandRegistry = createCommandRegistry<GraphQLContext>();

const capitalise = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

export function commandMutation<Schema extends z.ZodType, Payload>(options: {
  name: CommandName;
  description: string;
  schema: Schema;
  payload: ObjectRef<Types, Payload>;
  /** Commands that create an entity have no revision to expect. */
  acceptsExpectedRevision: boolean;
  /** Turn raw input values into what the schema expects (e.g. a global id into a plain id). */
  prepare?: (raw: Record<string, unknown>) => Record<string, unknown>;
  run: (call: CommandCall<z.infer<Schema>>) => Promise<Payload>;
}): void {
  const typeName = capitalise(options.name);
  commandRegistry.register({
    name: options.name,
    schema: options.schema,
    ...(options.prepare ? { prepare: options.prepare } : {}),
    run: options.run as (call: CommandCall<never>) => Promise<unknown>,
  });
  builder.mutationField(options.name, (t) =>
    t.fieldWithInput({
      description: options.description,
      typeOptions: { name: `${typeName}Input`, description: `Input of ${options.name}.` },
      argOptions: {
        description: `The ${options.name} command: its fields, with an optional commandId (idempotency key)${options.acceptsExpectedRevision ? ' and expectedRevision' : ''}.`,
      },
      input: {
        ...inputFieldsOf(t.input as never, objectOf(options.schema as never), typeName),
        commandId: t.input.string({
          required: false,
          description:
            'Idempotency key: sending the same command again (same mutation, input and caller) with the same commandId stores nothing new and returns the first answer; sending anything else with it is a ValidationError on commandId. Generated when omitted.',
        }),
        ...(options.acceptsExpectedRevision
          ? {
              expectedRevision: t.input.int({
                required: false,
                description: 'The revision the caller last saw; if the entity has moved on, the answer is a ConcurrencyError and nothing is stored.',
              }),
            }
          : {}),
      },
      type: options.payload,
      errors: {
        types: commandErrors,
        directResult: true,
        union: {
          description: `What ${options.name} answers: ${options.payload.name} once the command is stored and in the read model, or a typed error (each implements Error; only ReadModelLagError means it was stored all the same).`,
        },
      },
      resolve: (async (_root: unknown, args: { input: Record<string, unknown> }, context: GraphQLContext): Promise<Payload> => {
        const { commandId, expectedRevision, ...input } = args.input;
        return (await commandRegistry.dispatch({ name: options.name, input, actor: context.actor, commandId, expectedRevision }, context)) as Payload;
      }) as never,
    }),
  );
}
