import type { ClientBase } from 'pg';
import { copyColumns, quoteIdent } from './copy-session';
import type { TownshipManifest, TownshipTableEntry } from './township-manifest';

/**
 * Why the staged township (in pg_temp tables named like the public ones) cannot join this
 * database: rows whose primary key or unique key is already taken here (the township itself, its
 * ids, its users' emails and mobiles, a showcase's slug...), and references to rows that are
 * neither in the archive nor here (e.g. a platform admin of the source). Empty: it fits.
 */
export async function findClashes(client: ClientBase, manifest: TownshipManifest): Promise<string[]> {
  const problems: string[] = [];
  const takenIds: { table: string; count: number; example: string }[] = [];
  for (const table of manifest.tables.filter((t) => t.rows > 0)) {
    for (const index of await uniqueKeys(client, table)) {
      const where = index.predicate ? ` WHERE ${index.predicate}` : '';
      const { rows } = await client.query<{ key: string; n: string }>(
        `SELECT concat_ws(', ', ${index.columns.map((c) => `${quoteIdent(c)}::text`).join(', ')}) AS key, count(*) OVER () AS n
           FROM (SELECT ${copyColumns(index.columns)} FROM pg_temp.${quoteIdent(table.name)}${where}) s
           JOIN (SELECT ${copyColumns(index.columns)} FROM public.${quoteIdent(table.name)}${where}) p USING (${copyColumns(index.columns)})
          ORDER BY 1 LIMIT 5`,
      );
      if (rows.length === 0) continue;
      const count = Number(rows[0].n);
      // A row whose primary key is taken clashes on its other keys too; saying so once is enough.
      if (index.primary && table.name !== 'tenants') {
        takenIds.push({ table: table.name, count, example: rows[0].key });
        break;
      }
      problems.push(
        describeClash(
          manifest,
          table.name,
          index.columns,
          rows.map((r) => r.key),
          count,
        ),
      );
      if (index.primary) break;
    }
  }
  if (takenIds.length > 0) {
    const [first] = takenIds;
    problems.push(
      `rows of ${takenIds.length} tables have ids that rows here already have: ${takenIds.map((t) => `${t.table} ${t.count}`).join(', ')} (e.g. ${first.table} ${first.example})`,
    );
  }
  problems.push(...(await missingReferences(client, manifest)));
  problems.push(...(await unregisteredNotificationTypes(client, manifest)));
  return problems;
}

function describeClash(
  manifest: TownshipManifest,
  table: string,
  columns: string[],
  keys: string[],
  count: number,
): string {
  const examples = `${keys.join('; ')}${count > keys.length ? ` (${count} in all)` : ''}`;
  const { slug, id } = manifest.township;
  if (table === 'tenants' && columns.join() === 'id')
    return `the township ${slug} (id ${id}) is already here: it was imported before`;
  if (table === 'tenants' && columns.join() === 'slug') return `another township here already has the slug "${slug}"`;
  if (table === 'users' && (columns.join() === 'email' || columns.join() === 'mobile')) {
    return `${count} of the township's users have ${columns[0] === 'email' ? 'emails' : 'mobile numbers'} that users here already have: ${examples}`;
  }
  return `${count} rows of ${table} have a ${columns.join(', ')} that rows here already have: ${examples}`;
}

interface UniqueKey {
  columns: string[];
  predicate: string | null;
  primary: boolean;
}

/** The table's primary key and unique indexes over plain columns the archive holds (renumbered ones are new here). */
async function uniqueKeys(client: ClientBase, table: TownshipTableEntry): Promise<UniqueKey[]> {
  const { rows } = await client.query<{ columns: string[] | null; predicate: string | null; primary: boolean }>(
    `SELECT (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) AS columns,
            pg_get_expr(i.indpred, i.indrelid) AS predicate, i.indisprimary AS primary
       FROM pg_index i
      WHERE i.indrelid = $1::regclass AND i.indisunique AND NOT (0 = ANY (i.indkey::int2[])) AND i.indexprs IS NULL
      ORDER BY i.indisprimary DESC, i.indexrelid`,
    [`public.${quoteIdent(table.name)}`],
  );
  return rows
    .filter(
      (r): r is UniqueKey & { columns: string[] } => !!r.columns && r.columns.every((c) => table.columns.includes(c)),
    )
    .map((r) => ({ columns: r.columns, predicate: r.predicate, primary: r.primary }));
}

/** Foreign keys of the archive's rows whose parent row is neither in the archive nor here. */
async function missingReferences(client: ClientBase, manifest: TownshipManifest): Promise<string[]> {
  const staged = new Set(manifest.tables.map((t) => t.name));
  const { rows: keys } = await client.query<{
    child: string;
    parent: string;
    columns: string[];
    parent_columns: string[];
  }>(
    `SELECT ch.relname AS child, pa.relname AS parent,
            (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS parent_columns
       FROM pg_constraint c
       JOIN pg_class ch ON ch.oid = c.conrelid
       JOIN pg_class pa ON pa.oid = c.confrelid
      WHERE c.contype = 'f' AND ch.relnamespace = 'public'::regnamespace AND ch.relname = ANY ($1)`,
    [manifest.tables.filter((t) => t.rows > 0).map((t) => t.name)],
  );
  const problems: string[] = [];
  // Said once, by name, in unregisteredNotificationTypes.
  for (const key of keys.filter((k) => k.parent !== 'notification_types')) {
    const match = (alias: string) =>
      key.columns.map((c, i) => `${alias}.${quoteIdent(key.parent_columns[i])} = c.${quoteIdent(c)}`).join(' AND ');
    const inArchive = staged.has(key.parent)
      ? `AND NOT EXISTS (SELECT 1 FROM pg_temp.${quoteIdent(key.parent)} s WHERE ${match('s')})`
      : '';
    const { rows } = await client.query<{ n: number; example: string | null }>(
      `SELECT count(*)::int AS n, min(concat_ws(', ', ${key.columns.map((c) => `c.${quoteIdent(c)}::text`).join(', ')})) AS example
         FROM pg_temp.${quoteIdent(key.child)} c
        WHERE ${key.columns.map((c) => `c.${quoteIdent(c)} IS NOT NULL`).join(' AND ')}
          ${inArchive}
          AND NOT EXISTS (SELECT 1 FROM public.${quoteIdent(key.parent)} p WHERE ${match('p')})`,
    );
    if (rows[0].n > 0) {
      problems.push(
        `${rows[0].n} rows of ${key.child} name ${key.parent} rows (${key.columns.join(', ')}) that are neither in the archive nor here, e.g. ${rows[0].example}`,
      );
    }
  }
  return problems;
}

/**
 * Notification types the archive's rows name (notifications, preferences, events, group robots'
 * lists) that this deployment has never registered: the source runs a module this release lacks.
 */
async function unregisteredNotificationTypes(client: ClientBase, manifest: TownshipManifest): Promise<string[]> {
  const { rows: columns } = await client.query<{ child: string; column: string; array: boolean }>(
    `SELECT c.table_name AS child, c.column_name AS column, c.data_type = 'ARRAY' AS array
       FROM information_schema.columns c
      WHERE c.table_schema = 'public' AND c.table_name = ANY ($1)
        AND ((c.table_name, c.column_name) IN (('group_robots', 'types'))
          OR EXISTS (SELECT 1 FROM pg_constraint k
                      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                     WHERE k.contype = 'f' AND k.confrelid = 'public.notification_types'::regclass
                       AND k.conrelid = format('public.%I', c.table_name)::regclass AND a.attname = c.column_name))`,
    [manifest.tables.filter((t) => t.rows > 0).map((t) => t.name)],
  );
  if (columns.length === 0) return [];
  const named = columns.map(
    (c) =>
      `SELECT ${c.array ? `unnest(${quoteIdent(c.column)})` : quoteIdent(c.column)}::text AS name FROM pg_temp.${quoteIdent(c.child)}`,
  );
  const { rows } = await client.query<{ name: string }>(
    `SELECT DISTINCT n.name FROM (${named.join(' UNION ALL ')}) n
      WHERE n.name IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.notification_types t WHERE t.name = n.name)
      ORDER BY 1`,
  );
  return rows.length > 0
    ? [
        `the archive names notification types this deployment does not know (its release lacks the module that sends them; upgrade first): ${rows.map((r) => r.name).join(', ')}`,
      ]
    : [];
}
