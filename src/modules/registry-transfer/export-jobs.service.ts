import { Injectable } from '@nestjs/common';
import type { Language } from '../../platform/errors/localized-messages';
import type { Page } from '../../platform/pagination/page.dto';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { TransferJobView } from './dto/transfer-job.view';
import type { TransferJob } from './entities/transfer-job.entity';
import type { TransferJobKind } from './entities/transfer-job-kind';
import type { TransferJobStatus } from './entities/transfer-job-status';
import { toTransferJobView } from './transfer-job.view';
import { TransferJobsRepository } from './transfer-jobs.repository';

/** The kinds of transfer job other features record for their file exports. */
export type ExportJobKind =
  TransferJobKind.ServiceStatisticsExport | TransferJobKind.DashboardExport | TransferJobKind.AllianceLedger;

/** The period (and, for the dashboard, the format) an export covers. */
export interface ExportJobParameters {
  from: string;
  to: string;
  format?: 'xlsx' | 'pdf' | 'docx';
}

/** What an export's handler reads back from its job. */
export interface ExportJob {
  id: string;
  status: TransferJobStatus;
  allianceId: string;
  createdById: string;
  language: string;
  parameters: ExportJobParameters;
}

/** What an export's handler may change on its job while it runs and when it is done. */
export type ExportJobChanges = Partial<
  Pick<
    TransferJob,
    | 'status'
    | 'progress'
    | 'startedAt'
    | 'finishedAt'
    | 'file'
    | 'fileName'
    | 'totalRows'
    | 'processedRows'
    | 'acceptedRows'
  >
>;

/**
 * The transfer job on which another feature's file export (service statistics, dashboard) is followed and
 * downloaded: recorded when the export starts, updated by the export's handler in the worker.
 */
@Injectable()
export class ExportJobsService {
  constructor(
    private readonly jobs: TransferJobsRepository,
    private readonly tenant: TenantContext,
  ) {}

  /** Records a queued export for the signed-in person; the caller enqueues its job in the same transaction. */
  async record(
    kind: ExportJobKind,
    allianceId: string,
    language: Language,
    parameters: ExportJobParameters,
  ): Promise<TransferJobView> {
    const job = await this.jobs.save({
      tenantId: this.tenant.tenantId,
      kind,
      allianceId,
      createdById: this.tenant.actor.userId,
      language,
      parameters,
      refusedRows: [],
    });
    return toTransferJobView(job);
  }

  async find(id: string): Promise<ExportJob | null> {
    const job = await this.jobs.findById(id);
    if (!job) return null;
    return {
      id: job.id,
      status: job.status,
      allianceId: job.allianceId,
      createdById: job.createdById,
      language: job.language,
      // An export's job is recorded with its period (record above).
      parameters: job.parameters as ExportJobParameters,
    };
  }

  /** The exports of one kind for an alliance, newest first (by anyone of the township). */
  async listFor(
    kind: ExportJobKind,
    allianceId: string,
    page: { limit?: number; cursor?: string },
  ): Promise<Page<TransferJobView>> {
    const found = await this.jobs.list({ ...page, kind, allianceId });
    return { items: found.items.map(toTransferJobView), nextCursor: found.nextCursor };
  }

  update(id: string, changes: ExportJobChanges): Promise<void> {
    return this.jobs.update(id, changes);
  }
}
