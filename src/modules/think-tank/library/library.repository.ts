import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { CursorPart } from '../../../platform/pagination/keyset';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { ExpertAvailability } from '../entities/expert.entity';
import { ResearchReport } from '../entities/research-report.entity';

export interface LibrarySearch {
  terms: string[];
  topic?: string;
  /** Days in the township's calendar (YYYY-MM-DD), both included. */
  from?: string;
  to?: string;
  after: CursorPart[] | null;
  limit: number;
}

export interface LibraryHitRow {
  id: string;
  title_match: boolean;
  /** The publication time (or, failing it, the creation time) as text, to the microsecond. */
  published_at: string;
}

export interface RecommendationProgressRow {
  report_id: string;
  total: string;
  done: string;
}

export interface WorkloadRow {
  id: string;
  display_name: string;
  availability: ExpertAvailability;
  open: number;
  /** bigint and numeric aggregates arrive as text. */
  submitted: string;
  on_time: string | null;
  turnaround: string | null;
}

/** `%` and `_` in what people type are literal characters, not wildcards. */
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The library's queries over published reports, and the reviewers' workload. */
@Injectable()
export class LibraryRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  /**
   * Published reports holding every term in their search text, those whose title holds the first
   * term first, then the latest published; one more row than the limit.
   */
  search(query: LibrarySearch): Promise<LibraryHitRow[]> {
    const { terms } = query;
    const params: unknown[] = [terms.length > 0 ? likePattern(terms[0]) : null];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [`r.status = 'published'`];
    for (const term of terms) where.push(`r.search_text ILIKE ${param(likePattern(term))}`);
    if (query.topic) where.push(`${param(query.topic)} = ANY(r.topics)`);
    if (query.from)
      where.push(`r.published_at >= (${param(query.from)}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (query.to)
      where.push(`r.published_at < ((${param(query.to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
    // A published report has its publication time; the creation time stands in, so no row is lost to a NULL.
    const sort = `($1::text IS NOT NULL AND r.title ILIKE $1), COALESCE(r.published_at, r.created_at), r.id`;
    if (query.after) {
      const [afterTitleMatch, afterPublishedAt, afterId] = query.after;
      where.push(
        `(${sort}) < (${param(afterTitleMatch)}::boolean, ${param(afterPublishedAt)}::timestamptz, ${param(afterId)}::uuid)`,
      );
    }
    return this.manager.query<LibraryHitRow[]>(
      `SELECT r.id, ($1::text IS NOT NULL AND r.title ILIKE $1) AS title_match, COALESCE(r.published_at, r.created_at)::text AS published_at
         FROM research_reports r WHERE ${where.join(' AND ')}
        ORDER BY title_match DESC, COALESCE(r.published_at, r.created_at) DESC, r.id DESC LIMIT ${param(query.limit)}`,
      params,
    );
  }

  reports(ids: string[]): Promise<ResearchReport[]> {
    return this.manager.getRepository(ResearchReport).findBy({ id: In(ids) });
  }

  /** Recommendations (action items) of each report, not counting cancelled ones. */
  recommendationProgress(reportIds: string[]): Promise<RecommendationProgressRow[]> {
    return this.manager.query<RecommendationProgressRow[]>(
      `SELECT report_id, count(*) AS total, count(*) FILTER (WHERE status = 'done') AS done
         FROM action_item_directory WHERE report_id = ANY($1) AND status <> 'cancelled' GROUP BY report_id`,
      [reportIds],
    );
  }

  /** The library's topics, the most used first (at most 50). */
  topics(): Promise<{ topic: string; count: string }[]> {
    return this.manager.query<{ topic: string; count: string }[]>(
      `SELECT topic, count(*) FROM research_reports, unnest(topics) topic WHERE status = 'published' GROUP BY topic ORDER BY count(*) DESC, topic LIMIT 50`,
    );
  }

  /**
   * Each expert's open and submitted reviews, share on time and average turnaround; an open review
   * past its due time at `now` counts as late. The most open reviews first; one more row than the limit.
   */
  workload(now: Date, after: CursorPart[] | null, limit: number): Promise<WorkloadRow[]> {
    const [afterNegOpen, afterName, afterId] = after ?? [null, null, null];
    return this.manager.query<WorkloadRow[]>(
      `SELECT * FROM (
       SELECT e.id, u.display_name, e.availability,
              (count(a.id) FILTER (WHERE a.status IN ('invited', 'accepted')))::int AS open,
              count(a.id) FILTER (WHERE a.status = 'submitted') AS submitted,
              avg(CASE WHEN a.status = 'submitted' THEN (a.submitted_at <= a.due_at)::int WHEN a.status IN ('invited', 'accepted') AND a.due_at < $1 THEN 0 END) AS on_time,
              avg(extract(epoch FROM a.submitted_at - a.created_at) / 86400) FILTER (WHERE a.status = 'submitted') AS turnaround
         FROM experts e JOIN people_directory u ON u.id = e.user_id LEFT JOIN review_assignments a ON a.expert_id = e.id
        GROUP BY e.id, u.display_name, e.availability) w
        WHERE $4::uuid IS NULL OR (-w.open, w.display_name, w.id) > ($2::int, $3::text, $4::uuid)
        ORDER BY -w.open, w.display_name, w.id LIMIT $5`,
      [now, afterNegOpen, afterName, afterId, limit],
    );
  }
}
