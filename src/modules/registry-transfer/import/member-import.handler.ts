import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import { DomainException, FieldProblem } from '../../../platform/errors/domain.exception';
import { ErrorCode } from '../../../platform/errors/error-code';
import { errorMessages, Language, localizedReason } from '../../../platform/errors/localized-messages';
import { RegistryTransferNotification } from '../registry-transfer.notifications';
import { Notifier } from '../../../platform/notifications/notifier.service';
import { HandlesJob, JobContext, JobHandler } from '../../../platform/queue/handles-job.decorator';
import type { JobPayloads } from '../../../platform/queue/job-registry';
import { RegistryTransferJob } from '../registry-transfer.jobs';
import { type Actor, systemActor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { AlliancesService } from '../../alliances/alliances.service';
import { OrganizationsService } from '../../organizations/organizations.service';
import { RefusedRow, TransferJob } from '../entities/transfer-job.entity';
import { TransferJobStatus } from '../entities/transfer-job-status';
import { TransferJobsRepository } from '../transfer-jobs.repository';
import { mapHeaders, MemberColumn } from './member-columns';
import { MemberRow, parseMemberRow } from './member-row';
import { readSpreadsheet, UnreadableFileError } from './spreadsheet-reader';

export const MAX_IMPORT_ROWS = 5000;

type PreparedRow = { sheetRow: number } & ({ row: MemberRow } | { problems: FieldProblem[] });

/**
 * Imports member enterprises into an alliance. Each row commits on its own together with the
 * job's counters, so valid rows are kept, a refused row leaves nothing behind, and a retried job
 * resumes after the last committed row instead of importing anything twice.
 */
@Injectable()
@HandlesJob(RegistryTransferJob.ImportMembers)
export class MemberImportHandler implements JobHandler<RegistryTransferJob.ImportMembers> {
  private readonly logger = new Logger(MemberImportHandler.name);

  constructor(
    private readonly tenant: TenantContext,
    private readonly jobs: TransferJobsRepository,
    private readonly organizations: OrganizationsService,
    private readonly alliances: AlliancesService,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
  ) {}

  async handle(payload: JobPayloads[RegistryTransferJob.ImportMembers], context: JobContext): Promise<void> {
    const system: Actor = systemActor(payload.tenantId);
    const job = await this.tenant.run(system, () => this.jobs.findById(payload.transferJobId));
    if (!job || job.status === TransferJobStatus.Succeeded || job.status === TransferJobStatus.Failed) return;
    const actor: Actor = { ...system, userId: job.createdById };
    const language = job.language as Language;

    const file = await this.tenant.run(actor, () => this.jobs.readFile(job.id));
    const prepared = await this.prepare(file, language).catch(async (error: unknown) => {
      if (!(error instanceof ImportRefused)) throw error;
      await this.finish(actor, job.id, TransferJobStatus.Failed, error.message);
      return null;
    });
    if (!prepared) return;

    await this.tenant.run(actor, () =>
      this.jobs.update(job.id, {
        status: TransferJobStatus.Running,
        startedAt: job.startedAt ?? this.clock.now(),
        totalRows: prepared.rows.length,
        refusedRows: job.processedRows === 0 ? prepared.headerProblems : job.refusedRows,
      }),
    );
    for (let index = job.processedRows; index < prepared.rows.length; index++) {
      await this.importRow(actor, job, prepared.rows[index], index, prepared.rows.length, language);
      if (index % 20 === 0) await context.progress(Math.floor(((index + 1) * 100) / prepared.rows.length));
    }
    await this.finish(actor, job.id, TransferJobStatus.Succeeded, null);
    await context.progress(100);
  }

  private async prepare(
    file: Buffer | null,
    language: Language,
  ): Promise<{ rows: PreparedRow[]; headerProblems: RefusedRow[] }> {
    if (!file) throw new ImportRefused(localizedReason('unreadableFile', language));
    const sheet = await readSpreadsheet(file).catch((error: unknown) => {
      if (error instanceof UnreadableFileError)
        throw new ImportRefused(
          `${language === 'zh-CN' ? '文件' : 'The file'} ${localizedReason('unreadableFile', language)}`,
        );
      throw error;
    });
    const headerIndex = sheet.findIndex((cells) => cells.some((c) => c.trim()));
    if (headerIndex < 0) throw new ImportRefused(localizedReason('isNotEmpty', language));
    const { columns, unknown } = mapHeaders(sheet[headerIndex]);
    if (!columns.includes('name'))
      throw new ImportRefused(`企业名称 / name: ${localizedReason('missingColumn', language)}`);
    const headerProblems = unknown.map((header) => ({
      row: headerIndex + 1,
      field: header,
      reason: localizedReason('unknownHeader', language)!,
    }));

    const body = sheet.slice(headerIndex + 1).map((cells, i) => ({ cells, sheetRow: headerIndex + 2 + i }));
    const filled = body.filter(({ cells }) => cells.some((c) => c.trim()));
    if (filled.length > MAX_IMPORT_ROWS)
      throw new ImportRefused(localizedReason('tooManyRows', language, [MAX_IMPORT_ROWS]));

    const seenCodes = new Map<string, number>();
    const seenNames = new Map<string, number>();
    const rows = filled.map(({ cells, sheetRow }): PreparedRow => {
      const record: Partial<Record<MemberColumn, string>> = {};
      columns.forEach((column, i) => column && (record[column] = cells[i] ?? ''));
      const parsed = parseMemberRow(record);
      if ('problems' in parsed) return { sheetRow, problems: parsed.problems };
      const { unifiedCode, name } = parsed.row.organization;
      const earlier = (unifiedCode && seenCodes.get(unifiedCode)) || seenNames.get(name);
      if (earlier) {
        const field = unifiedCode && seenCodes.has(unifiedCode) ? 'unifiedCode' : 'name';
        return { sheetRow, problems: [{ field, reason: 'duplicateInFile', args: [earlier] }] };
      }
      if (unifiedCode) seenCodes.set(unifiedCode, sheetRow);
      seenNames.set(name, sheetRow);
      return { sheetRow, row: parsed.row };
    });
    return { rows, headerProblems };
  }

  private async importRow(
    actor: Actor,
    job: TransferJob,
    prepared: PreparedRow,
    index: number,
    total: number,
    language: Language,
  ): Promise<void> {
    const counters = (accepted: boolean, refusals: RefusedRow[]) =>
      this.jobs.countRow(job.id, index + 1, accepted, refusals, Math.floor(((index + 1) * 100) / total));
    const refuse = (problems: FieldProblem[]) =>
      this.tenant.run(actor, () =>
        counters(
          false,
          problems.map((p) => ({
            row: prepared.sheetRow,
            field: p.field,
            reason: localizedReason(p.reason, language, p.args) ?? p.reason,
          })),
        ),
      );

    if ('problems' in prepared) return refuse(prepared.problems);
    try {
      await this.tenant.run(actor, async () => {
        await this.addToAlliance(job.allianceId, prepared.row);
        await counters(true, []);
      });
    } catch (error) {
      if (!(error instanceof DomainException)) {
        this.logger.error({ err: error, row: prepared.sheetRow }, 'Import row failed');
        throw error;
      }
      return refuse(rowProblems(error, language));
    }
  }

  /** Reuses an organisation already registered (same credit code, else same name), else creates it. */
  private async addToAlliance(allianceId: string, row: MemberRow): Promise<void> {
    const { organization: input } = row;
    const existing = await this.organizations.findRegistered(input.unifiedCode, input.name);
    const organization = existing ?? (await this.organizations.create(input));
    // One summary when the import finishes, not one message per row.
    await this.alliances.addMember(
      allianceId,
      { organizationId: organization.id, role: row.role, joinedOn: row.joinedOn ?? undefined },
      { announce: false },
    );
  }

  /** Closes the job and tells the official who started it, in one transaction. */
  private finish(actor: Actor, jobId: string, status: TransferJobStatus, error: string | null): Promise<void> {
    return this.tenant.run(actor, async () => {
      await this.jobs.update(jobId, {
        status,
        error,
        progress: status === TransferJobStatus.Succeeded ? 100 : undefined,
        finishedAt: this.clock.now(),
        file: null,
      });
      const job = (await this.jobs.findById(jobId))!;
      const alliance = await this.alliances.require(job.allianceId);
      await this.notifier.notify(
        { userIds: [job.createdById] },
        RegistryTransferNotification.ImportFinished,
        {
          jobId,
          allianceId: alliance.id,
          allianceName: alliance.name,
          fileName: job.fileName,
          status,
          error,
          accepted: job.acceptedRows,
          refused: job.processedRows - job.acceptedRows,
        },
        { dedupeKey: `import-finished:${jobId}` },
      );
    });
  }
}

class ImportRefused extends Error {}

/** A refusal by the registry's rules: its field problems, or its message when it names no field. */
function rowProblems(error: DomainException, language: Language): FieldProblem[] {
  if (error.code === ErrorCode.ValidationFailed && error.details.length > 0) return error.details;
  // The sheet has no organisation id: a refusal about the organisation points at its name.
  const detailField = error.details[0]?.field;
  const field = !detailField || detailField === 'organizationId' ? 'name' : detailField;
  return [{ field, reason: errorMessages[error.code][language] }];
}
