import { withLiterals } from './transaction-adapter';

describe('withLiterals', () => {
  it('puts each value in as a quoted literal, quotes and backslashes escaped', () => {
    expect(
      withLiterals(`SELECT set_config('a', $1, true), set_config('b', $2, true), $3`, ["O'Brien", 'C:\\x', '']),
    ).toBe(`SELECT set_config('a', 'O''Brien', true), set_config('b',  E'C:\\\\x', true), ''`);
  });

  it('takes $10 as the tenth value, not the first followed by 0, and a missing value as empty', () => {
    const values = Array.from({ length: 10 }, (_, i) => `v${i + 1}`);
    expect(withLiterals('$1 $10 $11', values)).toBe(`'v1' 'v10' ''`);
  });
});
