import { Injectable } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { In } from 'typeorm';
import { decodeCursorParts, pageOfRows } from '../../../platform/pagination/keyset';
import { DEFAULT_PAGE_SIZE, type PageQueryDto } from '../../../platform/pagination/page.dto';
import type { WorkloadPage } from '../dto/expert.dto';
import type { LibraryPage, LibraryQuery, LibraryTopics } from '../dto/library.dto';
import { ResearchReport } from '../entities/research-report.entity';
import { ReportViewsService } from '../reports/report-views.service';

/** `%` and `_` in what people type are literal characters, not wildcards. */
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The library of published reports, and the reviewers' workload. */
@Injectable()
export class LibraryService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly views: ReportViewsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Every word of the query must appear in the title, abstract or topics. Matching is by substring,
   * served by a trigram index, so a Chinese phrase is found inside a longer text without word breaks.
   * Reports whose title holds the first word come first, then the latest published; a page at a time,
   * the cursor holding that flag, the publication time as text (to the microsecond) and the id.
   */
  async search(query: LibraryQuery): Promise<LibraryPage> {
    const terms = (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
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
    if (query.cursor) {
      const [afterTitleMatch, afterPublishedAt, afterId] = decodeCursorParts(query.cursor, [
        'boolean',
        'timestamp',
        'uuid',
      ]);
      where.push(
        `(${sort}) < (${param(afterTitleMatch)}::boolean, ${param(afterPublishedAt)}::timestamptz, ${param(afterId)}::uuid)`,
      );
    }
    const rows = await this.tenant.manager.query<{ id: string; title_match: boolean; published_at: string }[]>(
      `SELECT r.id, ($1::text IS NOT NULL AND r.title ILIKE $1) AS title_match, COALESCE(r.published_at, r.created_at)::text AS published_at
         FROM research_reports r WHERE ${where.join(' AND ')}
        ORDER BY title_match DESC, COALESCE(r.published_at, r.created_at) DESC, r.id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = pageOfRows(rows, limit, (r) => [r.title_match, r.published_at, r.id]);
    const ids = page.items.map((r) => r.id);
    const found = await this.tenant.manager.getRepository(ResearchReport).findBy({ id: In(ids) });
    const reports = ids.map((id) => found.find((r) => r.id === id)!);
    const summaries = await this.views.summaries(reports);
    const progress = await this.tenant.manager.query<{ report_id: string; total: string; done: string }[]>(
      `SELECT report_id, count(*) AS total, count(*) FILTER (WHERE status = 'done') AS done
         FROM action_item_directory WHERE report_id = ANY($1) AND status <> 'cancelled' GROUP BY report_id`,
      [ids],
    );
    return {
      items: summaries.map((s, i) => {
        const p = progress.find((row) => row.report_id === s.id);
        return {
          ...s,
          abstract: reports[i].abstract,
          recommendationsTotal: Number(p?.total ?? 0),
          recommendationsDone: Number(p?.done ?? 0),
        };
      }),
      nextCursor: page.nextCursor,
    };
  }

  /** The library's topics, the most used first (at most 50), for filtering the search. */
  async topics(): Promise<LibraryTopics> {
    const topics = await this.tenant.manager.query<{ topic: string; count: string }[]>(
      `SELECT topic, count(*) FROM research_reports, unnest(topics) topic WHERE status = 'published' GROUP BY topic ORDER BY count(*) DESC, topic LIMIT 50`,
    );
    return { topics: topics.map((t) => ({ topic: t.topic, count: Number(t.count) })) };
  }

  /**
   * Open reviews per expert, the share on time, and the average days from invitation to review.
   * A review past its due date and still open counts as late already: otherwise an expert who sits
   * on overdue reviews would keep a perfect rate.
   */
  async workload(query: PageQueryDto): Promise<WorkloadPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    // The most open reviews first: the cursor holds that count negated, so one row comparison serves.
    const [afterNegOpen, afterName, afterId] = query.cursor
      ? decodeCursorParts(query.cursor, ['number', 'text', 'uuid'])
      : [null, null, null];
    const rows = await this.tenant.manager.query<Record<string, any>[]>(
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
      [this.clock.now(), afterNegOpen, afterName, afterId, limit + 1],
    );
    const page = pageOfRows(rows, limit, (r) => [-r.open, r.display_name, r.id]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((r) => ({
        expertId: r.id,
        displayName: r.display_name,
        availability: r.availability,
        openReviews: Number(r.open),
        submittedReviews: Number(r.submitted),
        onTimeRate: r.on_time === null ? null : Math.round(Number(r.on_time) * 100) / 100,
        averageTurnaroundDays: r.turnaround === null ? null : Math.round(Number(r.turnaround) * 10) / 10,
      })),
    };
  }
}
