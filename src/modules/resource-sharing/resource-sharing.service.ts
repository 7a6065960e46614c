import { Injectable } from '@nestjs/common';
import { Role } from '../../platform/auth/entities/role';
import { Clock } from '../../platform/clock/clock';
import { localDate } from '../../platform/clock/local-date';
import { uniqueViolation } from '../../platform/database/unique-violation';
import { DomainException } from '../../platform/errors/domain.exception';
import { ErrorCode } from '../../platform/errors/error-code';
import { ListingNotification } from './resource-sharing.notifications';
import { Notifier } from '../../platform/notifications/notifier.service';
import { decodeCursor, decodeCursorParts, DEFAULT_PAGE_SIZE, pageOfRows } from '../../platform/pagination/keyset';
import type { Page, PageQueryDto } from '../../platform/pagination/page.dto';
import type { Actor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { CreateListingDto, CreateTalentDto, ListListingsQuery, ListTalentsQuery } from './dto/listing.dto';
import type {
  InterestSummaryView,
  InterestView,
  ListingPage,
  ListingView,
  MatchView,
  PartyContactView,
  TalentView,
} from './dto/listing.view';
import type { ListingInterest } from './entities/listing-interest.entity';
import { ListingStatus } from './entities/listing.entity';
import { type ListingRow, ResourceSharingRepository } from './resource-sharing.repository';
import { PeopleDirectory } from '../users/people-directory.service';
import { OrganizationDirectory } from '../organizations/organization-directory.service';

export function normalizeTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];
}

/** 三张清单 and the talent pool: publishing, the board, suggested matches, and putting members in touch. */
@Injectable()
export class ResourceSharingService {
  constructor(
    private readonly organizationDirectory: OrganizationDirectory,
    private readonly peopleDirectory: PeopleDirectory,
    private readonly tenant: TenantContext,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly repository: ResourceSharingRepository,
  ) {}

  async create(actor: Actor, input: CreateListingDto): Promise<ListingView> {
    if (actor.role !== Role.TownshipAdmin && !actor.organizationId) throw DomainException.forbidden();
    if (input.validUntil && input.validUntil < localDate(this.clock.now()))
      throw DomainException.invalid([{ field: 'validUntil', reason: 'notInPast' }]);
    if (input.allianceId && !(await this.repository.allianceExists(input.allianceId))) {
      throw DomainException.invalid([{ field: 'allianceId', reason: 'notFound' }]);
    }
    const listing = await this.repository.saveListing({
      tenantId: this.tenant.tenantId,
      allianceId: input.allianceId ?? null,
      organizationId: actor.organizationId,
      kind: input.kind,
      category: input.category.trim(),
      tags: normalizeTags(input.tags),
      title: input.title.trim(),
      description: input.description.trim(),
      validUntil: input.validUntil ?? null,
      createdById: actor.userId,
    });
    return this.get(actor, listing.id);
  }

  /** The board, newest first; expired listings count as closed. */
  async list(actor: Actor, query: ListListingsQuery): Promise<ListingPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.repository.listings(
      localDate(this.clock.now()),
      actor.organizationId,
      query,
      query.cursor ? decodeCursor(query.cursor, 'timestamp') : null,
      limit,
    );
    // The cursor holds created_at to the microsecond (created_at_text): a Date's milliseconds skipped rows made in one transaction.
    const page = pageOfRows(rows, limit, (l) => [l.created_at_text, l.id]);
    return { items: page.items.map((l) => this.listingView(l)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<ListingView> {
    const row = await this.repository.listing(localDate(this.clock.now()), actor.organizationId, id);
    if (!row) throw DomainException.notFound();
    return this.listingView(row);
  }

  private listingView(l: ListingRow): ListingView {
    return {
      id: l.id,
      kind: l.kind,
      category: l.category,
      tags: l.tags,
      title: l.title,
      description: l.description,
      validUntil: l.valid_until,
      status: l.effective_status,
      organization: l.organization_id ? { id: l.organization_id, name: l.organization_name } : null,
      allianceId: l.alliance_id,
      mine: l.mine,
      interestCount: l.interest_count,
      createdAt: l.created_at,
    };
  }

  async close(actor: Actor, id: string): Promise<ListingView> {
    const listing = await this.repository.findListing(id);
    if (!listing) throw DomainException.notFound();
    if (actor.role !== Role.TownshipAdmin && listing.organizationId !== actor.organizationId)
      throw DomainException.forbidden();
    if (listing.status === ListingStatus.Closed) throw DomainException.conflict(ErrorCode.InvalidTransition);
    await this.repository.updateListing(id, { status: ListingStatus.Closed, closedAt: this.clock.now() });
    return this.get(actor, id);
  }

  /**
   * Suggested matches, ranked by overlap, found by the database (GIN on tags): a need meets
   * resources, projects and the talent pool; a resource or project meets needs (and a project talent).
   */
  async matches(actor: Actor, id: string, query: PageQueryDto): Promise<Page<MatchView>> {
    await this.get(actor, id);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursorParts(query.cursor, ['number', 'timestamp', 'uuid']) : null;
    const rows = await this.repository.matches(id, localDate(this.clock.now()), after, limit);
    const page = pageOfRows(rows, limit, (m) => [m.score, m.created_at_text, m.id]);
    const items = page.items.map((m) => ({
      type: m.type,
      id: m.id,
      kind: m.kind,
      title: m.title,
      category: m.category,
      tags: m.tags,
      organization: m.organization_id ? { id: m.organization_id, name: m.organization_name } : null,
      sameCategory: m.same_category,
      sharedTags: m.shared_tags,
      score: m.score,
    }));
    return { items, nextCursor: page.nextCursor };
  }

  /** A member says it is interested: a thread opens between the two, and both sides are told. */
  async expressInterest(actor: Actor, listingId: string, message: string): Promise<InterestView> {
    const listing = await this.get(actor, listingId);
    if (!actor.organizationId) throw DomainException.invalid([{ field: 'organizationId', reason: 'required' }]);
    if (listing.mine) throw DomainException.invalid([{ field: 'listingId', reason: 'ownListing' }]);
    if (listing.status !== ListingStatus.Open)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'listingClosed' }]);
    let interest: ListingInterest;
    try {
      interest = await this.repository.saveInterest({
        tenantId: this.tenant.tenantId,
        listingId,
        organizationId: actor.organizationId,
        createdById: actor.userId,
      });
    } catch (error) {
      if (uniqueViolation(error))
        throw DomainException.conflict(ErrorCode.DuplicateValue, [{ field: 'listingId', reason: 'alreadyInterested' }]);
      throw error;
    }
    await this.repository.saveMessage({
      tenantId: interest.tenantId,
      interestId: interest.id,
      authorId: actor.userId,
      body: message.trim(),
    });
    const organizationName = await this.organizationDirectory.name(actor.organizationId);
    const ownerUsers = listing.organization
      ? await this.usersOf(listing.organization.id)
      : await this.repository.listingCreator(listingId);
    await this.notifier.notify(
      { userIds: [...new Set([...ownerUsers, ...(await this.usersOf(actor.organizationId))])] },
      ListingNotification.ListingInterest,
      {
        interestId: interest.id,
        listingId,
        title: listing.title,
        kind: listing.kind,
        organizationName: organizationName ?? '',
        ownerName: listing.organization?.name ?? '',
        message: message.trim(),
      },
    );
    return this.interest(actor, interest.id);
  }

  /** Newest first; the cursor holds created_at as text, to the microsecond. */
  async interests(actor: Actor, query: PageQueryDto): Promise<Page<InterestSummaryView>> {
    const official = actor.role === Role.TownshipAdmin;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor, 'timestamp') : null;
    const rows = await this.repository.interestKeys(official, actor.organizationId, after, limit);
    const page = pageOfRows(rows, limit, (r) => [r.created_at, r.id]);
    const summaries = await this.interestSummaries(page.items.map((r) => r.id));
    return {
      items: summaries.map(({ id, listing, owner, interested, createdAt }) => ({
        id,
        listing,
        owner,
        interested,
        createdAt,
      })),
      nextCursor: page.nextCursor,
    };
  }

  private async interestSummaries(
    ids: string[],
  ): Promise<(InterestSummaryView & { ownerOrganizationId: string | null; createdById: string })[]> {
    if (ids.length === 0) return [];
    const rows = await this.repository.interests(ids);
    return rows.map((r) => ({
      id: r.id,
      listing: { id: r.listing_id, title: r.title, kind: r.kind, status: r.status },
      owner: r.owner_id ? { id: r.owner_id, name: r.owner_name } : null,
      interested: { id: r.organization_id, name: r.interested_name },
      createdAt: r.created_at,
      ownerOrganizationId: r.owner_id,
      createdById: r.listing_creator,
    }));
  }

  /** One interest with both sides' contacts and the thread: only the two parties and officials see it. */
  async interest(actor: Actor, id: string): Promise<InterestView> {
    const [summary] = await this.interestSummaries([id]);
    if (!summary || !this.isParty(actor, summary)) throw DomainException.notFound();
    const { ownerOrganizationId, createdById, ...view } = summary;
    const messages = await this.repository.messages(id);
    return {
      ...view,
      ownerContacts: ownerOrganizationId
        ? await this.contacts('organization', ownerOrganizationId)
        : await this.contacts('person', createdById),
      interestedContacts: await this.contacts('organization', view.interested.id),
      messages: messages.map((m) => ({
        id: m.id,
        author: { id: m.author_id, displayName: m.display_name },
        body: m.body,
        createdAt: m.created_at,
      })),
    };
  }

  async postMessage(actor: Actor, id: string, body: string): Promise<InterestView> {
    const [summary] = await this.interestSummaries([id]);
    if (!summary || !this.isParty(actor, summary)) throw DomainException.notFound();
    await this.repository.saveMessage({
      tenantId: this.tenant.tenantId,
      interestId: id,
      authorId: actor.userId,
      body: body.trim(),
    });
    const others = [
      ...(summary.ownerOrganizationId ? await this.usersOf(summary.ownerOrganizationId) : [summary.createdById]),
      ...(await this.usersOf(summary.interested.id)),
    ].filter((u) => u !== actor.userId);
    const authorName = await this.peopleDirectory.displayName(actor.userId);
    await this.notifier.notify({ userIds: [...new Set(others)] }, ListingNotification.ListingMessage, {
      interestId: id,
      title: summary.listing.title,
      authorName: authorName ?? '',
      body: body.trim().slice(0, 200),
    });
    return this.interest(actor, id);
  }

  private isParty(
    actor: Actor,
    summary: { ownerOrganizationId: string | null; createdById: string; interested: { id: string } },
  ): boolean {
    if (actor.role === Role.TownshipAdmin) return true;
    if (!summary.ownerOrganizationId && summary.createdById === actor.userId) return true;
    return (
      !!actor.organizationId &&
      (summary.ownerOrganizationId === actor.organizationId || summary.interested.id === actor.organizationId)
    );
  }

  private async contacts(by: 'organization' | 'person', id: string): Promise<PartyContactView[]> {
    const rows = await this.repository.contacts(by, id);
    return rows.map((u) => ({ id: u.id, displayName: u.display_name, email: u.email, mobile: u.mobile }));
  }

  private usersOf(organizationId: string): Promise<string[]> {
    return this.peopleDirectory.activeStaff(organizationId);
  }

  async createTalent(actor: Actor, input: CreateTalentDto): Promise<TalentView> {
    if (!actor.organizationId) throw DomainException.invalid([{ field: 'organizationId', reason: 'required' }]);
    const talent = await this.repository.saveTalent({
      tenantId: this.tenant.tenantId,
      organizationId: actor.organizationId,
      name: input.name.trim(),
      title: input.title?.trim() || null,
      category: input.category.trim(),
      skills: normalizeTags(input.skills),
      summary: input.summary?.trim() || null,
      createdById: actor.userId,
    });
    return (await this.talentRows({ limit: 1 }, talent.id)).items[0];
  }

  /** The talent pool, newest first; the cursor holds created_at as text, to the microsecond. */
  talents(query: ListTalentsQuery): Promise<Page<TalentView>> {
    return this.talentRows(query);
  }

  private async talentRows(query: ListTalentsQuery, id?: string): Promise<Page<TalentView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.repository.talents(
      { id: id ?? null, skill: query.skill ?? null, category: query.category ?? null },
      query.cursor ? decodeCursor(query.cursor, 'timestamp') : null,
      limit,
    );
    const page = pageOfRows(rows, limit, (t) => [t.created_at_text, t.id]);
    const items = page.items.map((t) => ({
      id: t.id,
      name: t.name,
      title: t.title,
      category: t.category,
      skills: t.skills,
      summary: t.summary,
      available: t.available,
      organization: { id: t.organization_id, name: t.organization_name },
    }));
    return { items, nextCursor: page.nextCursor };
  }
}
