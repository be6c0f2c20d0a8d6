// Dates travel as ISO strings. The Date scalar only insists on a string at the GraphQL layer; the
// calendar rule (2025-02-30 does not exist) is checked by the command's zod schema, so a wrong date
// comes back as a ValidationError naming the field, like every other rule of the input.
import { GraphQLError } from 'graphql';
import { builder } from './builder.ts';

const stringValue = (scalar: string) => (value: unknown): string => {
  if (typeof value !== 'string') throw new GraphQLError(`${scalar} must be a string, e.g. ${scalar === 'Date' ? '"2026-09-01"' : '"2026-09-01T08:30:00.000Z"'}`);
  return value;
};

builder.scalarType('Date', {
  description: 'A calendar date in ISO 8601 form, YYYY-MM-DD (for example 2026-09-01).',
  serialize: (value) => value,
  parseValue: stringValue('Date'),
});

builder.scalarType('DateTime', {
  description: 'A moment in ISO 8601 form with time zone, as the hub records it (UTC), e.g. 2026-09-01T08:30:00.000Z.',
  serialize: (value) => value,
  parseValue: stringValue('DateTime'),
});
