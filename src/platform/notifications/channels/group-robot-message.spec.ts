import { createHmac } from 'node:crypto';
import { dingTalkMessage, dingTalkSignedUrl, weComMessage } from './group-robot-message';

const message = { title: '鸿安机械加入联盟', body: '鸿安机械以成员企业身份加入。', link: '/alliances/a1' };

describe('group robot messages', () => {
  it('follows the WeCom markdown format', () => {
    expect(weComMessage(message, 'https://lianmeng.example.cn')).toEqual({
      msgtype: 'markdown',
      markdown: {
        content:
          '**鸿安机械加入联盟**\n鸿安机械以成员企业身份加入。\n[查看详情](https://lianmeng.example.cn/alliances/a1)',
      },
    });
  });

  it('follows the DingTalk markdown format', () => {
    expect(dingTalkMessage({ ...message, link: null }, 'https://x.cn')).toEqual({
      msgtype: 'markdown',
      markdown: { title: '鸿安机械加入联盟', text: '#### 鸿安机械加入联盟\n\n鸿安机械以成员企业身份加入。' },
    });
  });

  it('signs DingTalk requests as documented', () => {
    const url = new URL(
      dingTalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 'SEC123', 1700000000000),
    );
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe('1700000000000');
    const expected = createHmac('sha256', 'SEC123').update('1700000000000\nSEC123').digest('base64');
    expect(url.searchParams.get('sign')).toBe(expected);
  });
});
