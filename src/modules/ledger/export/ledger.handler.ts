import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../../../platform/clock/clock';
import type { Environment } from '../../../platform/config/environment';
import type { Language } from '../../../platform/errors/localized-messages';
import { HandlesJob, JobContext, JobHandler } from '../../../platform/queue/handles-job.decorator';
import type { JobPayloads } from '../../../platform/queue/job-registry';
import { systemActor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { TransferJobStatus } from '../../registry-transfer/entities/transfer-job-status';
import { ExportJobsService } from '../../registry-transfer/export-jobs.service';
import { LedgerContentsService } from '../ledger-contents.service';
import { LedgerJob } from '../ledger.jobs';
import { fixedZip } from './fixed-zip';
import { ledgerDocument, renumberBookmarks } from './ledger-document';
import { ledgerLabels } from './ledger-labels';
import { ledgerPdf } from './ledger-pdf';
import { ledgerTables } from './ledger-tables';
import { ledgerWorkbook } from './ledger-workbook';

/** Builds a ledger (.docx, .xlsx or .pdf); progress shows on the transfer job the official follows. */
@Injectable()
@HandlesJob(LedgerJob.BuildLedger)
export class LedgerHandler implements JobHandler<LedgerJob.BuildLedger> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly jobs: ExportJobsService,
    private readonly contents: LedgerContentsService,
    private readonly clock: Clock,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async handle({ tenantId, transferJobId }: JobPayloads[LedgerJob.BuildLedger], context: JobContext): Promise<void> {
    const system = systemActor(tenantId);
    const job = await this.tenant.run(system, () => this.jobs.find(transferJobId));
    if (!job || job.status === TransferJobStatus.Succeeded) return;
    const actor = { ...system, userId: job.createdById };
    const progress = async (percent: number) => {
      await this.tenant.run(actor, () => this.jobs.update(job.id, { progress: percent }));
      await context.progress(percent);
    };
    await this.tenant.run(actor, () =>
      this.jobs.update(job.id, { status: TransferJobStatus.Running, startedAt: this.clock.now(), progress: 5 }),
    );
    const { from, to, format = 'docx' } = job.parameters;
    const period = { from, to };
    // One snapshot for every figure: the parts of the ledger cannot disagree with each other.
    const contents = await this.tenant.read(actor, () => this.contents.gather(job.allianceId, period, progress));
    const language = job.language as Language;
    const tables = ledgerTables(contents, language);
    // Dated by the period's end, never by the moment it was built: the same period and data give the same file.
    const at = new Date(`${to}T00:00:00+08:00`);
    const file =
      format === 'pdf'
        ? await ledgerPdf(
            contents,
            tables,
            language,
            at,
            this.config.get('PDF_FONT_PATH', { infer: true }),
            this.config.get('PDF_FONT_NAME', { infer: true }),
          )
        : await fixedZip(
            format === 'xlsx'
              ? await ledgerWorkbook(tables, language, at)
              : await ledgerDocument(contents, tables, language),
            at,
            renumberBookmarks,
          );
    await progress(90);
    const name = `${contents.alliance.name}-${ledgerLabels(language).fileName}-${from}-${to}.${format}`;
    await this.tenant.run(actor, () =>
      this.jobs.update(job.id, {
        status: TransferJobStatus.Succeeded,
        file,
        fileName: name.replace(/[\\/\0]/g, '_').slice(0, 255),
        progress: 100,
        finishedAt: this.clock.now(),
      }),
    );
    await context.progress(100);
  }
}
