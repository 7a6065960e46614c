import 'reflect-metadata';
import { Client } from 'pg';
import { prepareDatabase } from '../../src/platform/database/database-setup';
import { onlyFaults } from './selected-projects';
import { databaseUrl, TEST_APP_USER, TEST_REDIS_URL, templateName, testAdminUrl } from './test-environment';
import { detectRedis, ensureTestPostgres } from './test-servers';
import '../../src/queues';
import '../../src/notification-types';

/** Migrates one template database for this run; each test file clones it (CREATE DATABASE ... TEMPLATE). */
export default async function globalSetup(globalConfig?: { selectProjects?: string[] }): Promise<void> {
  if (onlyFaults(globalConfig)) return;
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  process.env.TEST_RUN_ID = runId;
  await ensureTestPostgres();
  await detectRedis(TEST_REDIS_URL);
  const adminUrl = testAdminUrl();
  const template = templateName(runId);
  await prepareDatabase(databaseUrl(adminUrl, template), databaseUrl(adminUrl, template, TEST_APP_USER));
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await dropAbandonedDatabases(admin);
  // A template must have no sessions when it is cloned; mark it so nobody connects by accident.
  await admin.query(`ALTER DATABASE ${template} WITH IS_TEMPLATE true`);
  await admin.end();
}

const ABANDONED_AFTER_MS = 3 * 3600 * 1000;

/** Databases of runs that were killed before their teardown; the run id starts with its start time. */
async function dropAbandonedDatabases(admin: Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'lianmeng_test_%'`,
  );
  for (const { datname } of rows) {
    const started = parseInt(datname.split('_')[2]?.slice(0, 8) ?? '', 36);
    if (Number.isFinite(started) && Date.now() - started > ABANDONED_AFTER_MS) {
      await admin.query(`ALTER DATABASE ${datname} WITH IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  }
}
