import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainException } from '../errors/domain.exception';
import type { Page } from './page.dto';

export interface KeysetOrder {
  /** Qualified column, e.g. `o.name`; the row's id breaks ties. */
  column: string;
  /** Reads the column's value from a row, for the next cursor. */
  value: (row: any) => string | number | Date | null;
  direction: 'ASC' | 'DESC';
  idColumn: string;
}

export const DEFAULT_PAGE_SIZE = 20;

/** Keyset pagination: `WHERE (column, id) > (:after, :afterId)`; no OFFSET, stable under inserts. */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  order: KeysetOrder,
  page: { limit?: number; cursor?: string },
): Promise<Page<T>> {
  const limit = page.limit ?? DEFAULT_PAGE_SIZE;
  const comparison = order.direction === 'ASC' ? '>' : '<';
  if (page.cursor) {
    const [after, afterId] = decodeCursor(page.cursor);
    query.andWhere(`(${order.column}, ${order.idColumn}) ${comparison} (:after, :afterId)`, { after, afterId });
  }
  const rows = await query
    .orderBy(order.column, order.direction)
    .addOrderBy(order.idColumn, order.direction)
    .limit(limit + 1)
    .getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor([serialize(order.value(last)), last.id]) : null;
  return { items, nextCursor };
}

function serialize(value: string | number | Date | null): string | number | null {
  return value instanceof Date ? value.toISOString() : value;
}

export function encodeCursor(parts: unknown[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string): [string | number | null, string] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.length === 2 && typeof parts[1] === 'string' && /^[0-9a-f-]{36}$/i.test(parts[1])) {
      return parts as [string | number | null, string];
    }
  } catch {
    // falls through to the refusal below
  }
  throw DomainException.invalid([{ field: 'cursor', reason: 'matches' }]);
}
