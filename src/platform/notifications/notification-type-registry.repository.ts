import { registeredNotificationTypeModules } from './notification-registry';

/** What runs the statement: a pg client, or a TypeORM query runner. */
export type Query = (sql: string, parameters: unknown[]) => Promise<unknown>;

/**
 * Adds to notification_types every type registered in code (src/notification-types.ts, which the
 * caller imported so the registry is sealed) that it lacks, with the module that registers it. Never
 * deletes or changes a row: stored notifications name old types. One statement, safe to run at once
 * from several processes (a name another inserts meanwhile is waited for and left alone; the names
 * go in one order, so two runs never deadlock). Runs as the owner after migrations (migration:run)
 * and as the application's role at the API's and the worker's start-up (SELECT and INSERT on this
 * one table are all it may do there). Returns the names it added.
 */
export async function syncNotificationTypes(query: Query): Promise<string[]> {
  const types = [...registeredNotificationTypeModules()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const rows = (await query(
    `INSERT INTO notification_types (name, module)
     SELECT name, module FROM unnest($1::text[], $2::text[]) AS registered(name, module) ORDER BY name
     ON CONFLICT (name) DO NOTHING RETURNING name`,
    [types.map((type) => type.name), types.map((type) => type.module)],
  )) as { name: string }[];
  return rows.map((row) => row.name).sort();
}
