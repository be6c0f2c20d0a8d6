// The hub's sense of time, injected so tests move it by hand and never wait. The scheduler keeps a
// single timer, set for the next due moment.
export type Clock = {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `wake` once after `delayMs`; the returned function cancels it. */
  setTimer(delayMs: number, wake: () => void): () => void;
};

/** setTimeout cannot wait longer than this; a later moment is reached by waking early and re-arming. */
const LONGEST_TIMER_MS = 2 **31 - 1;

/** Real time, optionally shifted (SAPAT_CLOCK_OFFSET_MS, for rehearsing what falls due later). */
export const systemClock = (offsetMs = 0): Clock => ({
  now: () => Date.now() + offsetMs,
  setTimer(delayMs, wake) {
    const timer = setTimeout(wake, Math.min(Math.max(0, delayMs), LONGEST_TIMER_MS));
    return () => clearTimeout(timer);
  },
});
