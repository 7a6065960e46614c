/**
 * The 2026 public holidays and make-up working days (调休) of mainland China, from the State
 * Council's notice; seeded into each township's calendar, which officials may edit.
 */
export const CHINA_2026: { date: string; kind: 'holiday' | 'workday'; name: string }[] = [
  ...range('2026-01-01', 3, '元旦'),
  { date: '2026-01-04', kind: 'workday', name: '元旦调休' },
  ...range('2026-02-15', 9, '春节'),
  { date: '2026-02-14', kind: 'workday', name: '春节调休' },
  { date: '2026-02-28', kind: 'workday', name: '春节调休' },
  ...range('2026-04-04', 3, '清明节'),
  ...range('2026-05-01', 5, '劳动节'),
  { date: '2026-05-09', kind: 'workday', name: '劳动节调休' },
  ...range('2026-06-19', 3, '端午节'),
  ...range('2026-09-25', 3, '中秋节'),
  ...range('2026-10-01', 7, '国庆节'),
  { date: '2026-09-20', kind: 'workday', name: '国庆节调休' },
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休' },
];

function range(first: string, days: number, name: string) {
  return Array.from({ length: days }, (_, i) => ({
    date: new Date(new Date(`${first}T00:00:00Z`).getTime() + i * 86_400_000).toISOString().slice(0, 10),
    kind: 'holiday' as const,
    name,
  }));
}
