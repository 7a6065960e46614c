import type { ClientBase } from 'pg';
import type { SequenceEntry, TableHeader } from './backup-manifest';
import { quoteIdent } from './copy-session';

/**
 * What a backup holds of the database: every permanent table of the public schema except the
 * migrations' own bookkeeping (a restore rebuilds it by migrating). Unlogged tables hold short-lived
 * state (stream tickets, throttling) that PostgreSQL itself empties after a crash; the queues'
 * schema (BullMQ) belongs to the installed BullMQ and is recreated by migration:run.
 */
export const MIGRATIONS_TABLE = 'schema_migrations';
/**
 * The worker's record of backups (and of the alerts about them) describes this deployment's backup
 * files, not the product's data, and holds the running backup's own row: a backup leaves them out,
 * and a restored database starts their history afresh.
 */
export const BACKUP_RECORD_TABLES = ['backup_runs', 'backup_alerts'];
/**
 * Tables the migrations seed (notification_types, which the code also adds to at start-up): a
 * backup holds them like any other (the rows name their types), a restore replaces the seed with the
 * backup's rows, and a database holding nothing but the seed counts as empty.
 */
export const SEEDED_TABLES = ['notification_types'];

/** The tables, parents before children (foreign keys), so a restore can load them in this order. */
export async function listTables(client: ClientBase): Promise<TableHeader[]> {
  const { rows: tables } = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relpersistence = 'p'
        AND NOT c.relispartition AND c.relname <> ALL($1::text[])
      GROUP BY c.relname`,
    [[MIGRATIONS_TABLE, ...BACKUP_RECORD_TABLES]],
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent
       FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid
       JOIN pg_class pa ON pa.oid = k.confrelid
      WHERE k.contype = 'f' AND k.conrelid <> k.confrelid AND ch.relnamespace = 'public'::regnamespace`,
  );
  const order = dependencyOrder(
    tables.map((t) => t.name),
    edges,
  );
  const byName = new Map(tables.map((t) => [t.name, t]));
  return order.map((name) => byName.get(name)!);
}

/** Kahn's algorithm, alphabetical among equals so every backup of a schema lists tables alike. */
export function dependencyOrder(names: string[], edges: { child: string; parent: string }[]): string[] {
  const known = new Set(names);
  const parents = new Map(names.map((name) => [name, new Set<string>()]));
  for (const { child, parent } of edges) if (known.has(child) && known.has(parent)) parents.get(child)!.add(parent);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < names.length) {
    const ready = names
      .filter((name) => !placed.has(name) && [...parents.get(name)!].every((p) => placed.has(p)))
      .sort();
    if (ready.length === 0)
      throw new Error(`Foreign keys form a cycle among: ${names.filter((n) => !placed.has(n)).join(', ')}`);
    for (const name of ready) {
      order.push(name);
      placed.add(name);
    }
  }
  return order;
}

export async function schemaVersion(client: ClientBase): Promise<string | undefined> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass($1) AS t`, [
    `public.${MIGRATIONS_TABLE}`,
  ]);
  if (!exists.rows[0].t) return undefined;
  const { rows } = await client.query<{ name: string }>(
    `SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY timestamp DESC, id DESC LIMIT 1`,
  );
  return rows[0]?.name;
}

export async function listSequences(client: ClientBase): Promise<SequenceEntry[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S' ORDER BY relname`,
  );
  const sequences: SequenceEntry[] = [];
  for (const { name } of rows) {
    const value = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM public.${quoteIdent(name)}`,
    );
    sequences.push({ name, lastValue: value.rows[0].last_value, isCalled: value.rows[0].is_called });
  }
  return sequences;
}

/**
 * Sequences that a feature creates at run time for one township, named `tenant_<its id as 32 hex
 * digits>_<what>` (its request numbers per year among them): no migration makes them, so a restore
 * or an import creates them, and a township's export carries those of its own.
 */
export function townshipSequencePattern(townshipId?: string): RegExp {
  const id = townshipId ? townshipId.replace(/-/g, '').toLowerCase() : '[0-9a-f]{32}';
  return new RegExp(`^tenant_${id}_[a-z0-9_]+$`);
}

export async function listTownshipSequences(client: ClientBase, townshipId: string): Promise<SequenceEntry[]> {
  const pattern = townshipSequencePattern(townshipId);
  return (await listSequences(client)).filter((s) => pattern.test(s.name));
}

/**
 * Puts sequences where an archive left them: exactly (a restore), or only forward (an import, where
 * the target's own sequence of the township may already be further). A township's sequence that
 * the target lacks is created first; any other missing sequence is the schema's and an error.
 */
export async function placeSequences(
  client: ClientBase,
  sequences: SequenceEntry[],
  mode: 'exactly' | 'forward',
): Promise<void> {
  const runTime = townshipSequencePattern();
  for (const sequence of sequences) {
    const name = `public.${quoteIdent(sequence.name)}`;
    if (runTime.test(sequence.name)) await client.query(`CREATE SEQUENCE IF NOT EXISTS ${name} AS bigint MINVALUE 1`);
    if (mode === 'exactly') {
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [name, sequence.lastValue, sequence.isCalled]);
      continue;
    }
    const issued = BigInt(sequence.lastValue) - (sequence.isCalled ? 0n : 1n);
    if (issued < 1n) continue;
    await client.query(
      `SELECT setval($1::regclass, $2::bigint, true) FROM ${name}
        WHERE last_value - CASE WHEN is_called THEN 0 ELSE 1 END < $2::bigint`,
      [name, issued.toString()],
    );
  }
}

/**
 * The attachments the database names: every `storage_key` column (with its `content_type` where the
 * table has one), whichever module owns the table, so a new kind of upload is backed up unasked.
 */
export async function listStoredFiles(client: ClientBase, tables: TableHeader[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const table of tables.filter((t) => t.columns.includes('storage_key'))) {
    const type = table.columns.includes('content_type') ? 'content_type' : `'application/octet-stream'`;
    const { rows } = await client.query<{ key: string; type: string }>(
      `SELECT storage_key AS key, ${type} AS type FROM public.${quoteIdent(table.name)} WHERE storage_key IS NOT NULL`,
    );
    for (const row of rows) files.set(row.key, row.type);
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}
