import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock';
import { type Language, localizedReason } from '../../platform/errors/localized-messages';
import { RegistryTransferNotification } from './registry-transfer.notifications';
import { Notifier } from '../../platform/notifications/notifier.service';
import { type Actor, systemActor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { AlliancesService } from '../alliances/alliances.service';
import { TransferJobKind } from './entities/transfer-job-kind';
import { TransferJobStatus } from './entities/transfer-job-status';
import { TransferJobsRepository } from './transfer-jobs.repository';

/**
 * Ends a transfer job whose last attempt failed: the row says failed with a reason its user can read
 * (the technical cause goes to the log, as a 500's does), an import's upload is let go, and the
 * official who started an import is told, as when the import refuses a file.
 */
@Injectable()
export class TransferJobFailures {
  private readonly logger = new Logger(TransferJobFailures.name);

  constructor(
    private readonly tenant: TenantContext,
    private readonly jobs: TransferJobsRepository,
    private readonly alliances: AlliancesService,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  /**
   * Never throws: BullMQ should record the job's own error, not one from recording it. `lost`: the job
   * stopped with its worker or its queue (transfer-job-sweeper.ts) rather than failing its attempts.
   */
  async record(
    { tenantId, transferJobId }: { tenantId: string; transferJobId: string },
    attempts: number,
    cause: unknown,
    how: 'failed' | 'lost' = 'failed',
  ): Promise<void> {
    this.logger.error({ err: cause, transferJobId, attempts }, 'Transfer job failed for good');
    try {
      const system: Actor = systemActor(tenantId);
      const job = await this.tenant.run(system, () => this.jobs.findById(transferJobId));
      if (!job) return;
      const actor: Actor = { ...system, userId: job.createdById };
      const reason = (
        how === 'lost'
          ? localizedReason('jobLost', job.language as Language)
          : localizedReason('jobFailed', job.language as Language, [attempts])
      )!;
      // Its own transaction, so the row says failed even when telling someone fails too.
      const failed = await this.tenant.run(actor, () => this.jobs.failUnlessFinished(job.id, reason, this.clock.now()));
      if (!failed || job.kind !== TransferJobKind.MemberImport) return;
      await this.tenant.run(actor, async () => {
        const alliance = await this.alliances.require(job.allianceId);
        await this.notifier.notify(
          { userIds: [job.createdById] },
          RegistryTransferNotification.ImportFinished,
          {
            jobId: job.id,
            allianceId: alliance.id,
            allianceName: alliance.name,
            fileName: job.fileName,
            status: TransferJobStatus.Failed,
            error: reason,
            accepted: job.acceptedRows,
            refused: job.processedRows - job.acceptedRows,
          },
          { dedupeKey: `import-finished:${job.id}` },
        );
      });
    } catch (error) {
      this.logger.error({ err: error, transferJobId }, 'Could not record that a transfer job failed');
    }
  }
}
