import { Injectable } from '@nestjs/common';
import type { FieldResultView } from './dto/indicator.view';
import { INDICATOR_CATALOGUE } from './indicator-catalogue.view';
import { IndicatorsRepository } from './indicators.repository';

export interface IndicatorRoundRecord {
  period: string;
  expected: number;
  submitted: number;
  /** Each field's results, with its catalogue label (its key where the catalogue has none). */
  fields: (FieldResultView & { label: { 'zh-CN': string; en: string } })[];
}

/**
 * The enterprise indicators as other features' documents (the alliance's ledger) record them: each
 * round's results with the same queries as the round's results page (IndicatorsService.results).
 */
@Injectable()
export class IndicatorRecords {
  constructor(private readonly repository: IndicatorsRepository) {}

  /** The alliance's rounds of the years the period [from, to) touches. */
  async rounds(allianceId: string, period: { from: string; to: string }): Promise<IndicatorRoundRecord[]> {
    const lastYear = Number(period.to.slice(0, 4)) - (period.to.endsWith('-01-01') ? 1 : 0);
    const ids = await this.repository.roundIdsOf(allianceId, Number(period.from.slice(0, 4)), lastYear);
    if (ids.length === 0) return [];
    const rounds = new Map((await this.repository.rounds(ids, null)).map((r) => [r.id, r]));
    const records: IndicatorRoundRecord[] = [];
    for (const id of ids) {
      const round = rounds.get(id)!;
      const rows = await this.repository.results(id);
      records.push({
        period: round.period,
        expected: round.expected,
        submitted: round.submitted,
        fields: rows.map((r) => ({
          key: r.key,
          label: INDICATOR_CATALOGUE.find((e) => e.key === r.key)?.label ?? { 'zh-CN': r.key, en: r.key },
          unit: r.unit,
          reported: r.reported,
          sum: r.sum,
          avg: r.avg,
          previousSum: r.previous_sum,
          yoyPercent: r.yoy_percent,
        })),
      });
    }
    return records;
  }
}
