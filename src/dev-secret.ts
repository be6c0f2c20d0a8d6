// Outside production the hub may start without SAPAT_JWT_SECRET: it then makes a secret, keeps it in
// the data directory (so tokens survive a restart) and prints a ready director token, so GraphiQL
// works at once; `npm run token` signs with the same secret. Production refuses to start without a
// configured secret (see config.ts).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';

export function developmentSecret(config: Config): string {
  const file = join(config.dataDir, 'development-jwt-secret');
  mkdirSync(config.dataDir, { recursive: true });
  try {
    // 'wx': when the hub and `npm run token` make it at the same moment, the first one's is kept.
    writeFileSync(file, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}
