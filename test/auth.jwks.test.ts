// RS256 tokens from the university's identity provider, checked against its JSON Web Key Set as a
// real HTTP server publishes it: keys generated here, served by node:http, rotated mid-test. A key
// the provider no longer publishes is the token's fault (401); a provider that cannot be reached or
// does not answer is not (503 with Retry-After), and is reported quickly, never as a hang.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, createTokenVerifier, IdentityProviderUnavailableError, signToken } from '../src/auth/tokens.ts';
import { loadConfig } from '../src/config.ts';
import { openHub } from '../src/hub.ts';
import { startServer } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory } from './support/fixtures.ts';
import { graphqlClient } from './support/graphql.ts';

const ISSUER = 'https://idp.oshsu.kg';
const AUDIENCE = 'sapat';

type SigningKey = { kid: string; privateKey: CryptoKey; jwk: JWK };

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

const idpToken = (key: SigningKey, claims: { exp?: string; aud?: string; iss?: string; kid?: string } = {}) =>
  new SignJWT({ name: 'Aigerim Tashieva', roles: ['director'] })
    .setProtectedHeader({ alg: 'RS256', kid: claims.kid ?? key.kid })
    .setSubject('idp-user-7')
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? '10m')
    .sign(key.privateKey);

/** An identity provider's JWKS endpoint; `published` is what it serves now, `fetches` how often it was asked. */
async function jwksServer(initial: JWK[]) {
  const state = { published: initial, fetches: 0 };
  const server = createServer((_req, res) => {
    state.fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: state.published }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { state, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`, close: () => closeServer(server) };
}

/** A port that accepts connections and never answers, as a provider behind a broken proxy does. */
async function silentServer() {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A URL nothing listens on: bind a port, then free it. */
async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await closeServer(server);
  return `http://127.0.0.1:${port}/jwks.json`;
}

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (actor) => ({ accepted: actor }),
    (error: unknown) => ({
      refused: error instanceof AuthenticationError ? 'authentication' : error instanceof IdentityProviderUnavailableError ? 'unavailable' : 'other',
      message: (error as Error).message,
    }),
  );

let keyA: SigningKey;
let keyB: SigningKey;
let idp: Awaited<ReturnType<typeof jwksServer>>;

beforeAll(async () => {
  [keyA, keyB] = await Promise.all([signingKey('key-2026-a'), signingKey('key-2026-b')]);
  idp = await jwksServer([keyA.jwk]);
});
afterAll(() => idp.close());

describe('RS256 tokens against the identity provider’s JWKS', () => {
  it('turns a token signed with a published key into the actor', async () => {
    const verify = createTokenVerifier({ jwksUrl: idp.url, issuer: ISSUER, audience: AUDIENCE });
    expect(await verify(`Bearer ${await idpToken(keyA)}`)).toEqual({ id: 'idp-user-7', name: 'Aigerim Tashieva', roles: ['director'] });
  });

  it('checks expiry, issuer, audience and the algorithm, each with its own message', async () => {
    const verify = createTokenVerifier({ jwksUrl: idp.url, issuer: ISSUER, audience: AUDIENCE });
    const refusal = async (token: Promise<string>) => outcome(verify(`Bearer ${await token}`));
    expect(await refusal(idpToken(keyA, { exp: '-1m' }))).toEqual({ refused: 'authentication', message: 'the token has expired; sign in again' });
    expect(await refusal(idpToken(keyA, { iss: 'https://elsewhere.example' }))).toEqual({
      refused: 'authentication',
      message: 'the token was issued by another issuer',
    });
    expect(await refusal(idpToken(keyA, { aud: 'moodle' }))).toEqual({ refused: 'authentication', message: 'the token is meant for another audience' });
    // An HS256 token, even one the hub itself would have signed, is not accepted in RS256 mode.
    expect(await refusal(signToken({ secret: TEST_SECRET, issuer: ISSUER, audience: AUDIENCE }, director))).toEqual({
      refused: 'authentication',
      message: 'the token must be signed with RS256',
    });
    const noExpiry = new SignJWT({ name: 'N', roles: [] })
      .setProtectedHeader({ alg: 'RS256', kid: keyA.kid })
      .setSubject('u')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .sign(keyA.privateKey);
    expect(await refusal(noExpiry)).toEqual({ refused: 'authentication', message: 'the token has no exp claim' });
  });

  it('follows a key rotation: the new key is fetched when first seen, the retired one is refused by name', async () => {
    const verify = createTokenVerifier({ jwksUrl: idp.url, issuer: ISSUER, audience: AUDIENCE, cooldownMs: 0 });
    const tokenA = await idpToken(keyA);
    expect(await outcome(verify(`Bearer ${tokenA}`))).toMatchObject({ accepted: { id: 'idp-user-7' } });

    idp.state.published = [keyB.jwk];
    const before = idp.state.fetches;
    expect(await outcome(verify(`Bearer ${await idpToken(keyB)}`))).toMatchObject({ accepted: { id: 'idp-user-7' } });
    expect(idp.state.fetches).toBe(before + 1);
    expect(await outcome(verify(`Bearer ${tokenA}`))).toEqual({
      refused: 'authentication',
      message: 'the token is signed with a key the identity provider does not publish (retired by key rotation, or forged); sign in again',
    });
    idp.state.published = [keyA.jwk];
  });

  it('does not fetch the key set again for every forged key id (cooldown)', async () => {
    const verify = createTokenVerifier({ jwksUrl: idp.url, issuer: ISSUER, audience: AUDIENCE });
    await verify(`Bearer ${await idpToken(keyA)}`);
    const before = idp.state.fetches;
    for (let i = 0; i < 5; i++) {
      expect(await outcome(verify(`Bearer ${await idpToken(keyB, { kid: `forged-${i}` })}`))).toMatchObject({ refused: 'authentication' });
    }
    expect(idp.state.fetches).toBe(before);
  });

  it('reports an unreachable provider as unavailable, at once', async () => {
    const verify = createTokenVerifier({ jwksUrl: await refusedUrl(), issuer: ISSUER, audience: AUDIENCE });
    const started = Date.now();
    expect(await outcome(verify(`Bearer ${await idpToken(keyA)}`))).toEqual({
      refused: 'unavailable',
      message:
        "the identity provider's signing keys could not be reached or answered with something other than a key set; the token cannot be checked now, send the request again shortly",
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up on a provider that does not answer after the timeout, not later', async () => {
    const silent = await silentServer();
    try {
      const verify = createTokenVerifier({ jwksUrl: silent.url, issuer: ISSUER, audience: AUDIENCE, timeoutMs: 300 });
      const started = Date.now();
      expect(await outcome(verify(`Bearer ${await idpToken(keyA)}`))).toMatchObject({
        refused: 'unavailable',
        message: expect.stringContaining('did not answer in time'),
      });
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      await silent.close();
    }
  });
});

describe('the hub configured with SAPAT_JWT_JWKS_URL, over HTTP', () => {
  const boot = async (jwksUrl: string) => {
    const dir = temporaryDirectory();
    const config = loadConfig({
      NODE_ENV: 'test',
      SAPAT_DATA_DIR: dir.path,
      SAPAT_LOG_LEVEL: 'silent',
      SAPAT_JWT_JWKS_URL: jwksUrl,
      SAPAT_JWT_ISSUER: ISSUER,
      SAPAT_JWT_AUDIENCE: AUDIENCE,
      SAPAT_JWT_JWKS_TIMEOUT_MS: '1000',
    });
    const hub = await openHub(config);
    const server = await startServer(hub, { port: 0, host: '127.0.0.1' });
    return {
      hub,
      server,
      gql: graphqlClient(fetch, server.url),
      stop: async () => {
        await server.close();
        await hub.close();
        dir.remove();
      },
    };
  };
  let running: Awaited<ReturnType<typeof boot>>;
  beforeAll(async () => {
    running = await boot(idp.url);
  });
  afterAll(() => running.stop());

  it('serves a caller whose token the provider signed', async () => {
    const res = await running.gql('{ licenses(first: 1) { edges { node { id } } } }', {}, { token: await idpToken(keyA) });
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
  });

  it('answers 401 UNAUTHENTICATED for a token signed with a key the provider does not publish', async () => {
    const res = await running.gql('{ __typename }', {}, { token: await idpToken(keyB) });
    expect(res.status).toBe(401);
    expect(res.errors).toEqual([{ message: expect.stringContaining('a key the identity provider does not publish'), extensions: { code: 'UNAUTHENTICATED' } }]);
  });

  it('answers 503 IDENTITY_PROVIDER_UNAVAILABLE with Retry-After when the provider cannot be reached', async () => {
    const cut = await boot(await refusedUrl());
    try {
      const response = await fetch(cut.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await idpToken(keyA)}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
      expect(body.errors[0]!.message).toContain('send the request again shortly');
      // Anonymous requests do not need the provider and are still answered.
      expect((await cut.gql('{ __typename }')).status).toBe(200);
    } finally {
      await cut.stop();
    }
  });
});
