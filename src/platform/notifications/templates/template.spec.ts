import { NotificationType } from '../notification-types';
import { MAX_TITLE_LENGTH, renderNotification } from '../notification-templates';
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

describe('renderNotification', () => {
  it('never renders a title longer than notifications.title holds', () => {
    const payload = {
      status: 'succeeded',
      fileName: `${'很长的文件名'.repeat(60)}.csv`,
      allianceName: '联盟',
      accepted: 1,
      refused: 0,
    };
    for (const language of ['zh-CN', 'en'] as const) {
      const { title } = renderNotification(NotificationType.ImportFinished, payload, language);
      expect(Array.from(title).length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
      expect(title.endsWith('….csv')).toBe(true);
    }
    const member = renderNotification(
      NotificationType.MemberJoined,
      { organizationName: '企'.repeat(300), allianceName: '联盟', role: 'member' },
      'zh-CN',
    );
    expect(Array.from(member.title)).toHaveLength(MAX_TITLE_LENGTH);
  });
});
