import type { JobsOptions } from 'bullmq';

/** One place for job options: a deterministic id (no job runs twice), backoff, and retention. */
export function jobOptions(jobId: string, retry: { attempts: number; backoffMs: number }): JobsOptions {
  return {
    jobId,
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffMs },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 14 * 24 * 3600 },
  };
}
