import type { QueryResult, QueryResultRow } from 'pg';
import { SUBMISSION_CHECK_SQL, SUBMISSION_INSERT_SQL } from '../../src/modules/service-requests/submission.sql';
import { rowSecuritySettingsStatement } from '../../src/platform/tenancy/tenant-context.service';
import { randomUUID } from 'node:crypto';
import { SystemClock } from '../../src/platform/clock/clock';
import { localDate } from '../../src/platform/clock/local-date';
import { routeJobRow } from '../../src/modules/service-requests/routing/route-job';

/** Who submits, and where: what the benchmark's submitter signs in as. */
export interface Submitter {
  tenantId: string;
  userId: string;
  organizationId: string;
  allianceId: string;
  categoryId: string;
}

export const SUBMISSION_BODY = {
  title: '申请协调企业用电扩容',
  description: '新厂房投产在即，需要供电所协调增容报装，请相关部门对接。',
};

/**
 * The product's submission transaction, statement for statement (the same SQL constants), for the
 * baselines: BEGIN with the row-security settings, the check, the insert, COMMIT.
 */
export function submissionStatements(
  s: Submitter,
  requestId: string,
  now: Date,
  id: string = randomUUID(),
): [string, unknown[]][] {
  // The year as the API takes it: in Asia/Shanghai.
  const year = Number(localDate(now).slice(0, 4));
  return [
    // One round trip, as the product opens its transactions (pgbench splits it in two: see pgbenchScript).
    [`BEGIN; ${rowSecuritySettingsStatement([s.tenantId, s.userId, '', requestId])}`, []],
    [SUBMISSION_CHECK_SQL, [s.categoryId, s.allianceId, s.organizationId, s.userId, null]],
    [
      SUBMISSION_INSERT_SQL,
      [
        s.tenantId,
        year,
        `FW-${year}-`,
        s.allianceId,
        s.organizationId,
        s.userId,
        s.categoryId,
        SUBMISSION_BODY.title,
        SUBMISSION_BODY.description,
        'normal',
        {},
        null,
        now,
        s.userId,
        {},
        routeJobRow(s.tenantId, id),
        id,
        null,
      ],
    ],
    ['COMMIT', []],
  ];
}

/** The rows of a statement's answer: of the last one when it sent several (the BEGIN with the settings). */
export function rowsOf<R extends QueryResultRow>(result: QueryResult<R> | QueryResult<R>[]): R[] {
  return Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows;
}

const PGBENCH_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The same transaction as a pgbench script and its -D variables (run with -M prepared, so values
 * travel as parameters as they do from the API). pgbench has no NULL or empty variable: those are written in place.
 * It sends the BEGIN and the settings as two commands (prepared mode takes one statement at a time):
 * one round trip more than the product.
 */
export function pgbenchScript(s: Submitter): { script: string; variables: Record<string, string> } {
  const variables: Record<string, string> = {};
  const body = submissionStatements(s, 'pgbench', new SystemClock().now(), PGBENCH_ID).map(([sql, params]) => {
    const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
      const value = params[Number(n) - 1];
      if (value === null) return 'NULL';
      // A new request id in each transaction (pgbench has no uuid of its own); the routing job's
      // payload, a constant here, names none of them: pgbench's requests are routed by the reconciler.
      if (value === PGBENCH_ID) return 'gen_random_uuid()';
      if (value === '') return "''";
      const name = `p${Object.keys(variables).length}`;
      variables[name] =
        value instanceof Date
          ? value.toISOString()
          : typeof value === 'string'
            ? value
            : typeof value === 'number'
              ? String(value)
              : JSON.stringify(value);
      return `:${name}`;
    });
    return `${text.trim()};`;
  });
  return { script: body.join('\n') + '\n', variables };
}
