import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainException } from '../errors/domain.exception';
import { DEFAULT_PAGE_SIZE, type Page } from './page.dto';

export { DEFAULT_PAGE_SIZE } from './page.dto';

export interface KeysetOrder {
  /** Qualified column, e.g. `o.name`; the row's id breaks ties. */
  column: string;
  /** What the column holds, so that a cursor's value is checked before it reaches the database. */
  kind: KeysetKind;
  /** Further sort columns (NOT NULL, in the same direction), after `column` and before the id. */
  then?: { column: string; kind: KeysetKind }[];
  direction: 'ASC' | 'DESC';
  idColumn: string;
}

type KeysetKind = 'timestamp' | 'date' | 'text' | 'number';

/**
 * Keyset pagination: `WHERE (column, id) > (:after, :afterId)`; no OFFSET, stable under inserts.
 * The cursor holds the column as PostgreSQL writes it as text: a timestamptz keeps its microseconds,
 * which a JavaScript Date drops (rows written in one transaction share a time to the microsecond,
 * so a cursor cut to the millisecond skipped or repeated them).
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  order: KeysetOrder,
  page: { limit?: number; cursor?: string },
): Promise<Page<T>> {
  const limit = page.limit ?? DEFAULT_PAGE_SIZE;
  const comparison = order.direction === 'ASC' ? '>' : '<';
  const columns = [{ column: order.column, kind: order.kind }, ...(order.then ?? [])];
  if (page.cursor) {
    const parts = decodeCursorParts(page.cursor, [...columns.map((c) => c.kind), 'uuid']);
    const names = parts.map((_, i) => `keyset_${i}`);
    query.andWhere(
      `(${[...columns.map((c) => c.column), order.idColumn].join(', ')}) ${comparison} (${names.map((n) => `:${n}`).join(', ')})`,
      Object.fromEntries(names.map((n, i) => [n, parts[i]])),
    );
  }
  // Expressions, not `alias.column` (TypeORM would take that for the entity's own column), read
  // back beside the entity's id as TypeORM names it in raw rows (`alias_id`).
  query.orderBy(order.column, order.direction);
  columns.forEach((c, i) => {
    query.addSelect(`CAST(${c.column} AS text)`, `keyset_value_${i}`);
    if (i > 0) query.addOrderBy(c.column, order.direction);
  });
  const { entities, raw } = await query
    .addOrderBy(order.idColumn, order.direction)
    .limit(limit + 1)
    .getRawAndEntities<Record<string, string | null>>();
  const idKey = `${query.expressionMap.mainAlias!.name}_id`;
  const values = new Map(
    raw.map((r) => [r[idKey], columns.map((c, i) => cursorValue(c.kind, r[`keyset_value_${i}`]))]),
  );
  const { items, nextCursor } = pageOfRows(entities, limit, (entity) => [...(values.get(entity.id) ?? []), entity.id]);
  return { items, nextCursor };
}

function cursorValue(kind: KeysetKind, text: string | null): CursorPart {
  return kind === 'number' && text !== null ? Number(text) : text;
}

export function encodeCursor(parts: unknown[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** A cursor of a value of `kind` and the row's id. */
export function decodeCursor(cursor: string, kind: CursorKind): [string | number, string] {
  return decodeCursorParts(cursor, [kind, 'uuid']) as [string | number, string];
}

export type CursorPart = string | number | boolean | null;

/** What each part of a cursor must be; a tampered cursor is a 400 naming `cursor`, not a database error. */
export type CursorKind = 'timestamp' | 'date' | 'text' | 'boolean' | 'number' | 'uuid';

const DATE = '\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])';
const PART_CHECKS: Record<CursorKind, (part: unknown) => boolean> = {
  // As PostgreSQL writes a timestamptz as text (or as ISO 8601).
  timestamp: (p) =>
    typeof p === 'string' &&
    new RegExp(`^${DATE}[ T]([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,6})?(Z|[+-]\\d{2}(:?\\d{2})?)$`).test(p),
  date: (p) => typeof p === 'string' && new RegExp(`^${DATE}$`).test(p),
  text: (p) => typeof p === 'string' && p.length <= 500,
  boolean: (p) => typeof p === 'boolean',
  number: (p) => typeof p === 'number' && Number.isSafeInteger(p),
  uuid: (p) => typeof p === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(p),
};

/**
 * A cursor of one part per kind (the last is the row's id), for lists read with plain SQL that order
 * by more than one column; anything else is a 400 naming `cursor`.
 */
export function decodeCursorParts(cursor: string, kinds: CursorKind[]): CursorPart[] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(parts) &&
      parts.length === kinds.length &&
      kinds.every((kind, i) => PART_CHECKS[kind](parts[i]))
    ) {
      return parts as CursorPart[];
    }
  } catch {
    // falls through to the refusal below
  }
  throw DomainException.invalid([{ field: 'cursor', reason: 'matches' }]);
}

/**
 * The page of rows a plain-SQL list fetched with `LIMIT limit + 1` (see keysetPage), and the cursor
 * after its last row, made of the row's sort values ending with its id.
 */
export function pageOfRows<R>(rows: R[], limit: number, cursorOf: (row: R) => CursorPart[]): Page<R> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}
