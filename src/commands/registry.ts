// Every command by its name, so that a GraphQL mutation and a follow-up the hub sends itself (a
// reactor, the clock) take the same path: authorise the actor, validate the input with the
// command's zod schema, run it through the module's pipeline. Authorisation comes before
// validation, so a caller without the role learns nothing about the rules of the input.
import { z } from 'zod';
import { authorizeCommand, type CommandName } from '../auth/permissions.ts';
import type { Actor } from '../domain/decider.ts';
import { ValidationError, type IssueRule } from '../domain/errors.ts';
import { newCommandId } from './ids.ts';

/**
 * The kind of rule a zod issue reports, with its bounds, so the message can be said in another
 * language. A missing field is `required` (zod reports it as invalid_type with no input, which it
 * includes only when parsing with `reportInput`).
 */
export function issueRuleOf(issue: z.core.$ZodIssue): IssueRule {
  switch (issue.code) {
    case 'invalid_type':
      return 'input' in issue && issue.input === undefined ? { kind: 'required' } : { kind: issue.code, expected: issue.expected };
    case 'too_small':
      return { kind: issue.code, origin: issue.origin, minimum: Number(issue.minimum), inclusive: issue.inclusive ?? true };
    case 'too_big':
      return { kind: issue.code, origin: issue.origin, maximum: Number(issue.maximum), inclusive: issue.inclusive ?? true };
    case 'invalid_format':
      return { kind: issue.code, format: issue.format };
    case 'invalid_value':
      return { kind: issue.code, values: issue.values.map(String) };
    case 'not_multiple_of':
      return { kind: issue.code, divisor: Number(issue.divisor) };
    case 'unrecognized_keys':
      return { kind: issue.code, keys: issue.keys };
    default:
      return { kind: issue.code };
  }
}

/** Zod issues as field paths, messages and rules, the shape ValidationError carries to clients. */
export function validationErrorOf(error: z.ZodError): ValidationError {
  return new ValidationError(error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message, rule: issueRuleOf(issue) })));
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
      // reportInput: a missing field is then told apart from a value of the wrong type (issueRuleOf).
      const parsedEnvelope = envelope.safeParse(withoutNulls({ commandId: command.commandId, expectedRevision: command.expectedRevision }), {
        reportInput: true,
      });
      const parsed = route.schema.safeParse(body, { reportInput: true });
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
