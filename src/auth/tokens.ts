// Who is calling: a Bearer JWT signed with the hub's HS256 secret. The claims become the actor that
// every event records. Each failure says what is wrong with the token (expired, forged, malformed,
// a claim missing) so a caller can fix it without guessing.
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { actorSchema, roleSchema, type Actor } from '../domain/decider.ts';

/** The token was presented but cannot be trusted; the request is refused as a whole (HTTP 401). */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
}

const claimsSchema = z.object({
  sub: z.string().min(1, 'must name the user'),
  name: z.string().min(1, 'must give the display name'),
  roles: z.array(roleSchema, { error: `must be a list of roles: ${roleSchema.options.join(', ')}` }),
  unit: z.string().min(1).optional(),
});

export type TokenSettings = { secret: string; issuer?: string | undefined; audience?: string | undefined };

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export type TokenVerifier = (authorization: string | null | undefined) => Promise<Actor | undefined>;

/** Returns the actor of a valid token, undefined when no token was sent, and throws otherwise. */
export function createTokenVerifier(settings: TokenSettings): TokenVerifier {
  const key = keyOf(settings.secret);
  return async (authorization) => {
    if (!authorization) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new AuthenticationError('the Authorization header must be "Bearer <token>"');
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(match[1]!, key, {
        algorithms: ['HS256'],
        ...(settings.issuer ? { issuer: settings.issuer } : {}),
        ...(settings.audience ? { audience: settings.audience } : {}),
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw new AuthenticationError(describeTokenFailure(error));
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) {
      const issue = claims.error.issues[0]!;
      throw new AuthenticationError(`token claim ${issue.path.join('.')} ${issue.message}`);
    }
    return actorSchema.parse({ id: claims.data.sub, name: claims.data.name, roles: claims.data.roles, unit: claims.data.unit });
  };
}

function describeTokenFailure(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired; sign in again';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is invalid (forged, or signed with another key)';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return `the token has no ${error.claim} claim`;
    const what: Record<string, string> = { iss: 'was issued by another issuer', aud: 'is meant for another audience', nbf: 'is not valid yet' };
    return `the token ${what[error.claim] ?? `has an unacceptable ${error.claim} claim`}`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token must be signed with HS256';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'the token is malformed';
  return 'the token could not be verified';
}

/** Issue a token, for the development token printed at start-up and for tests. */
export async function signToken(settings: TokenSettings, actor: Actor, expiresIn: string | number = '12h'): Promise<string> {
  let jwt = new SignJWT({ name: actor.name, roles: actor.roles, ...(actor.unit ? { unit: actor.unit } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(actor.id)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (settings.issuer) jwt = jwt.setIssuer(settings.issuer);
  if (settings.audience) jwt = jwt.setAudience(settings.audience);
  return jwt.sign(keyOf(settings.secret));
}
