import { Injectable } from '@nestjs/common';
import { decodeCursorParts, pageOfRows } from '../../../platform/pagination/keyset';
import { DEFAULT_PAGE_SIZE, type Page, type PageQueryDto } from '../../../platform/pagination/page.dto';
import type { ReviewerCandidate } from '../dto/report.dto';
import type { ExpertAvailability } from '../entities/expert.entity';
import type { ResearchReport } from '../entities/research-report.entity';
import { type Conflict, conflictsOfInterest, type ExpertFacts, type ReportParties } from './conflicts-of-interest';
import { ReviewCandidatesRepository } from './review-candidates.repository';
import { PeopleDirectory } from '../../users/people-directory.service';
import { OrganizationDirectory } from '../../organizations/organization-directory.service';

/** Loads what the conflict-of-interest rules need from the registry and the experts' declarations. */
@Injectable()
export class ReviewCandidatesService {
  constructor(
    private readonly candidatesRepository: ReviewCandidatesRepository,
    private readonly peopleDirectory: PeopleDirectory,
    private readonly organizationDirectory: OrganizationDirectory,
  ) {}

  async parties(report: ResearchReport): Promise<ReportParties> {
    const authors = await this.candidatesRepository.authorOrganizations(report.id);
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
    const rows = await this.candidatesRepository.experts(
      expertIds ?? null,
      page?.after ?? null,
      page ? page.limit : null,
    );
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      displayName: r.display_name,
      fields: r.fields,
      availability: r.availability,
      openReviews: r.open_reviews,
      organizationIds: [r.affiliation_organization_id, r.organization_id].filter((id): id is string => !!id),
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
    const organizations = await this.organizationDirectory.names(ids);
    const people = await this.peopleDirectory.displayNames(ids);
    return new Map([...people, ...organizations]);
  }
}
