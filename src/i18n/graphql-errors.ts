// GraphQL errors outside the typed results (a field the caller may not read, a bad argument, a thrown
// DomainError) in the request's language: `message` localised, `extensions.code` unchanged, and the
// English in `extensions.messageEn` for logs and support.
import { GraphQLError } from 'graphql';
import { DomainError } from '../domain/errors.ts';
import type { Language } from '../domain/values.ts';
import { messageIn, sentence } from './errors.ts';

function rootCause(error: GraphQLError): unknown {
  let cause: unknown = error;
  while (cause instanceof GraphQLError && cause.originalError) cause = cause.originalError;
  return cause;
}

/** The sentence for an error by what it is, or by its code; undefined when no catalogue knows it. */
function localisedMessage(error: GraphQLError, language: Language): string | undefined {
  const cause = rootCause(error);
  // GraphQL may have wrapped the cause with where it happened (a variable's path): keep that, say the cause.
  if (cause instanceof DomainError) return error.message.replace(cause.message, () => messageIn(cause, language));
  const code = error.extensions.code;
  if (typeof code !== 'string') return undefined;
  const argument = error.extensions.argument;
  return sentence(code, language, typeof argument === 'string' ? { argument } : {});
}

/** The error in `language`; English, and errors already localised, stay as they are. */
export function localiseGraphQLError(error: GraphQLError, language: Language): GraphQLError {
  if (language === 'en' || error.extensions.messageEn !== undefined) return error;
  const message = localisedMessage(error, language);
  if (message === undefined || message === error.message) return error;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, messageEn: error.message },
  });
}

/** A new error in `language` with its code, the English kept in extensions.messageEn. */
export function localisedGraphQLError(english: string, code: string, language: Language, params: Record<string, string> = {}): GraphQLError {
  const message = language === 'en' ? english : (sentence(code, language, params) ?? english);
  return new GraphQLError(message, { extensions: { code, ...(message === english ? {} : { messageEn: english }) } });
}
