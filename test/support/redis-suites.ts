/** Whether this run has Redis (test/support/test-servers.ts decides in globalSetup). */
export function redisAvailable(): boolean {
  return process.env.TEST_REDIS !== 'absent';
}

/** The suites that need Redis, and why: globalSetup names them when it skips them. */
export const REDIS_SUITES = [
  { file: 'test/integration/redis-outage.test.ts', why: 'Redis cut off and restarted under the API' },
  { file: 'test/integration/worker-crash.test.ts', why: 'a worker killed while it holds Redis job locks' },
  { file: 'test/integration/transfer-job-failures.test.ts', why: 'jobs removed from and stalled in Redis' },
  { file: 'test/integration/operations.test.ts', why: '"health on a slow machine", a Redis behind a slow proxy' },
  {
    file: 'test/integration/service-request-sla.test.ts',
    why: '"submission while Redis is unreachable", then routed once it is back',
  },
];
