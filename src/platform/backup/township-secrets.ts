import type { ClientBase } from 'pg';
import { SecretBox } from '../notifications/secret-box';
import { copyColumns, quoteIdent } from './copy-session';
import type { TownshipTable } from './township-catalog';

/**
 * A value sealed with the deployment's SECRETS_KEY (a robot's webhook, an SMTP password: the
 * columns named `*_encrypted`). The target has a key of its own, so the export opens each one and
 * the archive (encrypted as a whole) carries it; the import seals it again with the target's key.
 */
export interface CarriedSecret {
  table: string;
  /** The row's primary key, column by column, as text. */
  key: Record<string, string>;
  column: string;
  value: string;
}

export interface OpenedSecrets {
  secrets: CarriedSecret[];
  /** `table.column of key`: values this deployment's SECRETS_KEY does not open (to be entered again on the target). */
  unreadable: string[];
}

export function sealedColumns(table: Pick<TownshipTable, 'columns'>): string[] {
  return table.columns.filter((c) => c.endsWith('_encrypted'));
}

export async function openSecrets(
  client: ClientBase,
  tables: TownshipTable[],
  townshipId: string,
  secretsKey: string,
): Promise<OpenedSecrets> {
  const box = new SecretBox(secretsKey);
  const opened: OpenedSecrets = { secrets: [], unreadable: [] };
  for (const table of tables.filter((t) => t.owner === 'tenant_id')) {
    for (const column of sealedColumns(table)) {
      const { rows } = await client.query<Record<string, string>>(
        `SELECT ${table.key.map((k) => `${quoteIdent(k)}::text`).join(', ')}, ${quoteIdent(column)} AS sealed
           FROM public.${quoteIdent(table.name)} WHERE tenant_id = $1 AND ${quoteIdent(column)} IS NOT NULL ORDER BY ${copyColumns(table.key)}`,
        [townshipId],
      );
      for (const { sealed, ...key } of rows) {
        try {
          opened.secrets.push({ table: table.name, key, column, value: box.open(sealed) });
        } catch {
          opened.unreadable.push(`${table.name}.${column} of ${Object.values(key).join(', ')}`);
        }
      }
    }
  }
  return opened;
}

/** Seals each carried secret with this deployment's key, in the township's row it came from. */
export async function resealSecrets(
  client: ClientBase,
  secrets: CarriedSecret[],
  townshipId: string,
  secretsKey: string,
): Promise<number> {
  const box = new SecretBox(secretsKey);
  let count = 0;
  for (const secret of secrets) {
    const columns = Object.keys(secret.key);
    const where = columns.map((c, i) => `${quoteIdent(c)}::text = $${i + 3}`).join(' AND ');
    const { rowCount } = await client.query(
      `UPDATE public.${quoteIdent(secret.table)} SET ${quoteIdent(secret.column)} = $1 WHERE tenant_id = $2 AND ${where}`,
      [box.seal(secret.value), townshipId, ...columns.map((c) => secret.key[c])],
    );
    count += rowCount ?? 0;
  }
  return count;
}
