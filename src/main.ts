// `npm start`: the hub on the configured store, serving GraphQL until SIGINT or SIGTERM. Shutdown is
// graceful: stop accepting, let requests and commands in flight finish (SAPAT_SHUTDOWN_TIMEOUT_MS at
// most), end subscriptions, stop the projections, close the store. Everything it says is a JSON line.
import { loadConfig, ConfigError } from './config.ts';
import { developmentSecret } from './dev-secret.ts';
import { signToken } from './auth/tokens.ts';
import { createLogger, errorFields } from './http/logging.ts';
import { automationParts } from '../schema/follow-up.ts';
import { startAutomation, type Automation } from './automation/index.ts';
import { openHub } from './hub.ts';
import { startServer, type RunningServer } from './server.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Where the hub listens is said at every level but silent: a supervisor at `error` still needs the port.
  const announce = createLogger(config.logLevel === 'silent' ? 'silent' : 'info').info;
  const hub = await openHub(config, { onProjectionError: (error) => logger.error('projection failed', errorFields(error)) });
  let server: RunningServer | undefined;
  let automation: Automation | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    logger.info('stopping', { signal, shutdownTimeoutMs: config.shutdownTimeoutMs });
    try {
      await server?.close();
      await automation?.stop();
      await hub.close();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error('shutdown failed', errorFields(error));
      process.exit(1);
    }
  };
  // Registered before the port opens, so a signal sent as soon as the hub is reachable is graceful too.
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Without a secret or an identity provider (development only; production refuses), a local secret.
  const secret = config.jwt.secret ?? (config.jwt.jwksUrl ? undefined : developmentSecret(config));
  server = await startServer(hub, { port: config.port, host: config.host, secret });
  automation = await startAutomation(hub, {
    ...automationParts(hub),
    onError: (error) => logger.error('automation stopped reading the log', errorFields(error)),
  });
  announce('listening', { url: server.url, store: hub.store.kind, dataDir: config.dataDir, tokens: config.jwt.jwksUrl ? 'RS256 (JWKS)' : 'HS256' });
  if (secret && !config.jwt.secret) {
    const token = await signToken({ secret, issuer: config.jwt.issuer, audience: config.jwt.audience }, { id: 'dev-director', name: 'Development Director', roles: ['director'] });
    announce('no SAPAT_JWT_SECRET set: using a development secret kept in the data directory; director token for GraphiQL (Headers: {"Authorization": "Bearer <token>"}), valid 12 h', { token });
  }
}

main().catch((error: unknown) => {
  const logger = createLogger('error');
  if (error instanceof ConfigError) logger.error(error.message);
  else logger.error('the hub could not start', errorFields(error));
  process.exit(1);
});
