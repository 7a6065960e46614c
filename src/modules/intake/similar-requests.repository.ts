import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';

export interface ResolvedText {
  id: string;
  title: string;
  description: string;
  resolution: string | null;
  resolvedAt: Date;
}

export interface RequestText {
  id: string;
  title: string;
  description: string;
  assignedOrganizationId: string | null;
}

export interface SimilarRequestRow {
  id: string;
  number: string;
  title: string;
  resolution: string | null;
  resolvedAt: Date;
  rank: number;
}

/**
 * The segmented terms as a query: each lexeme to_tsvector('simple') makes of them, any of them
 * (OR), so stored and searched terms are cut and normalised alike. `$n` is the terms joined by spaces.
 */
export const termsQuery = (param: string) =>
  `(SELECT string_agg(quote_literal(l), ' | ')::tsquery FROM unnest(tsvector_to_array(to_tsvector('simple', ${param}))) l)`;

/**
 * The intake module's resolved_request_terms and what service-requests exports for it
 * (service_request_training_history, service_request_directory), in the current township.
 */
@Injectable()
export class SimilarRequestsRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  /** Resolved requests without terms, or resolved anew since they were cut, oldest first. */
  async unindexed(limit: number): Promise<ResolvedText[]> {
    return this.manager.query<ResolvedText[]>(
      `SELECT h.id, h.title, h.description, h.resolution, h.resolved_at AS "resolvedAt"
         FROM service_request_training_history h
         LEFT JOIN resolved_request_terms t ON t.tenant_id = h.tenant_id AND t.request_id = h.id
        WHERE h.tenant_id = $1 AND (t.request_id IS NULL OR t.resolved_at <> h.resolved_at)
        ORDER BY h.resolved_at, h.id LIMIT $2`,
      [this.tenant.tenantId, limit],
    );
  }

  async store(rows: { id: string; resolvedAt: Date; terms: string[] }[]): Promise<void> {
    if (rows.length === 0) return;
    await this.manager.query(
      `INSERT INTO resolved_request_terms (tenant_id, request_id, resolved_at, terms)
       SELECT $1, r.id, r.resolved_at, to_tsvector('simple', r.terms)
         FROM unnest($2::uuid[], $3::timestamptz[], $4::text[]) AS r(id, resolved_at, terms)
       ON CONFLICT (request_id) DO UPDATE SET resolved_at = excluded.resolved_at, terms = excluded.terms`,
      [this.tenant.tenantId, rows.map((r) => r.id), rows.map((r) => r.resolvedAt), rows.map((r) => r.terms.join(' '))],
    );
  }

  async request(id: string): Promise<RequestText | null> {
    const [row] = await this.manager.query<RequestText[]>(
      `SELECT id, title, description, assigned_organization_id AS "assignedOrganizationId"
         FROM service_request_directory WHERE tenant_id = $1 AND id = $2`,
      [this.tenant.tenantId, id],
    );
    return row ?? null;
  }

  /** Resolved requests sharing the most terms (ts_rank), other than `exceptId`. */
  async similar(terms: string[], exceptId: string, limit: number): Promise<SimilarRequestRow[]> {
    return this.manager.query<SimilarRequestRow[]>(
      `WITH q AS (SELECT ${termsQuery('$2')} AS q)
       SELECT h.id, d.number, h.title, h.resolution, h.resolved_at AS "resolvedAt", ts_rank(t.terms, q.q) AS rank
         FROM q, resolved_request_terms t
         JOIN service_request_training_history h ON h.tenant_id = t.tenant_id AND h.id = t.request_id
         JOIN service_request_directory d ON d.tenant_id = h.tenant_id AND d.id = h.id
        WHERE t.tenant_id = $1 AND t.terms @@ q.q AND t.request_id <> $3
        ORDER BY rank DESC, h.resolved_at DESC, h.id LIMIT $4`,
      [this.tenant.tenantId, terms.join(' '), exceptId, limit],
    );
  }
}
