import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { rowSecuritySettingsStatement } from '../../src/platform/tenancy/tenant-context.service';
import type { Statement } from '../explain';
import type { Claims } from './raw-auth';

/** A read path as the raw baseline serves it: the statements the product's builders made for it. */
export interface RawReadPath {
  /** The route: GET /api/v1/raw-reads/<slug>. */
  slug: string;
  /** Routes the product reads from a replica run in a read-only REPEATABLE READ transaction, as TenantContext.read does. */
  replica: boolean;
  statements: Statement[];
}

export const rawReadUrl = (slug: string) => `/api/v1/raw-reads/${slug}`;

/**
 * Baseline for the read paths: one GET route per path, doing what a minimal server must: the access
 * check, then one transaction as the app role with the product's row-security settings (so the
 * database pays the same row-level-security cost), the path's statements, and their rows as JSON.
 * The paths come from a JSON file the benchmark writes (RAW_READ_PATHS_FILE).
 */
export function registerReadRoutes(
  app: FastifyInstance,
  pool: Pool,
  authenticate: (request: FastifyRequest) => Promise<Claims | null>,
  file: string,
): void {
  const paths = JSON.parse(readFileSync(file, 'utf8')) as RawReadPath[];
  for (const path of paths) {
    const begin = path.replica ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN';
    app.get(rawReadUrl(path.slug), async (request, reply) => {
      const claims = await authenticate(request);
      if (!claims) return reply.code(401).send({ code: 'UNAUTHENTICATED' });
      const client = await pool.connect();
      try {
        // As the product opens its transactions: the settings in the same round trip.
        await client.query(
          `${begin}; ${rowSecuritySettingsStatement([
            claims.tid ?? '',
            claims.sub,
            claims.role === 'platform_admin' ? 'on' : '',
            String(request.id),
          ])}`,
        );
        const results: unknown[][] = [];
        for (const { sql, params } of path.statements) results.push((await client.query(sql, params)).rows);
        await client.query('COMMIT');
        return results.length === 1 ? results[0] : results;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  }
}
