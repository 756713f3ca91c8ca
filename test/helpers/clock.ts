/**
 * The clock is an input: a test that asserts a date sets the day it runs on. Only `Date` is replaced;
 * it starts at `instant` and moves on in real time, so timers, waits and animation frames behave as
 * they do for a user. `.ci/run` runs the suite again under a shifted system clock (faketime) to prove
 * no test reads the real one.
 * @example beforeAll(() => startClockAt(new Date(2026, 10, 25, 9, 0)))
 */
export function startClockAt(instant: Date): void {
  jest.useFakeTimers({
    now: instant,
    advanceTimers: true,
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "requestAnimationFrame",
      "cancelAnimationFrame",
      "requestIdleCallback",
      "cancelIdleCallback",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  });
}
