import { Injectable } from '@nestjs/common';
import type { Language } from '../../../platform/errors/localized-messages';
import { Outbox } from '../../../platform/outbox/outbox.service';
import { ServiceRequestJob } from '../service-requests.jobs';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { TransferJobView } from '../../registry-transfer/dto/transfer-job.view';
import { TransferJob, TransferJobKind, transferQueueJobId } from '../../registry-transfer/entities/transfer-job.entity';
import { toTransferJobView } from '../../registry-transfer/transfer-job.view';
import type { StatisticsQuery } from '../dto/statistics.dto';
import { ServiceStatistics } from './service-statistics.service';

/** Starts a statistics export: checks the query now (a bad one is a 400, not a failed job), runs it in the worker. */
@Injectable()
export class StatisticsExports {
  constructor(
    private readonly tenant: TenantContext,
    private readonly outbox: Outbox,
    private readonly statistics: ServiceStatistics,
  ) {}

  async start(query: StatisticsQuery, language: Language): Promise<TransferJobView> {
    const { from, to } = await this.statistics.compute(query);
    const job = await this.tenant.manager.getRepository(TransferJob).save({
      tenantId: this.tenant.tenantId,
      kind: TransferJobKind.ServiceStatisticsExport,
      allianceId: query.allianceId,
      createdById: this.tenant.actor.userId,
      language,
      parameters: { from, to },
      refusedRows: [],
    });
    await this.outbox.enqueue(
      { name: ServiceRequestJob.ExportServiceStatistics, payload: { tenantId: job.tenantId, transferJobId: job.id } },
      { jobId: transferQueueJobId(job.id) },
    );
    return toTransferJobView(job);
  }
}
