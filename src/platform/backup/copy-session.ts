import type { ClientBase } from 'pg';
import { BackupError } from './backup-error';

/**
 * Settings that make COPY text the same on every server and session (dates in UTC and ISO, floats
 * exact), so a restored table's checksum can be compared with its backup's. `row_security = off`
 * makes a role that would see only some rows fail loudly rather than back up part of a table.
 */
export async function prepareCopySession(client: ClientBase): Promise<void> {
  const { rows } = await client.query<{ allowed: boolean; name: string }>(
    'SELECT rolsuper OR rolbypassrls AS allowed, rolname AS name FROM pg_roles WHERE rolname = current_user',
  );
  if (!rows[0]?.allowed) {
    throw new BackupError(
      `The role ${rows[0]?.name ?? '(unknown)'} of DATABASE_ADMIN_URL is neither a superuser nor BYPASSRLS, so row-level security would hide rows from it. ` +
        'Back up and restore as the database owner with BYPASSRLS (ALTER ROLE ... BYPASSRLS) or as a superuser.',
    );
  }
  await client.query(
    "SET client_encoding = 'UTF8'; SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 3; SET bytea_output = 'hex'; SET row_security = off",
  );
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function copyColumns(columns: string[]): string {
  return columns.map(quoteIdent).join(', ');
}
