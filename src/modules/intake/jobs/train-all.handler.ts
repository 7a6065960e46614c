import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler } from '../../../platform/queue/handles-job.decorator';
import { systemActor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { IntakeJob } from '../intake.jobs';
import { IntakeTrainingQueue } from '../intake-training-queue.service';

/** Nightly: queues a training in each township, each in its own transaction (one already pending stays). */
@Injectable()
@HandlesJob(IntakeJob.TrainIntakeModels)
export class TrainAllHandler implements JobHandler<IntakeJob.TrainIntakeModels> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly queue: IntakeTrainingQueue,
  ) {}

  async handle(): Promise<number> {
    const townships = await this.tenant.tenantIds();
    for (const tenantId of townships) await this.tenant.run(systemActor(tenantId), () => this.queue.request(null));
    return townships.length;
  }
}
