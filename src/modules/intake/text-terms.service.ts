import { Injectable } from '@nestjs/common';
import { MAX_TEXT_CHARS, words } from './text/features';
import { loadSegmenter } from './text/segmenter';
import { normalizeText, TermMatcher } from './text/term-matcher';

/** At most this many distinct terms of one text are searched for or stored. */
export const MAX_TERMS = 200;

const NO_TERMS = new TermMatcher([]);

/**
 * The intake segmenter for other modules' search (the knowledge base): a text's distinct words as
 * jieba cuts them, without punctuation, emoji, bare numbers and stop words, so a question and its
 * paraphrase share terms. The same cut stores and queries, so both sides agree.
 */
@Injectable()
export class TextTerms {
  async of(...texts: (string | null | undefined)[]): Promise<string[]> {
    const text = texts
      .filter(Boolean)
      .join('\n')
      .slice(0, MAX_TEXT_CHARS * 2);
    if (text.trim().length === 0) return [];
    const cut = await loadSegmenter();
    // A single character says little and matches too much: a term has two or more.
    const found = words(normalizeText(text), cut, NO_TERMS).filter((w) => [...w].length >= 2);
    return [...new Set(found)].slice(0, MAX_TERMS);
  }
}
