import { Injectable } from '@nestjs/common';
import { DomainException } from '../../platform/errors/domain.exception';
import type { Language } from '../../platform/errors/localized-messages';
import { Outbox } from '../../platform/outbox/outbox.service';
import type { Page } from '../../platform/pagination/page.dto';
import { RegistryTransferJob, transferQueueJobId } from './registry-transfer.jobs';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { AlliancesService } from '../alliances/alliances.service';
import type { ListTransferJobsQuery, TransferJobView } from './dto/transfer-job.view';
import { TransferJobKind } from './entities/transfer-job-kind';
import { TransferJobStatus } from './entities/transfer-job-status';
import { toTransferJobView } from './transfer-job.view';
import { StorageQuota } from '../../platform/storage/storage-quota';
import { TransferJobsRepository } from './transfer-jobs.repository';

export interface UploadedSpreadsheet {
  fileName: string;
  content: Buffer;
}

/** Starts imports and exports: the job row and its outbox event are written in one transaction. */
@Injectable()
export class TransferJobsService {
  constructor(
    private readonly jobs: TransferJobsRepository,
    private readonly alliances: AlliancesService,
    private readonly outbox: Outbox,
    private readonly tenant: TenantContext,
    private readonly quota: StorageQuota,
  ) {}

  async startImport(allianceId: string, upload: UploadedSpreadsheet, language: Language): Promise<TransferJobView> {
    await this.alliances.require(allianceId);
    await this.quota.reserve(upload.content.length);
    return this.start(TransferJobKind.MemberImport, allianceId, language, upload);
  }

  async startExport(allianceId: string, language: Language): Promise<TransferJobView> {
    await this.alliances.require(allianceId);
    return this.start(TransferJobKind.RegistryExport, allianceId, language);
  }

  async get(id: string): Promise<TransferJobView> {
    const job = await this.jobs.findById(id);
    if (!job) throw DomainException.notFound();
    return toTransferJobView(job);
  }

  async list(query: ListTransferJobsQuery): Promise<Page<TransferJobView>> {
    const page = await this.jobs.list(query);
    return { items: page.items.map(toTransferJobView), nextCursor: page.nextCursor };
  }

  async download(id: string): Promise<{ fileName: string; content: Buffer }> {
    const job = await this.jobs.findById(id);
    if (!job || job.kind === TransferJobKind.MemberImport) throw DomainException.notFound();
    if (job.status !== TransferJobStatus.Succeeded)
      throw DomainException.conflict(undefined, [{ field: 'status', reason: 'matches' }]);
    const content = await this.jobs.readFile(id);
    if (!content) throw DomainException.notFound();
    return { fileName: job.fileName ?? 'registry.xlsx', content };
  }

  private async start(
    kind: TransferJobKind,
    allianceId: string,
    language: Language,
    upload?: UploadedSpreadsheet,
  ): Promise<TransferJobView> {
    const actor = this.tenant.actor;
    const job = await this.jobs.save({
      tenantId: this.tenant.tenantId,
      kind,
      allianceId,
      createdById: actor.userId,
      language,
      fileName: upload?.fileName ?? null,
      file: upload?.content ?? null,
      refusedRows: [],
    });
    const name =
      kind === TransferJobKind.MemberImport ? RegistryTransferJob.ImportMembers : RegistryTransferJob.ExportRegistry;
    await this.outbox.enqueue(
      { name, payload: { tenantId: job.tenantId, transferJobId: job.id } },
      { jobId: transferQueueJobId(job.id) },
    );
    return toTransferJobView({ ...job, file: null });
  }
}
