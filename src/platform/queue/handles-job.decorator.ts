import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayloads } from './job-registry';

export const HANDLES_JOB = 'queue:handles-job';

/** Marks the provider that runs one job name; the dispatcher finds it at start. */
export const HandlesJob = (name: JobName) => SetMetadata(HANDLES_JOB, name);

export interface JobContext {
  progress(percent: number): Promise<void>;
  /** 1 for the first try. */
  attempt: number;
  maxAttempts: number;
  /** BullMQ's id of the job; a scheduled job's (`repeat:<scheduler>:<ms>`) names its tick. */
  jobId?: string;
}

export interface JobHandler<N extends JobName> {
  handle(payload: JobPayloads[N], context: JobContext): Promise<unknown>;
}
