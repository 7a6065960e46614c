import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { Job } from 'bullmq';
import { HANDLES_JOB, JobHandler } from './handles-job.decorator';
import { type JobName, type JobPayloads, registeredJobs } from './job-registry';

/**
 * Routes each job to its handler. Refuses to start when a job name has no handler or two, so a
 * job can never sit in a queue that nobody serves.
 */
@Injectable()
export class JobDispatcher implements OnModuleInit {
  private readonly logger = new Logger(JobDispatcher.name);
  // Per process by design: built once at start from the code, the same in every worker copy.
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as JobHandler<JobName> | undefined;
      if (!instance || !wrapper.metatype) continue;
      const name = this.reflector.get<JobName | undefined>(HANDLES_JOB, wrapper.metatype);
      if (!name) continue;
      if (this.handlers.has(name)) throw new Error(`Two handlers for job "${name}"`);
      this.handlers.set(name, instance);
    }
    const missing = registeredJobs().filter((name) => !this.handlers.has(name));
    if (missing.length > 0) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
  }

  async dispatch(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job "${job.name}"`);
    const attempt = job.attemptsMade + 1;
    // A scheduled job (the statistics fold every 15 s, the sweeps every minute) would fill the log at info.
    const started = { jobId: job.id, job: job.name, attempt };
    if (job.repeatJobKey) this.logger.debug(started, 'Job started');
    else this.logger.log(started, 'Job started');
    // BullMQ stores the payload as JSON; the job's name says which payload it is (see JobMap).
    const payload = job.data as JobPayloads[JobName];
    try {
      return await handler.handle(payload, {
        progress: (percent) => job.updateProgress(percent),
        attempt,
        maxAttempts: job.opts.attempts ?? 1,
        jobId: job.id,
      });
    } catch (error) {
      this.logger.warn({ jobId: job.id, job: job.name, attempt, err: error }, 'Job attempt failed');
      throw error;
    }
  }
}
