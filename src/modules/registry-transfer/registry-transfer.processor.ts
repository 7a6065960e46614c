import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { isLastAttempt } from '../../platform/queue/job-attempts';
import { workerOptions } from '../../platform/queue/worker-options';
import { JobDispatcher } from '../../platform/queue/job-dispatcher';
import { REGISTRY_QUEUE } from './registry-transfer.jobs';
import { TransferJobFailures } from './transfer-job-failures';

/**
 * Every job of this queue but the sweep works on a transfer job row (imports, and the registry,
 * statistics and dashboard exports). When BullMQ gives one up, the row must say so: otherwise the
 * page shows the job running for ever and nobody learns that it failed.
 */
@Processor(REGISTRY_QUEUE, workerOptions(2))
export class RegistryTransferProcessor extends WorkerHost {
  constructor(
    private readonly dispatcher: JobDispatcher,
    private readonly failures: TransferJobFailures,
  ) {
    super();
  }

  async process(job: Job<{ tenantId: string; transferJobId?: string }>): Promise<unknown> {
    try {
      return await this.dispatcher.dispatch(job);
    } catch (error) {
      // The sweep (transfer-job-sweeper.ts) works on no row of its own.
      const { tenantId, transferJobId } = job.data;
      if (transferJobId && isLastAttempt(job, error))
        await this.failures.record({ tenantId, transferJobId }, job.attemptsMade + 1, error);
      throw error;
    }
  }
}
