import { Injectable } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { WorkloadList } from '../dto/expert.dto';
import type { LibraryPage, LibraryQuery } from '../dto/library.dto';
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
   */
  async search(query: LibraryQuery): Promise<LibraryPage> {
    const terms = (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
    const qb = this.tenant.manager
      .getRepository(ResearchReport)
      .createQueryBuilder('r')
      .where(`r.status = 'published'`)
      .orderBy('r.published_at', 'DESC')
      .limit(query.limit ?? 50);
    terms.forEach((term, i) => {
      qb.andWhere(`r.search_text ILIKE :t${i}`, { [`t${i}`]: likePattern(term) });
    });
    if (terms.length > 0) qb.orderBy(`(r.title ILIKE :t0)`, 'DESC').addOrderBy('r.published_at', 'DESC');
    if (query.topic) qb.andWhere(':topic = ANY(r.topics)', { topic: query.topic });
    if (query.from) qb.andWhere(`r.published_at >= (:from::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`, { from: query.from });
    if (query.to) qb.andWhere(`r.published_at < ((:to::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`, { to: query.to });
    const reports = await qb.getMany();
    const summaries = await this.views.summaries(reports);
    const progress = await this.tenant.manager.query<{ report_id: string; total: string; done: string }[]>(
      `SELECT report_id, count(*) AS total, count(*) FILTER (WHERE status = 'done') AS done
         FROM action_items WHERE report_id = ANY($1) AND status <> 'cancelled' GROUP BY report_id`,
      [reports.map((r) => r.id)],
    );
    const topics = await this.tenant.manager.query<{ topic: string; count: string }[]>(
      `SELECT topic, count(*) FROM research_reports, unnest(topics) topic WHERE status = 'published' GROUP BY topic ORDER BY count(*) DESC, topic LIMIT 50`,
    );
    return {
      items: summaries.map((s, i) => {
        const p = progress.find((row) => row.report_id === s.id);
        return { ...s, abstract: reports[i].abstract, recommendationsTotal: Number(p?.total ?? 0), recommendationsDone: Number(p?.done ?? 0) };
      }),
      topics: topics.map((t) => ({ topic: t.topic, count: Number(t.count) })),
    };
  }

  /**
   * Open reviews per expert, the share on time, and the average days from invitation to review.
   * A review past its due date and still open counts as late already: otherwise an expert who sits
   * on overdue reviews would keep a perfect rate.
   */
  async workload(): Promise<WorkloadList> {
    const rows = await this.tenant.manager.query<Record<string, any>[]>(
      `SELECT e.id, u.display_name, e.availability,
              count(a.id) FILTER (WHERE a.status IN ('invited', 'accepted')) AS open,
              count(a.id) FILTER (WHERE a.status = 'submitted') AS submitted,
              avg(CASE WHEN a.status = 'submitted' THEN (a.submitted_at <= a.due_at)::int WHEN a.status IN ('invited', 'accepted') AND a.due_at < $1 THEN 0 END) AS on_time,
              avg(extract(epoch FROM a.submitted_at - a.created_at) / 86400) FILTER (WHERE a.status = 'submitted') AS turnaround
         FROM experts e JOIN users u ON u.id = e.user_id LEFT JOIN review_assignments a ON a.expert_id = e.id
        GROUP BY e.id, u.display_name, e.availability
        ORDER BY open DESC, u.display_name`,
      [this.clock.now()],
    );
    return {
      items: rows.map((r) => ({
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
