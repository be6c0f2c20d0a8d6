// Every setting of the hub, read from the environment in one place and checked before anything
// starts, so a typo in a variable stops the hub with a message instead of a surprise later.
import { resolve } from 'node:path';
import { z } from 'zod';
import { roleSchema, type Role } from './domain/decider.ts';

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** `realm_access.roles`: where the provider keeps a user's roles in its tokens, as a path of claim names. */
const claimPath = z
  .string()
  .regex(/^[^.\s]+(\.[^.\s]+)*$/, 'must be a claim name or a dotted path of them, e.g. roles or realm_access.roles')
  .transform((path) => path.split('.'));

/** The roles a person can hold; `system` is the hub's own and no token may grant it. */
const personRoles = roleSchema.exclude(['system']);

/** `sapat-director=director,quality-teacher=teacher`: the provider's role names translated to the hub's. */
const roleMap = z.string().transform((text, ctx) => {
  const map: Record<string, Role> = {};
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [from, to, ...rest] = pair.split('=').map((p) => p.trim());
    const role = personRoles.safeParse(to);
    if (!from || rest.length > 0 || !role.success) {
      ctx.addIssue({ code: 'custom', message: `"${pair}" must be <provider role>=<hub role>, the hub role one of ${personRoles.options.join(', ')}` });
      return z.NEVER;
    }
    map[from] = role.data;
  }
  return map;
});

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    SAPAT_DATA_DIR: z.string().default('./data'),
    SAPAT_STORE: z.enum(['sqlite', 'kurrentdb']).default('sqlite'),
    KURRENTDB_URL: z.string().optional(),
    SAPAT_COMMIT_ON: z.enum(['loop', 'thread']).default('loop'),
    SAPAT_CHECKPOINT_KEY: z.string().min(1).optional(),
    SAPAT_JWT_SECRET: z.string().min(32, 'must be at least 32 characters (HS256 needs a 256-bit key)').optional(),
    SAPAT_JWT_JWKS_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL of the identity provider's JSON Web Key Set" }).optional(),
    SAPAT_JWT_JWKS_TIMEOUT_MS: positive(5000),
    SAPAT_JWT_ISSUER: z.string().optional(),
    SAPAT_JWT_AUDIENCE: z.string().optional(),
    SAPAT_JWT_ROLES_CLAIM: claimPath.default(['roles']),
    SAPAT_JWT_ROLE_MAP: roleMap.default({}),
    /** How long a mutation waits for the read models to include its own events. */
    SAPAT_READ_YOUR_WRITES_MS: positive(5000),
    SAPAT_GRAPHIQL: flag.optional(),
    SAPAT_INTROSPECTION: flag.optional(),
    SAPAT_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    SAPAT_MAX_DEPTH: positive(12),
    SAPAT_MAX_COMPLEXITY: positive(10_000),
    SAPAT_MAX_BREADTH: positive(80),
    SAPAT_MAX_TOKENS: positive(1000),
    SAPAT_MAX_ALIASES: z.coerce.number().int().min(0).default(15),
    SAPAT_MAX_BODY_BYTES: positive(1_048_576),
    /** Requests per caller per minute; 0 turns rate limiting off. */
    SAPAT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
    /** Changes a change subscription may have waiting for a slow client before it is ended. */
    SAPAT_SUBSCRIPTION_QUEUE: positive(1000),
    SAPAT_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    SAPAT_SHUTDOWN_TIMEOUT_MS: positive(10_000),
    /** Shifts the hub's clock (ms, may be negative): for rehearsing what falls due later, never in production. */
    /** Lets webhooks point at loopback and private addresses (and plain http) in production too. */
    SAPAT_WEBHOOK_ALLOW_PRIVATE: flag.default(false),
    /** First retry of a failed webhook delivery after about this long; each next one waits twice as long. */
    SAPAT_WEBHOOK_RETRY_BASE_MS: positive(1000),
    SAPAT_WEBHOOK_RETRY_MAX_MS: positive(3_600_000),
    /** How long the hub waits for a receiver's answer before counting the attempt as failed. */
    SAPAT_WEBHOOK_TIMEOUT_MS: positive(10_000),
    SAPAT_CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
  })
  .superRefine((c, ctx) => {
    if (c.SAPAT_STORE === 'kurrentdb' && !c.KURRENTDB_URL) {
      ctx.addIssue({ code: 'custom', path: ['KURRENTDB_URL'], message: 'is required when SAPAT_STORE=kurrentdb (e.g. kurrentdb://localhost:2113?tls=false)' });
    }
    if (c.SAPAT_JWT_SECRET && c.SAPAT_JWT_JWKS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['SAPAT_JWT_JWKS_URL'],
        message: 'cannot be combined with SAPAT_JWT_SECRET: set one of them (RS256 from the identity provider, or HS256 with a shared secret)',
      });
    }
    if (c.NODE_ENV === 'production' && c.SAPAT_CLOCK_OFFSET_MS !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['SAPAT_CLOCK_OFFSET_MS'],
        message: 'must be 0 in production (a shifted clock would record expiries and deadlines on the wrong day)',
      });
    }
    if (c.SAPAT_JWT_JWKS_URL) {
      if (c.NODE_ENV === 'production' && c.SAPAT_JWT_JWKS_URL.startsWith('http:')) {
        ctx.addIssue({
          code: 'custom',
          path: ['SAPAT_JWT_JWKS_URL'],
          message: 'must be https in production (keys fetched over plain http could be replaced in transit)',
        });
      }
      // An identity provider signs tokens for every application of the university with the same keys:
      // without these checks a token issued for another application would open this one.
      for (const name of ['SAPAT_JWT_ISSUER', 'SAPAT_JWT_AUDIENCE'] as const) {
        if (!c[name])
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'is required with SAPAT_JWT_JWKS_URL (the identity provider signs tokens for other applications too)',
          });
      }
    }
  })
  .transform((c) => ({
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    dataDir: resolve(c.SAPAT_DATA_DIR),
    /** Path of the Ed25519 key that signs integrity checkpoints; generated in the data directory outside production. */
    checkpointKey: c.SAPAT_CHECKPOINT_KEY,
    store: c.SAPAT_STORE,
    kurrentDbUrl: c.KURRENTDB_URL,
    /** Where the embedded store commits: on the event loop, or on a thread of its own for a disk whose fsync is slow. */
    commitOn: c.SAPAT_COMMIT_ON,
    jwt: {
      secret: c.SAPAT_JWT_SECRET,
      jwksUrl: c.SAPAT_JWT_JWKS_URL,
      jwksTimeoutMs: c.SAPAT_JWT_JWKS_TIMEOUT_MS,
      issuer: c.SAPAT_JWT_ISSUER,
      audience: c.SAPAT_JWT_AUDIENCE,
      roles: { claim: c.SAPAT_JWT_ROLES_CLAIM, map: c.SAPAT_JWT_ROLE_MAP },
    },
    readYourWritesMs: c.SAPAT_READ_YOUR_WRITES_MS,
    graphiql: c.SAPAT_GRAPHIQL ?? c.NODE_ENV !== 'production',
    introspection: c.SAPAT_INTROSPECTION ?? c.NODE_ENV !== 'production',
    logLevel: c.SAPAT_LOG_LEVEL,
    limits: {
      depth: c.SAPAT_MAX_DEPTH,
      complexity: c.SAPAT_MAX_COMPLEXITY,
      breadth: c.SAPAT_MAX_BREADTH,
      tokens: c.SAPAT_MAX_TOKENS,
      aliases: c.SAPAT_MAX_ALIASES,
      bodyBytes: c.SAPAT_MAX_BODY_BYTES,
      requestsPerMinute: c.SAPAT_RATE_LIMIT_PER_MINUTE,
      subscriptionQueue: c.SAPAT_SUBSCRIPTION_QUEUE,
    },
    metricsToken: c.SAPAT_METRICS_TOKEN,
    shutdownTimeoutMs: c.SAPAT_SHUTDOWN_TIMEOUT_MS,
    clockOffsetMs: c.SAPAT_CLOCK_OFFSET_MS,
    webhooks: {
      allowPrivate: c.SAPAT_WEBHOOK_ALLOW_PRIVATE,
      retryBaseMs: c.SAPAT_WEBHOOK_RETRY_BASE_MS,
      retryMaxMs: c.SAPAT_WEBHOOK_RETRY_MAX_MS,
      timeoutMs: c.SAPAT_WEBHOOK_TIMEOUT_MS,
    },
  }));

export type Config = z.infer<typeof configSchema>;
export type Limits = Config['limits'];

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * The configuration from the environment. The server needs a way to verify tokens in production;
 * the command-line tools (verify, export, import, replay) never see a token, so they do not.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, purpose: 'server' | 'tool' = 'server'): Config {
  // An empty variable (`FOO=`) means "not set", as shells and compose files use it.
  const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  const issues = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  if (purpose === 'server' && parsed.success && parsed.data.env === 'production' && !parsed.data.jwt.secret && !parsed.data.jwt.jwksUrl) {
    issues.push('  SAPAT_JWT_SECRET: is required in production (or SAPAT_JWT_JWKS_URL for RS256 tokens of an identity provider)');
  }
  if (issues.length > 0 || !parsed.success) throw new ConfigError(`invalid configuration:\n${issues.join('\n')}`);
  return parsed.data;
}
