import type { ClientBase } from 'pg';
import { BackupError } from './backup-error';
import type { TableHeader } from './backup-manifest';
import { copyColumns, quoteIdent } from './copy-session';
import { listTables } from './schema-catalog';

export interface Township {
  id: string;
  slug: string;
  name: string;
}

/**
 * A table that holds rows of a township: the `tenants` row itself, and every table with a
 * `tenant_id` column (its users, settings, counters, audit log and outbox among them). Tables
 * without one (sign-in failures, unlogged short-lived state, the migrations' bookkeeping) are
 * the deployment's own and stay where they are.
 */
export interface TownshipTable extends TableHeader {
  /** The column naming the township: `id` for `tenants`, `tenant_id` elsewhere. */
  owner: 'id' | 'tenant_id';
  /** The primary key, for a stable order and for the import's clash check. */
  key: string[];
  /**
   * Columns numbered by a sequence of the whole database (the audit log's id): left out of the
   * archive, so the target numbers the rows afresh, in their order, rather than clash with its own.
   */
  renumbered: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function townshipTables(client: ClientBase): Promise<TownshipTable[]> {
  const tables = await listTables(client);
  const { rows: keys } = await client.query<{ table: string; columns: string[] }>(
    `SELECT c.relname AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indisprimary AND c.relnamespace = 'public'::regnamespace
      GROUP BY c.relname`,
  );
  const { rows: serials } = await client.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_attrdef d
       JOIN pg_class c ON c.oid = d.adrelid
       JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
      WHERE c.relnamespace = 'public'::regnamespace AND pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%'
     UNION ALL
     SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = 'public'::regnamespace AND a.attidentity <> ''`,
  );
  const keyOf = new Map(keys.map((k) => [k.table, k.columns]));
  return tables
    .filter((t) => t.name === 'tenants' || t.columns.includes('tenant_id'))
    .map((t) => {
      const renumbered = serials.filter((s) => s.table === t.name).map((s) => s.column);
      return {
        name: t.name,
        columns: t.columns.filter((c) => !renumbered.includes(c)),
        owner: t.name === 'tenants' ? 'id' : 'tenant_id',
        key: keyOf.get(t.name) ?? t.columns,
        renumbered,
      };
    });
}

/** The township's rows of a table as COPY text, in primary-key order (the renumbered rows keep their order). */
export function townshipRowsCopy(
  table: Pick<TownshipTable, 'name' | 'columns' | 'owner' | 'key'>,
  townshipId: string,
): string {
  if (!UUID.test(townshipId)) throw new Error(`Not a township id: ${townshipId}`);
  return `COPY (SELECT ${copyColumns(table.columns)} FROM public.${quoteIdent(table.name)} WHERE ${quoteIdent(table.owner)} = '${townshipId}' ORDER BY ${copyColumns(table.key)}) TO STDOUT`;
}

/** A township by its slug or its id; the message lists the townships there are. */
export async function findTownship(client: ClientBase, reference: string): Promise<Township> {
  const { rows } = await client.query<Township>(
    `SELECT id, slug, name FROM tenants WHERE slug = $1 OR id::text = lower($1)`,
    [reference],
  );
  if (rows[0]) return rows[0];
  const { rows: all } = await client.query<{ slug: string }>('SELECT slug FROM tenants ORDER BY slug LIMIT 20');
  throw new BackupError(
    `No township has the slug or id "${reference}" here (townships: ${all.map((t) => t.slug).join(', ') || 'none'})`,
  );
}

/** The attachments a township's rows name: every `storage_key` column of its tables, with the `content_type` where there is one. */
export async function townshipFiles(
  client: ClientBase,
  tables: TownshipTable[],
  townshipId: string,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const table of tables.filter((t) => t.columns.includes('storage_key') && t.owner === 'tenant_id')) {
    const type = table.columns.includes('content_type') ? 'content_type' : `'application/octet-stream'`;
    const { rows } = await client.query<{ key: string; type: string }>(
      `SELECT storage_key AS key, ${type} AS type FROM public.${quoteIdent(table.name)} WHERE tenant_id = $1 AND storage_key IS NOT NULL`,
      [townshipId],
    );
    for (const row of rows) files.set(row.key, row.type);
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}
