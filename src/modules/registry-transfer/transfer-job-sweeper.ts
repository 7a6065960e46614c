import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '../../platform/clock/clock';
import { HandlesJob, JobHandler } from '../../platform/queue/handles-job.decorator';
import { JobSchedulerKeeper } from '../../platform/queue/job-schedulers';
import { REGISTRY_QUEUE, RegistryTransferJob, transferQueueJobId } from './registry-transfer.jobs';
import { systemActor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { TransferJobFailures } from './transfer-job-failures';
import { TransferJobsRepository } from './transfer-jobs.repository';

/** A transfer job starts within seconds of its relay; one whose queue job is gone after this was lost. */
export const LOST_AFTER_MS = 2 * 60_000;

/**
 * Ends transfer jobs that BullMQ gave up without our code knowing, and ones it lost. A worker that
 * dies during a job more often than the stalled limit allows has the job failed by another worker's
 * stalled check, which runs none of our code; Redis may lose a job (flushed, failed over without its
 * data). Either would leave the row "running" for ever, the page showing progress that never moves.
 * The row is failed with a reason its user can read, and the official told, as for any failure.
 */
@Injectable()
@HandlesJob(RegistryTransferJob.SweepTransferJobs)
export class SweepTransferJobsHandler implements JobHandler<RegistryTransferJob.SweepTransferJobs> {
  private readonly logger = new Logger(SweepTransferJobsHandler.name);

  constructor(
    private readonly tenant: TenantContext,
    private readonly failures: TransferJobFailures,
    private readonly jobs: TransferJobsRepository,
    private readonly clock: Clock,
    @InjectQueue(REGISTRY_QUEUE) private readonly queue: Queue,
  ) {}

  async handle(): Promise<number> {
    let ended = 0;
    for (const tenantId of await this.tenant.tenantIds()) {
      for (const id of await this.openJobs(tenantId)) {
        const job = await this.queue.getJob(transferQueueJobId(id));
        const state = job ? await job.getState() : 'missing';
        if (state === 'failed') {
          // Failed by BullMQ's stalled check (its workers died), or by an attempt whose failure could not be written then.
          const how = /stalled/i.test(job!.failedReason) ? 'lost' : 'failed';
          await this.failures.record(
            { tenantId, transferJobId: id },
            job!.attemptsMade,
            new Error(job!.failedReason),
            how,
          );
        } else if (state === 'missing' || state === 'unknown' || state === 'completed') {
          // A job that just finished has written its row before BullMQ removed it: read the row again.
          if (!(await this.stillOpen(tenantId, id))) continue;
          await this.failures.record(
            { tenantId, transferJobId: id },
            job?.attemptsMade ?? 0,
            new Error(`queue job ${state}`),
            'lost',
          );
        } else continue; // waiting, delayed or active: it is in hand
        ended++;
      }
    }
    if (ended > 0) this.logger.warn({ count: ended }, 'Transfer jobs ended that their queue had given up or lost');
    return ended;
  }

  /** Queued or running for a while, and not waiting in the outbox for a relay (a worker down is not a job lost). */
  private openJobs(tenantId: string): Promise<string[]> {
    return this.tenant.run(systemActor(tenantId), () =>
      this.jobs.openJobIds(new Date(this.clock.now().getTime() - LOST_AFTER_MS)),
    );
  }

  private stillOpen(tenantId: string, id: string): Promise<boolean> {
    return this.tenant.run(systemActor(tenantId), async () => {
      const status = await this.jobs.statusOf(id);
      return status === 'queued' || status === 'running';
    });
  }
}

/** The sweep every minute: one schedule however many workers, recreated if Redis loses it. */
@Injectable()
export class TransferJobSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly keeper: JobSchedulerKeeper;

  constructor(@InjectQueue(REGISTRY_QUEUE) queue: Queue) {
    this.keeper = new JobSchedulerKeeper(queue, [{ name: RegistryTransferJob.SweepTransferJobs, every: 60_000 }]);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.keeper.start();
  }

  onApplicationShutdown(): void {
    this.keeper.stop();
  }
}
