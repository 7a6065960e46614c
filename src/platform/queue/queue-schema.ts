import {
  runMigrations as migrateQueueSchema,
  SchemaMigrationRequiredError,
  SchemaVersionMismatchError,
  assertSchemaCompatibility,
} from 'bullmq';
import { Client } from 'pg';
import { DependencyUnavailableError } from '../startup/dependency-check';
import { registeredQueues } from './job-registry';

/** The schema of BullMQ's PostgreSQL backend: its tables and functions, apart from the product's. */
export const QUEUE_SCHEMA = 'bullmq';

/**
 * Brings BullMQ's PostgreSQL schema up to the installed BullMQ's version and lets the application's
 * role use it. Part of `migration:run`, whichever backend is configured, so switching REDIS_URL off
 * later needs no other step. BullMQ's migrations run in one transaction under an advisory lock.
 */
export async function migrateQueueSchemaAt(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await migrateQueueSchema(client, QUEUE_SCHEMA);
    // BullMQ creates each queue's job-id sequence on its first add; the application's role may
    // create nothing, so the sequences of our queues are made here.
    for (const queue of registeredQueues()) {
      const { rows } = await client.query<{ name: string }>(`SELECT ${QUEUE_SCHEMA}.job_id_seq_name($1) AS name`, [
        queue,
      ]);
      await client.query(`CREATE SEQUENCE IF NOT EXISTS ${QUEUE_SCHEMA}."${rows[0].name}"`);
    }
    await client.query(`GRANT USAGE ON SCHEMA ${QUEUE_SCHEMA} TO lianmeng_runtime`);
    await client.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${QUEUE_SCHEMA} TO lianmeng_runtime`,
    );
    await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${QUEUE_SCHEMA} TO lianmeng_runtime`);
    await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${QUEUE_SCHEMA} TO lianmeng_runtime`);
  } finally {
    await client.end();
  }
}

/** Before the worker starts on the PostgreSQL backend: a schema that is missing or too new gets one clear message. */
export async function checkQueueSchema(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await assertSchemaCompatibility(client, QUEUE_SCHEMA);
  } catch (error) {
    if (error instanceof SchemaMigrationRequiredError) {
      throw new DependencyUnavailableError(
        `The queues' tables (schema "${QUEUE_SCHEMA}") are missing from the database of DATABASE_URL.\nCreate them with: npm run migration:run`,
      );
    }
    if (error instanceof SchemaVersionMismatchError) {
      throw new DependencyUnavailableError(
        `The queues' tables (schema "${QUEUE_SCHEMA}") were made by a newer BullMQ than this version runs; deploy the newer version.`,
      );
    }
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
