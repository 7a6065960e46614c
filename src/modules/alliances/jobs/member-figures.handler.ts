import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler } from '../../../platform/queue/handles-job.decorator';
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

  handle(): Promise<number> {
    return this.tenant.sumOverTownships(() => this.figures.refresh());
  }
}
