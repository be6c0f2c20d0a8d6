// Outside production the hub may start without SAPAT_JWT_SECRET: it then makes a secret, keeps it in
// the data directory (so tokens survive a restart) and prints a ready director token, so GraphiQL
// works at once. Production refuses to start without a configured secret (see config.ts).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';

export function developmentSecret(config: Config): string {
  const file = join(config.dataDir, 'development-jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
