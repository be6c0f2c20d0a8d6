// A clock the test moves by hand: timers fire only when the test advances past them, so no test
// of the hub's scheduler ever waits for real time to pass.
import type { Clock } from '../../src/automation/clock.ts';

export function manualClock(startIso: string) {
  let now = Date.parse(startIso);
  const timers = new Set<{ at: number; wake: () => void }>();
  const clock: Clock = {
    now: () => now,
    setTimer(delayMs, wake) {
      const timer = { at: now + Math.max(0, delayMs), wake };
      timers.add(timer);
      return () => timers.delete(timer);
    },
  };
  return {
    clock,
    /** Moves time to `iso` and fires every timer that came due, earliest first. */
    advanceTo(iso: string): void {
      now = Date.parse(iso);
      for (const timer of [...timers].sort((a, b) => a.at - b.at)) {
        if (timer.at > now) break;
        timers.delete(timer);
        timer.wake();
      }
    },
    /** How many timers are set: the scheduler keeps exactly one while anything is due later. */
    pendingTimers: () => timers.size,
  };
}
