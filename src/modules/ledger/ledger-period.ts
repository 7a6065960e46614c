import { DomainException } from '../../platform/errors/domain.exception';

/** A ledger's period: its first day and the day after its last (YYYY-MM-DD, the township's days). */
export interface LedgerPeriod {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (year: number, month: number) => (month > 12 ? `${year + 1}-01-01` : `${year}-${pad(month)}-01`);

/**
 * Reads a month (2026-11), a quarter (2026-Q4), a year (2026), or else the from–to days given; a
 * bad one is refused with the field and the reason.
 */
export function ledgerPeriod(input: { period?: string; from?: string; to?: string }): LedgerPeriod {
  const { period } = input;
  if (period !== undefined) {
    let match = /^(\d{4})$/.exec(period);
    if (match) return { from: `${match[1]}-01-01`, to: `${Number(match[1]) + 1}-01-01` };
    match = /^(\d{4})-Q([1-4])$/.exec(period);
    if (match) {
      const [year, quarter] = [Number(match[1]), Number(match[2])];
      return { from: day(year, quarter * 3 - 2), to: day(year, quarter * 3 + 1) };
    }
    match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
    if (match) {
      const [year, month] = [Number(match[1]), Number(match[2])];
      return { from: day(year, month), to: day(year, month + 1) };
    }
    throw DomainException.invalid([{ field: 'period', reason: 'matches' }]);
  }
  if (!input.from) throw DomainException.invalid([{ field: 'from', reason: 'required' }]);
  if (!input.to) throw DomainException.invalid([{ field: 'to', reason: 'required' }]);
  if (input.from >= input.to) throw DomainException.invalid([{ field: 'from', reason: 'beforeTo' }]);
  return { from: input.from, to: input.to };
}
