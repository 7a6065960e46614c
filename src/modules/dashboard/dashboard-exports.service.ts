import { Injectable } from '@nestjs/common';
import type { Language } from '../../platform/errors/localized-messages';
import { Outbox } from '../../platform/outbox/outbox.service';
import { DashboardJob } from './dashboard.jobs';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { TransferJobView } from '../registry-transfer/dto/transfer-job.view';
import { TransferJob, TransferJobKind, transferQueueJobId } from '../registry-transfer/entities/transfer-job.entity';
import { toTransferJobView } from '../registry-transfer/transfer-job.view';
import { DashboardService } from './dashboard.service';
import type { DashboardExportDto } from './dto/dashboard.dto';

/** Starts a dashboard export (.xlsx or PDF): the period is checked now, the file is made in the worker. */
@Injectable()
export class DashboardExports {
  constructor(
    private readonly tenant: TenantContext,
    private readonly outbox: Outbox,
    private readonly dashboard: DashboardService,
  ) {}

  async start(allianceId: string, input: DashboardExportDto, language: Language): Promise<TransferJobView> {
    const { from, to } = await this.dashboard.compute(allianceId, input);
    const job = await this.tenant.manager.getRepository(TransferJob).save({
      tenantId: this.tenant.tenantId,
      kind: TransferJobKind.DashboardExport,
      allianceId,
      createdById: this.tenant.actor.userId,
      language,
      parameters: { from, to, format: input.format },
      refusedRows: [],
    });
    await this.outbox.enqueue(
      { name: DashboardJob.ExportDashboard, payload: { tenantId: job.tenantId, transferJobId: job.id } },
      { jobId: transferQueueJobId(job.id) },
    );
    return toTransferJobView(job);
  }
}
