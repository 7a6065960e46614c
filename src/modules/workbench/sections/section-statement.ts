import type { Actor } from '../../../platform/tenancy/request-actor';
import type { WorkbenchItemView, WorkbenchSectionKey } from '../dto/workbench.view';

/** One SQL statement and its parameters; exported so tests and the benchmark can EXPLAIN exactly what runs. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** Where and when the person reads the workbench: the township's clock and calendar. */
export interface WorkbenchScope {
  actor: Actor;
  now: Date;
  /** Today in the township's time zone (YYYY-MM-DD). */
  today: string;
  timeZone: string;
  weekStart: Date;
  weekEnd: Date;
  /** How many items each section lists. */
  limit: number;
}

/** A section's answer, before the service turns dates and the overdue flag into the view. */
export interface SectionRows {
  total: number;
  items: RawItem[];
}

/** An item as the statements build it with json_build_object (timestamps as text). */
export type RawItem = Omit<
  WorkbenchItemView,
  'dueAt' | 'since' | 'endsAt' | 'overdue' | 'escalationLevel' | 'rating' | 'reference' | 'counterpart' | 'dueOn'
> &
  Partial<Record<'dueAt' | 'since' | 'endsAt' | 'reference' | 'counterpart' | 'dueOn', string | null>> &
  Partial<Record<'escalationLevel' | 'rating', number | null>>;

/** One section of the workbench: its key, and how to read its count and first items. */
export interface SectionDefinition {
  key: WorkbenchSectionKey;
  read(scope: WorkbenchScope, run: (statement: Statement) => Promise<SectionRows>): Promise<SectionRows>;
  /** The statements `read` runs, for EXPLAIN (the benchmark's read paths). */
  statements(scope: WorkbenchScope): Statement[];
}

/**
 * The count and the first `limit` items of one predicate, in one pass over the matching rows: one
 * aggregate counts them and keeps the keys of the first few in order (the count must read every
 * matching row anyway, and row-level security makes each row read cost), then only those few rows
 * are read again to build their items. `key` identifies a row of `from` (e.g. `r.id`); `item` is a
 * json_build_object over a row of `itemFrom` (default: `from`); `order` puts the oldest or most
 * urgent first.
 */
export function sectionStatement(parts: {
  from: string;
  where: string;
  order: string;
  key: string;
  item: string;
  itemFrom?: string;
  params: unknown[];
  limit: number;
}): Statement {
  const limit = `$${parts.params.length + 1}`;
  return {
    sql: `SELECT w.total, (SELECT coalesce(json_agg(${parts.item} ORDER BY array_position(w.keys, ${parts.key})), '[]'::json)
                           FROM ${parts.itemFrom ?? parts.from} WHERE ${parts.key} = ANY(w.keys)) AS items
            FROM (SELECT count(*)::int AS total, (array_agg(${parts.key} ORDER BY ${parts.order}))[1:${limit}] AS keys
                    FROM ${parts.from} WHERE ${parts.where}) w`,
    params: [...parts.params, parts.limit],
  };
}

/** A section read by one statement. */
export function statementSection(
  key: WorkbenchSectionKey,
  build: (scope: WorkbenchScope) => Statement | null,
): SectionDefinition {
  return {
    key,
    statements: (scope) => {
      const statement = build(scope);
      return statement ? [statement] : [];
    },
    read: async (scope, run) => {
      const statement = build(scope);
      return statement ? run(statement) : { total: 0, items: [] };
    },
  };
}

/** A list of enum values as SQL literals; the values come from the product's own enums, never from input. */
export function sqlValues(values: readonly string[]): string {
  for (const value of values) if (!/^[a-z_]+$/.test(value)) throw new Error(`Not an enum value: ${value}`);
  return values.map((v) => `'${v}'`).join(', ');
}
