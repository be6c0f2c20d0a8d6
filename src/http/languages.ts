// Errors of an execution in the request's language (src/i18n/graphql-errors.ts): the language of the
// context, from Accept-Language over HTTP or the `language` connection parameter over WebSocket.
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../../schema/builder.ts';
import type { Language } from '../domain/values.ts';
import { localiseGraphQLError } from '../i18n/graphql-errors.ts';

type Done = Parameters<typeof handleStreamOrSingleExecutionResult>[0];

const localiseIn = (language: Language) => (payload: Done) =>
  handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
    if (language === 'en' || !result.errors?.length) return;
    setResult({ ...result, errors: result.errors.map((error) => localiseGraphQLError(error, language)) });
  });

export function useLocalisedErrors(): Plugin {
  const languageOf = (context: unknown): Language => (context as Partial<GraphQLContext> | undefined)?.language ?? 'ky';
  return {
    onExecute({ args }) {
      return { onExecuteDone: localiseIn(languageOf(args.contextValue)) };
    },
    onSubscribe({ args }) {
      return { onSubscribeResult: localiseIn(languageOf(args.contextValue)) };
    },
  };
}
