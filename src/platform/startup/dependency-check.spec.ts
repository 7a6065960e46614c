import { assertSupportedPostgres, DependencyUnavailableError } from './dependency-check';

describe('assertSupportedPostgres', () => {
  it('accepts PostgreSQL 15 and newer', () => {
    for (const num of [150000, 150020, 180004])
      expect(() => assertSupportedPostgres(num, String(num), '127.0.0.1:5432 (DATABASE_URL)')).not.toThrow();
  });

  it('refuses an older one, saying which version it found, where, and what to do', () => {
    const refuse = () => assertSupportedPostgres(140011, '14.11', '127.0.0.1:5432 (DATABASE_URL)');
    expect(refuse).toThrow(DependencyUnavailableError);
    expect(refuse).toThrow(
      'PostgreSQL at 127.0.0.1:5432 (DATABASE_URL) is version 14.11; Lianmeng needs 15 or newer. Upgrade it, or leave DATABASE_URL unset to use the built-in server',
    );
  });
});
