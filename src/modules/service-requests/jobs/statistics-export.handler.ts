import { Injectable } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import type { Language } from '../../../platform/errors/localized-messages';
import { HandlesJob, JobContext, JobHandler } from '../../../platform/queue/handles-job.decorator';
import type { JobPayloads } from '../../../platform/queue/job-registry';
import { ServiceRequestJob } from '../service-requests.jobs';
import { systemActor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { TransferJobStatus } from '../../registry-transfer/entities/transfer-job-status';
import { ExportJobsService } from '../../registry-transfer/export-jobs.service';
import { ServiceStatistics } from '../statistics/service-statistics.service';
import { statisticsWorkbook } from '../statistics/statistics-workbook';

@Injectable()
@HandlesJob(ServiceRequestJob.ExportServiceStatistics)
export class StatisticsExportHandler implements JobHandler<ServiceRequestJob.ExportServiceStatistics> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly jobs: ExportJobsService,
    private readonly statistics: ServiceStatistics,
    private readonly clock: Clock,
  ) {}

  async handle(
    { tenantId, transferJobId }: JobPayloads[ServiceRequestJob.ExportServiceStatistics],
    context: JobContext,
  ): Promise<void> {
    const system = systemActor(tenantId);
    const job = await this.tenant.run(system, () => this.jobs.find(transferJobId));
    if (!job || job.status === TransferJobStatus.Succeeded) return;
    const actor = { ...system, userId: job.createdById };
    await this.tenant.run(actor, async () => {
      await this.jobs.update(job.id, { status: TransferJobStatus.Running, startedAt: this.clock.now(), progress: 10 });
    });
    await context.progress(10);
    const { from, to } = job.parameters;
    const stats = await this.tenant.read(actor, () =>
      this.statistics.compute({ allianceId: job.allianceId, from, to }),
    );
    await context.progress(60);
    const content = await statisticsWorkbook(stats, job.language as Language);
    await this.tenant.run(actor, () =>
      this.jobs.update(job.id, {
        status: TransferJobStatus.Succeeded,
        file: content,
        fileName: `${job.language === 'en' ? 'service-statistics' : '服务统计'}-${from}-${to}.xlsx`,
        totalRows: stats.byDepartment.length,
        processedRows: stats.byDepartment.length,
        acceptedRows: stats.byDepartment.length,
        progress: 100,
        finishedAt: this.clock.now(),
      }),
    );
    await context.progress(100);
  }
}
