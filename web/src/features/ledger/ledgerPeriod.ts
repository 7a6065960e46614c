import type { Dayjs } from 'dayjs';
import type { LedgerRequest } from './api';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'range';

/** The period as the API takes it: 2026-11, 2026-Q4, 2026, or from and the day after the last. */
export function ledgerPeriodOf(
  kind: PeriodKind,
  day: Dayjs | null,
  range: [Dayjs, Dayjs] | null,
): Omit<LedgerRequest, 'format'> | null {
  if (kind === 'range') {
    if (!range) return null;
    return { from: range[0].format('YYYY-MM-DD'), to: range[1].add(1, 'day').format('YYYY-MM-DD') };
  }
  if (!day) return null;
  if (kind === 'year') return { period: day.format('YYYY') };
  if (kind === 'quarter') return { period: `${day.format('YYYY')}-Q${Math.floor(day.month() / 3) + 1}` };
  return { period: day.format('YYYY-MM') };
}
