// The verified-token cache: bounded, least recently used out first, nothing returned past `exp`.
import { describe, expect, it } from 'vitest';
import { createTokenCache } from '../src/auth/token-cache.ts';
import type { Actor } from '../src/domain/decider.ts';

const actor = (id: string): Actor => ({ id, name: id, roles: ['director'] });

describe('the verified-token cache', () => {
  it('returns a remembered actor until the token expires, and not at or after exp', () => {
    const cache = createTokenCache();
    cache.set('t', actor('a'), 1_000);
    expect(cache.get('t', 999_999)?.id).toBe('a');
    expect(cache.get('t', 1_000_000)).toBeUndefined();
    // An expired entry is dropped, not kept around.
    expect(cache.size).toBe(0);
  });

  it('holds at most its capacity, evicting the least recently used token', () => {
    const cache = createTokenCache(2);
    cache.set('a', actor('a'), 10);
    cache.set('b', actor('b'), 10);
    expect(cache.get('a', 0)?.id).toBe('a'); // a is now the most recently used
    cache.set('c', actor('c'), 10);
    expect(cache.size).toBe(2);
    expect(cache.get('b', 0)).toBeUndefined();
    expect(cache.get('a', 0)?.id).toBe('a');
    expect(cache.get('c', 0)?.id).toBe('c');
  });
});
