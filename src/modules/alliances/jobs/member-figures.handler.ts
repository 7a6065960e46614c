import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler } from '../../../platform/queue/handles-job.decorator';
import { systemActor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { AllianceJob } from '../alliances.jobs';
import { MemberFigures } from '../figures/member-figures.service';

/**
 * Sums again the alliances whose memberships, or whose organisations' chain positions or Party
 * organisations, changed, township by township. The figures are exact without it (changed
 * alliances are counted live); this keeps the live part to the last few seconds' changes.
 */
@Injectable()
@HandlesJob(AllianceJob.RefreshMemberFigures)
export class MemberFiguresHandler implements JobHandler<AllianceJob.RefreshMemberFigures> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly figures: MemberFigures,
  ) {}

  async handle(): Promise<number> {
    let alliances = 0;
    for (const tenantId of await this.tenant.tenantIds()) alliances += await this.refresh(tenantId);
    return alliances;
  }

  refresh(tenantId: string): Promise<number> {
    return this.tenant.run(systemActor(tenantId), () => this.figures.refresh());
  }
}
