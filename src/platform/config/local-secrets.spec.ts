import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyLocalSecrets, LocalSecretsError } from './local-secrets';

describe('applyLocalSecrets', () => {
  let cwd: string;
  beforeEach(() => (cwd = mkdtempSync(join(tmpdir(), 'lianmeng-local-secrets-'))));
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));
  const file = () => join(cwd, 'var/secrets.json');

  it('generates both on the first start, readable by the owner only, and reuses them after', () => {
    const first: Record<string, string | undefined> = {};
    expect(applyLocalSecrets(first, cwd)).toMatch(
      /^JWT_SECRET and SECRETS_KEY are not set, so random ones were generated and saved in var\/secrets\.json/,
    );
    expect(first.JWT_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(first.SECRETS_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(first.JWT_SECRET).not.toBe(first.SECRETS_KEY);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual(first);

    const second: Record<string, string | undefined> = {};
    expect(applyLocalSecrets(second, cwd)).toBe(
      'JWT_SECRET and SECRETS_KEY are not set: using the random ones saved in var/secrets.json on the first start.',
    );
    expect(second).toEqual(first);
  });

  it('fills in only what is missing, and nothing in production or when both are set', () => {
    const env: Record<string, string | undefined> = { JWT_SECRET: 'mine'.repeat(10), SECRETS_KEY: '' };
    expect(applyLocalSecrets(env, cwd)).toMatch(/^SECRETS_KEY is not set, so a random one was generated/);
    expect(env.JWT_SECRET).toBe('mine'.repeat(10));
    expect(env.SECRETS_KEY).toMatch(/^[0-9a-f]{64}$/);

    rmSync(join(cwd, 'var'), { recursive: true });
    expect(applyLocalSecrets({ NODE_ENV: 'production' }, cwd)).toBeNull();
    expect(applyLocalSecrets({ JWT_SECRET: 'a'.repeat(32), SECRETS_KEY: 'b'.repeat(32) }, cwd)).toBeNull();
    expect(() => statSync(join(cwd, 'var'))).toThrow();
  });

  it('says what is wrong with a damaged file instead of using it, and closes up a file others may read', () => {
    mkdirSync(join(cwd, 'var'));
    writeFileSync(file(), '{"JWT_SECRET": "short"');
    expect(() => applyLocalSecrets({}, cwd)).toThrow(LocalSecretsError);
    expect(() => applyLocalSecrets({}, cwd)).toThrow(
      /var\/secrets\.json does not hold JWT_SECRET and SECRETS_KEY as this program writes them/,
    );

    writeFileSync(file(), JSON.stringify({ JWT_SECRET: 'x'.repeat(32), SECRETS_KEY: 'y'.repeat(32) }));
    chmodSync(file(), 0o644);
    const env: Record<string, string | undefined> = {};
    applyLocalSecrets(env, cwd);
    expect(env).toEqual({ JWT_SECRET: 'x'.repeat(32), SECRETS_KEY: 'y'.repeat(32) });
    expect(statSync(file()).mode & 0o777).toBe(0o600);
  });
});
