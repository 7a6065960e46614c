import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler } from '../../../platform/queue/handles-job.decorator';
import { ServiceRequestJob } from '../service-requests.jobs';
import { systemActor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { StatisticsRepository } from '../statistics/statistics.repository';

/**
 * Folds the days whose requests changed back into the statistics' daily sums, township by
 * township. The statistics are exact without it (changed days are counted live); this keeps the
 * live part to the last few seconds' days.
 */
@Injectable()
@HandlesJob(ServiceRequestJob.RefreshServiceStatistics)
export class DailyFiguresHandler implements JobHandler<ServiceRequestJob.RefreshServiceStatistics> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly statistics: StatisticsRepository,
  ) {}

  handle(): Promise<number> {
    return this.tenant.sumOverTownships(() => this.statistics.refreshDailyFigures());
  }

  refresh(tenantId: string): Promise<number> {
    return this.tenant.run(systemActor(tenantId), () => this.statistics.refreshDailyFigures());
  }
}
