import { redisAvailable } from './redis-suites';

/** A suite that needs Redis: skipped, not failed, on a machine without it (globalSetup says so). */
export const describeWithRedis: jest.Describe = redisAvailable() ? describe : describe.skip;
