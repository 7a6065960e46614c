import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../../../platform/clock/clock';
import type { Environment } from '../../../platform/config/environment';
import type { Language } from '../../../platform/errors/localized-messages';
import { HandlesJob, JobContext, JobHandler } from '../../../platform/queue/handles-job.decorator';
import type { JobPayloads } from '../../../platform/queue/job-registry';
import { DashboardJob } from '../dashboard.jobs';
import { systemActor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { TransferJobStatus } from '../../registry-transfer/entities/transfer-job-status';
import { ExportJobsService } from '../../registry-transfer/export-jobs.service';
import { DashboardService } from '../dashboard.service';
import { dashboardPdf } from './dashboard-pdf';
import { dashboardWorkbook } from './dashboard-workbook';

/** Makes the dashboard's .xlsx or PDF; progress shows on the transfer job the user follows. */
@Injectable()
@HandlesJob(DashboardJob.ExportDashboard)
export class DashboardExportHandler implements JobHandler<DashboardJob.ExportDashboard> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly jobs: ExportJobsService,
    private readonly dashboard: DashboardService,
    private readonly config: ConfigService<Environment, true>,
    private readonly clock: Clock,
  ) {}

  async handle(
    { tenantId, transferJobId }: JobPayloads[DashboardJob.ExportDashboard],
    context: JobContext,
  ): Promise<void> {
    const system = systemActor(tenantId);
    const job = await this.tenant.run(system, () => this.jobs.find(transferJobId));
    if (!job || job.status === TransferJobStatus.Succeeded) return;
    const actor = { ...system, userId: job.createdById };
    await this.tenant.run(actor, () =>
      this.jobs.update(job.id, { status: TransferJobStatus.Running, startedAt: this.clock.now(), progress: 10 }),
    );
    await context.progress(10);
    const { from, to, format = 'xlsx' } = job.parameters;
    const view = await this.tenant.read(actor, () => this.dashboard.compute(job.allianceId, { from, to }));
    await this.tenant.run(actor, () => this.jobs.update(job.id, { progress: 50 }));
    await context.progress(50);
    const language = job.language as Language;
    const content =
      format === 'pdf'
        ? await dashboardPdf(
            view,
            language,
            this.config.get('PDF_FONT_PATH', { infer: true }),
            this.config.get('PDF_FONT_NAME', { infer: true }),
          )
        : await dashboardWorkbook(view, language);
    await this.tenant.run(actor, () =>
      this.jobs.update(job.id, {
        status: TransferJobStatus.Succeeded,
        file: content,
        fileName: `${language === 'en' ? 'alliance-dashboard' : '联盟驾驶舱'}-${from}-${to}.${format}`,
        progress: 100,
        finishedAt: this.clock.now(),
      }),
    );
    await context.progress(100);
  }
}
