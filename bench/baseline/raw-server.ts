import Fastify from 'fastify';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { rowsOf, submissionStatements } from './submit-transaction';
import { SystemClock } from '../../src/platform/clock/clock';
import { accessCheck } from './raw-auth';
import { registerReadRoutes } from './raw-reads';

const clock = new SystemClock();

/**
 * Baseline (b): the least a server can do for a submission. Plain Fastify and pg, the body checked
 * by a JSON schema, the same JWT and revoked-session check, and the product's transaction statement
 * for statement. Run by the benchmark as its own process, like the API; with RAW_READ_PATHS_FILE it
 * also serves the read paths' baselines (raw-reads.ts).
 */
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const app = Fastify({ logger: false });

const body = {
  type: 'object',
  required: ['allianceId', 'categoryId', 'title', 'description'],
  additionalProperties: false,
  properties: {
    allianceId: { type: 'string', format: 'uuid' },
    categoryId: { type: 'string', format: 'uuid' },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string', minLength: 1, maxLength: 5000 },
    urgency: { enum: ['normal', 'urgent'] },
  },
} as const;

const authenticate = accessCheck(redis, process.env.JWT_SECRET!);
if (process.env.RAW_READ_PATHS_FILE) registerReadRoutes(app, pool, authenticate, process.env.RAW_READ_PATHS_FILE);

app.post<{ Body: { allianceId: string; categoryId: string } }>(
  '/api/v1/service-requests',
  { schema: { body } },
  async (request, reply) => {
    const claims = await authenticate(request);
    if (!claims) return reply.code(401).send({ code: 'UNAUTHENTICATED' });

    const submitter = {
      tenantId: claims.tid,
      userId: claims.sub,
      organizationId: claims.org,
      allianceId: request.body.allianceId,
      categoryId: request.body.categoryId,
    };
    const client = await pool.connect();
    try {
      let row: unknown;
      for (const [sql, params] of submissionStatements(submitter, String(request.id), clock.now())) {
        const [first] = rowsOf(await client.query<{ category_active?: boolean; member?: boolean }>(sql, params));
        if (first && 'category_active' in first && !(first.category_active && first.member)) {
          await client.query('ROLLBACK');
          return reply.code(422).send({ code: 'VALIDATION_FAILED' });
        }
        row = first ?? row;
      }
      return reply.code(201).send(row);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  },
);

void app
  .listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
  .then(() => process.stdout.write('Raw baseline listening\n'));
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => Promise.all([pool.end(), redis.quit()]))
      .then(() => process.exit(0)),
);
