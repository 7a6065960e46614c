import { AUDIT_DESCRIPTORS, type AuditDescriptor, GENERIC_KIND, humanizeTable } from './audit-descriptors';
import type { Snapshot } from './audit-changes';
import type { AuditRepository } from './audit.repository';
import type { AuditObjectView } from './dto/audit-entry.dto';

/** The reads the resolver needs, in the request's transaction. */
export type AuditRowReader = Pick<AuditRepository, 'rowsOf' | 'lastSnapshots'>;

interface Found {
  row: Snapshot;
  /** False when the row is gone and was read from its last audit snapshot. */
  live: boolean;
}

const MAX_LABEL = 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A label found through another row may need one more row (a reviewer → expert → user). */
const MAX_ROUNDS = 3;

/**
 * Names the rows one page of the audit log points at. It loads them in rounds, one query per table
 * per round, through the audit repository in the request's transaction (so row-level security and an explicit tenant filter
 * keep other townships' names out); a row deleted since is named from its last audit snapshot.
 */
export class AuditObjectResolver {
  private readonly found = new Map<string, Found | null>();

  constructor(
    private readonly reader: AuditRowReader,
    private readonly tenantId: string,
  ) {}

  /** Loads the rows `wanted` names, and the rows their labels come from. */
  async load(wanted: Array<[table: string, id: unknown]>): Promise<void> {
    let pending = wanted;
    for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round++) {
      const byTable = new Map<string, Set<string>>();
      for (const [table, id] of pending) {
        if (!AUDIT_DESCRIPTORS[table] || typeof id !== 'string' || !UUID.test(id) || this.found.has(key(table, id)))
          continue;
        byTable.set(table, (byTable.get(table) ?? new Set()).add(id));
      }
      const loaded: Array<[string, Snapshot]> = [];
      for (const [table, ids] of byTable) {
        const rows = await this.reader.rowsOf(table, descriptorColumns(table), [...ids], this.tenantId);
        for (const row of rows) {
          this.found.set(key(table, String(row.id)), { row, live: true });
          loaded.push([table, row]);
        }
      }
      loaded.push(...(await this.loadDeleted(byTable)));
      pending = loaded.flatMap(([table, row]) => labelReferences(table, row));
    }
  }

  /** The references a snapshot's label and parent need, to pass to `load`. */
  static wants(table: string, snapshot: Snapshot | null): Array<[string, unknown]> {
    if (!snapshot) return [];
    const parents = (AUDIT_DESCRIPTORS[table]?.parents ?? []).map((p): [string, unknown] => [
      p.table,
      snapshot[p.column],
    ]);
    return [...labelReferences(table, snapshot), ...parents];
  }

  /** The object a snapshot describes; `exists` is false for a deleted row, which gets no link. */
  describe(table: string, id: string | null, snapshot: Snapshot | null, exists: boolean): AuditObjectView {
    const descriptor = AUDIT_DESCRIPTORS[table];
    const row = snapshot ?? {};
    return {
      kind: descriptor?.kind ?? GENERIC_KIND,
      typeName: humanizeTable(table),
      id,
      label: this.label(table, row),
      code: descriptor?.code ? text(row[descriptor.code]) : null,
      quoted: descriptor?.quoted ?? false,
      link: exists && descriptor?.link && id ? fillLink(descriptor.link, { ...row, id }) : null,
    };
  }

  /** The parent of a row, named from the loaded rows; null when it has none. */
  parentOf(table: string, snapshot: Snapshot | null): AuditObjectView | null {
    for (const parent of AUDIT_DESCRIPTORS[table]?.parents ?? []) {
      const id = snapshot?.[parent.column];
      if (typeof id !== 'string') continue;
      const found = this.found.get(key(parent.table, id));
      return this.describe(parent.table, id, found?.row ?? null, found?.live ?? false);
    }
    return null;
  }

  /** The name of the row a reference column points at, if it was loaded. */
  nameOf(table: string, id: unknown): string | null {
    if (typeof id !== 'string') return null;
    const found = this.found.get(key(table, id));
    return found ? this.label(table, found.row) : null;
  }

  private label(table: string, row: Snapshot, depth = 0): string | null {
    const descriptor = AUDIT_DESCRIPTORS[table];
    const sources = descriptor?.label ?? [{ column: 'title' }, { column: 'name' }];
    for (const source of sources) {
      let value: string | null = null;
      if ('column' in source) value = text(row[source.column]);
      else if (depth < MAX_ROUNDS) {
        const found = this.found.get(key(source.table, String(row[source.via])));
        value = found ? this.label(source.table, found.row, depth + 1) : null;
      }
      if (value) return truncate(value);
    }
    return null;
  }

  /** Rows gone since: their last snapshot in the log, in one query for all tables. */
  private async loadDeleted(asked: Map<string, Set<string>>): Promise<Array<[string, Snapshot]>> {
    const types: string[] = [];
    const ids: string[] = [];
    for (const [table, set] of asked) {
      for (const id of set) {
        if (this.found.has(key(table, id))) continue;
        this.found.set(key(table, id), null);
        types.push(table);
        ids.push(id);
      }
    }
    if (ids.length === 0) return [];
    const rows = await this.reader.lastSnapshots(this.tenantId, types, ids);
    return rows.map((r) => {
      this.found.set(key(r.entity_type, r.entity_id), { row: r.row, live: false });
      return [r.entity_type, r.row] as [string, Snapshot];
    });
  }
}

function key(table: string, id: string): string {
  return `${table}/${id}`;
}

function labelReferences(table: string, row: Snapshot): Array<[string, unknown]> {
  return (AUDIT_DESCRIPTORS[table]?.label ?? []).flatMap((s): Array<[string, unknown]> =>
    'via' in s ? [[s.table, row[s.via]]] : [],
  );
}

/** The columns a descriptor reads: its label, code, parents and link placeholders. */
export function descriptorColumns(table: string): string[] {
  const d: AuditDescriptor = AUDIT_DESCRIPTORS[table];
  const columns = new Set(['id']);
  for (const source of d.label) columns.add('column' in source ? source.column : source.via);
  if (d.code) columns.add(d.code);
  for (const parent of d.parents ?? []) columns.add(parent.column);
  for (const [, column] of (d.link ?? '').matchAll(/:([a-z_]+)/g)) columns.add(column);
  return [...columns];
}

function fillLink(pattern: string, row: Snapshot): string | null {
  let missing = false;
  const path = pattern.replace(/:([a-z_]+)/g, (_, column: string) => {
    const value = row[column];
    if (typeof value !== 'string' || !UUID.test(value)) missing = true;
    return encodeURIComponent(String(value));
  });
  return missing ? null : path;
}

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

function truncate(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_LABEL ? `${oneLine.slice(0, MAX_LABEL - 1)}…` : oneLine;
}
