import type { ConfigService } from '@nestjs/config';
import { createPostgresBackend, setDefaultBackendFactory, type QueueOptions } from 'bullmq';
import { Pool } from 'pg';
import { type Environment, stateBackend } from '../config/environment';
import { registeredQueues } from './job-registry';
import { QUEUE_SCHEMA } from './queue-schema';

/**
 * The one place the queue backend is chosen: Redis when REDIS_URL is set, else BullMQ's PostgreSQL
 * backend on the application's database. Every Queue and Worker of the process is built by
 * @nestjs/bullmq with BullMQ's process-wide default backend, which this sets.
 *
 * On PostgreSQL all of them share one pool (each worker keeps one connection of it for LISTEN, the
 * rest run the queue's statements), so a worker process's connections stay bounded and predictable.
 */
export type QueueSettings = Pick<
  Environment,
  'REDIS_URL' | 'QUEUE_PREFIX' | 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'DATABASE_CONNECT_TIMEOUT_MS'
>;

export function queueSettings(config: ConfigService<Environment, true>): QueueSettings {
  return {
    REDIS_URL: config.get('REDIS_URL', { infer: true }),
    QUEUE_PREFIX: config.get('QUEUE_PREFIX', { infer: true }),
    DATABASE_URL: config.get('DATABASE_URL', { infer: true }),
    DATABASE_POOL_SIZE: config.get('DATABASE_POOL_SIZE', { infer: true }),
    DATABASE_CONNECT_TIMEOUT_MS: config.get('DATABASE_CONNECT_TIMEOUT_MS', { infer: true }),
  };
}

export function queueConnection(env: QueueSettings, pool: Pool | null): Pick<QueueOptions, 'connection' | 'prefix'> {
  if (stateBackend(env) === 'redis') {
    setDefaultBackendFactory(undefined);
    return { connection: { url: env.REDIS_URL, maxRetriesPerRequest: null }, prefix: env.QUEUE_PREFIX };
  }
  if (!pool) throw new Error('The PostgreSQL queue backend needs its pool');
  setDefaultBackendFactory(createPostgresBackend);
  return { connection: pool };
}

/** The queues' pool on the PostgreSQL backend; null on Redis. Closed by QueueCloser after every queue and worker. */
export function createQueuePool(env: QueueSettings): Pool | null {
  if (stateBackend(env) === 'redis') return null;
  const pool = new Pool({
    connectionString: env.DATABASE_URL,
    // One LISTEN connection per worker, held for good, plus the statements' share.
    max: registeredQueues().length + env.DATABASE_POOL_SIZE,
    options: `-c search_path=${QUEUE_SCHEMA}`,
    keepAlive: true,
    connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
    application_name: 'lianmeng-queues',
  });
  pool.on('error', () => undefined); // an idle connection that drops is replaced on the next checkout
  pool.setMaxListeners(0); // every queue's and worker's backend listens for its errors
  return pool;
}
