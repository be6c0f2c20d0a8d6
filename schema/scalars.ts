// Dates travel as ISO strings. The Date scalar only insists on a string at the GraphQL layer; the
// calendar rule (2025-02-30 does not exist) is checked by the command's zod schema, so a wrong date
// comes back as a ValidationError naming the field, like every other rule of the input.
// A wrong type is thrown as a DomainError, not a GraphQLError: graphql-js then reports it with the
// value's location (and, for variables, its path), which a GraphQLError thrown here would lose, and
// the error masking lets its message through as the caller's mistake it is.
import { DomainError } from '../src/domain/errors.ts';
import { builder } from './builder.ts';

class ScalarTypeError extends DomainError {
  override readonly name = 'ScalarTypeError';
}

const stringValue =
  (scalar: string, example: string) =>
  (value: unknown): string => {
    if (typeof value !== 'string') throw new ScalarTypeError(`${scalar} must be a string, e.g. ${example}`);
    return value;
  };

builder.scalarType('Date', {
  description: 'A calendar date in ISO 8601 form, YYYY-MM-DD (for example 2026-09-01).',
  serialize: (value) => value,
  parseValue: stringValue('Date', '"2026-09-01"'),
});

builder.scalarType('DateTime', {
  description: 'A moment in ISO 8601 form with time zone, as the hub records it (UTC), e.g. 2026-09-01T08:30:00.000Z.',
  serialize: (value) => value,
  parseValue: stringValue('DateTime', '"2026-09-01T08:30:00.000Z"'),
});
