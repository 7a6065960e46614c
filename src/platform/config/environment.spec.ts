import { readReplicaUrls, trustedProxies, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('gives working local defaults', () => {
    const env = validateEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toContain('127.0.0.1:5432');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('names the bad variable and the reason', () => {
    expect(() => validateEnvironment({ PORT: 'eighty', REDIS_URL: 'localhost' })).toThrow(
      /PORT="eighty".*\n.*REDIS_URL="localhost": must be a redis:\/\/ URL/s,
    );
  });

  it('ends sessions idle in a transaction after a minute unless told otherwise (0: never)', () => {
    expect(validateEnvironment({}).DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS).toBe(60_000);
    expect(validateEnvironment({ DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0' }).DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS).toBe(0);
    expect(() => validateEnvironment({ DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '-1' })).toThrow(/DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS="-1"/);
  });

  it('refuses the development secrets in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET.*\n.*SECRETS_KEY/s);
  });

  it('takes one or more read replicas, comma-separated', () => {
    expect(readReplicaUrls(validateEnvironment({}))).toEqual([]);
    const env = validateEnvironment({ DATABASE_READ_URL: 'postgres://app:pw@replica-1:5432/lianmeng, postgresql://app:pw@replica-2/lianmeng' });
    expect(readReplicaUrls(env)).toEqual(['postgres://app:pw@replica-1:5432/lianmeng', 'postgresql://app:pw@replica-2/lianmeng']);
    expect(() => validateEnvironment({ DATABASE_READ_URL: 'postgres://replica-1/lianmeng,redis://x' })).toThrow(/DATABASE_READ_URL=.*comma-separated postgres/);
  });

  it('trusts no proxy unless told, and takes addresses and CIDR blocks, comma-separated', () => {
    expect(trustedProxies(validateEnvironment({}))).toBe(false);
    const env = validateEnvironment({ TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1,fd00::/8' });
    expect(trustedProxies(env)).toEqual(['10.0.0.0/8', '127.0.0.1', 'fd00::/8']);
    for (const bad of ['*', 'true', '10.0.0.0/33', 'ingress.local', '10.0.0.1/8/1', ' , ']) {
      expect(() => validateEnvironment({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES=.*IP addresses or CIDR blocks/);
    }
  });
});
