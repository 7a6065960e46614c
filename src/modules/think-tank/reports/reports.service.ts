import { HttpStatus, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Role, UserStatus } from '../../../platform/auth/entities/role';
import { Clock } from '../../../platform/clock/clock';
import { DomainException } from '../../../platform/errors/domain.exception';
import { ErrorCode } from '../../../platform/errors/error-code';
import { ThinkTankNotification } from '../think-tank.notifications';
import { Notifier } from '../../../platform/notifications/notifier.service';
import { detectAllowedType } from '../../../platform/storage/detect-file-type';
import { FileStorage } from '../../../platform/storage/file-storage';
import { StorageQuota } from '../../../platform/storage/storage-quota';
import { decodeCursor, pageOfRows } from '../../../platform/pagination/keyset';
import { DEFAULT_PAGE_SIZE } from '../../../platform/pagination/page.dto';
import type { Actor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { safeFileName } from '../../../platform/storage/safe-file-name';
import type {
  CreateReportDto,
  ListReportsQuery,
  ReportPage,
  ReportView,
  UpdateReportDto,
  VersionView,
} from '../dto/report.dto';
import { ReportStatus, searchTextOf } from '../entities/research-report.entity';
import { RubricService } from '../reviews/rubric.service';
import { anonymizeFile } from './anonymize-file';
import { ReportAccessService } from './report-access.service';
import { ReportViewsService } from './report-views.service';
import { ReportsRepository } from './reports.repository';
import { PeopleDirectory } from '../../users/people-directory.service';
import { OrganizationDirectory } from '../../organizations/organization-directory.service';

/** What a report file may be, judged by its bytes. */
const REPORT_TYPES = new Set(['pdf', 'docx']);

/** Research reports (调研报告) from draft to the library: authors write and revise, officials edit. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly organizationDirectory: OrganizationDirectory,
    private readonly peopleDirectory: PeopleDirectory,
    private readonly tenant: TenantContext,
    private readonly reports: ReportsRepository,
    private readonly access: ReportAccessService,
    private readonly views: ReportViewsService,
    private readonly rubric: RubricService,
    private readonly storage: FileStorage,
    private readonly quota: StorageQuota,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateReportDto): Promise<ReportView> {
    if (!(await this.reports.allianceExists(input.allianceId)))
      throw DomainException.invalid([{ field: 'allianceId', reason: 'notFound' }]);
    const subjects = [...new Set(input.subjectOrganizationIds ?? [])];
    const found = await this.organizationDirectory.findMany(subjects);
    const missing = subjects.findIndex((id) => !found.some((o) => o.id === id));
    if (missing >= 0)
      throw DomainException.invalid([{ field: `subjectOrganizationIds[${missing}]`, reason: 'notFound' }]);
    const authorIds = [actor.userId, ...(input.coAuthorIds ?? []).filter((id) => id !== actor.userId)];
    const users = (await this.peopleDirectory.people(authorIds)).filter((u) => u.status !== UserStatus.Disabled);
    const unknown = (input.coAuthorIds ?? []).findIndex((id) => !users.some((u) => u.id === id));
    if (unknown >= 0) throw DomainException.invalid([{ field: `coAuthorIds[${unknown}]`, reason: 'notFound' }]);

    const content = { title: input.title.trim(), abstract: input.abstract.trim(), topics: normalizeTags(input.topics) };
    const report = await this.reports.save({
      tenantId: this.tenant.tenantId,
      allianceId: input.allianceId,
      ...content,
      searchText: searchTextOf(content),
      subjectOrganizationIds: subjects,
      blindMode: input.blindMode,
      submittedById: actor.userId,
    });
    await this.reports.saveAuthors(
      [...new Set(authorIds)].map((userId, position) => ({
        tenantId: report.tenantId,
        reportId: report.id,
        userId,
        organizationId: users.find((u) => u.id === userId)?.organizationId ?? null,
        position,
      })),
    );
    return this.views.view({ report, role: 'author', expertId: null });
  }

  async update(actor: Actor, id: string, input: UpdateReportDto): Promise<ReportView> {
    const access = await this.access.requireRole(actor, id, 'author', 'editor');
    const editable = [ReportStatus.Draft, ReportStatus.RevisionRequested];
    if (!editable.includes(access.report.status))
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'reportLocked' }]);
    const { report } = access;
    const content = {
      title: input.title?.trim() ?? report.title,
      abstract: input.abstract?.trim() ?? report.abstract,
      topics: input.topics ? normalizeTags(input.topics) : report.topics,
    };
    await this.reports.update(id, { ...content, searchText: searchTextOf(content) });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<ReportView> {
    return this.views.view(await this.access.resolve(actor, id));
  }

  /** Officials see every report; everyone else the reports they wrote (reviewers use their queue). */
  async list(actor: Actor, query: ListReportsQuery): Promise<ReportPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    // Latest change first; the cursor carries updated_at as text, with the microseconds a Date drops.
    const rows = await this.reports.list({
      authoredBy: actor.role !== Role.TownshipAdmin || query.scope === 'authored' ? actor.userId : null,
      status: query.status ?? null,
      after: query.cursor ? decodeCursor(query.cursor, 'timestamp') : null,
      limit: limit + 1,
    });
    const page = pageOfRows(rows, limit, (row) => [row.updatedAt, row.report.id]);
    return { items: await this.views.summaries(page.items.map((row) => row.report)), nextCursor: page.nextCursor };
  }

  /** A new file: in a draft it replaces what will be submitted; after a decision it is the revision. */
  async addVersion(
    actor: Actor,
    id: string,
    fileName: string,
    content: Buffer,
    response: string | undefined,
  ): Promise<VersionView> {
    const access = await this.access.requireRole(actor, id, 'author');
    const { report } = access;
    if (![ReportStatus.Draft, ReportStatus.RevisionRequested].includes(report.status)) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'reportLocked' }]);
    }
    if (report.status === ReportStatus.RevisionRequested && !response?.trim())
      throw DomainException.invalid([{ field: 'response', reason: 'responseRequired' }]);
    const type = await detectAllowedType(content);
    if (!type || !REPORT_TYPES.has(type.extension)) {
      throw new DomainException(ErrorCode.UnsupportedMediaType, HttpStatus.UNSUPPORTED_MEDIA_TYPE, [
        { field: 'file', reason: 'reportFileType' },
      ]);
    }
    // Every file must be servable to double-blind reviewers without its metadata, whatever the report's mode is now.
    if (
      !(await anonymizeFile(content, type.mime).then(
        () => true,
        () => false,
      ))
    ) {
      throw DomainException.invalid([{ field: 'file', reason: 'cannotAnonymize' }]);
    }
    await this.quota.reserve(content.length);
    const storageKey = `${report.tenantId}/reports/${report.id}/${randomUUID()}`;
    await this.storage.put(storageKey, content, type.mime);
    const next = await this.reports.nextVersionNumber(id);
    const saved = await this.reports.saveVersion({
      tenantId: report.tenantId,
      reportId: id,
      number: next,
      fileName: safeFileName(fileName),
      contentType: type.mime,
      size: content.length,
      storageKey,
      response: response?.trim() || null,
      uploadedById: actor.userId,
    });
    await this.reports.update(id, { updatedAt: this.clock.now() });
    return this.views.version(saved, access);
  }

  /** Sends the latest version into the next review round; the officials are asked to assign reviewers. */
  async submit(actor: Actor, id: string): Promise<ReportView> {
    const { report } = await this.access.requireRole(actor, id, 'author');
    const locked = await this.reports.lock(id);
    if (![ReportStatus.Draft, ReportStatus.RevisionRequested].includes(locked.status)) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'reportLocked' }]);
    }
    const latest = await this.reports.latestVersionId(id);
    const previous = await this.reports.latestRound(id);
    if (!latest || latest === previous?.versionId)
      throw DomainException.invalid([{ field: 'file', reason: previous ? 'revisionRequired' : 'required' }]);
    const round = report.currentRound + 1;
    await this.reports.saveRound({
      tenantId: report.tenantId,
      reportId: id,
      number: round,
      versionId: latest,
      rubric: await this.rubric.snapshot(report.allianceId),
    });
    await this.reports.update(id, { status: ReportStatus.UnderReview, currentRound: round });
    await this.notifier.notify({ userIds: await this.editors(id) }, ThinkTankNotification.ReportSubmitted, {
      reportId: id,
      title: report.title,
      round,
    });
    return this.get(actor, id);
  }

  /** An accepted report goes into the library. */
  async publish(actor: Actor, id: string): Promise<ReportView> {
    const { report } = await this.access.requireEditor(actor, id);
    if (report.status !== ReportStatus.Accepted)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'notAccepted' }]);
    await this.reports.update(id, { status: ReportStatus.Published, publishedAt: this.clock.now() });
    return this.get(actor, id);
  }

  async readVersion(
    actor: Actor,
    id: string,
    versionId: string,
  ): Promise<{ fileName: string; contentType: string; content: Buffer }> {
    const access = await this.access.resolve(actor, id);
    const version = await this.reports.findVersion(id, versionId);
    if (!version) throw DomainException.notFound();
    const view = this.views.version(version, access);
    const content = await this.storage.get(version.storageKey);
    if (ReportAccessService.authorsVisible(access))
      return { fileName: view.fileName, contentType: version.contentType, content };
    // Fail closed: a file whose metadata cannot be removed is not served to a double-blind reviewer at all.
    const anonymized = await anonymizeFile(content, version.contentType).catch(() => {
      throw DomainException.conflict(ErrorCode.Conflict, [{ field: 'file', reason: 'cannotAnonymize' }]);
    });
    return { fileName: view.fileName, contentType: version.contentType, content: anonymized };
  }

  /** The officials who may edit the report: its authors are not among them. */
  async editors(reportId: string): Promise<string[]> {
    const authors = new Set(await this.reports.authorUserIds(reportId));
    return (await this.peopleDirectory.activeOfficials()).filter((id) => !authors.has(id));
  }
}

/** Trimmed, without blanks or repeats, in the order given. */
export function normalizeTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];
}
