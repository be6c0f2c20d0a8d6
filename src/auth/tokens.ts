// Who is calling: a Bearer JWT, either HS256-signed with the hub's own secret or RS256-signed by the
// university's identity provider, whose public keys come from its JWKS URL. The claims become the
// actor that every event records. Each failure says what is wrong with the token (expired, forged,
// malformed, a claim missing) so a caller can fix it without guessing; a key set that cannot be
// fetched is the provider's fault, not the token's, and is reported as such.
import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { createTokenCache } from './token-cache.ts';
import { actorSchema, roleSchema, type Actor, type Role } from '../domain/decider.ts';

/** The token was presented but cannot be trusted; the request is refused as a whole (HTTP 401). */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
}

/** The identity provider's keys could not be fetched, so no RS256 token can be checked now (HTTP 503). */
export class IdentityProviderUnavailableError extends Error {
  override readonly name = 'IdentityProviderUnavailableError';
}

const claimsSchema = z.object({
  sub: z.string().min(1, 'must name the user'),
  name: z.string().min(1, 'must give the display name'),
  unit: z.string().min(1).optional(),
});

const roleNamesSchema = z.array(z.string(), { error: 'must be a list of role names' });

/**
 * Where a token keeps its roles and what the provider calls them. A provider puts roles of its own
 * beside the hub's (Keycloak's `offline_access`, `uma_authorization`), and may keep them elsewhere
 * (`realm_access.roles`); a name that is neither mapped nor one of the hub's roles grants nothing.
 */
export type RoleClaims = { claim: string[]; map: Record<string, Role> };

const defaultRoleClaims: RoleClaims = { claim: ['roles'], map: {} };

/** HS256 with a secret shared with whoever issues tokens (the hub itself in development). */
export type TokenSettings = { secret: string; issuer?: string | undefined; audience?: string | undefined; roles?: RoleClaims };

/** RS256 with the identity provider's published keys; issuer and audience are always checked. */
export type JwksSettings = {
  jwksUrl: string | URL;
  issuer: string;
  audience: string;
  /** How long one fetch of the key set may take before the request is answered 503. */
  timeoutMs?: number;
  /** Least time between two fetches when a token names a key the cached set lacks (rotation). */
  cooldownMs?: number;
  roles?: RoleClaims;
};

/** The hub's roles in a token's payload: found by the claim path, translated, unknown names dropped. */
function rolesIn(payload: Record<string, unknown>, { claim, map }: RoleClaims): Role[] {
  let value: unknown = payload;
  for (const name of claim) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
  const names = roleNamesSchema.safeParse(value);
  if (!names.success) throw new AuthenticationError(`token claim ${claim.join('.')} ${names.error.issues[0]!.message}`);
  const roles = names.data
    .map((name) => (Object.hasOwn(map, name) ? map[name] : roleSchema.safeParse(name).data))
    .filter((role): role is Role => role !== undefined);
  // Only the hub itself acts as the system (reactors, the clock); a token claiming it is forged or misconfigured.
  if (roles.includes('system'))
    throw new AuthenticationError(`token claim ${claim.join('.')} must not claim the system role: only the hub itself acts as the system`);
  return [...new Set(roles)];
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export type TokenVerifier = (authorization: string | null | undefined) => Promise<Actor | undefined>;

/** Returns the actor of a valid token, undefined when no token was sent, and throws otherwise. */
export function createTokenVerifier(settings: TokenSettings | JwksSettings): TokenVerifier {
  const algorithm = 'jwksUrl' in settings ? 'RS256' : 'HS256';
  const options = {
    algorithms: [algorithm],
    ...(settings.issuer ? { issuer: settings.issuer } : {}),
    ...(settings.audience ? { audience: settings.audience } : {}),
    requiredClaims: ['exp'],
  };
  const keys = 'jwksUrl' in settings ? identityProviderKeys(settings) : undefined;
  const secret = 'secret' in settings ? keyOf(settings.secret) : undefined;
  const check = (jwt: string) => (keys ? jwtVerify(jwt, keys, options) : jwtVerify(jwt, secret!, options));
  // Only tokens signed with the hub's own secret are cached: that key cannot change under a running
  // hub, whereas a provider may retire a key (rotation, compromise) and its tokens must stop working
  // at once, which only checking the signature against the current key set achieves.
  const verified = keys ? undefined : createTokenCache();
  return async (authorization) => {
    if (!authorization) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new AuthenticationError('the Authorization header must be "Bearer <token>"');
    const token = match[1]!;
    const known = verified?.get(token, Date.now());
    if (known) return known;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await check(token));
    } catch (error) {
      if (error instanceof IdentityProviderUnavailableError) throw error;
      throw new AuthenticationError(describeTokenFailure(error, algorithm));
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) {
      const issue = claims.error.issues[0]!;
      throw new AuthenticationError(`token claim ${issue.path.join('.')} ${issue.message}`);
    }
    const roles = rolesIn(payload, settings.roles ?? defaultRoleClaims);
    const actor = actorSchema.parse({ id: claims.data.sub, name: claims.data.name, roles, unit: claims.data.unit });
    // `exp` is a required claim and jose has checked it is a number in the future.
    verified?.set(token, actor, payload.exp as number);
    return actor;
  };
}

/**
 * The provider's key set, cached by jose and fetched again when a token names an unknown key (at
 * most once per cooldown, so forged key ids cannot make the hub hammer the provider).
 */
function identityProviderKeys(settings: JwksSettings): JWTVerifyGetKey {
  const keys = createRemoteJWKSet(new URL(settings.jwksUrl), {
    timeoutDuration: settings.timeoutMs ?? 5000,
    ...(settings.cooldownMs !== undefined ? { cooldownDuration: settings.cooldownMs } : {}),
  });
  return async (header, token) => {
    try {
      return await keys(header, token);
    } catch (error) {
      // These are about the token: it names a key the provider does not publish.
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      const reason = error instanceof errors.JWKSTimeout ? 'did not answer in time' : 'could not be reached or answered with something other than a key set';
      throw new IdentityProviderUnavailableError(
        `the identity provider's signing keys ${reason}; the token cannot be checked now, send the request again shortly`,
        { cause: error },
      );
    }
  };
}

function describeTokenFailure(error: unknown, algorithm: string): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired; sign in again';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is invalid (forged, or signed with another key)';
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'the token is signed with a key the identity provider does not publish (retired by key rotation, or forged); sign in again';
  if (error instanceof errors.JWKSMultipleMatchingKeys) return 'the token names no key ("kid") and the identity provider publishes several';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return `the token has no ${error.claim} claim`;
    const what: Record<string, string> = { iss: 'was issued by another issuer', aud: 'is meant for another audience', nbf: 'is not valid yet' };
    return `the token ${what[error.claim] ?? `has an unacceptable ${error.claim} claim`}`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return `the token must be signed with ${algorithm}`;
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'the token is malformed';
  return 'the token could not be verified';
}

/** Issue an HS256 token, for the development token printed at start-up and for tests. */
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
