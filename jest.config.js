/**
 * Every tier in one run: unit tests beside the code, integration and HTTP tests, browser tests, and
 * the fault suite (its own PostgreSQL and Redis servers, the built API and worker as processes).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

// The browser tests drive Debian's Chromium; on a machine without it they are skipped, and said so.
const { existsSync } = require('node:fs');
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  process.stderr.write(
    `\nNo Chromium at ${CHROMIUM}: the browser tests (test/browser) are skipped. Install it with: apt-get install chromium\n\n`,
  );
}

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // NestJS 12 and friends ship ESM only; transform them so jest's CommonJS runtime can load them.
  transformIgnorePatterns: [],
};

module.exports = {
  maxWorkers: 2,
  // A test's own work takes seconds; a CI machine running two suites at once on two cores can take
  // a minute to start an app and seed it in a beforeAll. Slowness is measured in `npm run bench`.
  testTimeout: 120_000,
  // Reconnecting clients (ioredis, pg LISTEN) of apps whose servers a test stopped can keep the
  // process alive for seconds after the last test; never let that hang a CI run.
  forceExit: true,
  // One migrated template database per run; each test file clones its own from it.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Browser tests first, the fault drills last: a drill beside a browser test starves it of CPU.
  testSequencer: '<rootDir>/test/support/sequencer.js',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: hasChromium ? ['<rootDir>/test/browser/**/*.test.ts'] : [],
    },
    {
      ...common,
      displayName: 'faults',
      // Each file starts its own servers and processes; the tests give their own, longer time limits.
      testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
    },
  ],
};
