// What a client may read of an error. GraphQL's own errors, and DomainErrors wherever they are thrown
// (a scalar's parseValue, a resolver outside a typed union): those are written for callers
// (src/domain/errors.ts). Anything else is a fault: "Unexpected error." in the response, and the
// original with its stack in the log (Yoga logs every error this function replaces).
import { GraphQLError } from 'graphql';
import { maskError } from 'graphql-yoga';
import { DomainError } from '../domain/errors.ts';

function rootCause(error: GraphQLError): unknown {
  let cause: unknown = error;
  while (cause instanceof GraphQLError && cause.originalError) cause = cause.originalError;
  return cause;
}

/**
 * Whether the error is the caller's mistake (a DomainError beneath GraphQL's wrapping, such as a
 * value of the wrong type for a scalar), which Yoga hands to its error log like a fault because
 * the masking below rewrites it.
 */
export const isClientError = (error: unknown): boolean => error instanceof GraphQLError && rootCause(error) instanceof DomainError;

export function maskUnexpected(error: unknown, message: string): Error {
  if (error instanceof GraphQLError && error.originalError && isClientError(error)) {
    // The same error without its original, so Yoga treats it as a client error (4xx), not a fault (500).
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      extensions: error.extensions,
    });
  }
  return maskError(error, message, false);
}
