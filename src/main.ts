// `npm start`: the hub on the configured store, serving GraphQL until SIGINT or SIGTERM.
import { loadConfig, ConfigError } from './config.ts';
import { developmentSecret } from './dev-secret.ts';
import { signToken } from './auth/tokens.ts';
import { openHub } from './hub.ts';
import { startServer } from './server.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const hub = await openHub(config, { onProjectionError: (error) => console.error(`projection failed: ${error.message}`) });
  const generated = !config.jwt.secret;
  const secret = config.jwt.secret ?? developmentSecret(config);
  const server = await startServer(hub, { port: config.port, host: config.host, secret });
  console.log(`Sapat hub on ${server.url} (store: ${hub.store.kind}, data: ${config.dataDir})`);
  if (generated) {
    const token = await signToken({ secret, issuer: config.jwt.issuer, audience: config.jwt.audience }, { id: 'dev-director', name: 'Development Director', roles: ['director'] });
    console.log('No SAPAT_JWT_SECRET set: using a development secret kept in the data directory.');
    console.log('Director token for GraphiQL (Headers: {"Authorization": "Bearer <token>"}), valid 12 h:');
    console.log(token);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing the hub`);
    await server.close();
    await hub.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
