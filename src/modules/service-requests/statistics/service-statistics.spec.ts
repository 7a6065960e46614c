import { wholeMonths } from './service-statistics.service';

describe('wholeMonths', () => {
  it('finds the months wholly inside a period', () => {
    expect(wholeMonths({ from: '2025-12-01', to: '2026-12-04' })).toEqual({
      wholeFrom: '2025-12-01',
      wholeTo: '2026-12-01',
    });
    expect(wholeMonths({ from: '2026-07-15', to: '2026-11-10' })).toEqual({
      wholeFrom: '2026-08-01',
      wholeTo: '2026-11-01',
    });
    expect(wholeMonths({ from: '2025-12-31', to: '2026-02-01' })).toEqual({
      wholeFrom: '2026-01-01',
      wholeTo: '2026-02-01',
    });
  });

  it('leaves the whole period to the days when no month fits in it', () => {
    expect(wholeMonths({ from: '2026-11-02', to: '2026-12-01' })).toEqual({
      wholeFrom: '2026-12-01',
      wholeTo: '2026-12-01',
    });
    expect(wholeMonths({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      wholeFrom: '2026-11-30',
      wholeTo: '2026-11-30',
    });
    expect(wholeMonths({ from: '2026-11-10', to: '2026-11-20' })).toEqual({
      wholeFrom: '2026-11-20',
      wholeTo: '2026-11-20',
    });
  });
});
