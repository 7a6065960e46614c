import { UnrecoverableError, type Job } from 'bullmq';

/** True when BullMQ will not run the job again after this error: its last attempt, or an error it never retries. */
export function isLastAttempt(job: Job, error: unknown): boolean {
  return error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
