import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { ExpertAvailability } from '../entities/expert.entity';

export interface ReportAuthorOrganizationsRow {
  user_id: string;
  /** The organisation the author wrote for. */
  organization_id: string | null;
  /** The one they belong to now. */
  current_org: string | null;
}

export interface ExpertFactsRow {
  id: string;
  user_id: string;
  fields: string[];
  availability: ExpertAvailability;
  affiliation_organization_id: string | null;
  organization_id: string | null;
  display_name: string;
  declarations: { organizationId: string | null; userId: string | null }[];
  open_reviews: number;
}

/** What the conflict-of-interest rules read: authors' organisations, experts' affiliations and declarations. */
@Injectable()
export class ReviewCandidatesRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  authorOrganizations(reportId: string): Promise<ReportAuthorOrganizationsRow[]> {
    return this.manager.query<ReportAuthorOrganizationsRow[]>(
      `SELECT a.user_id, a.organization_id, u.organization_id AS current_org FROM report_authors a JOIN people_directory u ON u.id = a.user_id WHERE a.report_id = $1`,
      [reportId],
    );
  }

  /**
   * Experts with an active account, those given or (null) all, by name; `after` the name and id of the
   * last one before, at most `limit` (null: no limit).
   */
  experts(expertIds: string[] | null, after: [string, string] | null, limit: number | null): Promise<ExpertFactsRow[]> {
    return this.manager.query<ExpertFactsRow[]>(
      `SELECT e.id, e.user_id, e.fields, e.availability, e.affiliation_organization_id, u.organization_id, u.display_name,
              coalesce((SELECT json_agg(json_build_object('organizationId', d.organization_id, 'userId', d.user_id)) FROM expert_declarations d WHERE d.expert_id = e.id), '[]') AS declarations,
              (SELECT count(*) FROM review_assignments a WHERE a.expert_id = e.id AND a.status IN ('invited', 'accepted'))::int AS open_reviews
         FROM experts e JOIN people_directory u ON u.id = e.user_id
        WHERE u.status = 'active' AND ($1::uuid[] IS NULL OR e.id = ANY($1))
          AND ($2::text IS NULL OR (u.display_name, e.id) > ($2, $3::uuid))
        ORDER BY u.display_name, e.id LIMIT $4`,
      [expertIds, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }
}
