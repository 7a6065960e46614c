import type { JobsOptions } from 'bullmq';

/** One place for job options: a deterministic id (no job runs twice), backoff, and retention. */
export function jobOptions(jobId: string): JobsOptions {
  return {
    jobId,
    attempts: 5,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 14 * 24 * 3600 },
  };
}
