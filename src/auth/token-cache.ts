// Verified tokens, remembered until they expire. Verifying a JWT (jose: base64, JSON, HMAC or RSA)
// was 9 % of the hub's CPU under load, spent again on every request of a client that sends the same
// token for hours. A token is immutable and its claims are checked once, so the actor it yields is
// the same until `exp`; only successes are kept (a failure may be a provider outage that passes).
import type { Actor } from '../domain/decider.ts';

/** Bounded so that a flood of distinct tokens cannot grow the heap; the oldest entry goes first. */
const defaultCapacity = 10_000;

export type TokenCache = {
  /** The actor of a token verified before and not expired at `nowMs`, else undefined. */
  get(token: string, nowMs: number): Actor | undefined;
  /** Remember a verified token's actor until its `exp` (seconds since the epoch, as in the claim). */
  set(token: string, actor: Actor, expiresAtSeconds: number): void;
  readonly size: number;
};

export function createTokenCache(capacity = defaultCapacity): TokenCache {
  // A Map iterates in insertion order, so deleting and re-inserting on a hit makes it an LRU.
  const entries = new Map<string, { actor: Actor; expiresAtMs: number }>();
  return {
    get(token, nowMs) {
      const entry = entries.get(token);
      if (!entry) return undefined;
      entries.delete(token);
      if (nowMs >= entry.expiresAtMs) return undefined;
      entries.set(token, entry);
      return entry.actor;
    },
    set(token, actor, expiresAtSeconds) {
      entries.delete(token);
      // Frozen: every request of the token shares this object, so no request may change it for the next.
      Object.freeze(actor.roles);
      entries.set(token, { actor: Object.freeze(actor), expiresAtMs: expiresAtSeconds * 1000 });
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
    },
    get size() {
      return entries.size;
    },
  };
}
