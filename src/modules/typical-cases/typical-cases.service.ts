import { HttpStatus, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { Role } from '../../platform/auth/entities/role';
import { Clock } from '../../platform/clock/clock';
import { DomainException } from '../../platform/errors/domain.exception';
import { ErrorCode } from '../../platform/errors/error-code';
import { TypicalCaseNotification } from './typical-cases.notifications';
import { Notifier } from '../../platform/notifications/notifier.service';
import { detectAllowedType } from '../../platform/storage/detect-file-type';
import { FileStorage } from '../../platform/storage/file-storage';
import { StorageQuota } from '../../platform/storage/storage-quota';
import { decodeCursor, pageOfRows } from '../../platform/pagination/keyset';
import { DEFAULT_PAGE_SIZE, type Page } from '../../platform/pagination/page.dto';
import type { Actor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import {
  ListCasesQuery,
  NominateCaseDto,
  ReviewCaseDto,
  ReviewDecision,
  ShowcaseSettingsDto,
  UpdateCaseDto,
} from './dto/typical-case.dto';
import type { CasePhotoView, ShowcaseSettingsView, TypicalCaseView } from './dto/typical-case.view';
import { TypicalCaseStatus } from './entities/typical-case-status';
import type { TypicalCase } from './entities/typical-case.entity';
import { TypicalCasesRepository } from './typical-cases.repository';
import { PeopleDirectory } from '../users/people-directory.service';
import { OrganizationDirectory } from '../organizations/organization-directory.service';

export const MAX_PHOTOS_PER_CASE = 9;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** 培树典型: nominate, review (approve or return with a comment), publish and unpublish. */
@Injectable()
export class TypicalCasesService {
  constructor(
    private readonly organizationDirectory: OrganizationDirectory,
    private readonly peopleDirectory: PeopleDirectory,
    private readonly tenant: TenantContext,
    private readonly cases: TypicalCasesRepository,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly storage: FileStorage,
    private readonly quota: StorageQuota,
  ) {}

  async nominate(actor: Actor, input: NominateCaseDto): Promise<TypicalCaseView> {
    const organizationId = input.organizationId ?? actor.organizationId;
    if (!organizationId) throw DomainException.invalid([{ field: 'organizationId', reason: 'required' }]);
    if (actor.role !== Role.TownshipAdmin && organizationId !== actor.organizationId)
      throw DomainException.invalid([{ field: 'organizationId', reason: 'notYourOrganization' }]);
    if (!(await this.cases.isCurrentMember(input.allianceId, organizationId)))
      throw DomainException.invalid([{ field: 'organizationId', reason: 'notAMemberOrganization' }]);
    const saved = await this.cases.saveCase({
      tenantId: this.tenant.tenantId,
      allianceId: input.allianceId,
      organizationId,
      title: input.title.trim(),
      summary: input.summary.trim(),
      body: input.body.trim(),
      nominatedById: actor.userId,
    });
    await this.tellOfficials(saved);
    return this.get(actor, saved.id);
  }

  private async tellOfficials(item: TypicalCase): Promise<void> {
    const officials = await this.peopleDirectory.activeOfficials();
    const organizationName = await this.organizationDirectory.name(item.organizationId);
    await this.notifier.notify({ userIds: officials }, TypicalCaseNotification.TypicalCaseNominated, {
      caseId: item.id,
      title: item.title,
      organizationName: organizationName ?? '',
    });
  }

  /** Officials see every case; others their organisation's and the published ones. */
  /** Latest change first; the cursor carries updated_at as text, with the microseconds a Date drops. */
  async list(actor: Actor, query: ListCasesQuery): Promise<Page<TypicalCaseView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.cases.list({
      everyCase: actor.role === Role.TownshipAdmin,
      organizationId: actor.organizationId,
      allianceId: query.allianceId ?? null,
      status: query.status ?? null,
      after: query.cursor ? decodeCursor(query.cursor, 'timestamp') : null,
      limit: limit + 1,
    });
    const page = pageOfRows(rows, limit, (r) => [r.updated_at, r.id]);
    return { items: await this.views(page.items.map((r) => r.id)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<TypicalCaseView> {
    await this.requireVisible(actor, id);
    return (await this.views([id]))[0];
  }

  private async requireVisible(actor: Actor, id: string): Promise<TypicalCase> {
    const item = await this.cases.findCase(id);
    const visible =
      item &&
      (actor.role === Role.TownshipAdmin ||
        item.organizationId === actor.organizationId ||
        item.status === TypicalCaseStatus.Published);
    if (!visible) throw DomainException.notFound();
    return item;
  }

  /** The nominator's side edits a case waiting for review or returned; a returned case goes back for review. */
  async update(actor: Actor, id: string, input: UpdateCaseDto): Promise<TypicalCaseView> {
    const item = await this.requireVisible(actor, id);
    if (actor.role !== Role.TownshipAdmin && item.organizationId !== actor.organizationId)
      throw DomainException.forbidden();
    if (![TypicalCaseStatus.Nominated, TypicalCaseStatus.Returned].includes(item.status)) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [
        { field: 'status', reason: 'caseTransition', args: ['edit', item.status] },
      ]);
    }
    const resubmitted = item.status === TypicalCaseStatus.Returned;
    await this.cases.updateCase(id, {
      ...(input.title ? { title: input.title.trim() } : {}),
      ...(input.summary ? { summary: input.summary.trim() } : {}),
      ...(input.body ? { body: input.body.trim() } : {}),
      status: TypicalCaseStatus.Nominated,
    });
    if (resubmitted) await this.tellOfficials({ ...item, title: input.title?.trim() || item.title });
    return this.get(actor, id);
  }

  async review(actor: Actor, id: string, input: ReviewCaseDto): Promise<TypicalCaseView> {
    const item = await this.requireVisible(actor, id);
    if (item.status !== TypicalCaseStatus.Nominated) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [
        { field: 'status', reason: 'caseTransition', args: [input.decision, item.status] },
      ]);
    }
    const approved = input.decision === ReviewDecision.Approve;
    if (!approved && !input.comment?.trim()) throw DomainException.invalid([{ field: 'comment', reason: 'required' }]);
    await this.cases.updateCase(id, {
      status: approved ? TypicalCaseStatus.Approved : TypicalCaseStatus.Returned,
      reviewComment: input.comment?.trim() || null,
      reviewedById: actor.userId,
    });
    const nominators = await this.cases.activeNominatorSide(item.nominatedById, item.organizationId);
    await this.notifier.notify(
      { userIds: nominators.filter((u) => u !== actor.userId) },
      TypicalCaseNotification.TypicalCaseReviewed,
      {
        caseId: id,
        title: item.title,
        approved,
        comment: input.comment?.trim() ?? '',
      },
    );
    return this.get(actor, id);
  }

  async publish(actor: Actor, id: string, publish: boolean): Promise<TypicalCaseView> {
    const item = await this.requireVisible(actor, id);
    const from = publish ? [TypicalCaseStatus.Approved, TypicalCaseStatus.Unpublished] : [TypicalCaseStatus.Published];
    if (!from.includes(item.status)) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [
        { field: 'status', reason: 'caseTransition', args: [publish ? 'publish' : 'unpublish', item.status] },
      ]);
    }
    await this.cases.updateCase(
      id,
      publish
        ? { status: TypicalCaseStatus.Published, publishedAt: this.clock.now() }
        : { status: TypicalCaseStatus.Unpublished },
    );
    return this.get(actor, id);
  }

  async addPhoto(actor: Actor, id: string, content: Buffer): Promise<CasePhotoView> {
    const item = await this.requireVisible(actor, id);
    if (actor.role !== Role.TownshipAdmin && item.organizationId !== actor.organizationId)
      throw DomainException.forbidden();
    const type = await detectAllowedType(content);
    if (!type || !PHOTO_TYPES.includes(type.mime)) {
      throw new DomainException(ErrorCode.UnsupportedMediaType, HttpStatus.UNSUPPORTED_MEDIA_TYPE, [
        { field: 'file', reason: 'photoType' },
      ]);
    }
    const count = await this.cases.countPhotos(id);
    if (count >= MAX_PHOTOS_PER_CASE)
      throw DomainException.conflict(ErrorCode.Conflict, [
        { field: 'file', reason: 'tooManyFiles', args: [MAX_PHOTOS_PER_CASE] },
      ]);
    await this.quota.reserve(content.length);
    const storageKey = `${item.tenantId}/typical-cases/${id}/${randomUUID()}`;
    await this.storage.put(storageKey, content, type.mime);
    const saved = await this.cases.savePhoto({
      tenantId: item.tenantId,
      caseId: id,
      storageKey,
      contentType: type.mime,
      size: content.length,
      position: count,
    });
    return { id: saved.id, contentType: saved.contentType, size: saved.size };
  }

  async readPhoto(actor: Actor, id: string, photoId: string): Promise<{ contentType: string; content: Buffer }> {
    await this.requireVisible(actor, id);
    const photo = await this.cases.findPhoto(id, photoId);
    if (!photo) throw DomainException.notFound();
    return { contentType: photo.contentType, content: await this.storage.get(photo.storageKey) };
  }

  private async views(ids: string[]): Promise<TypicalCaseView[]> {
    if (ids.length === 0) return [];
    const rows = await this.cases.cases(ids);
    const photos = await this.cases.photos(ids);
    return rows.map((c) => ({
      id: c.id,
      alliance: { id: c.alliance_id, name: c.alliance_name },
      organization: { id: c.organization_id, name: c.organization_name },
      title: c.title,
      summary: c.summary,
      body: c.body,
      status: c.status,
      reviewComment: c.review_comment,
      nominatedBy: { id: c.nominated_by_id, displayName: c.nominator_name ?? '' },
      publishedAt: c.published_at,
      photos: photos
        .filter((p) => p.case_id === c.id)
        .map((p) => ({ id: p.id, contentType: p.content_type, size: p.size })),
      createdAt: c.created_at,
      updatedAt: c.updated_at,
    }));
  }

  async showcaseSettings(allianceId: string): Promise<ShowcaseSettingsView> {
    if (!(await this.cases.allianceExists(allianceId))) throw DomainException.notFound();
    const showcase = await this.cases.findShowcase(allianceId);
    return { allianceId, enabled: showcase?.enabled ?? false, slug: showcase?.slug ?? null };
  }

  /** Turns the public showcase on or off; its address is random, so it cannot be guessed from the alliance. */
  async configureShowcase(allianceId: string, input: ShowcaseSettingsDto): Promise<ShowcaseSettingsView> {
    const current = await this.showcaseSettings(allianceId);
    const slug = !current.slug || input.newAddress ? randomBytes(12).toString('base64url') : current.slug;
    await this.cases.upsertShowcase(allianceId, slug, input.enabled);
    return this.showcaseSettings(allianceId);
  }
}
