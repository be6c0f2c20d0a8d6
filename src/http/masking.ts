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

export function maskUnexpected(error: unknown, message: string): Error {
  if (error instanceof GraphQLError && error.originalError && rootCause(error) instanceof DomainError) {
    // The same error without its original, so Yoga treats it as a client error (4xx), not a fault (500).
    return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions: error.extensions });
  }
  return maskError(error, message, false);
}
