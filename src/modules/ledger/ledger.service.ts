import { Injectable } from '@nestjs/common';
import type { Language } from '../../platform/errors/localized-messages';
import { Outbox } from '../../platform/outbox/outbox.service';
import type { Page } from '../../platform/pagination/page.dto';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { AlliancesService } from '../alliances/alliances.service';
import type { TransferJobView } from '../registry-transfer/dto/transfer-job.view';
import { TransferJobKind } from '../registry-transfer/entities/transfer-job-kind';
import { ExportJobsService } from '../registry-transfer/export-jobs.service';
import { transferQueueJobId } from '../registry-transfer/registry-transfer.jobs';
import type { ListLedgersQuery, StartLedgerDto } from './dto/ledger.dto';
import { ledgerPeriod } from './ledger-period';
import { LedgerJob } from './ledger.jobs';

/** Starts an alliance's ledger (工作台账) and lists those made: the period is checked now, the file made in the worker. */
@Injectable()
export class LedgerService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly outbox: Outbox,
    private readonly alliances: AlliancesService,
    private readonly exportJobs: ExportJobsService,
  ) {}

  async start(allianceId: string, input: StartLedgerDto, language: Language): Promise<TransferJobView> {
    await this.alliances.require(allianceId);
    const period = ledgerPeriod(input);
    const job = await this.exportJobs.record(TransferJobKind.AllianceLedger, allianceId, language, {
      ...period,
      format: input.format,
    });
    await this.outbox.enqueue(
      { name: LedgerJob.BuildLedger, payload: { tenantId: this.tenant.tenantId, transferJobId: job.id } },
      { jobId: transferQueueJobId(job.id) },
    );
    return job;
  }

  async list(allianceId: string, query: ListLedgersQuery): Promise<Page<TransferJobView>> {
    await this.alliances.require(allianceId);
    return this.exportJobs.listFor(TransferJobKind.AllianceLedger, allianceId, query);
  }
}
