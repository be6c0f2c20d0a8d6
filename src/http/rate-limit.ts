// Requests per caller per minute, as a token bucket per key: a caller may burst up to the whole
// minute's allowance, then gets one request back every 60/limit seconds. In memory, because one hub
// process owns its data; idle buckets are forgotten so the map stays as small as the active callers.
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type RateLimiter = { take(key: string, now?: number): RateDecision };

const SWEEP_ABOVE = 10_000;

export function createRateLimiter(perMinute: number): RateLimiter {
  if (perMinute === 0) return { take: () => ({ allowed: true }) };
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (bucket: { tokens: number; at: number }, now: number) => {
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
  };
  function sweep(now: number): void {
    for (const [key, bucket] of buckets) {
      refill(bucket, now);
      if (bucket.tokens >= perMinute) buckets.delete(key);
    }
  }
  return {
    take(key, now = Date.now()) {
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= SWEEP_ABOVE) sweep(now);
        bucket = { tokens: perMinute, at: now };
        buckets.set(key, bucket);
      }
      refill(bucket, now);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}
