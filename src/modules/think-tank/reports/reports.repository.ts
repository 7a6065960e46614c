import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CursorPart } from '../../../platform/pagination/keyset';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { ReportAuthor } from '../entities/report-author.entity';
import { ReportVersion } from '../entities/report-version.entity';
import { ReportStatus, ResearchReport } from '../entities/research-report.entity';
import { ReviewRound } from '../entities/review-round.entity';

export interface ListReportsFilter {
  /** Only the reports this user wrote; null for every report. */
  authoredBy: string | null;
  status: ReportStatus | null;
  after: [updatedAt: string | number, id: string] | null;
  limit: number;
}

export interface AuthorRow {
  report_id: string;
  id: string;
  display_name: string;
  organization_id: string | null;
  organization_name: string | null;
}

/** The research reports, their authors, files and rounds. People and organisations come from the directory views. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  private get reports() {
    return this.manager.getRepository(ResearchReport);
  }

  findById(id: string): Promise<ResearchReport | null> {
    return this.reports.findOneBy({ id });
  }

  /** The report, locked until the transaction ends. */
  lock(id: string): Promise<ResearchReport> {
    return this.reports.createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOneOrFail();
  }

  save(report: Partial<ResearchReport>): Promise<ResearchReport> {
    return this.reports.save(report);
  }

  async update(id: string, changes: Partial<ResearchReport>): Promise<void> {
    await this.reports.update({ id }, changes);
  }

  /**
   * Latest change first, one more than the limit, each with its updated_at as text (the microseconds a
   * Date drops) for the cursor.
   */
  async list(filter: ListReportsFilter): Promise<{ report: ResearchReport; updatedAt: string }[]> {
    const qb = this.reports
      .createQueryBuilder('r')
      .addSelect('CAST(r.updated_at AS text)', 'cursor_updated_at')
      .orderBy('r.updated_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(filter.limit);
    if (filter.authoredBy !== null) {
      qb.andWhere('EXISTS (SELECT 1 FROM report_authors a WHERE a.report_id = r.id AND a.user_id = :me)', {
        me: filter.authoredBy,
      });
    }
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.after) {
      const [updatedAt, id] = filter.after;
      qb.andWhere('(r.updated_at, r.id) < (:updatedAt::timestamptz, :id::uuid)', { updatedAt, id });
    }
    const { entities, raw } = await qb.getRawAndEntities<{ r_id: string; cursor_updated_at: string }>();
    const updatedAt = new Map(raw.map((row) => [row.r_id, row.cursor_updated_at]));
    return entities.map((report) => ({ report, updatedAt: updatedAt.get(report.id)! }));
  }

  async title(reportId: string): Promise<string> {
    const [row] = await this.manager.query<{ title: string }[]>('SELECT title FROM research_reports WHERE id = $1', [
      reportId,
    ]);
    return row.title;
  }

  async allianceExists(allianceId: string): Promise<boolean> {
    return (
      (await this.manager.query<unknown[]>('SELECT 1 FROM alliance_directory WHERE id = $1', [allianceId])).length > 0
    );
  }

  async saveAuthors(authors: Partial<ReportAuthor>[]): Promise<void> {
    await this.manager.getRepository(ReportAuthor).save(authors);
  }

  async isAuthor(reportId: string, userId: string): Promise<boolean> {
    const rows = await this.manager.query<unknown[]>(
      'SELECT 1 FROM report_authors WHERE report_id = $1 AND user_id = $2',
      [reportId, userId],
    );
    return rows.length > 0;
  }

  async authorUserIds(reportId: string): Promise<string[]> {
    const rows = await this.manager.query<{ user_id: string }[]>(
      'SELECT user_id FROM report_authors WHERE report_id = $1',
      [reportId],
    );
    return rows.map((r) => r.user_id);
  }

  /** The reports' authors in their order, with their names and the organisation they wrote for. */
  authors(reportIds: string[]): Promise<AuthorRow[]> {
    return this.manager.query<AuthorRow[]>(
      `SELECT a.report_id, u.id, u.display_name, o.id AS organization_id, o.name AS organization_name
         FROM report_authors a JOIN people_directory u ON u.id = a.user_id LEFT JOIN organization_directory o ON o.id = a.organization_id
        WHERE a.report_id = ANY($1) ORDER BY a.position`,
      [reportIds],
    );
  }

  /** The expert profile of the user when they review the report (an assignment not cancelled), else null. */
  async reviewerExpertId(reportId: string, userId: string): Promise<string | null> {
    const [row] = await this.manager.query<{ expert_id: string }[]>(
      `SELECT a.expert_id FROM review_assignments a JOIN experts e ON e.id = a.expert_id
        WHERE a.report_id = $1 AND e.user_id = $2 AND a.status <> 'cancelled' LIMIT 1`,
      [reportId, userId],
    );
    return row?.expert_id ?? null;
  }

  versions(reportId: string): Promise<ReportVersion[]> {
    return this.manager.getRepository(ReportVersion).find({ where: { reportId }, order: { number: 'ASC' } });
  }

  findVersion(reportId: string, versionId: string): Promise<ReportVersion | null> {
    return this.manager.getRepository(ReportVersion).findOneBy({ id: versionId, reportId });
  }

  findVersionById(versionId: string): Promise<ReportVersion> {
    return this.manager.getRepository(ReportVersion).findOneByOrFail({ id: versionId });
  }

  async nextVersionNumber(reportId: string): Promise<number> {
    const [{ next }] = await this.manager.query<{ next: number }[]>(
      'SELECT coalesce(max(number), 0) + 1 AS next FROM report_versions WHERE report_id = $1',
      [reportId],
    );
    return next;
  }

  saveVersion(version: Partial<ReportVersion>): Promise<ReportVersion> {
    return this.manager.getRepository(ReportVersion).save(version);
  }

  async latestVersionId(reportId: string): Promise<string | null> {
    const [row] = await this.manager.query<{ id: string }[]>(
      'SELECT id FROM report_versions WHERE report_id = $1 ORDER BY number DESC LIMIT 1',
      [reportId],
    );
    return row?.id ?? null;
  }

  rounds(reportId: string): Promise<ReviewRound[]> {
    return this.manager.getRepository(ReviewRound).find({ where: { reportId }, order: { number: 'ASC' } });
  }

  latestRound(reportId: string): Promise<ReviewRound | null> {
    return this.manager.getRepository(ReviewRound).findOne({ where: { reportId }, order: { number: 'DESC' } });
  }

  findRound(reportId: string, number: number): Promise<ReviewRound> {
    return this.manager.getRepository(ReviewRound).findOneByOrFail({ reportId, number });
  }

  findRoundById(id: string): Promise<ReviewRound> {
    return this.manager.getRepository(ReviewRound).findOneByOrFail({ id });
  }

  async updateRound(id: string, changes: Partial<ReviewRound>): Promise<void> {
    await this.manager.getRepository(ReviewRound).update({ id }, changes);
  }

  async saveRound(round: Partial<ReviewRound>): Promise<void> {
    await this.manager.getRepository(ReviewRound).save(round);
  }

  /** The report's recommendations (action items), not counting cancelled ones. */
  async recommendationCounts(reportId: string): Promise<{ total: number; done: number }> {
    const [row] = await this.manager.query<{ total: string; done: string }[]>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE status = 'done') AS done FROM action_item_directory WHERE report_id = $1 AND status <> 'cancelled'`,
      [reportId],
    );
    return { total: Number(row.total), done: Number(row.done) };
  }

  /** The report's recommendations (action items) by due date, then as created; one more row than the limit. */
  recommendationPage(
    reportId: string,
    after: CursorPart[] | null,
    limit: number,
  ): Promise<{ id: string; due_on: string; created_at: string }[]> {
    const [afterDueOn, afterCreatedAt, afterId] = after ?? [null, null, null];
    return this.manager.query<{ id: string; due_on: string; created_at: string }[]>(
      `SELECT id, due_on::text AS due_on, created_at::text AS created_at FROM action_item_directory
        WHERE report_id = $1 AND ($4::uuid IS NULL OR (due_on, created_at, id) > ($2::date, $3::timestamptz, $4::uuid))
        ORDER BY due_on, created_at, id LIMIT $5`,
      [reportId, afterDueOn, afterCreatedAt, afterId, limit],
    );
  }

  /**
   * The alliance's reports submitted in [from, to) (the township's days), drafts aside, each with its
   * recommendations counted as recommendationCounts counts them; for the alliance's ledger.
   */
  reportsOfPeriod(
    allianceId: string,
    from: string,
    to: string,
  ): Promise<{ id: string; title: string; status: string; total: number; done: number }[]> {
    return this.manager.query(
      `SELECT r.id, r.title, r.status, count(i.id)::int AS total, (count(i.id) FILTER (WHERE i.status = 'done'))::int AS done
         FROM research_reports r LEFT JOIN action_item_directory i ON i.report_id = r.id AND i.status <> 'cancelled'
        WHERE r.alliance_id = $1 AND r.status <> 'draft'
          AND r.created_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND r.created_at < ($3::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
        GROUP BY r.id ORDER BY r.created_at, r.id LIMIT 500`,
      [allianceId, from, to],
    );
  }

  /** The recommendations carried out (done action items) of the given reports, by due day. */
  recommendationsDone(reportIds: string[]): Promise<{ report_id: string; title: string; due_on: string | null }[]> {
    return this.manager.query(
      `SELECT report_id, title, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM action_item_directory
        WHERE report_id = ANY($1) AND status = 'done' ORDER BY due_on NULLS LAST, title, id LIMIT 500`,
      [reportIds],
    );
  }
}
