// The HTTP face of the hub: graphql-yoga on a node http server, with graphql-ws on the same port
// for WebSocket subscriptions (Yoga itself serves SSE). Both transports go through
// `yoga.getEnveloped`, so authentication, rate limits, document limits, error masking and metrics
// are the same on each. The pieces live in src/http/, one concern per file; this file wires them.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError, type ExecutionArgs, type GraphQLFormattedError, type execute as graphqlExecute, type subscribe as graphqlSubscribe } from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, useReadinessCheck, type Plugin, type YogaInitialContext } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { schema } from '../schema/index.ts';
import type { GraphQLContext } from '../schema/builder.ts';
import { withDerivedRoles } from './auth/derived-roles.ts';
import { createTokenVerifier, type TokenVerifier } from './auth/tokens.ts';
import type { Config } from './config.ts';
import { languageSchema, type Language } from './domain/values.ts';
import type { Hub } from './hub.ts';
import { createAccessLog, type AccessLog } from './http/access-log.ts';
import { createAdmission, type Admission, type Admitted } from './http/admission.ts';
import { useRequestBodyLimit } from './http/body-limit.ts';
import { graphiqlPage } from './http/graphiql.ts';
import { useInputPathsInErrors } from './http/input-paths.ts';
import { useLocalisedErrors } from './http/languages.ts';
import { useCsrfPrevention } from './http/csrf.ts';
import { createDrain, type Drain } from './http/drain.ts';
import { useDownloads } from './http/downloads.ts';
import { correlated, correlationIdOf, openExchange, tagErrors, useExchangeRecording, type Exchange } from './http/exchange.ts';
import { useDocumentLimits } from './http/limits.ts';
import { createLogger, errorFields, yogaLogger, type Logger, type LogSink } from './http/logging.ts';
import { maskUnexpected } from './http/masking.ts';
import { createMetrics, type Metrics } from './http/metrics.ts';
import { createRateLimiter } from './http/rate-limit.ts';
import { createEventStreams } from './http/event-stream.ts';
import { createSharedSubscriptions, registerFanoutMetrics } from './http/shared-subscriptions.ts';

export type RunningServer = {
  url: string;
  port: number;
  /** GraphQL subscriptions open now over both transports (what sapat_live_subscriptions reports). */
  liveSubscriptions(): number;
  close(): Promise<void>;
};

export type HandlerOptions = {
  /** HS256 secret; without it the hub's configuration decides (SAPAT_JWT_JWKS_URL or SAPAT_JWT_SECRET). */
  secret?: string | undefined;
  /** Where JSON log lines go (stdout by default). */
  logSink?: LogSink;
  /** Development only: the token GraphiQL opens with in its headers (the one printed at start). */
  graphiqlToken?: string | undefined;
};

export type ServerOptions = HandlerOptions & { port: number; host: string; shutdownTimeoutMs?: number };

/** First of ky, ru, en that the Accept-Language header names; Kyrgyz, the state language, otherwise. */
function languageOf(header: string | null | undefined): Language {
  for (const part of (header ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    const parsed = languageSchema.safeParse(tag);
    if (parsed.success) return parsed.data;
  }
  return 'ky';
}

/** RS256 against the identity provider when a JWKS URL is configured, HS256 with a secret otherwise. */
function tokenVerifierFor(config: Config, secret: string | undefined): TokenVerifier {
  const { issuer, audience, jwksUrl, jwksTimeoutMs, roles } = config.jwt;
  const hs256 = secret ?? config.jwt.secret;
  if (hs256) return createTokenVerifier({ secret: hs256, issuer, audience, roles });
  if (jwksUrl && issuer && audience) return createTokenVerifier({ jwksUrl, issuer, audience, timeoutMs: jwksTimeoutMs, roles });
  throw new Error('no way to verify tokens: set SAPAT_JWT_SECRET, or SAPAT_JWT_JWKS_URL with SAPAT_JWT_ISSUER and SAPAT_JWT_AUDIENCE');
}

/** The command name a metric is labelled with: the command's `type`, or the stream's category. */
const commandNameOf = (request: { command: unknown; stream: string }): string => {
  const type = (request.command as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : (request.stream.split('-')[0] ?? 'unknown');
};

/** How often SSE streams are written to under load: at most this much added latency, one socket write per interval however many events. */
const SSE_FLUSH_MS = 25;

type TransportContext = YogaInitialContext & { connectionParams?: Record<string, unknown>; req?: IncomingMessage; admitted?: Admitted; exchange?: Exchange };

const stringParam = (params: Record<string, unknown> | undefined, key: string): string | undefined =>
  typeof params?.[key] === 'string' ? (params[key] as string) : undefined;

type Parts = { yoga: ReturnType<typeof buildYoga>; logger: Logger; metrics: Metrics; drain: Drain; admission: Admission; accessLog: AccessLog };

function buildYoga(
  hub: Hub,
  parts: { logger: Logger; metrics: Metrics; drain: Drain; admission: Admission; fanout: Plugin[] },
  graphiqlToken: string | undefined,
) {
  const { config } = hub;
  const graphiql = graphiqlPage(graphiqlToken);
  const { metrics, drain, admission } = parts;
  // Resolvers see the hub through this copy, whose commands are timed and counted for shutdown.
  const observed: Hub = { ...hub, execute: (request) => drain.command(() => metrics.command(commandNameOf(request), () => hub.execute(request))) };
  return createYoga<TransportContext, GraphQLContext>({
    schema,
    graphiql: config.graphiql ? graphiql.options : false,
    renderGraphiQL: graphiql.render,
    // Never a stack trace or a driver message in a response, in development too; Yoga logs the original.
    maskedErrors: { isDev: false, maskError: maskUnexpected },
    logging: yogaLogger(parts.logger),
    healthCheckEndpoint: '/health',
    // Replaced by useRequestBodyLimit, whose refusal names the limit.
    maxRequestBodySize: false,
    plugins: [
      useReadinessCheck({
        endpoint: '/ready',
        check: ({ fetchAPI }) => {
          const ready = hub.projections.isCaughtUp();
          // Open to anyone: where each read model stands and which stopped where, but not the error text (readModels query, log).
          const projections = hub.projections
            .status()
            .map(({ stoppedAt, ...p }) => ({ ...p, ...(stoppedAt ? { stoppedAt: { position: stoppedAt.position, eventType: stoppedAt.eventType } } : {}) }));
          const stopped = projections.filter((p) => p.state === 'stopped').map((p) => `${p.name} v${p.version}`);
          const body = {
            ready,
            projections,
            ...(stopped.length > 0 ? { stopped } : {}),
            ...(hub.projections.failure() ? { failure: 'the subscription to the event log failed; see the log' } : {}),
          };
          return new fetchAPI.Response(JSON.stringify(body), { status: ready ? 200 : 503, headers: { 'content-type': 'application/json' } });
        },
      }),
      metrics.plugin,
      // GET /export/… and /report/…: answered here, before the GraphQL pipeline (src/http/downloads.ts).
      useDownloads(hub, parts),
      useCsrfPrevention(),
      admission.plugin,
      useRequestBodyLimit(config.limits.bodyBytes),
      useExchangeRecording(),
      useInputPathsInErrors(),
      useLocalisedErrors(),
      useDocumentLimits(config.limits, { introspection: config.introspection }),
      drain.plugin,
      // Last: one execution and one frame per event for subscribers who would compute the same (src/http/shared-subscriptions.ts, event-stream.ts).
      ...parts.fanout,
    ],
    context: async ({ request, connectionParams, admitted, exchange }): Promise<GraphQLContext> => {
      let decided: Admitted;
      try {
        decided =
          admitted ??
          admission.decided(request) ??
          (await admission.admit(
            request?.headers.get('authorization') ?? stringParam(connectionParams, 'authorization') ?? stringParam(connectionParams, 'Authorization'),
            undefined,
            exchange,
          ));
      } catch (error) {
        // Yoga logs what it masks with the error alone; the tag lets that line name the request.
        if (exchange) tagErrors(exchange, [error]);
        throw error;
      }
      return {
        actor: decided.actor,
        correlationId: exchange?.correlationId ?? correlationIdOf(request?.headers.get('x-correlation-id')),
        language: languageOf(request?.headers.get('accept-language') ?? stringParam(connectionParams, 'language')),
        hub: observed,
      };
    },
  });
}

function assemble(hub: Hub, options: HandlerOptions): Parts {
  const logger = createLogger(hub.config.logLevel, options.logSink);
  const drain = createDrain();
  const metrics = createMetrics(hub, { token: hub.config.metricsToken, commandsInFlight: drain.commandsInFlight, liveSubscriptions: drain.liveSubscriptions });
  const admission = createAdmission({
    verify: withDerivedRoles(tokenVerifierFor(hub.config, options.secret), hub.organisation, hub.clock),
    limiter: createRateLimiter(hub.config.limits.requestsPerMinute),
    perMinute: hub.config.limits.requestsPerMinute,
    logger,
  });
  const shared = createSharedSubscriptions();
  const streams = createEventStreams({ flushMs: SSE_FLUSH_MS, followableOf: shared.followableOf });
  registerFanoutMetrics(metrics.registry, shared, streams.counts);
  const fanout = [shared.plugin, streams.plugin];
  const yoga = buildYoga(hub, { logger, metrics, drain, admission, fanout }, options.graphiqlToken);
  return { yoga, logger, metrics, drain, admission, accessLog: createAccessLog(logger, metrics, yoga.graphqlEndpoint) };
}

export function createGraphQLHandler(hub: Hub, options: HandlerOptions = {}) {
  return assemble(hub, options).yoga;
}

function forSocket(error: GraphQLError): GraphQLFormattedError {
  const { extensions, ...rest } = error.toJSON();
  const { http: _http, ...kept } = extensions ?? {};
  return Object.keys(kept).length > 0 ? { ...rest, extensions: kept } : rest;
}

const shuttingDown = () =>
  JSON.stringify({ errors: [{ message: 'the hub is shutting down; send the request again shortly', extensions: { code: 'SHUTTING_DOWN' } }] });

/** The port cannot be had (taken, privileged, or an address this machine does not have); says which, in one line. */
export class ListenError extends Error {
  override readonly name = 'ListenError';
}

const listenProblems: Record<string, (port: number, host: string) => string> = {
  EADDRINUSE: (port, host) => `port ${port} on ${host} is already in use: stop what listens there, or set PORT to a free port`,
  EACCES: (port, host) => `port ${port} on ${host} needs privileges this process lacks: set PORT to 1024 or above`,
  EADDRNOTAVAIL: (port, host) => `cannot listen on ${host}:${port}: this machine has no such address; set HOST`,
};

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const refused = (error: NodeJS.ErrnoException) => {
      const problem = listenProblems[error.code ?? ''];
      reject(problem ? new ListenError(problem(port, host), { cause: error }) : error);
    };
    server.once('error', refused);
    server.listen(port, host, () => {
      server.off('error', refused);
      resolve();
    });
  });
}

export async function startServer(hub: Hub, options: ServerOptions): Promise<RunningServer> {
  const { yoga, logger, drain, admission, accessLog } = assemble(hub, options);
  const server: Server = createServer((req, res) => {
    const header = req.headers['x-correlation-id'];
    const exchange = openExchange('http', Array.isArray(header) ? header[0] : header);
    res.setHeader('X-Correlation-Id', exchange.correlationId);
    res.once('close', () => accessLog.http(exchange, req, res));
    if (drain.draining) {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5', connection: 'close' }).end(shuttingDown());
      return;
    }
    drain.request(res);
    // The exchange rides in the server context, which Yoga merges into the GraphQL context.
    (async () => {
      try {
        await yoga(req, res, { exchange });
      } catch (error) {
        logger.error('request failed outside GraphQL', { ...correlated(exchange), ...errorFields(error) });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'Unexpected error.' }] }));
      }
    })();
  });
  // Listening before WebSocket support is attached: ws would re-emit a taken port as an internal
  // error of its own. No upgrade can arrive in between: the rest of this function runs in one tick.
  await listen(server, options.port, options.host);
  const sockets = new WebSocketServer({ server, path: yoga.graphqlEndpoint, maxPayload: hub.config.limits.bodyBytes });
  const operations = new WeakMap<object, Map<string, Exchange>>();
  const operationsOf = (ctx: WsContext) => {
    let map = operations.get(ctx);
    if (!map) operations.set(ctx, (map = new Map()));
    return map;
  };
  const finish = (ctx: WsContext, id: string, outcome: 'ok' | 'failed') => {
    const exchange = operationsOf(ctx).get(id);
    if (!exchange) return;
    operationsOf(ctx).delete(id);
    const settled = outcome === 'failed' ? outcome : exchange.refused ? 'refused' : exchange.errorCount > 0 ? 'errors' : 'ok';
    accessLog.ws(exchange, settled);
  };
  type Root = { execute: typeof graphqlExecute; subscribe: typeof graphqlSubscribe };
  const ws = useServer(
    {
      execute: (args: ExecutionArgs) => (args.rootValue as Root).execute(args),
      subscribe: (args: ExecutionArgs) => (args.rootValue as Root).subscribe(args),
      onSubscribe: (ctx, id, params) => {
        const exchange = openExchange('ws');
        return (async () => {
          const refuse = (errors: readonly GraphQLError[]) => {
            accessLog.ws(exchange, 'refused');
            return errors;
          };
          if (drain.draining)
            return refuse([new GraphQLError('the hub is shutting down; subscribe again once it is back', { extensions: { code: 'SHUTTING_DOWN' } })]);
          let admitted: Admitted;
          try {
            const authorization = stringParam(ctx.connectionParams, 'authorization') ?? stringParam(ctx.connectionParams, 'Authorization');
            admitted = await admission.admit(authorization, ctx.extra.request.socket.remoteAddress, exchange);
          } catch (error) {
            return refuse([error instanceof GraphQLError ? error : new GraphQLError('the request could not be authenticated')]);
          }
          const {
            schema: enveloped,
            execute,
            subscribe,
            contextFactory,
            parse,
            validate,
          } = yoga.getEnveloped({
            ...ctx,
            req: ctx.extra.request,
            socket: ctx.extra.socket,
            params,
            connectionParams: ctx.connectionParams,
            admitted,
            exchange,
          });
          let document: ReturnType<typeof parse>;
          try {
            document = parse(params.query);
          } catch (error) {
            return refuse([error instanceof GraphQLError ? error : new GraphQLError('the query could not be parsed')]);
          }
          const errors = validate(enveloped, document);
          if (errors.length > 0) return refuse(errors);
          let contextValue: Awaited<ReturnType<typeof contextFactory>>;
          try {
            contextValue = await contextFactory();
          } catch (error) {
            return refuse([error instanceof GraphQLError ? error : new GraphQLError('the request could not be authenticated')]);
          }
          operationsOf(ctx).set(id, exchange);
          return {
            schema: enveloped,
            operationName: params.operationName,
            document,
            variableValues: params.variables,
            contextValue,
            rootValue: { execute, subscribe } satisfies Root,
          };
        })();
      },
      // HTTP statuses in error extensions mean nothing on a socket.
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(forSocket) } : undefined),
      onComplete: (ctx, id) => finish(ctx, id, 'ok'),
      onError: (ctx, id, _payload, errors) => {
        finish(ctx, id, 'failed');
        return errors.map(forSocket);
      },
    },
    sockets,
  );
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  const timeoutMs = options.shutdownTimeoutMs ?? hub.config.shutdownTimeoutMs;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}${yoga.graphqlEndpoint}`,
    port,
    liveSubscriptions: drain.liveSubscriptions,
    close() {
      closing ??= (async () => {
        // Stop accepting connections; requests and commands in flight finish, subscriptions end.
        const closed = new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
        const finished = await drain.drain(timeoutMs);
        if (!finished) logger.warn('shutdown deadline reached: cutting the requests still in flight', { shutdownTimeoutMs: timeoutMs });
        await ws.dispose();
        sockets.close();
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
