import { STOP_WORDS } from './domain-terms';
import type { Cut } from './segmenter';
import { normalizeText, type TermMatcher } from './term-matcher';

/** How many characters of a text are read; the rest adds little and costs time. */
export const MAX_TEXT_CHARS = 4000;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const DIGITS_ONLY = /^\p{N}+$/u;
const HAN_RUN = /\p{Script=Han}{2,}/gu;

/**
 * A text's features and their counts: its words (`w:` jieba's words and the township's whole terms,
 * without stop words, punctuation, emoji and bare numbers) and the pairs of adjacent Chinese
 * characters (`b:`), which still match when a word is cut differently or is unknown to the dictionary.
 */
export function textFeatures(text: string, cut: Cut, terms: TermMatcher): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const normalized = normalizeText(text.slice(0, MAX_TEXT_CHARS));
  for (const word of words(normalized, cut, terms)) add(`w:${word}`);
  for (const run of normalized.match(HAN_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i += 1) add(`b:${chars[i]}${chars[i + 1]}`);
  }
  return counts;
}

/** The words of a normalised text, in order. */
export function words(normalized: string, cut: Cut, terms: TermMatcher): string[] {
  const found: string[] = [];
  for (const piece of terms.split(normalized)) {
    if ('term' in piece) {
      found.push(piece.term);
      continue;
    }
    for (const token of cut(piece.text)) {
      if (!LETTER_OR_DIGIT.test(token)) continue;
      const word = token.replace(NOT_LETTER_OR_DIGIT, '');
      if (word.length === 0 || DIGITS_ONLY.test(word) || STOP_WORDS.has(word)) continue;
      found.push(word);
    }
  }
  return found;
}
