// Token verification: every way a token can be wrong gets its own message, and a good token
// becomes the actor that events record.
import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, createTokenVerifier, signToken } from '../src/auth/tokens.ts';
import { director, TEST_SECRET } from './support/fixtures.ts';

const verify = createTokenVerifier({ secret: TEST_SECRET, issuer: 'oshsu-idp', audience: 'sapat' });
const sign = (claims: Record<string, unknown>, options: { exp?: string | number; alg?: 'HS256' | 'HS512'; iss?: string; aud?: string } = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '1h')
    .setIssuer(options.iss ?? 'oshsu-idp')
    .setAudience(options.aud ?? 'sapat')
    .sign(new TextEncoder().encode(TEST_SECRET));

const failure = (header: string) =>
  verify(header).then(
    () => 'accepted',
    (e: unknown) => (e instanceof AuthenticationError ? e.message : `unexpected ${String(e)}`),
  );

describe('token verification', () => {
  it('turns a valid token into the actor, unit included', async () => {
    const token = await sign({ sub: 'u-7', name: 'Aigerim Tashieva', roles: ['unit_head'], unit: 'faculty-law' });
    expect(await verify(`Bearer ${token}`)).toEqual({ id: 'u-7', name: 'Aigerim Tashieva', roles: ['unit_head'], unit: 'faculty-law' });
  });

  it('treats a missing header as anonymous', async () => {
    expect(await verify(undefined)).toBeUndefined();
  });

  it('says what is wrong with each bad token', async () => {
    expect(await failure('Token abc')).toBe('the Authorization header must be "Bearer <token>"');
    expect(await failure('Bearer not-a-jwt')).toBe('the token is malformed');
    expect(await failure(`Bearer ${await sign({ sub: 'u', name: 'N', roles: [] }, { exp: '-1m' })}`)).toBe('the token has expired; sign in again');
    expect(await failure(`Bearer ${await sign({ sub: 'u', name: 'N', roles: [] }, { iss: 'elsewhere' })}`)).toBe('the token was issued by another issuer');
    expect(await failure(`Bearer ${await sign({ sub: 'u', name: 'N', roles: [] }, { aud: 'other-app' })}`)).toBe('the token is meant for another audience');
    expect(await failure(`Bearer ${await sign({ sub: 'u', name: 'N', roles: [] }, { alg: 'HS512' })}`)).toBe('the token must be signed with HS256');
    expect(await failure(`Bearer ${await sign({ sub: 'u', name: 'N', roles: 'director' })}`)).toBe('token claim roles must be a list of role names');
    expect(await failure(`Bearer ${await sign({ sub: 'u', name: 'N' })}`)).toBe('token claim roles must be a list of role names');
    expect(await failure(`Bearer ${await sign({ sub: 'u', roles: [] })}`)).toMatch(/^token claim name /);
    const forged = await signToken({ secret: 'x'.repeat(40), issuer: 'oshsu-idp', audience: 'sapat' }, director);
    expect(await failure(`Bearer ${forged}`)).toBe('the token signature is invalid (forged, or signed with another key)');
  });

  it('pins HS256: a token signed with an RSA key is refused, whatever its header claims', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const rs256 = await new SignJWT({ sub: 'u', name: 'N', roles: [] })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer('oshsu-idp')
      .setAudience('sapat')
      .setExpirationTime('1h')
      .sign(privateKey);
    expect(await failure(`Bearer ${rs256}`)).toBe('the token must be signed with HS256');
  });

  it('requires an expiry', async () => {
    const forever = await new SignJWT({ sub: 'u', name: 'N', roles: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('oshsu-idp')
      .setAudience('sapat')
      .sign(new TextEncoder().encode(TEST_SECRET));
    expect(await failure(`Bearer ${forever}`)).toBe('the token has no exp claim');
  });
});
