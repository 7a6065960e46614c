import { DOMAIN_TERMS } from './domain-terms';

/** Cuts plain text into words (jieba's precise mode, no HMM for unknown words). */
export type Cut = (text: string) => string[];

let loading: Promise<Cut> | undefined;

/**
 * The process's one jieba, loaded on first use: its dictionary takes about 40 MB and half a second,
 * which an API process that never suggests anything should not pay. Only the fixed domain terms go
 * into it (a dictionary loaded into jieba is the whole process's); a township's own names are
 * matched by TermMatcher in its model instead.
 */
export function loadSegmenter(): Promise<Cut> {
  loading ??= (async () => {
    const { Jieba } = await import('@node-rs/jieba');
    const { dict } = await import('@node-rs/jieba/dict.js');
    const jieba = Jieba.withDict(dict);
    // A frequency well above common words, so the term wins over its parts.
    jieba.loadDict(Buffer.from(DOMAIN_TERMS.map((term) => `${term} 200000`).join('\n')));
    return (text: string) => jieba.cut(text, false);
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
