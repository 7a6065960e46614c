import { Injectable } from '@nestjs/common';
import { ReportsRepository } from './reports.repository';

export interface ReportRecord {
  title: string;
  status: string;
  /** The report's recommendations (action items, cancelled ones aside) and those done, as the report's page counts them. */
  recommendations: { total: number; done: number };
}

/** The think tank's reports as other features' documents (the alliance's ledger) record them. */
@Injectable()
export class ReportRecords {
  constructor(private readonly reports: ReportsRepository) {}

  /** The reports submitted in [from, to) and the recommendations carried out, each under its report's title. */
  async ofPeriod(
    allianceId: string,
    period: { from: string; to: string },
  ): Promise<{ reports: ReportRecord[]; carriedOut: { report: string; title: string; dueOn: string | null }[] }> {
    const rows = await this.reports.reportsOfPeriod(allianceId, period.from, period.to);
    const titles = new Map(rows.map((r) => [r.id, r.title]));
    const done = rows.length ? await this.reports.recommendationsDone(rows.map((r) => r.id)) : [];
    return {
      reports: rows.map((r) => ({
        title: r.title,
        status: r.status,
        recommendations: { total: r.total, done: r.done },
      })),
      carriedOut: done.map((d) => ({ report: titles.get(d.report_id) ?? '', title: d.title, dueOn: d.due_on })),
    };
  }
}
