import { Injectable } from '@nestjs/common';
import { decodeCursorParts, pageOfRows } from '../../../platform/pagination/keyset';
import { DEFAULT_PAGE_SIZE, type Page, type PageQueryDto } from '../../../platform/pagination/page.dto';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { ReviewerCandidate } from '../dto/report.dto';
import type { ExpertAvailability } from '../entities/expert.entity';
import type { ResearchReport } from '../entities/research-report.entity';
import { type Conflict, conflictsOfInterest, type ExpertFacts, type ReportParties } from './conflicts-of-interest';

/** Loads what the conflict-of-interest rules need from the registry and the experts' declarations. */
@Injectable()
export class ReviewCandidatesService {
  constructor(private readonly tenant: TenantContext) {}

  async parties(report: ResearchReport): Promise<ReportParties> {
    const authors = await this.tenant.manager.query<
      { user_id: string; organization_id: string | null; current_org: string | null }[]
    >(
      `SELECT a.user_id, a.organization_id, u.organization_id AS current_org FROM report_authors a JOIN people_directory u ON u.id = a.user_id WHERE a.report_id = $1`,
      [report.id],
    );
    return {
      authorUserIds: authors.map((a) => a.user_id),
      // The organisation the author wrote for, and the one they belong to now.
      authorOrganizationIds: [
        ...new Set(authors.flatMap((a) => [a.organization_id, a.current_org]).filter((o): o is string => !!o)),
      ],
      subjectOrganizationIds: report.subjectOrganizationIds,
    };
  }

  /** The active experts given, or a page of all of them by name (`after` the name and id of the last one before). */
  async experts(
    expertIds?: string[],
    page?: { limit: number; after: [string, string] | null },
  ): Promise<
    (ExpertFacts & {
      id: string;
      displayName: string;
      fields: string[];
      availability: ExpertAvailability;
      openReviews: number;
    })[]
  > {
    const rows = await this.tenant.manager.query<Record<string, any>[]>(
      `SELECT e.id, e.user_id, e.fields, e.availability, e.affiliation_organization_id, u.organization_id, u.display_name,
              coalesce((SELECT json_agg(json_build_object('organizationId', d.organization_id, 'userId', d.user_id)) FROM expert_declarations d WHERE d.expert_id = e.id), '[]') AS declarations,
              (SELECT count(*) FROM review_assignments a WHERE a.expert_id = e.id AND a.status IN ('invited', 'accepted'))::int AS open_reviews
         FROM experts e JOIN people_directory u ON u.id = e.user_id
        WHERE u.status = 'active' AND ($1::uuid[] IS NULL OR e.id = ANY($1))
          AND ($2::text IS NULL OR (u.display_name, e.id) > ($2, $3::uuid))
        ORDER BY u.display_name, e.id LIMIT $4`,
      [expertIds ?? null, page?.after?.[0] ?? null, page?.after?.[1] ?? null, page ? page.limit : null],
    );
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      displayName: r.display_name,
      fields: r.fields,
      availability: r.availability,
      openReviews: r.open_reviews,
      organizationIds: [r.affiliation_organization_id, r.organization_id].filter(Boolean),
      declarations: r.declarations,
    }));
  }

  /** The experts by name, a page at a time, with the conflicts that bar them from this report, explained with names. */
  async candidates(report: ResearchReport, page: PageQueryDto): Promise<Page<ReviewerCandidate>> {
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const after = page.cursor ? (decodeCursorParts(page.cursor, ['text', 'uuid']) as [string, string]) : null;
    const parties = await this.parties(report);
    const experts = await this.experts(undefined, { limit: limit + 1, after });
    const all = experts.map((e) => ({ expert: e, conflicts: conflictsOfInterest(e, parties) }));
    const names = await this.names(all.flatMap((c) => c.conflicts));
    const candidates = all.map(({ expert, conflicts }) => ({
      expertId: expert.id,
      displayName: expert.displayName,
      fields: expert.fields,
      availability: expert.availability,
      openReviews: expert.openReviews,
      conflicts: conflicts.map((c) => ({ rule: c.rule, with: names.get(c.withId) ?? c.withId })),
    }));
    return pageOfRows(candidates, limit, (c) => [c.displayName, c.expertId]);
  }

  async names(conflicts: Conflict[]): Promise<Map<string, string>> {
    const ids = [...new Set(conflicts.map((c) => c.withId))];
    const rows = await this.tenant.manager.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM organization_directory WHERE id = ANY($1) UNION ALL SELECT id, display_name FROM people_directory WHERE id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
