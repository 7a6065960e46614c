import { Injectable } from '@nestjs/common';
import { TypicalCasesRepository } from './typical-cases.repository';

export interface TypicalCaseRecord {
  title: string;
  organization: string;
  status: string;
  summary: string;
}

/** Typical cases as other features' documents (the alliance's ledger) record them: titles and summaries. */
@Injectable()
export class TypicalCaseRecords {
  constructor(private readonly cases: TypicalCasesRepository) {}

  /** The alliance's cases approved or published, nominated before the period's end. */
  async ofAlliance(allianceId: string, period: { to: string }): Promise<TypicalCaseRecord[]> {
    const rows = await this.cases.ledgerCases(allianceId, period.to);
    return rows.map((r) => ({
      title: r.title,
      organization: r.organization_name,
      status: r.status,
      summary: r.summary,
    }));
  }
}
