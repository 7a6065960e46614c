/** A payload value as text; missing values (an event stored before the field existed) read as nothing. */
export const s = (value: string | number | boolean | null | undefined) =>
  value === undefined || value === null ? '' : String(value);

/**
 * At most `max` characters, ending in … when cut. Counts code points, as PostgreSQL's varchar does,
 * and never splits a surrogate pair (half of one cannot be stored).
 */
export function clip(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}

/** A file name short enough for a title: its beginning and its extension, 成员名单成员名….csv. */
export function shortFileName(value: string | null | undefined, max = 60): string {
  const name = s(value);
  const extension = /\.[^.\s]{1,10}$/.exec(name)?.[0] ?? '';
  if (Array.from(name).length <= max) return name;
  return `${clip(name.slice(0, name.length - extension.length), max - Array.from(extension).length)}${extension}`;
}
