// Tokens as a real identity provider (Keycloak) issues them: RS256 from a key set served over HTTP,
// roles under `realm_access.roles` beside the provider's own (`offline_access`, `uma_authorization`),
// named as the university's realm names them. The hub finds its roles where SAPAT_JWT_ROLES_CLAIM
// says, translates them by SAPAT_JWT_ROLE_MAP, and ignores names it does not know.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, createTokenVerifier } from '../src/auth/tokens.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { TEST_SECRET, temporaryDirectory } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { applicationInput } from './support/licensing.ts';
import { APPLY } from './support/licensing-operations.ts';

const ISSUER = 'https://idp.oshsu.kg/realms/oshsu';
const AUDIENCE = 'sapat';

let privateKey: CryptoKey;
let jwks: Server;
let jwksUrl: string;
let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;

/** A token shaped as Keycloak shapes it: realm roles nested, the provider's own roles among them. */
const keycloakToken = (realmRoles: unknown) =>
  new SignJWT({
    name: 'Aigerim Tashieva',
    preferred_username: 'a.tashieva',
    realm_access: { roles: realmRoles },
    resource_access: { account: { roles: ['manage-account'] } },
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'realm-key' })
    .setSubject('5b0c1c2e-keycloak-user')
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(privateKey);

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey;
  const key = { ...(await exportJWK(pair.publicKey)), kid: 'realm-key', alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [key] })));
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/realms/oshsu/protocol/openid-connect/certs`;
  dir = temporaryDirectory();
  hub = await openHub(
    loadConfig({
      NODE_ENV: 'test',
      SAPAT_DATA_DIR: dir.path,
      SAPAT_LOG_LEVEL: 'silent',
      SAPAT_JWT_JWKS_URL: jwksUrl,
      SAPAT_JWT_ISSUER: ISSUER,
      SAPAT_JWT_AUDIENCE: AUDIENCE,
      SAPAT_JWT_ROLES_CLAIM: 'realm_access.roles',
      SAPAT_JWT_ROLE_MAP: 'quality-director = director, quality-auditor=auditor',
    }),
  );
});
afterAll(async () => {
  await hub.close();
  await new Promise<void>((resolve) => jwks.close(() => resolve()));
  dir.remove();
});

describe('roles from an identity provider', () => {
  it("takes the mapped role from realm_access.roles and ignores the provider's own roles", async () => {
    const gql = yogaClient(createGraphQLHandler(hub));
    const token = await keycloakToken(['offline_access', 'uma_authorization', 'default-roles-oshsu', 'quality-director']);
    const applied = await gql(APPLY, { input: applicationInput() }, { token });
    expect(applied.status).toBe(200);
    expect(applied.data!.applyForLicense.__typename).toBe('LicensePayload');
    const actors = [];
    for await (const event of hub.store.readAll()) actors.push(event.metadata.actor);
    expect(actors[0]).toEqual({ id: '5b0c1c2e-keycloak-user', name: 'Aigerim Tashieva', roles: ['director'] });
  });

  it('lets a token with no role of the hub in, as a caller without permissions', async () => {
    const gql = yogaClient(createGraphQLHandler(hub));
    const token = await keycloakToken(['offline_access', 'uma_authorization']);
    const refused = await gql(APPLY, { input: applicationInput({ submittedOn: '2026-01-16' }) }, { token });
    expect(refused.status).toBe(200);
    expect(refused.data!.applyForLicense.__typename).toBe('ForbiddenError');
  });

  it('refuses a token whose roles claim is not a list, naming the claim path', async () => {
    const verify = createTokenVerifier({ jwksUrl, issuer: ISSUER, audience: AUDIENCE, roles: { claim: ['realm_access', 'roles'], map: {} } });
    const outcome = await verify(`Bearer ${await keycloakToken('quality-director')}`).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(AuthenticationError);
    expect((outcome as Error).message).toBe('token claim realm_access.roles must be a list of role names');
  });

  it("takes the hub's own role names as they are, and nothing from the object prototype", async () => {
    const verify = createTokenVerifier({ secret: TEST_SECRET, roles: { claim: ['roles'], map: { 'quality-director': 'director' } } });
    const token = await new SignJWT({ name: 'N', roles: ['auditor', 'constructor', '__proto__', 'toString', 'quality-director', 'director'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-1')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(TEST_SECRET));
    expect(await verify(`Bearer ${token}`)).toEqual({ id: 'u-1', name: 'N', roles: ['auditor', 'director'] });
  });
});

describe('the settings', () => {
  const settingsError = (env: Record<string, string>) => {
    try {
      loadConfig({ NODE_ENV: 'test', ...env });
      return undefined;
    } catch (error) {
      return error instanceof ConfigError ? error.message : error;
    }
  };

  it('default to a top-level roles claim and no translation', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).jwt.roles).toEqual({ claim: ['roles'], map: {} });
  });

  it('name a mapping entry that is not provider=hub role, and a path that is not one', () => {
    expect(settingsError({ SAPAT_JWT_ROLE_MAP: 'quality-director=dean' })).toBe(
      'invalid configuration:\n  SAPAT_JWT_ROLE_MAP: "quality-director=dean" must be <provider role>=<hub role>, the hub role one of rector, director, acting_director, head_of_accreditation_sector, senior_inspector, specialist, inspector, head_of_rating_division, rating_inspector, methodist, unit_head, teacher, auditor, integration',
    );
    expect(settingsError({ SAPAT_JWT_ROLES_CLAIM: 'realm_access..roles' })).toBe(
      'invalid configuration:\n  SAPAT_JWT_ROLES_CLAIM: must be a claim name or a dotted path of them, e.g. roles or realm_access.roles',
    );
  });
});
