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
  });

  it('turns GraphiQL off in production unless asked for', () => {
    const secret = 'p'.repeat(40);
    expect(loadConfig({ NODE_ENV: 'production', SAPAT_JWT_SECRET: secret }).graphiql).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SAPAT_JWT_SECRET: secret, SAPAT_GRAPHIQL: 'true' }).graphiql).toBe(true);
  });
});
