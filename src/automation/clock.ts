// The hub's sense of time, injected so tests move it by hand and never wait. The scheduler keeps a
// single timer, set for the next due moment.
export type Clock = {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `wake` once after `delayMs`; the returned function cancels it. */
  setTimer(delayMs: number, wake: () => void): () => void;
};

/** setTimeout cannot wait longer than this; a later moment is reached by waking early and re-arming. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** Real time, optionally shifted (SAPAT_CLOCK_OFFSET_MS, for rehearsing what falls due later). */
export const systemClock = (offsetMs = 0): Clock => ({
  now: () => Date.now() + offsetMs,
  setTimer(delayMs, wake) {
    const timer = setTimeout(wake, Math.min(Math.max(0, delayMs), LONGEST_TIMER_MS));
    return () => clearTimeout(timer);
  },
});

const DAY_MS = 86_400_000;
/** Kyrgyzstan keeps UTC+6 all year: its days start at 18:00 UTC. */
const KYRGYZ_OFFSET_MS = 6 * 3_600_000;

/** Calls `listener` at the start of every day in Kyrgyzstan, from the next one on; returns a stop function. */
export function everyKyrgyzDay(clock: Clock, listener: () => void): () => void {
  let cancel: () => void = () => {};
  let stopped = false;
  const arm = () => {
    const now = clock.now();
    const next = Math.floor((now + KYRGYZ_OFFSET_MS) / DAY_MS + 1) * DAY_MS - KYRGYZ_OFFSET_MS;
    cancel = clock.setTimer(next - now, () => {
      if (stopped) return;
      listener();
      arm();
    });
  };
  arm();
  return () => {
    stopped = true;
    cancel();
  };
}
