import { Client } from 'pg';
import { testAdminUrl } from './test-environment';
import { stopTestPostgres } from './test-servers';

/** Drops this run's template and every database its test files cloned. */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env.TEST_RUN_ID;
  if (!runId) return;
  try {
    await dropRunDatabases(runId);
  } finally {
    await stopTestPostgres();
  }
}

async function dropRunDatabases(runId: string): Promise<void> {
  const admin = new Client({ connectionString: testAdminUrl() });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `lianmeng_test_${runId}_%`,
    ]);
    for (const { datname } of rows) {
      await admin.query(`ALTER DATABASE ${datname} WITH IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}
