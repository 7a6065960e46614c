/** Escapes LIKE's wildcards (and its escape character) so that a search term matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
