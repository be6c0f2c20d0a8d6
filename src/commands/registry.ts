// Every command by its name, so that a GraphQL mutation and a follow-up the hub sends itself (a
// reactor, the clock) take the same path: authorise the actor, validate the input with the
// command's zod schema, run it through the module's pipeline. Authorisation comes before
// validation, so a caller without the role learns nothing about the rules of the input.
import { z } from 'zod';
import { authorizeCommand, type CommandName } from '../auth/permissions.ts';
import type { Actor } from '../domain/decider.ts';
import { ValidationError } from '../domain/errors.ts';
import { newCommandId } from './ids.ts';

/** Zod issues as field paths and messages, the shape ValidationError carries to clients. */
export function validationErrorOf(error: z.ZodError): ValidationError {
  return new ValidationError(error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })));
}

const envelope = z.object({
  commandId: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
  expectedRevision: z.int().min(0, 'must be zero or more').optional(),
});

/** A command after authorisation and validation, as a module's runner receives it. */
export type CommandCall<Input, Context> = {
  input: Input;
  actor: Actor;
  commandId: string;
  expectedRevision: bigint | undefined;
  context: Context;
};

export type CommandRoute<Context> = {
  name: CommandName;
  schema: z.ZodType;
  /** Turn raw input values into what the schema expects (e.g. a global id into a plain id). */
  prepare?: (raw: Record<string, unknown>) => Record<string, unknown>;
  run: (call: CommandCall<never, Context>) => Promise<unknown>;
};

/** A command as a caller sends it: a name, raw input and the envelope fields, not yet checked. */
export type CommandDispatch = {
  name: string;
  input: Record<string, unknown>;
  actor: Actor | undefined;
  commandId?: unknown;
  expectedRevision?: unknown;
};

export type CommandRegistry<Context> = {
  register(route: CommandRoute<Context>): void;
  dispatch(command: CommandDispatch, context: Context): Promise<unknown>;
};

export function createCommandRegistry<Context>(): CommandRegistry<Context> {
  const routes = new Map<string, CommandRoute<Context>>();
  return {
    register(route) {
      if (routes.has(route.name)) throw new Error(`the command ${route.name} is registered twice`);
      routes.set(route.name, route);
    },
    async dispatch(command, context) {
      const route = routes.get(command.name);
      if (!route) throw new ValidationError([{ path: ['command'], message: `no command is named ${command.name}` }]);
      const actor = authorizeCommand(command.actor, route.name);
      const raw = withoutNulls(command.input);
      const body = route.prepare ? route.prepare(raw) : raw;
      const parsedEnvelope = envelope.safeParse(withoutNulls({ commandId: command.commandId, expectedRevision: command.expectedRevision }));
      const parsed = route.schema.safeParse(body);
      const issues = [...(parsedEnvelope.error?.issues ?? []), ...(parsed.error?.issues ?? [])];
      if (issues.length > 0 || !parsed.success || !parsedEnvelope.success) throw validationErrorOf(new z.ZodError(issues));
      return route.run({
        input: parsed.data as never,
        actor,
        commandId: parsedEnvelope.data.commandId ?? newCommandId(),
        expectedRevision: parsedEnvelope.data.expectedRevision === undefined ? undefined : BigInt(parsedEnvelope.data.expectedRevision),
        context,
      });
    },
  };
}

/** GraphQL sends explicit nulls for optional fields; the domain treats them as "not given". */
function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    result[key] =
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? withoutNulls(v as Record<string, unknown>)
        : Array.isArray(v)
          ? v.map((item) => (item !== null && typeof item === 'object' ? withoutNulls(item as Record<string, unknown>) : item))
          : v;
  }
  return result;
}
