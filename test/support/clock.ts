import { SystemClock } from '../../src/platform/clock/clock';

export interface ControlledClock {
  set(to: Date): void;
  now(): Date;
}

/**
 * Sets "now" for every API and worker of this test file, from before they start (a worker reads
 * the clock as it starts: its first sweeps must see the test's time); returns a way to move it.
 */
export function controlClock(start: Date): ControlledClock {
  let current = start;
  jest.spyOn(SystemClock.prototype, 'now').mockImplementation(() => current);
  return {
    set: (to) => {
      current = to;
    },
    now: () => current,
  };
}
