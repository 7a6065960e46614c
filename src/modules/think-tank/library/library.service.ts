import { Injectable } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import { decodeCursorParts, pageOfRows } from '../../../platform/pagination/keyset';
import { DEFAULT_PAGE_SIZE, type PageQueryDto } from '../../../platform/pagination/page.dto';
import type { WorkloadPage } from '../dto/expert.dto';
import type { LibraryPage, LibraryQuery, LibraryTopics } from '../dto/library.dto';
import { ReportViewsService } from '../reports/report-views.service';
import { LibraryRepository } from './library.repository';

/** The library of published reports, and the reviewers' workload. */
@Injectable()
export class LibraryService {
  constructor(
    private readonly library: LibraryRepository,
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
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.library.search({
      terms: (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8),
      topic: query.topic,
      from: query.from,
      to: query.to,
      after: query.cursor ? decodeCursorParts(query.cursor, ['boolean', 'timestamp', 'uuid']) : null,
      limit: limit + 1,
    });
    const page = pageOfRows(rows, limit, (r) => [r.title_match, r.published_at, r.id]);
    const ids = page.items.map((r) => r.id);
    const found = await this.library.reports(ids);
    const reports = ids.map((id) => found.find((r) => r.id === id)!);
    const summaries = await this.views.summaries(reports);
    const progress = await this.library.recommendationProgress(ids);
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
    const topics = await this.library.topics();
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
    const after = query.cursor ? decodeCursorParts(query.cursor, ['number', 'text', 'uuid']) : null;
    const rows = await this.library.workload(this.clock.now(), after, limit + 1);
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
