// Who may send this request at all: the token is verified and the caller's request allowance taken
// before the document is parsed, on HTTP (from the Authorization header) and for each WebSocket
// operation (from the connection's authorization parameter). Signed-in callers are limited per user,
// anonymous ones (and bad tokens) per remote address, so a flood of forged tokens is throttled too.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { IncomingMessage } from 'node:http';
import { AuthenticationError, IdentityProviderUnavailableError, type TokenVerifier } from '../auth/tokens.ts';
import type { Actor } from '../domain/decider.ts';
import { correlated, exchangeIn, tagErrors, type Exchange } from './exchange.ts';
import { errorFields, type Logger } from './logging.ts';
import type { RateLimiter } from './rate-limit.ts';

export type Admitted = { actor: Actor | undefined };

export type Admission = {
  /** `exchange` is the request's, to name its actor in the access log and its correlation id in a warning. */
  admit(authorization: string | null | undefined, remoteAddress: string | undefined, exchange?: Exchange): Promise<Admitted>;
  /** What onRequestParse decided for this HTTP request, if it ran. */
  decided(request: Request | undefined): Admitted | undefined;
  plugin: Plugin;
};

export function createAdmission(options: { verify: TokenVerifier; limiter: RateLimiter; perMinute: number; logger: Logger }): Admission {
  const decisions = new WeakMap<Request, Admitted>();

  async function admit(authorization: string | null | undefined, remoteAddress: string | undefined, exchange?: Exchange): Promise<Admitted> {
    let actor: Actor | undefined;
    let failure: unknown;
    try {
      actor = await options.verify(authorization);
    } catch (error) {
      failure = error;
    }
    const caller = actor ? `user ${actor.id}` : `address ${remoteAddress ?? 'unknown'}`;
    const decision = options.limiter.take(caller);
    if (!decision.allowed) {
      throw new GraphQLError(
        `rate limit reached: at most ${options.perMinute} requests per minute for ${caller} (SAPAT_RATE_LIMIT_PER_MINUTE); try again in ${decision.retryAfterSeconds} s`,
        {
          extensions: {
            code: 'RATE_LIMITED',
            limit: options.perMinute,
            retryAfterSeconds: decision.retryAfterSeconds,
            http: { status: 429, headers: { 'Retry-After': String(decision.retryAfterSeconds) } },
          },
        },
      );
    }
    if (failure instanceof AuthenticationError) {
      throw new GraphQLError(failure.message, {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } } },
      });
    }
    if (failure instanceof IdentityProviderUnavailableError) {
      options.logger.warn('identity provider unavailable', { ...correlated(exchange), ...errorFields(failure.cause ?? failure) });
      throw new GraphQLError(failure.message, {
        extensions: { code: 'IDENTITY_PROVIDER_UNAVAILABLE', http: { status: 503, headers: { 'Retry-After': '5' } } },
      });
    }
    if (failure) throw failure;
    if (exchange && actor) exchange.actorId = actor.id;
    return { actor };
  }

  return {
    admit,
    decided: (request) => (request ? decisions.get(request) : undefined),
    plugin: {
      async onRequestParse({ request, serverContext }) {
        const req = (serverContext as { req?: IncomingMessage }).req;
        const exchange = exchangeIn(serverContext);
        try {
          decisions.set(request, await admit(request.headers.get('authorization'), req?.socket.remoteAddress, exchange));
        } catch (error) {
          // Yoga logs what it masks with the error alone; the tag lets that line name the request.
          if (exchange) tagErrors(exchange, [error]);
          throw error;
        }
      },
    },
  };
}
