import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CursorPart } from '../../platform/pagination/keyset';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { ListListingsQuery } from './dto/listing.dto';
import { ListingInterestMessage } from './entities/listing-interest-message.entity';
import { ListingInterest } from './entities/listing-interest.entity';
import { Listing, type ListingKind, ListingStatus } from './entities/listing.entity';
import { Talent } from './entities/talent.entity';

/** A listing with its owner's name, its interest count and what it is today and to the asking organisation. */
export interface ListingRow {
  id: string;
  kind: ListingKind;
  category: string;
  tags: string[];
  title: string;
  description: string;
  valid_until: string | null;
  /** Closed once its valid-until day has passed. */
  effective_status: ListingStatus;
  organization_id: string | null;
  /** Set whenever organization_id is. */
  organization_name: string;
  alliance_id: string | null;
  mine: boolean;
  interest_count: number;
  created_at: Date;
  /** created_at to the microsecond, for a list's cursor. */
  created_at_text: string;
}

/** A suggested match: another listing or a person of the talent pool. */
export interface MatchRow {
  type: 'listing' | 'talent';
  id: string;
  kind: ListingKind | null;
  title: string;
  category: string;
  tags: string[];
  organization_id: string | null;
  /** Set whenever organization_id is. */
  organization_name: string;
  same_category: boolean;
  shared_tags: string[];
  score: number;
  created_at_text: string;
}

/** An interest with its listing and both sides' names. */
export interface InterestRow {
  id: string;
  listing_id: string;
  title: string;
  kind: ListingKind;
  status: ListingStatus;
  owner_id: string | null;
  /** Set whenever owner_id is. */
  owner_name: string;
  listing_creator: string;
  organization_id: string;
  interested_name: string;
  created_at: Date;
}

export interface InterestMessageRow {
  id: string;
  body: string;
  created_at: Date;
  author_id: string;
  display_name: string;
}

export interface ContactRow {
  id: string;
  display_name: string;
  email: string | null;
  mobile: string | null;
}

export interface TalentRow {
  id: string;
  name: string;
  title: string | null;
  category: string;
  skills: string[];
  summary: string | null;
  available: boolean;
  organization_id: string;
  organization_name: string;
  created_at_text: string;
}

/** The resource-sharing module's queries: its own tables, and the directories other modules export. */
@Injectable()
export class ResourceSharingRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  async allianceExists(id: string): Promise<boolean> {
    const rows = await this.manager.query<unknown[]>('SELECT 1 FROM alliance_directory WHERE id = $1', [id]);
    return rows.length > 0;
  }

  saveListing(listing: Partial<Listing>): Promise<Listing> {
    return this.manager.getRepository(Listing).save(listing);
  }

  findListing(id: string): Promise<Listing | null> {
    return this.manager.getRepository(Listing).findOneBy({ id });
  }

  async updateListing(id: string, changes: Partial<Listing>): Promise<void> {
    await this.manager.getRepository(Listing).update({ id }, changes);
  }

  saveInterest(interest: Partial<ListingInterest>): Promise<ListingInterest> {
    return this.manager.getRepository(ListingInterest).save(interest);
  }

  async saveMessage(message: Partial<ListingInterestMessage>): Promise<void> {
    await this.manager.getRepository(ListingInterestMessage).save(message);
  }

  saveTalent(talent: Partial<Talent>): Promise<Talent> {
    return this.manager.getRepository(Talent).save(talent);
  }

  /** One page (and one row more) of the board, newest first; a listing past its valid-until day (`today`) is closed. */
  listings(
    today: string,
    organizationId: string | null,
    query: Omit<ListListingsQuery, 'cursor'>,
    after: [string | number, string] | null,
    limit: number,
  ): Promise<ListingRow[]> {
    const where: string[] = [];
    const params: unknown[] = [today, organizationId];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.status === ListingStatus.Closed) where.push(`(l.status = 'closed' OR l.valid_until < $1)`);
    else where.push(`l.status = 'open' AND (l.valid_until IS NULL OR l.valid_until >= $1)`);
    if (query.kind) where.push(`l.kind = ${param(query.kind)}`);
    if (query.category) where.push(`l.category = ${param(query.category)}`);
    if (query.tag) where.push(`l.tags @> ARRAY[${param(query.tag)}]::text[]`);
    if (query.mine) where.push(`l.organization_id = $2`);
    if (after) {
      const [afterCreatedAt, afterId] = after;
      where.push(`(l.created_at, l.id) < (${param(afterCreatedAt)}::timestamptz, ${param(afterId)}::uuid)`);
    }
    return this.listingRows(`${where.join(' AND ')} ORDER BY l.created_at DESC, l.id DESC LIMIT ${limit + 1}`, params);
  }

  async listing(today: string, organizationId: string | null, id: string): Promise<ListingRow | undefined> {
    const [row] = await this.listingRows('l.id = $3', [today, organizationId, id]);
    return row;
  }

  /** $1 is today, $2 the asking organisation. */
  private listingRows(condition: string, params: unknown[]): Promise<ListingRow[]> {
    return this.manager.query<ListingRow[]>(
      `SELECT l.*, l.valid_until::text AS valid_until, l.created_at::text AS created_at_text, o.name AS organization_name,
              (SELECT count(*)::int FROM listing_interests i WHERE i.listing_id = l.id) AS interest_count,
              CASE WHEN l.valid_until < $1 THEN 'closed' ELSE l.status::text END AS effective_status,
              l.organization_id IS NOT DISTINCT FROM $2::uuid AND $2::uuid IS NOT NULL AS mine
         FROM listings l LEFT JOIN organization_directory o ON o.id = l.organization_id
        WHERE ${condition}`,
      params,
    );
  }

  /**
   * One page (and one row more) of matches for a listing, ranked by overlap (GIN on tags): a need
   * meets resources, projects and the talent pool; a resource or project meets needs (and a project talent).
   */
  matches(id: string, today: string, after: CursorPart[] | null, limit: number): Promise<MatchRow[]> {
    const [afterScore, afterCreatedAt, afterId] = after ?? [null, null, null];
    return this.manager.query<MatchRow[]>(
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
      [id, today, afterScore, afterCreatedAt, afterId, limit + 1],
    );
  }

  /** One page (and one row more) of interests, newest first: every one with `all`, else those the organisation is a side of. */
  interestKeys(all: boolean, organizationId: string | null, after: [string | number, string] | null, limit: number) {
    const [afterCreatedAt, afterId] = after ?? [null, null];
    return this.manager.query<{ id: string; created_at: string }[]>(
      `SELECT i.id, i.created_at::text AS created_at FROM listing_interests i JOIN listings l ON l.id = i.listing_id
        WHERE ($1 OR i.organization_id = $2 OR l.organization_id = $2)
          AND ($4::uuid IS NULL OR (i.created_at, i.id) < ($3::timestamptz, $4::uuid))
        ORDER BY i.created_at DESC, i.id DESC LIMIT $5`,
      [all, organizationId, afterCreatedAt, afterId, limit + 1],
    );
  }

  interests(ids: string[]): Promise<InterestRow[]> {
    return this.manager.query<InterestRow[]>(
      `SELECT i.*, l.title, l.kind, l.status, l.organization_id AS owner_id, l.created_by_id AS listing_creator, ow.name AS owner_name, it.name AS interested_name
         FROM listing_interests i JOIN listings l ON l.id = i.listing_id
         LEFT JOIN organization_directory ow ON ow.id = l.organization_id JOIN organization_directory it ON it.id = i.organization_id
        WHERE i.id = ANY($1) ORDER BY i.created_at DESC, i.id DESC`,
      [ids],
    );
  }

  messages(interestId: string): Promise<InterestMessageRow[]> {
    return this.manager.query<InterestMessageRow[]>(
      `SELECT m.id, m.body, m.created_at, u.id AS author_id, u.display_name FROM listing_interest_messages m JOIN people_directory u ON u.id = m.author_id
        WHERE m.interest_id = $1 ORDER BY m.created_at, m.id`,
      [interestId],
    );
  }

  /** Up to ten active contacts, leaders first: of an organisation, or the one person. */
  contacts(by: 'organization' | 'person', id: string): Promise<ContactRow[]> {
    const condition = by === 'organization' ? 'organization_id = $1' : 'id = $1';
    return this.manager.query<ContactRow[]>(
      `SELECT id, display_name, email, mobile FROM people_directory WHERE ${condition} AND status = 'active' ORDER BY is_leader DESC, display_name LIMIT 10`,
      [id],
    );
  }

  async listingCreator(listingId: string): Promise<string[]> {
    const rows = await this.manager.query<{ created_by_id: string }[]>(
      'SELECT created_by_id FROM listings WHERE id = $1',
      [listingId],
    );
    return rows.map((r) => r.created_by_id);
  }

  /** One page (and one row more) of the talent pool, newest first; `id` picks one person. */
  talents(
    filter: { id: string | null; skill: string | null; category: string | null },
    after: [string | number, string] | null,
    limit: number,
  ): Promise<TalentRow[]> {
    const [afterCreatedAt, afterId] = after ?? [null, null];
    return this.manager.query<TalentRow[]>(
      `SELECT t.*, t.created_at::text AS created_at_text, o.name AS organization_name FROM talents t JOIN organization_directory o ON o.id = t.organization_id
        WHERE ($1::uuid IS NULL OR t.id = $1) AND ($2::text IS NULL OR t.skills @> ARRAY[$2]::text[]) AND ($3::text IS NULL OR t.category = $3)
          AND ($5::uuid IS NULL OR (t.created_at, t.id) < ($4::timestamptz, $5::uuid))
        ORDER BY t.created_at DESC, t.id DESC LIMIT $6`,
      [filter.id, filter.skill, filter.category, afterCreatedAt, afterId, limit + 1],
    );
  }
}
