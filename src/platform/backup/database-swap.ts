import { quoteDatabase, withClient, withDatabase } from '../database/database-setup';
import { BackupError } from './backup-error';

/** A database named after `name` with `suffix`, within PostgreSQL's 63 bytes. */
export function besideName(name: string, suffix: string): string {
  let base = name;
  while (Buffer.byteLength(base + suffix) > 63) base = base.slice(0, -1);
  return base + suffix;
}

/** A database being replaced must have no sessions (the API, the worker): they would write to the one replaced. */
export async function refuseSessions(adminUrl: string, name: string): Promise<void> {
  const sessions = await withClient(withDatabase(adminUrl, 'postgres'), async (client) => {
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    return rows[0].n;
  });
  if (sessions > 0) {
    throw new BackupError(
      `The database ${name} has ${sessions} open connection(s): stop the API and the worker (and anything else connected to it), then run the restore again. Nothing was restored.`,
    );
  }
}

/**
 * Gives `restored` the name `target`, keeping the database it replaces as `<target>_replaced_<n>`.
 * Each rename is PostgreSQL's own; the second one failing puts the first back.
 */
export async function swapDatabases(adminUrl: string, target: string, restored: string): Promise<string> {
  return withClient(withDatabase(adminUrl, 'postgres'), async (client) => {
    await refuseSessions(adminUrl, target);
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database');
    const taken = new Set(rows.map((row) => row.datname));
    let replaced = besideName(target, '_replaced');
    for (let n = 2; taken.has(replaced); n++) replaced = besideName(target, `_replaced_${n}`);
    await client.query(`ALTER DATABASE ${quoteDatabase(target)} RENAME TO ${quoteDatabase(replaced)}`);
    try {
      await client.query(`ALTER DATABASE ${quoteDatabase(restored)} RENAME TO ${quoteDatabase(target)}`);
    } catch (error) {
      await client.query(`ALTER DATABASE ${quoteDatabase(replaced)} RENAME TO ${quoteDatabase(target)}`);
      throw error;
    }
    return replaced;
  });
}
