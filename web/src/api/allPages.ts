import type { Page } from './types';

/** The API's largest page (docs/api-contract.md, "Lists"). */
export const MAX_PAGE_SIZE = 100;

/**
 * Every item of a cursor-paginated list, following `nextCursor` page by page, for views that show a
 * whole set at once (a month of meetings, a board). Stops after `maxItems`, as the lists these views
 * read answered at most a few hundred items before they took a cursor.
 */
export async function allPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  maxItems = 500,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < maxItems);
  return items;
}
