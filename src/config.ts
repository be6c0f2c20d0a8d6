// Every setting of the hub, read from the environment in one place and checked before anything
// starts, so a typo in a variable stops the hub with a message instead of a surprise later.
import { resolve } from 'node:path';
import { z } from 'zod';

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    SAPAT_DATA_DIR: z.string().default('./data'),
    SAPAT_STORE: z.enum(['sqlite', 'kurrentdb']).default('sqlite'),
    KURRENTDB_URL: z.string().optional(),
    SAPAT_JWT_SECRET: z.string().min(32, 'must be at least 32 characters (HS256 needs a 256-bit key)').optional(),
    SAPAT_JWT_ISSUER: z.string().optional(),
    SAPAT_JWT_AUDIENCE: z.string().optional(),
    /** How long a mutation waits for the read models to include its own events. */
    SAPAT_READ_YOUR_WRITES_MS: z.coerce.number().int().positive().default(5000),
    SAPAT_GRAPHIQL: flag.optional(),
    SAPAT_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .superRefine((c, ctx) => {
    if (c.SAPAT_STORE === 'kurrentdb' && !c.KURRENTDB_URL) {
      ctx.addIssue({ code: 'custom', path: ['KURRENTDB_URL'], message: 'is required when SAPAT_STORE=kurrentdb (e.g. kurrentdb://localhost:2113?tls=false)' });
    }
    if (c.NODE_ENV === 'production' && !c.SAPAT_JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SAPAT_JWT_SECRET'], message: 'is required in production' });
    }
  })
  .transform((c) => ({
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    dataDir: resolve(c.SAPAT_DATA_DIR),
    store: c.SAPAT_STORE,
    kurrentDbUrl: c.KURRENTDB_URL,
    jwt: { secret: c.SAPAT_JWT_SECRET, issuer: c.SAPAT_JWT_ISSUER, audience: c.SAPAT_JWT_AUDIENCE },
    readYourWritesMs: c.SAPAT_READ_YOUR_WRITES_MS,
    graphiql: c.SAPAT_GRAPHIQL ?? c.NODE_ENV !== 'production',
    logLevel: c.SAPAT_LOG_LEVEL,
  }));

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
