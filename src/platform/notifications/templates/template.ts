import type { Language } from '../../errors/localized-messages';

export type Payload = Record<string, unknown>;

/** A message in both languages from an event's payload, and where in the web app it leads. */
export type Template = (p: Payload) => Record<Language, { title: string; body: string }> & { link?: string };

/** A payload value as text; missing values read as nothing rather than "undefined". */
export const s = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/**
 * At most `max` characters, ending in … when cut. Counts code points, as PostgreSQL's varchar does,
 * and never splits a surrogate pair (half of one cannot be stored).
 */
export function clip(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}

/** A file name short enough for a title: its beginning and its extension, 成员名单成员名….csv. */
export function shortFileName(value: unknown, max = 60): string {
  const name = s(value);
  const extension = /\.[^.\s]{1,10}$/.exec(name)?.[0] ?? '';
  if (Array.from(name).length <= max) return name;
  return `${clip(name.slice(0, name.length - extension.length), max - Array.from(extension).length)}${extension}`;
}
