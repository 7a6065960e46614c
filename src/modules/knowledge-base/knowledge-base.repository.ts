import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { KnowledgeArticleStatus } from './entities/knowledge-article.entity';
import type { PrivateDetails } from './private-details';

export interface ArticleRow {
  id: string;
  allianceId: string;
  allianceName: string | null;
  sourceRequestId: string | null;
  categoryId: string | null;
  categoryName: string | null;
  title: string;
  question: string;
  answer: string;
  status: KnowledgeArticleStatus;
  publishedAt: Date;
  updatedAt: Date;
  sourceDepartmentId: string | null;
  rank: number | null;
}

export interface SourceRequest {
  id: string;
  allianceId: string;
  categoryId: string | null;
  title: string;
  description: string;
  status: string;
  requesterOrganizationId: string;
  assignedOrganizationId: string | null;
  resolution: string | null;
}

export interface ArticleText {
  title: string;
  question: string;
  answer: string;
}

/** Who may read: null for all of the township's alliances (officials), else these alliances. */
export type Visible = string[] | null;

/**
 * The segmented terms as a query: each lexeme to_tsvector('simple') makes of them, any of them (OR),
 * so stored and searched terms are cut and normalised alike.
 */
const termsQuery = (param: string) =>
  `(SELECT string_agg(quote_literal(l), ' | ')::tsquery FROM unnest(tsvector_to_array(to_tsvector('simple', ${param}))) l)`;

/** Title terms weigh more than the question's and the answer's. */
const searchTerms = (title: string, body: string) =>
  `setweight(to_tsvector('simple', ${title}), 'A') || setweight(to_tsvector('simple', ${body}), 'B')`;

const COLUMNS = `a.id, a.alliance_id AS "allianceId", al.name AS "allianceName", a.source_request_id AS "sourceRequestId",
  a.category_id AS "categoryId", c.name AS "categoryName", a.title, a.question, a.answer, a.status,
  a.published_at AS "publishedAt", a.updated_at AS "updatedAt", r.assigned_organization_id AS "sourceDepartmentId"`;
const JOINS = `LEFT JOIN alliance_directory al ON al.tenant_id = a.tenant_id AND al.id = a.alliance_id
  LEFT JOIN service_category_catalogue c ON c.tenant_id = a.tenant_id AND c.id = a.category_id
  LEFT JOIN service_request_directory r ON r.tenant_id = a.tenant_id AND r.id = a.source_request_id`;

/**
 * The knowledge base's queries: its own table and what its neighbours export (alliance_directory,
 * alliance_membership_directory, service_request_directory, service_request_training_history,
 * service_category_catalogue, organization_directory, people_directory), in the current township.
 */
@Injectable()
export class KnowledgeBaseRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  /** The alliances an organisation is a current member of (1, X or N). */
  async memberAlliances(organizationId: string): Promise<string[]> {
    const rows = await this.manager.query<{ id: string }[]>(
      `SELECT DISTINCT alliance_id AS id FROM alliance_membership_directory
        WHERE tenant_id = $1 AND organization_id = $2 AND left_on IS NULL`,
      [this.tenant.tenantId, organizationId],
    );
    return rows.map((r) => r.id);
  }

  async allianceExists(id: string): Promise<boolean> {
    const rows = await this.manager.query<unknown[]>(
      `SELECT 1 FROM alliance_directory WHERE tenant_id = $1 AND id = $2`,
      [this.tenant.tenantId, id],
    );
    return rows.length > 0;
  }

  async categoryInAlliance(categoryId: string, allianceId: string): Promise<boolean> {
    const rows = await this.manager.query<unknown[]>(
      `SELECT 1 FROM service_category_catalogue WHERE tenant_id = $1 AND id = $2 AND alliance_id = $3`,
      [this.tenant.tenantId, categoryId, allianceId],
    );
    return rows.length > 0;
  }

  async sourceRequest(id: string): Promise<SourceRequest | null> {
    const [row] = await this.manager.query<SourceRequest[]>(
      `SELECT d.id, d.alliance_id AS "allianceId", d.category_id AS "categoryId", d.title, d.description, d.status,
              d.requester_organization_id AS "requesterOrganizationId",
              d.assigned_organization_id AS "assignedOrganizationId", h.resolution
         FROM service_request_directory d
         LEFT JOIN service_request_training_history h ON h.tenant_id = d.tenant_id AND h.id = d.id
        WHERE d.tenant_id = $1 AND d.id = $2`,
      [this.tenant.tenantId, id],
    );
    return row ?? null;
  }

  /** The enterprise's name, its registered contacts, and its people's names, mobiles and emails. */
  async privateDetails(organizationId: string): Promise<PrivateDetails> {
    const [row] = await this.manager.query<
      { names: string[] | null; people: string[] | null; mobiles: string[] | null; emails: string[] | null }[]
    >(
      `SELECT array_remove(ARRAY[o.name], NULL) AS names,
              array(SELECT c->>'name' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(o.contacts) = 'array' THEN o.contacts ELSE '[]' END) c
                    UNION SELECT p.display_name FROM people_directory p WHERE p.tenant_id = o.tenant_id AND p.organization_id = o.id) AS people,
              array(SELECT coalesce(c->>'phone', c->>'mobile') FROM jsonb_array_elements(CASE WHEN jsonb_typeof(o.contacts) = 'array' THEN o.contacts ELSE '[]' END) c
                    UNION SELECT p.mobile FROM people_directory p WHERE p.tenant_id = o.tenant_id AND p.organization_id = o.id) AS mobiles,
              array(SELECT c->>'email' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(o.contacts) = 'array' THEN o.contacts ELSE '[]' END) c
                    UNION SELECT p.email FROM people_directory p WHERE p.tenant_id = o.tenant_id AND p.organization_id = o.id) AS emails
         FROM organization_directory o WHERE o.tenant_id = $1 AND o.id = $2`,
      [this.tenant.tenantId, organizationId],
    );
    const clean = (list: (string | null)[] | null | undefined) => (list ?? []).filter((v): v is string => !!v);
    return {
      names: clean(row?.names),
      people: clean(row?.people),
      mobiles: clean(row?.mobiles),
      emails: clean(row?.emails),
    };
  }

  async articleForRequest(requestId: string): Promise<string | null> {
    const [row] = await this.manager.query<{ id: string }[]>(
      `SELECT id FROM knowledge_articles WHERE tenant_id = $1 AND source_request_id = $2`,
      [this.tenant.tenantId, requestId],
    );
    return row?.id ?? null;
  }

  async insert(article: {
    allianceId: string;
    sourceRequestId: string | null;
    categoryId: string | null;
    text: ArticleText;
    terms: { title: string[]; body: string[] };
    publishedById: string | null;
    publishedAt: Date;
  }): Promise<string | null> {
    const rows = await this.manager.query<{ id: string }[]>(
      `INSERT INTO knowledge_articles (tenant_id, alliance_id, source_request_id, category_id, title, question, answer,
              published_by_id, published_at, search_terms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, ${searchTerms('$10', '$11')})
       ON CONFLICT (tenant_id, source_request_id) WHERE source_request_id IS NOT NULL DO NOTHING RETURNING id`,
      [
        this.tenant.tenantId,
        article.allianceId,
        article.sourceRequestId,
        article.categoryId,
        article.text.title,
        article.text.question,
        article.text.answer,
        article.publishedById,
        article.publishedAt,
        article.terms.title.join(' '),
        article.terms.body.join(' '),
      ],
    );
    return rows[0]?.id ?? null;
  }

  async update(
    id: string,
    changes: {
      text: ArticleText;
      categoryId: string | null;
      status: KnowledgeArticleStatus;
      terms: { title: string[]; body: string[] };
      publishedAt: Date | null;
    },
  ): Promise<void> {
    await this.manager.query(
      `UPDATE knowledge_articles SET title = $3, question = $4, answer = $5, category_id = $6, status = $7,
              search_terms = ${searchTerms('$8', '$9')}, published_at = coalesce($10, published_at), updated_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [
        this.tenant.tenantId,
        id,
        changes.text.title,
        changes.text.question,
        changes.text.answer,
        changes.categoryId,
        changes.status,
        changes.terms.title.join(' '),
        changes.terms.body.join(' '),
        changes.publishedAt,
      ],
    );
  }

  async find(id: string): Promise<ArticleRow | null> {
    const [row] = await this.manager.query<ArticleRow[]>(
      `SELECT ${COLUMNS}, NULL::real AS rank FROM knowledge_articles a ${JOINS} WHERE a.tenant_id = $1 AND a.id = $2`,
      [this.tenant.tenantId, id],
    );
    return row ?? null;
  }

  /** Newest first, after the (publishedAt, id) of `after`. */
  async newest(options: {
    visible: Visible;
    allianceId: string | null;
    withUnpublished: boolean;
    after: { publishedAt: Date; id: string } | null;
    limit: number;
  }): Promise<ArticleRow[]> {
    return this.manager.query<ArticleRow[]>(
      `SELECT ${COLUMNS}, NULL::real AS rank FROM knowledge_articles a ${JOINS}
        WHERE a.tenant_id = $1 AND ($2::uuid[] IS NULL OR a.alliance_id = ANY($2)) AND ($3::uuid IS NULL OR a.alliance_id = $3)
          AND ($4 OR a.status = 'published')
          AND ($5::timestamptz IS NULL OR (a.published_at, a.id) < ($5, $6::uuid))
        ORDER BY a.published_at DESC, a.id DESC LIMIT $7`,
      [
        this.tenant.tenantId,
        options.visible,
        options.allianceId,
        options.withUnpublished,
        options.after?.publishedAt ?? null,
        options.after?.id ?? null,
        options.limit,
      ],
    );
  }

  /** Those sharing the most terms first (ts_rank over the GIN-indexed terms). */
  async search(options: {
    terms: string[];
    visible: Visible;
    allianceId: string | null;
    withUnpublished: boolean;
    limit: number;
  }): Promise<ArticleRow[]> {
    return this.manager.query<ArticleRow[]>(
      `WITH q AS (SELECT ${termsQuery('$2')} AS q)
       SELECT ${COLUMNS}, ts_rank(a.search_terms, q.q) AS rank FROM q, knowledge_articles a ${JOINS}
        WHERE a.tenant_id = $1 AND a.search_terms @@ q.q
          AND ($3::uuid[] IS NULL OR a.alliance_id = ANY($3)) AND ($4::uuid IS NULL OR a.alliance_id = $4)
          AND ($5 OR a.status = 'published')
        ORDER BY rank DESC, a.published_at DESC, a.id DESC LIMIT $6`,
      [
        this.tenant.tenantId,
        options.terms.join(' '),
        options.visible,
        options.allianceId,
        options.withUnpublished,
        options.limit,
      ],
    );
  }
}
