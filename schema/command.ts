// One mutation per command, all built the same way: authorise the caller, validate the input with
// the command's zod schema, run it through the hub (which waits for the read model), and answer
// with a union of the success payload and the typed errors. Authorisation comes before
// validation, so an anonymous caller learns nothing about the rules of the input.
import type { ObjectRef } from '@pothos/core';
import { z } from 'zod';
import { authorizeCommand, type CommandName } from '../src/auth/permissions.ts';
import type { Actor } from '../src/domain/decider.ts';
import { ValidationError } from '../src/domain/errors.ts';
import { newCommandId } from '../src/commands/ids.ts';
import { builder, type GraphQLContext, type Types } from './builder.ts';
import { commandErrors } from './errors.ts';
import { inputFieldsOf, objectOf } from './zod-types.ts';

/** Zod issues as field paths and messages, the shape ValidationError carries to clients. */
export function validationErrorOf(error: z.ZodError): ValidationError {
  return new ValidationError(
    error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
  );
}

const envelope = z.object({
  commandId: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
  expectedRevision: z.int().min(0, 'must be zero or more').optional(),
});

export type CommandCall<Input> = {
  input: Input;
  actor: Actor;
  commandId: string;
  expectedRevision: bigint | undefined;
  context: GraphQLContext;
};

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
  builder.mutationField(options.name, (t) =>
    t.fieldWithInput({
      description: options.description,
      typeOptions: { name: `${typeName}Input`, description: `Input of ${options.name}.` },
      argOptions: { description: `The ${options.name} command: its fields, with an optional commandId (idempotency key)${options.acceptsExpectedRevision ? ' and expectedRevision' : ''}.` },
      input: {
        ...inputFieldsOf(t.input as never, objectOf(options.schema as never), typeName),
        commandId: t.input.string({
          required: false,
          description: 'Idempotency key: sending the same command again (same mutation, input and caller) with the same commandId stores nothing new and returns the first answer; sending anything else with it is a ValidationError on commandId. Generated when omitted.',
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
        union: { description: `What ${options.name} answers: ${options.payload.name} once the command is stored and in the read model, or a typed error (each implements Error; only ReadModelLagError means it was stored all the same).` },
      },
      resolve: (async (_root: unknown, args: { input: Record<string, unknown> }, context: GraphQLContext): Promise<Payload> => {
        const actor = authorizeCommand(context.actor, options.name);
        const { commandId, expectedRevision, ...raw } = args.input;
        const body = options.prepare ? options.prepare(withoutNulls(raw)) : withoutNulls(raw);
        const parsedEnvelope = envelope.safeParse(withoutNulls({ commandId, expectedRevision }));
        const parsed = options.schema.safeParse(body);
        const issues = [...(parsedEnvelope.error?.issues ?? []), ...(parsed.error?.issues ?? [])];
        if (issues.length > 0 || !parsed.success || !parsedEnvelope.success) {
          throw validationErrorOf(new z.ZodError(issues));
        }
        return options.run({
          input: parsed.data,
          actor,
          commandId: parsedEnvelope.data.commandId ?? newCommandId(),
          expectedRevision: parsedEnvelope.data.expectedRevision === undefined ? undefined : BigInt(parsedEnvelope.data.expectedRevision),
          context,
        });
      }) as never,
    }),
  );
}

/** GraphQL sends explicit nulls for optional fields; the domain treats them as "not given". */
function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    result[key] = v !== null && typeof v === 'object' && !Array.isArray(v) ? withoutNulls(v as Record<string, unknown>) : Array.isArray(v) ? v.map((item) => (item !== null && typeof item === 'object' ? withoutNulls(item as Record<string, unknown>) : item)) : v;
  }
  return result;
}
