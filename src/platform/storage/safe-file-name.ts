/**
 * Characters a stored file name never keeps: the C0 controls (U+0000–U+001F) and DEL (U+007F),
 * which would break a Content-Disposition header or a terminal, and those Windows refuses in a name.
 */
const REFUSED_PUNCTUATION = '"<>|:*?';

function isKeptCharacter(character: string): boolean {
  const code = character.charCodeAt(0);
  return code > 0x1f && code !== 0x7f && !REFUSED_PUNCTUATION.includes(character);
}

/** Keeps only the last path segment and printable characters of a file name; `fallback` when nothing usable is left. */
export function safeFileName(name: string, fallback = 'attachment'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.split('').filter(isKeptCharacter).join('').trim().slice(0, 200);
  return clean && clean !== '.' && clean !== '..' ? clean : fallback;
}
