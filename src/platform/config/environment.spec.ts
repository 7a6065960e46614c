import { readReplicaUrls, stateBackend, trustedProxies, validateEnvironment as validate } from './environment';

// The processes take these from var/secrets.json when unset (loadEnvironment; local-secrets.spec.ts).
const SECRETS = { JWT_SECRET: 'j'.repeat(64), SECRETS_KEY: 's'.repeat(64) };
const validateEnvironment = (raw: Record<string, unknown>) => validate({ ...SECRETS, ...raw });

describe('validateEnvironment', () => {
  it('gives working local defaults', () => {
    const env = validateEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toContain('127.0.0.1:5432');
    expect(env.REDIS_URL).toBeUndefined();
    expect(stateBackend(env)).toBe('postgres');
    expect(stateBackend(validateEnvironment({ REDIS_URL: 'redis://127.0.0.1:6379' }))).toBe('redis');
  });

  it('names the bad variable and the reason', () => {
    expect(() => validateEnvironment({ PORT: 'eighty', REDIS_URL: 'localhost' })).toThrow(
      /PORT="eighty".*\n.*REDIS_URL="localhost": must be a redis:\/\/ or rediss:\/\/ URL/s,
    );
  });

  it('ends sessions idle in a transaction after a minute unless told otherwise (0: never)', () => {
    expect(validateEnvironment({}).DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS).toBe(60_000);
    expect(
      validateEnvironment({ DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0' }).DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    ).toBe(0);
    expect(() => validateEnvironment({ DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '-1' })).toThrow(
      /DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS="-1"/,
    );
  });

  it('has no secrets of its own: production must be given them, and the development ones once published are refused', () => {
    expect(() => validate({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: must be set to a secret of your own in production.*\n.*SECRETS_KEY: must be set/s,
    );
    expect(() => validate({})).toThrow(/JWT_SECRET: is not set.*\n.*SECRETS_KEY: is not set/s);
    for (const NODE_ENV of ['development', 'production']) {
      expect(() => validateEnvironment({ NODE_ENV, JWT_SECRET: 'lianmeng-development-secret-change-me' })).toThrow(
        /JWT_SECRET: is the development value once published/,
      );
      expect(() =>
        validateEnvironment({ NODE_ENV, SECRETS_KEY: 'lianmeng-development-secrets-key-change-me' }),
      ).toThrow(/SECRETS_KEY: is the development value once published/);
    }
    expect(() => validateEnvironment({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET="short": .*32/);
    expect(validateEnvironment({ NODE_ENV: 'production' }).JWT_SECRET).toBe(SECRETS.JWT_SECRET);
  });

  it('takes one or more read replicas, comma-separated', () => {
    expect(readReplicaUrls(validateEnvironment({}))).toEqual([]);
    const env = validateEnvironment({
      DATABASE_READ_URL: 'postgres://app:pw@replica-1:5432/lianmeng, postgresql://app:pw@replica-2/lianmeng',
    });
    expect(readReplicaUrls(env)).toEqual([
      'postgres://app:pw@replica-1:5432/lianmeng',
      'postgresql://app:pw@replica-2/lianmeng',
    ]);
    expect(() => validateEnvironment({ DATABASE_READ_URL: 'postgres://replica-1/lianmeng,redis://x' })).toThrow(
      /DATABASE_READ_URL=.*comma-separated postgres/,
    );
  });

  it('trusts no proxy unless told, and takes addresses and CIDR blocks, comma-separated', () => {
    expect(trustedProxies(validateEnvironment({}))).toBe(false);
    const env = validateEnvironment({ TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1,fd00::/8' });
    expect(trustedProxies(env)).toEqual(['10.0.0.0/8', '127.0.0.1', 'fd00::/8']);
    for (const bad of ['*', 'true', '10.0.0.0/33', 'ingress.local', '10.0.0.1/8/1', ' , ']) {
      expect(() => validateEnvironment({ TRUSTED_PROXIES: bad })).toThrow(
        /TRUSTED_PROXIES=.*IP addresses or CIDR blocks/,
      );
    }
  });
});
