import { textFeatures, words } from './features';
import { loadSegmenter, type Cut } from './segmenter';
import { normalizeText, TermMatcher } from './term-matcher';

describe('intake text features', () => {
  let cut: Cut;
  beforeAll(async () => {
    cut = await loadSegmenter();
  });
  const none = new TermMatcher([]);

  it('keeps the domain terms whole and drops stop words, punctuation, emoji and bare numbers', () => {
    const found = words(normalizeText('请问专精特新企业的技改补贴怎么申请？😀🎉 2024年！！'), cut, none);
    expect(found).toEqual(expect.arrayContaining(['专精特新', '技改', '补贴', '申请']));
    expect(found).not.toEqual(expect.arrayContaining(['的']));
    expect(found.some((w) => /[？！😀🎉]/u.test(w))).toBe(false);
    expect(found).not.toContain('2024');
    expect(found).not.toContain('请问');
  });

  it("matches the township's own names as whole words, longest first", () => {
    const terms = new TermMatcher(['晋工机械', '晋工机械装载机', '兴翼']);
    expect(words(normalizeText('晋工机械装载机出口报关'), cut, terms)).toEqual(['晋工机械装载机', '出口', '报关']);
    // Two characters are too short to be a term of their own.
    expect(terms.size).toBe(2);
  });

  it('adds pairs of adjacent Chinese characters beside the words, counted', () => {
    const features = textFeatures('用地用地', cut, none);
    expect(features.get('w:用地')).toBe(2);
    expect(features.get('b:用地')).toBe(2);
    expect(features.get('b:地用')).toBe(1);
  });

  it('gives nothing for empty text, emoji alone or punctuation alone', () => {
    expect(textFeatures('', cut, none).size).toBe(0);
    expect(textFeatures('😀😀🎉👍🏻', cut, none).size).toBe(0);
    expect(textFeatures('，。！？…… ---', cut, none).size).toBe(0);
  });

  it('reads full-width letters as half-width ones', () => {
    expect(words(normalizeText('ＩＳＯ认证'), cut, none)).toContain('iso');
  });

  it('reads only the first few thousand characters of a very long text', () => {
    const started = process.hrtime.bigint();
    const features = textFeatures('技改补贴'.repeat(2500), cut, none);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(500);
    expect(features.get('w:技改')).toBe(1000);
  });
});
