import { localDate } from './local-date';

describe('localDate', () => {
  it('gives the date in Shanghai, which is ahead of UTC', () => {
    expect(localDate(new Date('2026-11-25T17:30:00Z'))).toBe('2026-11-26');
    expect(localDate(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25');
  });
});
