import { Injectable } from '@nestjs/common';
import type { Language } from '../../../platform/errors/localized-messages';
import { Outbox } from '../../../platform/outbox/outbox.service';
import { ServiceRequestJob } from '../service-requests.jobs';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { TransferJobView } from '../../registry-transfer/dto/transfer-job.view';
import { TransferJobKind } from '../../registry-transfer/entities/transfer-job-kind';
import { ExportJobsService } from '../../registry-transfer/export-jobs.service';
import { transferQueueJobId } from '../../registry-transfer/registry-transfer.jobs';
import type { StatisticsQuery } from '../dto/statistics.dto';
import { ServiceStatistics } from './service-statistics.service';

/** Starts a statistics export: checks the query now (a bad one is a 400, not a failed job), runs it in the worker. */
@Injectable()
export class StatisticsExports {
  constructor(
    private readonly tenant: TenantContext,
    private readonly outbox: Outbox,
    private readonly statistics: ServiceStatistics,
    private readonly exportJobs: ExportJobsService,
  ) {}

  async start(query: StatisticsQuery, language: Language): Promise<TransferJobView> {
    const { from, to } = await this.statistics.compute(query);
    const job = await this.exportJobs.record(TransferJobKind.ServiceStatisticsExport, query.allianceId, language, {
      from,
      to,
    });
    await this.outbox.enqueue(
      {
        name: ServiceRequestJob.ExportServiceStatistics,
        payload: { tenantId: this.tenant.tenantId, transferJobId: job.id },
      },
      { jobId: transferQueueJobId(job.id) },
    );
    return job;
  }
}
