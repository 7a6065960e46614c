import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler } from '../../../platform/queue/handles-job.decorator';
import { systemActor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { IntakeJob } from '../intake.jobs';
import { SimilarRequests } from '../similar-requests.service';

/** Every minute: each township's newly resolved requests cut into terms, in its own transaction. */
@Injectable()
@HandlesJob(IntakeJob.IndexResolvedRequests)
export class IndexResolvedHandler implements JobHandler<IntakeJob.IndexResolvedRequests> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly similar: SimilarRequests,
  ) {}

  async handle(): Promise<number> {
    let indexed = 0;
    for (const tenantId of await this.tenant.tenantIds())
      indexed += await this.tenant.run(systemActor(tenantId), () => this.similar.indexPending());
    return indexed;
  }
}
