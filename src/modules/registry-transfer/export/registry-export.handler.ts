import { Injectable } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import { localDate } from '../../../platform/clock/local-date';
import type { Language } from '../../../platform/errors/localized-messages';
import { PersonalChannel } from '../../../platform/notifications/notification-types';
import { RegistryTransferNotification } from '../registry-transfer.notifications';
import { Notifier } from '../../../platform/notifications/notifier.service';
import { HandlesJob, JobContext, JobHandler } from '../../../platform/queue/handles-job.decorator';
import type { JobPayloads } from '../../../platform/queue/job-registry';
import { RegistryTransferJob } from '../registry-transfer.jobs';
import { type Actor, systemActor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { AlliancesService } from '../../alliances/alliances.service';
import { TransferJobStatus } from '../entities/transfer-job-status';
import { TransferJobsRepository } from '../transfer-jobs.repository';
import { registryWorkbook } from './registry-workbook';

/** Writes the alliance's registry to .xlsx and keeps it on the job row for download. */
@Injectable()
@HandlesJob(RegistryTransferJob.ExportRegistry)
export class RegistryExportHandler implements JobHandler<RegistryTransferJob.ExportRegistry> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly jobs: TransferJobsRepository,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
    private readonly alliances: AlliancesService,
  ) {}

  async handle(payload: JobPayloads[RegistryTransferJob.ExportRegistry], context: JobContext): Promise<void> {
    const system: Actor = systemActor(payload.tenantId);
    const job = await this.tenant.run(system, () => this.jobs.findById(payload.transferJobId));
    if (!job || job.status === TransferJobStatus.Succeeded) return;
    const actor: Actor = { ...system, userId: job.createdById };

    const { alliance, memberships } = await this.tenant.run(actor, async () => {
      await this.jobs.update(job.id, { status: TransferJobStatus.Running, startedAt: this.clock.now() });
      return this.alliances.registry(job.allianceId);
    });
    const total = Math.max(memberships.length, 1);
    await this.tenant.run(actor, () => this.jobs.update(job.id, { totalRows: memberships.length }));
    const content = await registryWorkbook(memberships, job.language as Language, async (done) => {
      const percent = Math.min(99, Math.floor((done * 100) / total));
      await this.tenant.run(actor, () => this.jobs.update(job.id, { processedRows: done, progress: percent }));
      await context.progress(percent);
    });
    const fileName = `${alliance.name}-${localDate(this.clock.now())}.xlsx`;
    await this.tenant.run(actor, async () => {
      await this.jobs.update(job.id, {
        status: TransferJobStatus.Succeeded,
        file: content,
        fileName,
        processedRows: memberships.length,
        acceptedRows: memberships.filter((m) => !m.leftOn).length,
        progress: 100,
        finishedAt: this.clock.now(),
      });
      await this.notifier.notify(
        { userIds: [job.createdById] },
        RegistryTransferNotification.ExportFinished,
        { jobId: job.id, allianceId: alliance.id, allianceName: alliance.name },
        { dedupeKey: `export-finished:${job.id}`, channels: [PersonalChannel.InApp] },
      );
    });
    await context.progress(100);
  }
}
