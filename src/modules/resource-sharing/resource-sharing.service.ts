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
import { ListingInterestMessage } from './entities/listing-interest-message.entity';
import { ListingInterest } from './entities/listing-interest.entity';
import { Listing, ListingStatus } from './entities/listing.entity';
import { Talent } from './entities/talent.entity';

export function normalizeTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];
}

/** 三张清单 and the talent pool: publishing, the board, suggested matches, and putting members in touch. */
@Injectable()
export class ResourceSharingService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  private get db() {
    return this.tenant.manager;
  }

  async create(actor: Actor, input: CreateListingDto): Promise<ListingView> {
    if (actor.role !== Role.TownshipAdmin && !actor.organizationId) throw DomainException.forbidden();
    if (input.validUntil && input.validUntil < localDate(this.clock.now()))
      throw DomainException.invalid([{ field: 'validUntil', reason: 'notInPast' }]);
    if (
      input.allianceId &&
      !(await this.db.query('SELECT 1 FROM alliance_directory WHERE id = $1', [input.allianceId])).length
    ) {
      throw DomainException.invalid([{ field: 'allianceId', reason: 'notFound' }]);
    }
    const listing = await this.db.getRepository(Listing).save({
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
    const where: string[] = [];
    const params: unknown[] = [localDate(this.clock.now()), actor.organizationId];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.status === ListingStatus.Closed) where.push(`(l.status = 'closed' OR l.valid_until < $1)`);
    else where.push(`l.status = 'open' AND (l.valid_until IS NULL OR l.valid_until >= $1)`);
    if (query.kind) where.push(`l.kind = ${param(query.kind)}`);
    if (query.category) where.push(`l.category = ${param(query.category)}`);
    if (query.tag) where.push(`l.tags @> ARRAY[${param(query.tag)}]::text[]`);
    if (query.mine) where.push(`l.organization_id = $2`);
    if (query.cursor) {
      const [after, afterId] = decodeCursor(query.cursor, 'timestamp');
      where.push(`(l.created_at, l.id) < (${param(after)}::timestamptz, ${param(afterId)}::uuid)`);
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.views(
      `${where.join(' AND ')} ORDER BY l.created_at DESC, l.id DESC LIMIT ${limit + 1}`,
      params,
    );
    // The cursor holds created_at to the microsecond (createdAtText): a Date's milliseconds skipped rows made in one transaction.
    const page = pageOfRows(rows, limit, (l) => [l.createdAtText, l.id]);
    return { items: page.items.map(({ createdAtText: _, ...view }) => view), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<ListingView> {
    const [found] = await this.views('l.id = $3', [localDate(this.clock.now()), actor.organizationId, id]);
    if (!found) throw DomainException.notFound();
    const { createdAtText: _, ...view } = found;
    return view;
  }

  /** The views, each with its created_at as text (to the microsecond) for a list's cursor. */
  private async views(condition: string, params: unknown[]): Promise<(ListingView & { createdAtText: string })[]> {
    const rows = await this.db.query<Record<string, any>[]>(
      `SELECT l.*, l.valid_until::text AS valid_until, l.created_at::text AS created_at_text, o.name AS organization_name,
              (SELECT count(*)::int FROM listing_interests i WHERE i.listing_id = l.id) AS interest_count,
              CASE WHEN l.valid_until < $1 THEN 'closed' ELSE l.status::text END AS effective_status,
              l.organization_id IS NOT DISTINCT FROM $2::uuid AND $2::uuid IS NOT NULL AS mine
         FROM listings l LEFT JOIN organization_directory o ON o.id = l.organization_id
        WHERE ${condition}`,
      params,
    );
    return rows.map((l) => ({
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
      createdAtText: l.created_at_text,
    }));
  }

  async close(actor: Actor, id: string): Promise<ListingView> {
    const listing = await this.db.getRepository(Listing).findOneBy({ id });
    if (!listing) throw DomainException.notFound();
    if (actor.role !== Role.TownshipAdmin && listing.organizationId !== actor.organizationId)
      throw DomainException.forbidden();
    if (listing.status === ListingStatus.Closed) throw DomainException.conflict(ErrorCode.InvalidTransition);
    await this.db.getRepository(Listing).update({ id }, { status: ListingStatus.Closed, closedAt: this.clock.now() });
    return this.get(actor, id);
  }

  /**
   * Suggested matches, ranked by overlap, found by the database (GIN on tags): a need meets
   * resources, projects and the talent pool; a resource or project meets needs (and a project talent).
   */
  async matches(actor: Actor, id: string, query: PageQueryDto): Promise<Page<MatchView>> {
    await this.get(actor, id);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const [afterScore, afterCreatedAt, afterId] = query.cursor
      ? decodeCursorParts(query.cursor, ['number', 'timestamp', 'uuid'])
      : [null, null, null];
    const rows = await this.db.query<Record<string, any>[]>(
      `WITH me AS (SELECT * FROM listings WHERE id = $1)
       SELECT * FROM (SELECT m0.*, s.* FROM (
         SELECT 'listing' AS type, l.id, l.kind::text AS kind, l.title, l.category, l.tags, l.organization_id, o.name AS organization_name,
                l.category = me.category AS same_category,
                ARRAY(SELECT unnest(l.tags) INTERSECT SELECT unnest(me.tags) ORDER BY 1) AS shared_tags, l.created_at
           FROM listings l CROSS JOIN me LEFT JOIN organization_directory o ON o.id = l.organization_id
          WHERE l.id <> me.id AND l.status = 'open' AND (l.valid_until IS NULL OR l.valid_until >= $2)
            AND CASE WHEN me.kind = 'need' THEN l.kind IN ('resource', 'project') ELSE l.kind = 'need' END
            AND (me.organization_id IS NULL OR l.organization_id IS DISTINCT FROM me.organization_id)
            AND (l.category = me.category OR l.tags && me.tags)
         UNION ALL
         SELECT 'talent', t.id, NULL, t.name, t.category, t.skills, t.organization_id, o.name,
                t.category = me.category,
                ARRAY(SELECT unnest(t.skills) INTERSECT SELECT unnest(me.tags) ORDER BY 1), t.created_at
           FROM talents t CROSS JOIN me JOIN organization_directory o ON o.id = t.organization_id
          WHERE me.kind IN ('need', 'project') AND t.available
            AND (me.organization_id IS NULL OR t.organization_id <> me.organization_id)
            AND (t.category = me.category OR t.skills && me.tags)
       ) m0
       CROSS JOIN LATERAL (SELECT cardinality(m0.shared_tags) + CASE WHEN m0.same_category THEN 1 ELSE 0 END AS score, m0.created_at::text AS created_at_text) s
       ) m
       WHERE $5::uuid IS NULL OR (m.score, m.created_at, m.id) < ($3::int, $4::timestamptz, $5::uuid)
       ORDER BY m.score DESC, m.created_at DESC, m.id DESC
       LIMIT $6`,
      [id, localDate(this.clock.now()), afterScore, afterCreatedAt, afterId, limit + 1],
    );
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
      score: m.score as number,
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
      interest = await this.db.getRepository(ListingInterest).save({
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
    await this.db
      .getRepository(ListingInterestMessage)
      .save({ tenantId: interest.tenantId, interestId: interest.id, authorId: actor.userId, body: message.trim() });
    const [org] = await this.db.query<{ name: string }[]>('SELECT name FROM organization_directory WHERE id = $1', [
      actor.organizationId,
    ]);
    const ownerUsers = listing.organization
      ? await this.usersOf(listing.organization.id)
      : await this.creatorOf(listingId);
    await this.notifier.notify(
      { userIds: [...new Set([...ownerUsers, ...(await this.usersOf(actor.organizationId))])] },
      ListingNotification.ListingInterest,
      {
        interestId: interest.id,
        listingId,
        title: listing.title,
        kind: listing.kind,
        organizationName: org.name,
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
    const [after, afterId] = query.cursor ? decodeCursor(query.cursor, 'timestamp') : [null, null];
    const rows = await this.db.query<{ id: string; created_at: string }[]>(
      `SELECT i.id, i.created_at::text AS created_at FROM listing_interests i JOIN listings l ON l.id = i.listing_id
        WHERE ($1 OR i.organization_id = $2 OR l.organization_id = $2)
          AND ($4::uuid IS NULL OR (i.created_at, i.id) < ($3::timestamptz, $4::uuid))
        ORDER BY i.created_at DESC, i.id DESC LIMIT $5`,
      [official, actor.organizationId, after, afterId, limit + 1],
    );
    const page = pageOfRows(rows, limit, (r) => [r.created_at, r.id]);
    const summaries = await this.interestSummaries(page.items.map((r) => r.id));
    return {
      items: summaries.map(({ ownerOrganizationId: _, createdById: __, ...view }) => view),
      nextCursor: page.nextCursor,
    };
  }

  private async interestSummaries(
    ids: string[],
  ): Promise<(InterestSummaryView & { ownerOrganizationId: string | null; createdById: string })[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<Record<string, any>[]>(
      `SELECT i.*, l.title, l.kind, l.status, l.organization_id AS owner_id, l.created_by_id AS listing_creator, ow.name AS owner_name, it.name AS interested_name
         FROM listing_interests i JOIN listings l ON l.id = i.listing_id
         LEFT JOIN organization_directory ow ON ow.id = l.organization_id JOIN organization_directory it ON it.id = i.organization_id
        WHERE i.id = ANY($1) ORDER BY i.created_at DESC, i.id DESC`,
      [ids],
    );
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
    const messages = await this.db.query<Record<string, any>[]>(
      `SELECT m.id, m.body, m.created_at, u.id AS author_id, u.display_name FROM listing_interest_messages m JOIN people_directory u ON u.id = m.author_id
        WHERE m.interest_id = $1 ORDER BY m.created_at, m.id`,
      [id],
    );
    return {
      ...view,
      ownerContacts: ownerOrganizationId
        ? await this.contacts(`organization_id = $1`, ownerOrganizationId)
        : await this.contacts('id = $1', createdById),
      interestedContacts: await this.contacts('organization_id = $1', view.interested.id),
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
    await this.db
      .getRepository(ListingInterestMessage)
      .save({ tenantId: this.tenant.tenantId, interestId: id, authorId: actor.userId, body: body.trim() });
    const others = [
      ...(summary.ownerOrganizationId ? await this.usersOf(summary.ownerOrganizationId) : [summary.createdById]),
      ...(await this.usersOf(summary.interested.id)),
    ].filter((u) => u !== actor.userId);
    const [author] = await this.db.query<{ display_name: string }[]>(
      'SELECT display_name FROM people_directory WHERE id = $1',
      [actor.userId],
    );
    await this.notifier.notify({ userIds: [...new Set(others)] }, ListingNotification.ListingMessage, {
      interestId: id,
      title: summary.listing.title,
      authorName: author?.display_name ?? '',
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

  private async contacts(condition: string, value: string): Promise<PartyContactView[]> {
    const rows = await this.db.query<Record<string, any>[]>(
      `SELECT id, display_name, email, mobile FROM people_directory WHERE ${condition} AND status = 'active' ORDER BY is_leader DESC, display_name LIMIT 10`,
      [value],
    );
    return rows.map((u) => ({ id: u.id, displayName: u.display_name, email: u.email, mobile: u.mobile }));
  }

  private async usersOf(organizationId: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT id FROM people_directory WHERE organization_id = $1 AND status = 'active'`,
      [organizationId],
    );
    return rows.map((r) => r.id);
  }

  private async creatorOf(listingId: string): Promise<string[]> {
    const rows = await this.db.query<{ created_by_id: string }[]>('SELECT created_by_id FROM listings WHERE id = $1', [
      listingId,
    ]);
    return rows.map((r) => r.created_by_id);
  }

  async createTalent(actor: Actor, input: CreateTalentDto): Promise<TalentView> {
    if (!actor.organizationId) throw DomainException.invalid([{ field: 'organizationId', reason: 'required' }]);
    const talent = await this.db.getRepository(Talent).save({
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
    const [after, afterId] = query.cursor ? decodeCursor(query.cursor, 'timestamp') : [null, null];
    const rows = await this.db.query<Record<string, any>[]>(
      `SELECT t.*, t.created_at::text AS created_at_text, o.name AS organization_name FROM talents t JOIN organization_directory o ON o.id = t.organization_id
        WHERE ($1::uuid IS NULL OR t.id = $1) AND ($2::text IS NULL OR t.skills @> ARRAY[$2]::text[]) AND ($3::text IS NULL OR t.category = $3)
          AND ($5::uuid IS NULL OR (t.created_at, t.id) < ($4::timestamptz, $5::uuid))
        ORDER BY t.created_at DESC, t.id DESC LIMIT $6`,
      [id ?? null, query.skill ?? null, query.category ?? null, after, afterId, limit + 1],
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
