// The `asOf` argument of entity queries: a point in the entity's past, by recorded time, by business
// date or by revision. Recorded time answers "what did the hub know then"; the business date answers
// "how did things stand on that day", counting facts that were recorded later with their own dates.
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { AsOf } from '../projections/time-travel.ts';
import { isoDate } from '../src/domain/values.ts';
import { builder } from './builder.ts';

export const AsOfInput = builder.inputType('AsOf', {
  description:
    'A point in an entity’s past: give exactly one of time (recorded time: what the hub had recorded by a moment), on (business date: how the entity stood on a day, by the dates its acts took effect) or revision.',
  fields: (t) => ({
    time: t.field({
      type: 'DateTime',
      required: false,
      description:
        'Recorded time: the entity as the hub knew it at this moment, from the events recorded at or before it. A fact entered later is not in it, whatever its date.',
    }),
    on: t.field({
      type: 'Date',
      required: false,
      description:
        'Business date: the entity as it stood on this day, from the events that took effect on or before it (a grant on its grantedOn, a suspension on its suspendedOn, ...; an event without such a date on the day its command was decided, Kyrgyzstan time), including those recorded later.',
    }),
    revision: t.int({ required: false, description: 'The entity as it was right after this revision of its stream.' }),
  }),
});

const asOfSchema = z.union([
  z.object({ time: z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString()), on: z.undefined(), revision: z.undefined() }),
  z.object({ on: isoDate, time: z.undefined(), revision: z.undefined() }),
  z.object({ revision: z.int().min(0).transform(BigInt), time: z.undefined(), on: z.undefined() }),
]);

/** The AsOf input parsed, or a GraphQL error naming the rule it broke. */
export function parseAsOf(input: { time?: string | null; on?: string | null; revision?: number | null }): AsOf {
  const parsed = asOfSchema.safeParse({ time: input.time ?? undefined, on: input.on ?? undefined, revision: input.revision ?? undefined });
  if (!parsed.success) {
    throw new GraphQLError(
      'asOf: give exactly one of time (an ISO 8601 moment with a time zone), on (a real calendar date, YYYY-MM-DD) or revision (0 or more)',
      { extensions: { code: 'BAD_USER_INPUT', argument: 'asOf' } },
    );
  }
  return parsed.data;
}

const moment = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

/** A register's `asOf` moment, normalised to UTC, or a GraphQL error naming the argument. */
export function parseMoment(argument: string, value: string): string {
  const parsed = moment.safeParse(value);
  if (!parsed.success) {
    throw new GraphQLError(`${argument}: must be an ISO 8601 moment with a time zone, e.g. 2026-09-01T00:00:00+06:00`, {
      extensions: { code: 'BAD_USER_INPUT', argument },
    });
  }
  return parsed.data;
}
