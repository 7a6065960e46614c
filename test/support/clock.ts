import { Clock } from '../../src/platform/clock/clock';
import type { TestApp } from './test-app';

/** Sets "now" for the API and the worker of a test app; returns a function that moves it. */
export function controlClock(app: TestApp, start: Date): { set(to: Date): void; now(): Date } {
  let current = start;
  for (const context of [app.api, app.worker].filter(Boolean)) {
    jest.spyOn(context!.get(Clock), 'now').mockImplementation(() => current);
  }
  return {
    set: (to) => {
      current = to;
    },
    now: () => current,
  };
}
