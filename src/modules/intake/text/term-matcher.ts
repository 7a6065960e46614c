/** A piece of text: a whole term of the township's dictionary, or plain text for the segmenter. */
export type Piece = { term: string } | { text: string };

/**
 * Finds a township's own terms (category, enterprise and product names) in a text, longest first,
 * without touching the process-wide segmenter: one township's names never change how another's
 * text is cut, and a model is cut the same way in the worker that trained it and the API that uses it.
 */
export class TermMatcher {
  private readonly byFirst = new Map<string, string[]>();

  constructor(terms: Iterable<string>) {
    for (const raw of terms) {
      const term = normalizeText(raw).trim();
      // One or two characters match inside too many unrelated words to be worth a whole token.
      if ([...term].length < 3) continue;
      const first = term[0];
      const list = this.byFirst.get(first) ?? [];
      if (!list.includes(term)) list.push(term);
      this.byFirst.set(first, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  get size(): number {
    let n = 0;
    for (const list of this.byFirst.values()) n += list.length;
    return n;
  }

  /** `text` as normalised by normalizeText. */
  split(text: string): Piece[] {
    const pieces: Piece[] = [];
    let plainStart = 0;
    let i = 0;
    while (i < text.length) {
      const candidates = this.byFirst.get(text[i]);
      const hit = candidates?.find((term) => text.startsWith(term, i));
      if (hit) {
        if (i > plainStart) pieces.push({ text: text.slice(plainStart, i) });
        pieces.push({ term: hit });
        i += hit.length;
        plainStart = i;
      } else i += 1;
    }
    if (plainStart < text.length) pieces.push({ text: text.slice(plainStart) });
    return pieces;
  }
}

/** Full-width to half-width, one case, one form of each character. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
