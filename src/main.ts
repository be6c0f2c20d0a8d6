// The hub: `npm start` in development, `npm run start:prod` (node dist/src/main.js) in production.
// It takes the data directory for itself, opens the store and read models, and serves GraphQL until
// SIGINT or SIGTERM. Shutdown is graceful: stop accepting, let requests and commands in flight
// finish (SAPAT_SHUTDOWN_TIMEOUT_MS at most), end subscriptions, stop the projections, close the
// store, give the directory back. Everything it says is a JSON line; a refusal to start is one line.
import { loadConfig, ConfigError } from './config.ts';
import { lockDataDirectory, DataDirectoryLockedError, type DataDirectoryLock } from './data-directory-lock.ts';
import { developmentSecret } from './dev-secret.ts';
import { signToken } from './auth/tokens.ts';
import { createLogger, errorFields } from './http/logging.ts';
import { openHub, type Hub } from './hub.ts';
import { ListenError, startServer, type RunningServer } from './server.ts';
import { warnOnBrokenChainTails } from './audit/chain-tail.ts';

const usage = `Usage: npm start (development) | npm run start:prod | node dist/src/main.js

Serves the hub's GraphQL API on PORT (default 4000) from the data in SAPAT_DATA_DIR (default ./data).
Every setting is an environment variable; the README's settings table lists them all.
SIGTERM or SIGINT stops it gracefully; exit status 0 after a clean stop, 1 when it cannot start.`;
import { automationParts } from '../schema/follow-up.ts';
import { startAutomation, type Automation } from './automation/index.ts';
import { demoRequested, loadDemoOnStart } from './demo/on-start.ts';

async function main(): Promise<void> {
  if (process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h')) {
    console.log(usage);
    return;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Where the hub listens is said at every level but silent: a supervisor at `error` still needs the port.
  const announce = createLogger(config.logLevel === 'silent' ? 'silent' : 'info').info;
  const lock = lockDataDirectory(config.dataDir, 'a hub');
  let hub: Hub;
  try {
    hub = await openHub(config, { onProjectionError: (error) => logger.error('projection failed', errorFields(error)) });
  } catch (error) {
    lock.release();
    throw error;
  }
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
      await closeHub(hub, lock);
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
  void warnOnBrokenChainTails(hub.rawStore, logger);
  // Without a secret or an identity provider (development only; production refuses), a local secret.
  const secret = config.jwt.secret ?? (config.jwt.jwksUrl ? undefined : developmentSecret(config));
  // The development director token is printed and also put in GraphiQL's headers.
  const token =
    secret && !config.jwt.secret
      ? await signToken(
          { secret, issuer: config.jwt.issuer, audience: config.jwt.audience },
          { id: 'dev-director', name: 'Development Director', roles: ['director'] },
        )
      : undefined;
  try {
    if (demoRequested(process.env)) await loadDemoOnStart(hub, announce);
    server = await startServer(hub, { port: config.port, host: config.host, secret, graphiqlToken: token });
  } catch (error) {
    await closeHub(hub, lock);
    throw error;
  }
  automation = await startAutomation(hub, {
    ...automationParts(hub),
    onError: (error) => logger.error('automation stopped reading the log', errorFields(error)),
  });
  announce('listening', { url: server.url, store: hub.store.kind, dataDir: config.dataDir, tokens: config.jwt.jwksUrl ? 'RS256 (JWKS)' : 'HS256' });
  if (token) {
    announce(
      'no SAPAT_JWT_SECRET set: using a development secret kept in the data directory; director token (already in GraphiQL\'s headers; elsewhere send {"Authorization": "Bearer <token>"}), valid 12 h',
      { token },
    );
  }
  if (config.env !== 'production' && !config.jwt.jwksUrl) {
    announce(
      'tokens for other roles: npm run token -- --role teacher --unit "Chair of Economics" --name "Aibek Sadykov" (npm run token -- --help lists the options)',
    );
  }
}

async function closeHub(hub: Hub, lock: DataDirectoryLock): Promise<void> {
  try {
    await hub.close();
  } finally {
    lock.release();
  }
}

main().catch((error: unknown) => {
  const logger = createLogger('error');
  // Refusals an operator can act on are one line, without a stack.
  if (error instanceof ConfigError || error instanceof DataDirectoryLockedError || error instanceof ListenError)
    logger.error(`the hub could not start: ${error.message}`);
  else logger.error('the hub could not start', errorFields(error));
  process.exit(1);
});
