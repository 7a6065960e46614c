import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { syncNotificationTypes } from '../notifications/notification-type-registry.repository';
import { migrateQueueSchemaAt } from '../queue/queue-schema';
import { checkPostgres } from '../startup/dependency-check';
import { dataSourceOptions } from './data-source-options';

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named by `adminUrl` if it is missing, connecting to the server's `postgres` database. */
export async function ensureDatabase(adminUrl: string): Promise<void> {
  await checkPostgres(withDatabase(adminUrl, 'postgres'), 'DATABASE_ADMIN_URL');
  const name = databaseName(adminUrl);
  await withClient(withDatabase(adminUrl, 'postgres'), async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteDatabase(name)}`);
  });
}

export const quoteDatabase = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Drops the named database of `adminUrl`'s server, ending its sessions; nothing if it is missing. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(withDatabase(adminUrl, 'postgres'), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteDatabase(name)} WITH (FORCE)`),
  );
}

export async function runMigrations(adminUrl: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(adminUrl, 1));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Makes the login role of DATABASE_URL a member of `lianmeng_runtime` (created by the migrations),
 * creating it when missing. It stays a role that owns nothing and bypasses no row-level security.
 */
export async function ensureApplicationRole(adminUrl: string, appUrl: string): Promise<void> {
  const parsed = new URL(appUrl);
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  const adminUser = decodeURIComponent(new URL(adminUrl).username);
  if (!user || user === adminUser) {
    throw new Error('DATABASE_URL must name its own role (e.g. lianmeng_app), not the owner of DATABASE_ADMIN_URL');
  }
  await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
    const verb = rowCount ? 'ALTER' : 'CREATE';
    const { rows } = await client.query<{ sql: string }>(
      `SELECT format('${verb} ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD %L', $1::text, $2::text) AS sql`,
      [user, password || null],
    );
    await client.query(rows[0].sql);
    const grant = await client.query<{ sql: string }>(
      `SELECT format('GRANT lianmeng_runtime TO %I', $1::text) AS sql`,
      [user],
    );
    await client.query(grant.rows[0].sql);
    const connect = await client.query<{ sql: string }>(
      `SELECT format('GRANT CONNECT ON DATABASE %I TO lianmeng_runtime', current_database()) AS sql`,
    );
    await client.query(connect.rows[0].sql);
  });
}

/**
 * Adds the notification types registered in code to notification_types (see syncNotificationTypes),
 * through a connection of its own to `url`: the owner's after migrations, the application's at the
 * API's and the worker's start-up. The caller imported src/notification-types.ts.
 */
export function syncNotificationTypesAt(url: string): Promise<string[]> {
  return withClient(url, (client) =>
    syncNotificationTypes(
      async (sql, parameters) => (await client.query<Record<string, unknown>>(sql, parameters)).rows,
    ),
  );
}

/** Everything `npm run migration:run` does (the caller imported src/notification-types.ts). */
export async function prepareDatabase(adminUrl: string, appUrl: string): Promise<string[]> {
  await ensureDatabase(adminUrl);
  const applied = await runMigrations(adminUrl);
  await syncNotificationTypesAt(adminUrl);
  await migrateQueueSchemaAt(adminUrl);
  await ensureApplicationRole(adminUrl, appUrl);
  return applied;
}
