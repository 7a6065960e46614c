import { clip, shortFileName } from './template';

describe('clip', () => {
  it('keeps text that fits and cuts longer text to the limit, ending in …', () => {
    expect(clip('短标题', 5)).toBe('短标题');
    expect(clip('一二三四五六', 5)).toBe('一二三四…');
    expect(Array.from(clip('x'.repeat(300), 200))).toHaveLength(200);
  });

  it('counts a character outside the BMP once and never splits it', () => {
    const cut = clip('😀'.repeat(10), 4);
    expect(cut).toBe('😀😀😀…');
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('shortFileName', () => {
  it('keeps a short name whole and keeps the extension of a long one', () => {
    expect(shortFileName('成员名单.xlsx')).toBe('成员名单.xlsx');
    const short = shortFileName(`${'成员名单'.repeat(30)}.csv`, 20);
    expect(short).toBe(`${'成员名单'.repeat(4).slice(0, 15)}….csv`);
    expect(Array.from(short)).toHaveLength(20);
    expect(shortFileName(null)).toBe('');
  });
});
