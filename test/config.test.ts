// The environment is checked before the hub starts; a wrong setting stops it with a message that
// names the variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

const message = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return 'accepted';
  } catch (error) {
    return error instanceof ConfigError ? error.message : String(error);
  }
};

describe('configuration', () => {
  it('starts on the embedded store in ./data on port 4000 with GraphiQL when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, store: 'sqlite', graphiql: true, env: 'development' });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('names each wrong variable and the rule', () => {
    expect(message({ PORT: 'eighty' })).toContain('PORT:');
    expect(message({ SAPAT_STORE: 'kurrentdb' })).toContain('KURRENTDB_URL: is required when SAPAT_STORE=kurrentdb');
    expect(message({ NODE_ENV: 'production' })).toContain('SAPAT_JWT_SECRET: is required in production');
    expect(message({ SAPAT_JWT_SECRET: 'short' })).toContain('SAPAT_JWT_SECRET: must be at least 32 characters');
    expect(message({ SAPAT_COMMIT_ON: 'disk' })).toContain('SAPAT_COMMIT_ON:');
  });

  it('turns GraphiQL off in production unless asked for', () => {
    const secret = 'p'.repeat(40);
    expect(loadConfig({ NODE_ENV: 'production', SAPAT_JWT_SECRET: secret }).graphiql).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SAPAT_JWT_SECRET: secret, SAPAT_GRAPHIQL: 'true' }).graphiql).toBe(true);
  });

  it('has sane limits by default, each one settable', () => {
    expect(loadConfig({}).limits).toEqual({
      depth: 12,
      complexity: 10_000,
      breadth: 80,
      tokens: 1000,
      aliases: 15,
      bodyBytes: 1_048_576,
      requestsPerMinute: 600,
      subscriptionQueue: 1000,
    });
    const set = loadConfig({
      SAPAT_MAX_DEPTH: '5',
      SAPAT_MAX_COMPLEXITY: '100',
      SAPAT_MAX_BREADTH: '9',
      SAPAT_MAX_TOKENS: '50',
      SAPAT_MAX_ALIASES: '0',
      SAPAT_MAX_BODY_BYTES: '2048',
      SAPAT_RATE_LIMIT_PER_MINUTE: '0',
      SAPAT_SUBSCRIPTION_QUEUE: '20',
    });
    expect(set.limits).toEqual({ depth: 5, complexity: 100, breadth: 9, tokens: 50, aliases: 0, bodyBytes: 2048, requestsPerMinute: 0, subscriptionQueue: 20 });
    expect(message({ SAPAT_SUBSCRIPTION_QUEUE: '0' })).toContain('SAPAT_SUBSCRIPTION_QUEUE:');
    expect(message({ SAPAT_MAX_DEPTH: '0' })).toContain('SAPAT_MAX_DEPTH:');
    expect(message({ SAPAT_MAX_BODY_BYTES: 'lots' })).toContain('SAPAT_MAX_BODY_BYTES:');
    expect(message({ SAPAT_RATE_LIMIT_PER_MINUTE: '-1' })).toContain('SAPAT_RATE_LIMIT_PER_MINUTE:');
  });

  it('serves introspection outside production only, unless told otherwise', () => {
    const secret = 'p'.repeat(40);
    expect(loadConfig({}).introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', SAPAT_JWT_SECRET: secret }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SAPAT_JWT_SECRET: secret, SAPAT_INTROSPECTION: 'true' }).introspection).toBe(true);
    expect(loadConfig({ SAPAT_INTROSPECTION: '0' }).introspection).toBe(false);
  });

  it('takes RS256 from an identity provider only with its issuer and audience, and never beside a secret', () => {
    const idp = { SAPAT_JWT_JWKS_URL: 'https://idp.oshsu.kg/jwks', SAPAT_JWT_ISSUER: 'https://idp.oshsu.kg', SAPAT_JWT_AUDIENCE: 'sapat' };
    expect(loadConfig({ ...idp, NODE_ENV: 'production' }).jwt).toMatchObject({ jwksUrl: 'https://idp.oshsu.kg/jwks', jwksTimeoutMs: 5000, secret: undefined });
    expect(message({ SAPAT_JWT_JWKS_URL: idp.SAPAT_JWT_JWKS_URL })).toMatch(
      /SAPAT_JWT_ISSUER: is required with SAPAT_JWT_JWKS_URL[\s\S]*SAPAT_JWT_AUDIENCE: is required/,
    );
    expect(message({ ...idp, SAPAT_JWT_SECRET: 's'.repeat(40) })).toContain('SAPAT_JWT_JWKS_URL: cannot be combined with SAPAT_JWT_SECRET');
    expect(message({ ...idp, SAPAT_JWT_JWKS_URL: 'not a url' })).toContain('SAPAT_JWT_JWKS_URL: must be an http(s) URL');
    expect(message({ ...idp, NODE_ENV: 'production', SAPAT_JWT_JWKS_URL: 'http://idp.oshsu.kg/jwks' })).toContain(
      'SAPAT_JWT_JWKS_URL: must be https in production',
    );
  });

  it('protects /metrics only when given a token long enough to be one, and bounds shutdown', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ SAPAT_METRICS_TOKEN: 'm'.repeat(32) }).metricsToken).toBe('m'.repeat(32));
    expect(message({ SAPAT_METRICS_TOKEN: 'short' })).toContain('SAPAT_METRICS_TOKEN: must be at least 16 characters');
    expect(loadConfig({}).shutdownTimeoutMs).toBe(10_000);
    expect(message({ SAPAT_SHUTDOWN_TIMEOUT_MS: '0' })).toContain('SAPAT_SHUTDOWN_TIMEOUT_MS:');
  });

  it('accepts the log levels and nothing else', () => {
    expect(loadConfig({ SAPAT_LOG_LEVEL: 'warn' }).logLevel).toBe('warn');
    expect(message({ SAPAT_LOG_LEVEL: 'verbose' })).toContain('SAPAT_LOG_LEVEL:');
  });

  it('lets the command-line tools run in production without token settings, which only the server needs', () => {
    expect(message({ NODE_ENV: 'production' })).toContain('SAPAT_JWT_SECRET: is required in production');
    expect(loadConfig({ NODE_ENV: 'production' }, 'tool').env).toBe('production');
  });

  it('treats an empty variable as not set', () => {
    expect(loadConfig({ PORT: '', SAPAT_CHECKPOINT_KEY: '' })).toMatchObject({ port: 4000, checkpointKey: undefined });
    expect(loadConfig({ SAPAT_CHECKPOINT_KEY: '/etc/sapat/checkpoint.pem' }).checkpointKey).toBe('/etc/sapat/checkpoint.pem');
  });
});
