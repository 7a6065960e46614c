/**
 * Officials name a criterion, never key it: a criterion saved before keeps its key (reviews
 * score by key), a new one gets the next free `c1`, `c2`… that no other criterion uses.
 */
export function withGeneratedKeys<T extends { key?: string }>(criteria: T[]): (T & { key: string })[] {
  const taken = new Set(criteria.map((c) => c.key?.trim()).filter((key): key is string => !!key));
  let next = 1;
  return criteria.map((c) => {
    const key = c.key?.trim();
    if (key) return { ...c, key };
    while (taken.has(`c${next}`)) next += 1;
    const generated = `c${next}`;
    taken.add(generated);
    return { ...c, key: generated };
  });
}
