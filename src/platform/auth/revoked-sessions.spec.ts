import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { DomainException } from '../errors/domain.exception';
import type { AuthRepository, SessionStateRow } from './auth.repository';
import { UserStatus } from './entities/role';
import { RevokedSessions } from './revoked-sessions';
import { RedisSessionStateCache } from './session-state-cache';

const USER = '6f1c1f4e-8a43-4c57-9a1e-2b8f0c3d4e5f';
const SESSION = '0b7e2a9c-3d4f-4e5a-8b6c-7d8e9f0a1b2c';

/** An ioredis stand-in: a map of strings that can be cut off, with the events the class listens to. */
class FakeRedis extends EventEmitter {
  status = 'ready';
  down = false;
  runId = 'aaaaaaaaaaaaaaaa';
  readonly data = new Map<string, string>();
  readonly options = { keyPrefix: '' };

  /** The subscriber: never ready here, so the process's memory stays off and Redis answers (see session-state-memory.test.ts). */
  duplicate() {
    return Object.assign(new EventEmitter(), {
      subscribe: () => Promise.resolve(1),
      quit: () => Promise.resolve('OK'),
    });
  }

  /** A command's answer, or its rejection while Redis is down (a network call: it never throws). */
  private answer<T>(value: () => T): Promise<T> {
    return new Promise((resolve) => {
      if (this.down) throw new Error("Stream isn't writeable and enableOfflineQueue options is false");
      resolve(value());
    });
  }

  info(): Promise<string> {
    return this.answer(() => `# Server\r\nrun_id:${this.runId}\r\n`);
  }

  mget(...keys: string[]): Promise<(string | null)[]> {
    return this.answer(() => keys.map((k) => this.data.get(k) ?? null));
  }

  pipeline() {
    const ops: (() => void)[] = [];
    const pipeline = {
      set: (key: string, value: string, ...args: unknown[]) => {
        ops.push(() => {
          if (!(args.includes('NX') && this.data.has(key))) this.data.set(key, value);
        });
        return pipeline;
      },
      publish: () => pipeline,
      exec: () =>
        this.answer(() => {
          ops.forEach((op) => op());
          return ops.map(() => [null, 'OK']);
        }),
    };
    return pipeline;
  }
}

describe('RevokedSessions', () => {
  let redis: FakeRedis;
  let database: { rows: SessionStateRow[]; fails: boolean; calls: number };
  let revoked: RevokedSessions;

  const flush = () => new Promise((resolve) => setImmediate(resolve));

  beforeEach(async () => {
    redis = new FakeRedis();
    database = {
      rows: [{ status: UserStatus.Active, sessions_revoked_at: null, session_ended: false }],
      fails: false,
      calls: 0,
    };
    const repository: Pick<AuthRepository, 'sessionState'> = {
      sessionState: () =>
        new Promise((resolve) => {
          database.calls++;
          if (database.fails) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
          resolve(database.rows[0]);
        }),
    };
    revoked = new RevokedSessions(
      new RedisSessionStateCache(redis as unknown as Redis, 900),
      repository as AuthRepository,
    );
    await flush();
  });

  it('asks PostgreSQL once, then answers from Redis', async () => {
    expect(await revoked.isRevoked(USER, 1000, SESSION)).toBe(false);
    await flush();
    expect(await revoked.isRevoked(USER, 1000, SESSION)).toBe(false);
    expect(database.calls).toBe(1);
  });

  it('asks PostgreSQL while Redis is down, and refuses what it says is ended', async () => {
    redis.down = true;
    database.rows = [{ status: UserStatus.Disabled, sessions_revoked_at: null, session_ended: false }];
    expect(await revoked.isRevoked(USER, 1000, SESSION)).toBe(true);
    database.rows = [{ status: UserStatus.Active, sessions_revoked_at: null, session_ended: true }];
    expect(await revoked.isRevoked(USER, 1000, SESSION)).toBe(true);
    database.rows = [{ status: UserStatus.Active, sessions_revoked_at: new Date(1000_000), session_ended: false }];
    expect(await revoked.isRevoked(USER, 1000, SESSION)).toBe(true);
    expect(await revoked.isRevoked(USER, 1001, SESSION)).toBe(false);
    database.rows = [];
    expect(await revoked.isRevoked(USER, 1001, SESSION)).toBe(true);
  });

  it('refuses with 503 when neither Redis nor PostgreSQL can answer', async () => {
    redis.down = true;
    database.fails = true;
    const refusal = await revoked.isRevoked(USER, 1000, SESSION).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(DomainException);
    expect(refusal).toMatchObject({ status: 503, retryAfterSeconds: 5 });
  });

  it('reads nothing a restarted Redis kept from before (a new run id), and nothing before it knows the run id', async () => {
    expect(await revoked.isRevoked(USER, 1000, SESSION)).toBe(false);
    await flush();
    // Redis restarts from its append-only file while the user is disabled in PostgreSQL.
    redis.emit('close');
    redis.runId = 'bbbbbbbbbbbbbbbb';
    database.rows = [{ status: UserStatus.Disabled, sessions_revoked_at: null, session_ended: false }];
    expect(await revoked.isRevoked(USER, 1000, SESSION)).toBe(true);
    redis.emit('ready');
    await flush();
    expect(await revoked.isRevoked(USER, 1000, SESSION)).toBe(true);
    expect(database.calls).toBe(3);
  });

  it('refuses a token whose subject or session is not an id', async () => {
    expect(await revoked.isRevoked('not-a-uuid', 1000, SESSION)).toBe(true);
    expect(await revoked.isRevoked(USER, 1000, "x'; DROP TABLE users; --")).toBe(true);
    expect(database.calls).toBe(0);
  });
});
