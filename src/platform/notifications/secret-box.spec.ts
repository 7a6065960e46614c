import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('test key of the deployment');

  it('round-trips and never stores the plain text', () => {
    const sealed = box.seal('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc');
    expect(sealed).not.toContain('qyapi');
    expect(box.open(sealed)).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a tampered secret or another key', () => {
    const sealed = box.seal('secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => new SecretBox('another key').open(sealed)).toThrow();
  });
});
