// The HTTP face of the hub: graphql-yoga on a node http server, with graphql-ws on the same port
// for WebSocket subscriptions (Yoga itself serves SSE). Both transports go through
// `yoga.getEnveloped`, so authentication, error masking and limits are the same on each.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, useReadinessCheck, type YogaInitialContext } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { schema } from '../schema/index.ts';
import type { GraphQLContext } from '../schema/builder.ts';
import { AuthenticationError, createTokenVerifier } from './auth/tokens.ts';
import { languageSchema, type Language } from './domain/values.ts';
import type { Hub } from './hub.ts';

export type RunningServer = { url: string; port: number; close(): Promise<void> };

const correlationIdPattern = /^[\w.:-]{1,100}$/;

/** First of ky, ru, en that the Accept-Language header names; Kyrgyz, the state language, otherwise. */
function languageOf(header: string | null | undefined): Language {
  for (const part of (header ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    const parsed = languageSchema.safeParse(tag);
    if (parsed.success) return parsed.data;
  }
  return 'ky';
}

type TransportContext = YogaInitialContext & { connectionParams?: Record<string, unknown> };

export function createGraphQLHandler(hub: Hub, options: { secret: string }) {
  const verify = createTokenVerifier({ secret: options.secret, issuer: hub.config.jwt.issuer, audience: hub.config.jwt.audience });
  return createYoga<TransportContext, GraphQLContext>({
    schema,
    graphiql: hub.config.graphiql ? { title: 'Sapat', defaultQuery: '{ licenses(first: 10) { edges { node { programmeCode statusLabel } } } }' } : false,
    // Never a stack trace or a driver message in a response, in development too.
    maskedErrors: { isDev: false },
    logging: hub.config.logLevel === 'silent' ? false : hub.config.logLevel,
    healthCheckEndpoint: '/health',
    plugins: [useReadinessCheck({ endpoint: '/ready', check: () => hub.projections.isCaughtUp() })],
    context: async ({ request, connectionParams }): Promise<GraphQLContext> => {
      const header = request?.headers.get('authorization') ?? stringParam(connectionParams, 'authorization') ?? stringParam(connectionParams, 'Authorization');
      const correlation = request?.headers.get('x-correlation-id');
      try {
        return {
          actor: await verify(header),
          correlationId: correlation && correlationIdPattern.test(correlation) ? correlation : randomUUID(),
          language: languageOf(request?.headers.get('accept-language') ?? stringParam(connectionParams, 'language')),
          hub,
        };
      } catch (error) {
        if (!(error instanceof AuthenticationError)) throw error;
        throw new GraphQLError(error.message, {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } } },
        });
      }
    },
  });
}

const stringParam = (params: Record<string, unknown> | undefined, key: string): string | undefined =>
  typeof params?.[key] === 'string' ? (params[key] as string) : undefined;

export async function startServer(hub: Hub, options: { port: number; host: string; secret: string }): Promise<RunningServer> {
  const yoga = createGraphQLHandler(hub, options);
  const server: Server = createServer(yoga);
  const sockets = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  const ws = useServer(
    {
      execute: (args) => (args.rootValue as { execute: typeof import('graphql').execute }).execute(args),
      subscribe: (args) => (args.rootValue as { subscribe: typeof import('graphql').subscribe }).subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const { schema: enveloped, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          connectionParams: ctx.connectionParams,
        });
        let document;
        try {
          document = parse(params.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('the query could not be parsed')];
        }
        const errors = validate(enveloped, document);
        if (errors.length > 0) return errors;
        let contextValue;
        try {
          contextValue = await contextFactory();
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('the request could not be authenticated')];
        }
        return {
          schema: enveloped,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue,
          rootValue: { execute, subscribe },
        };
      },
    },
    sockets,
  );
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${port}${yoga.graphqlEndpoint}`,
    port,
    async close() {
      await ws.dispose();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}
