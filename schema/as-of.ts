// The `asOf` argument of entity queries: a moment or a revision to fold the entity's events up to.
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { AsOf } from '../projections/time-travel.ts';
import { builder } from './builder.ts';

export const AsOfInput = builder.inputType('AsOf', {
  description: 'A point in an entity’s past: give exactly one of time or revision.',
  fields: (t) => ({
    time: t.field({ type: 'DateTime', required: false, description: 'The entity as it was at this moment (events recorded at or before it).' }),
    revision: t.int({ required: false, description: 'The entity as it was right after this revision of its stream.' }),
  }),
});

const asOfSchema = z.union([
  z.object({ time: z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString()), revision: z.undefined() }),
  z.object({ revision: z.int().min(0).transform(BigInt), time: z.undefined() }),
]);

/** The AsOf input parsed, or a GraphQL error naming the rule it broke. */
export function parseAsOf(input: { time?: string | null; revision?: number | null }): AsOf {
  const parsed = asOfSchema.safeParse({ time: input.time ?? undefined, revision: input.revision ?? undefined });
  if (!parsed.success) {
    throw new GraphQLError('asOf: give exactly one of time (an ISO 8601 moment with a time zone) or revision (0 or more)', {
      extensions: { code: 'BAD_USER_INPUT', argument: 'asOf' },
    });
  }
  return parsed.data;
}

const moment = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

/** A register's `asOf` moment, normalised to UTC, or a GraphQL error naming the argument. */
export function parseMoment(argument: string, value: string): string {
  const parsed = moment.safeParse(value);
  if (!parsed.success) {
    throw new GraphQLError(`${argument}: must be an ISO 8601 moment with a time zone, e.g. 2026-09-01T00:00:00+06:00`, { extensions: { code: 'BAD_USER_INPUT', argument } });
  }
  return parsed.data;
}
