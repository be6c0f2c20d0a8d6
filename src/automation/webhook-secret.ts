// Signing secrets of webhooks, derived from one key in the data directory and the webhook's id:
// nothing secret is ever written to the event log, and the hub can sign again after a restart.
// The key is made on first use and readable by the hub's user only.
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type WebhookSecrets = (webhookId: string) => string;

export function webhookSecrets(dataDir: string): WebhookSecrets {
  const path = join(dataDir, 'webhook-signing.key');
  if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  return (webhookId) => `whsec_${createHmac('sha256', key).update(`sapat:webhook:${webhookId}`).digest('base64url')}`;
}

/** The signature header's value over the exact body sent: `sha256=<hex>`. */
export const signatureOf = (secret: string, body: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
