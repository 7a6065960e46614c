import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, TEST_ADMIN_URL, TEST_APP_USER, templateName } from './test-environment';

export interface TestDatabase {
  name: string;
  /** The owner's connection (bypasses RLS): for arranging data and checking what was stored. */
  adminUrl: string;
  /** The application's connection: subject to RLS like the running product. */
  appUrl: string;
  admin: Client;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, cloned from the run's template in a few ms. */
export async function createTestDatabase(): Promise<TestDatabase> {
  return newDatabase('migrated');
}

/** A database with nothing in it, not even the schema: for a restore to fill. */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  return newDatabase('empty');
}

async function newDatabase(kind: 'migrated' | 'empty'): Promise<TestDatabase> {
  const runId = process.env.TEST_RUN_ID;
  if (!runId) throw new Error('TEST_RUN_ID is not set: run the tests through jest (globalSetup)');
  const name = `lianmeng_test_${runId}_${randomBytes(4).toString('hex')}`;
  const server = new Client({ connectionString: TEST_ADMIN_URL });
  await server.connect();
  await server.query(
    kind === 'migrated' ? `CREATE DATABASE ${name} TEMPLATE ${templateName(runId)}` : `CREATE DATABASE ${name}`,
  );
  await server.end();
  const adminUrl = databaseUrl(TEST_ADMIN_URL, name);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  return {
    name,
    adminUrl,
    appUrl: databaseUrl(TEST_ADMIN_URL, name, TEST_APP_USER),
    admin,
    async drop() {
      await admin.end().catch(() => undefined);
      const dropper = new Client({ connectionString: TEST_ADMIN_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
