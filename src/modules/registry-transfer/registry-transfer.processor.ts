import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { workerOptions } from '../../platform/queue/worker-options';
import { JobDispatcher } from '../../platform/queue/job-dispatcher';
import { QueueName } from '../../platform/queue/queue.constants';

@Processor(QueueName.Registry, workerOptions(2))
export class RegistryTransferProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.dispatcher.dispatch(job);
  }
}
