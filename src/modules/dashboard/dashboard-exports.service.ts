import { Injectable } from '@nestjs/common';
import type { Language } from '../../platform/errors/localized-messages';
import { Outbox } from '../../platform/outbox/outbox.service';
import { DashboardJob } from './dashboard.jobs';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { TransferJobView } from '../registry-transfer/dto/transfer-job.view';
import { TransferJobKind } from '../registry-transfer/entities/transfer-job-kind';
import { ExportJobsService } from '../registry-transfer/export-jobs.service';
import { transferQueueJobId } from '../registry-transfer/registry-transfer.jobs';
import { DashboardService } from './dashboard.service';
import type { DashboardExportDto } from './dto/dashboard.dto';

/** Starts a dashboard export (.xlsx or PDF): the period is checked now, the file is made in the worker. */
@Injectable()
export class DashboardExports {
  constructor(
    private readonly tenant: TenantContext,
    private readonly outbox: Outbox,
    private readonly dashboard: DashboardService,
    private readonly exportJobs: ExportJobsService,
  ) {}

  async start(allianceId: string, input: DashboardExportDto, language: Language): Promise<TransferJobView> {
    const { from, to } = await this.dashboard.compute(allianceId, input);
    const job = await this.exportJobs.record(TransferJobKind.DashboardExport, allianceId, language, {
      from,
      to,
      format: input.format,
    });
    await this.outbox.enqueue(
      { name: DashboardJob.ExportDashboard, payload: { tenantId: this.tenant.tenantId, transferJobId: job.id } },
      { jobId: transferQueueJobId(job.id) },
    );
    return job;
  }
}
