import { DomainException } from '../../platform/errors/domain.exception';
import { ledgerPeriod } from './ledger-period';

describe('ledgerPeriod', () => {
  it('reads a year, a quarter and a month, the day after the last as the end', () => {
    expect(ledgerPeriod({ period: '2026' })).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(ledgerPeriod({ period: '2026-Q4' })).toEqual({ from: '2026-10-01', to: '2027-01-01' });
    expect(ledgerPeriod({ period: '2026-Q1' })).toEqual({ from: '2026-01-01', to: '2026-04-01' });
    expect(ledgerPeriod({ period: '2026-02' })).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(ledgerPeriod({ period: '2026-12' })).toEqual({ from: '2026-12-01', to: '2027-01-01' });
  });

  it('takes from and to as given', () => {
    expect(ledgerPeriod({ from: '2026-03-05', to: '2026-04-01' })).toEqual({ from: '2026-03-05', to: '2026-04-01' });
  });

  it.each([
    [{ period: '2026-13' }, 'period', 'matches'],
    [{ period: '2026-Q5' }, 'period', 'matches'],
    [{ from: '2026-03-05' }, 'to', 'required'],
    [{ to: '2026-03-05' }, 'from', 'required'],
    [{ from: '2026-04-01', to: '2026-04-01' }, 'from', 'beforeTo'],
  ])('refuses %j', (input, field, reason) => {
    const thrown = (() => {
      try {
        ledgerPeriod(input);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(DomainException);
    expect((thrown as DomainException).details).toEqual([{ field, reason }]);
  });
});
