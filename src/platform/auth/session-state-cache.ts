import { FactoryProvider, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Redis } from 'ioredis';
import type { Environment } from '../config/environment';
import { REDIS } from '../redis/redis.module';
import type { UserStatus } from './entities/role';
import { LocalSessionStates } from './local-session-states';

/**
 * How long Redis may answer for PostgreSQL. A revocation overwrites the cached state at once; this
 * bounds only what a Redis that missed the overwrite (unreachable then, yet kept its data) says.
 */
const STATE_TTL_SECONDS = 15;

export interface UserState {
  status: UserStatus | 'missing';
  /** Seconds since the epoch; tokens issued (iat) at or before it are refused. 0: never. */
  revokedAt: number;
}

/** What the cache knew of a user and a session; undefined where it knew nothing. */
export interface CachedSessionState {
  user?: UserState;
  sessionEnded?: boolean;
  /** Stores what PostgreSQL said in place of the unknowns, unless a revocation wrote meanwhile. */
  fill(user: UserState, sessionEnded: boolean): Promise<void>;
}

export const SESSION_STATE_CACHE = Symbol('SESSION_STATE_CACHE');

/**
 * The revocation state of users and sessions, cached in Redis in front of PostgreSQL, the truth, and
 * for a few seconds in each process's memory in front of Redis (LocalSessionStates). Every change
 * is published on a channel each process subscribes to, which empties that user's memory at once.
 * Without Redis there is no cache: PostgreSQL answers every request in one statement.
 */
export const sessionStateCacheProvider: FactoryProvider<RedisSessionStateCache | null> = {
  provide: SESSION_STATE_CACHE,
  inject: [REDIS, ConfigService],
  useFactory: (redis: Redis | null, config: ConfigService<Environment, true>) =>
    redis ? new RedisSessionStateCache(redis, config.get('JWT_ACCESS_TTL_SECONDS', { infer: true })) : null,
};

export class RedisSessionStateCache implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisSessionStateCache.name);
  private readonly local = new LocalSessionStates();
  /** Its own connection: a subscribed one can send nothing else. */
  private readonly subscriber: Redis;
  /** The channel of invalidations (a user id each); ioredis puts no key prefix on channels. */
  private readonly channel: string;
  private subscriberConnection = 0;
  /**
   * The run id of the Redis server the client is connected to, in every key: a Redis that restarted
   * (even one that reloaded its append-only file) has a new one, so nothing it cached before a
   * revocation it never heard of is read again. Null while not known: PostgreSQL answers.
   */
  private epoch: string | null = null;
  private connection = 0;

  constructor(
    private readonly redis: Redis,
    /** An ended session stays ended for as long as any of its access tokens can live. */
    private readonly accessTtlSeconds: number,
  ) {
    redis.on('close', () => {
      this.connection++;
      this.epoch = null;
      this.local.forgetAll();
    });
    redis.on('ready', () => void this.learnEpoch());
    if (redis.status === 'ready') void this.learnEpoch();

    this.channel = `${redis.options.keyPrefix ?? ''}session-state-changed`;
    this.subscriber = redis.duplicate();
    this.subscriber.on('error', () => undefined); // reconnects by itself; the memory is off meanwhile
    this.subscriber.on('message', (_channel: string, userId: string) => this.local.invalidate(userId));
    this.subscriber.on('close', () => {
      this.subscriberConnection++;
      this.local.lost();
    });
    this.subscriber.on('ready', () => void this.subscribe());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }

  /** Null when the cache cannot answer now (not connected, or Redis failed). */
  async read(userId: string, sessionId?: string): Promise<CachedSessionState | null> {
    const epoch = this.epoch;
    if (!epoch) return null;
    const remembered = this.local.get(userId, sessionId);
    if (remembered) return { ...remembered, fill: () => Promise.resolve() };
    const mark = this.local.mark();
    const keys = [this.userKey(epoch, userId), ...(sessionId ? [this.sessionKey(epoch, sessionId)] : [])];
    const cached = await this.redis.mget(...keys).catch(() => null);
    if (!cached) return null;
    const user = decodeUser(cached[0]);
    const sessionEnded = sessionId ? decodeFlag(cached[1]) : false;
    if (user && sessionEnded !== undefined) this.local.store(mark, userId, user, sessionId, sessionEnded);
    return {
      user,
      sessionEnded,
      fill: (fresh, ended) => {
        this.local.store(mark, userId, fresh, sessionId, ended);
        return this.fill(epoch, userId, fresh, sessionId, ended);
      },
    };
  }

  /** A revocation: overwrites the user's state and marks the sessions ended, whatever was cached. */
  async overwrite(userId: string, user: UserState, endedSessionIds: string[]): Promise<void> {
    this.local.invalidate(userId);
    // Not connected: nothing can be read from this Redis before the epoch is learnt again.
    const epoch = this.epoch;
    if (!epoch) return;
    const pipeline = this.redis.pipeline().set(this.userKey(epoch, userId), encodeUser(user), 'EX', STATE_TTL_SECONDS);
    for (const sessionId of new Set(endedSessionIds))
      pipeline.set(this.sessionKey(epoch, sessionId), '1', 'EX', this.accessTtlSeconds);
    // After the writes, in the same pipeline: a process that hears of the change reads the new state.
    pipeline.publish(this.channel, userId);
    const results = await pipeline.exec().catch((error: Error) => [[error, null]] as [Error | null, unknown][]);
    const failed = results?.find(([error]) => error);
    if (failed) this.logger.warn({ err: failed[0] }, 'Could not cache ended sessions; PostgreSQL holds them');
  }

  async forget(userId: string): Promise<void> {
    this.local.invalidate(userId);
    if (!this.epoch) return;
    const results = await this.redis
      .pipeline()
      .del(this.userKey(this.epoch, userId))
      .publish(this.channel, userId)
      .exec()
      .catch((error: Error) => [[error, null]] as [Error | null, unknown][]);
    const failed = results?.find(([error]) => error);
    if (failed) this.logger.warn({ err: failed[0] }, 'Could not forget a cached user state');
  }

  private async fill(
    epoch: string,
    userId: string,
    user: UserState,
    sessionId: string | undefined,
    sessionEnded: boolean,
  ): Promise<void> {
    // NX: a revocation that wrote meanwhile wins over what this request read before it.
    const pipeline = this.redis
      .pipeline()
      .set(this.userKey(epoch, userId), encodeUser(user), 'EX', STATE_TTL_SECONDS, 'NX');
    if (sessionId) {
      const ttl = sessionEnded ? this.accessTtlSeconds : STATE_TTL_SECONDS;
      pipeline.set(this.sessionKey(epoch, sessionId), sessionEnded ? '1' : '0', 'EX', ttl, 'NX');
    }
    await pipeline.exec().catch(() => undefined);
  }

  /** Listens for changes; the memory answers only once the subscription stands. */
  private async subscribe(): Promise<void> {
    const connection = this.subscriberConnection;
    try {
      await this.subscriber.subscribe(this.channel);
    } catch {
      return; // the connection closed again: its next 'ready' subscribes
    }
    if (connection === this.subscriberConnection) this.local.subscribed();
  }

  private async learnEpoch(): Promise<void> {
    const connection = this.connection;
    const info = await this.redis.info('server').catch(() => '');
    const runId = /^run_id:([0-9a-f]+)/m.exec(info)?.[1];
    if (runId && connection === this.connection) this.epoch = runId.slice(0, 12);
  }

  private sessionKey(epoch: string, sessionId: string): string {
    return `session-ended:${epoch}:${sessionId}`;
  }

  private userKey(epoch: string, userId: string): string {
    return `session-state:${epoch}:${userId}`;
  }
}

function encodeUser(state: UserState): string {
  return `${state.status}:${state.revokedAt}`;
}

function decodeUser(value: string | null | undefined): UserState | undefined {
  if (!value) return undefined;
  const [status, revokedAt] = value.split(':');
  const at = Number(revokedAt);
  if (!status || !Number.isFinite(at)) return undefined;
  return { status: status as UserState['status'], revokedAt: at };
}

function decodeFlag(value: string | null | undefined): boolean | undefined {
  return value === '1' ? true : value === '0' ? false : undefined;
}
