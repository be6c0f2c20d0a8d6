// Where the hub may be pointed. Outside production any http(s) URL is fine (a receiver on the
// developer's machine); in production a webhook must be https and must not reach the hub's own
// host or the internal network (a registered URL must not become a way to probe it), unless
// SAPAT_WEBHOOK_ALLOW_PRIVATE says the department's integrations live there.
import { isIP } from 'node:net';

function isPrivateAddress(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local') || name.endsWith('.internal')) return true;
  const family = isIP(name);
  if (family === 4) {
    const [a, b] = name.split('.').map(Number) as [number, number];
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (family === 6)
    return name === '::1' || name === '::' || name.startsWith('fc') || name.startsWith('fd') || name.startsWith('fe80') || name.startsWith('::ffff:');
  return false;
}

/** Why the URL is refused here, or undefined when it may be used. */
export function webhookUrlRefusal(url: string, policy: { production: boolean; allowPrivate: boolean }): string | undefined {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'must be an http:// or https:// URL';
  if (parsed.username || parsed.password) return 'must not carry a user name or password; the signature header authenticates the hub';
  if (!policy.production || policy.allowPrivate) return undefined;
  if (parsed.protocol !== 'https:') return 'must be https in production (events would otherwise travel unencrypted)';
  if (isPrivateAddress(parsed.hostname))
    return 'must not point at a loopback or private address in production (set SAPAT_WEBHOOK_ALLOW_PRIVATE=true if the receiver is inside the network on purpose)';
  return undefined;
}
