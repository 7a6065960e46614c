import { canonicalQuery, percentEncode, rpcSignature, rpcTimestamp, stringToSign } from './aliyun-signature';

// The worked example of Alibaba Cloud SMS's signature documentation (短信服务 签名机制).
const DOCUMENTED = {
  AccessKeyId: 'testId',
  Action: 'SendSms',
  Format: 'XML',
  OutId: '123',
  PhoneNumbers: '15300000001',
  RegionId: 'cn-hangzhou',
  SignName: '阿里云短信测试专用',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
  SignatureVersion: '1.0',
  TemplateCode: 'SMS_71390007',
  TemplateParam: '{"customer":"test"}',
  Timestamp: '2017-07-12T02:42:19Z',
  Version: '2017-05-25',
};

describe('Alibaba Cloud RPC signature', () => {
  it('percent-encodes as RFC 3986: space %20, star %2A, tilde kept', () => {
    expect(percentEncode("a b*c~d+e/f!'()")).toBe('a%20b%2Ac~d%2Be%2Ff%21%27%28%29');
    expect(percentEncode('短')).toBe('%E7%9F%AD');
  });

  it('signs the documented example as the documentation does', () => {
    expect(canonicalQuery(DOCUMENTED)).toMatch(
      /^AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001&RegionId=cn-hangzhou&SignName=%E9%98%BF/,
    );
    expect(stringToSign('GET', DOCUMENTED)).toContain(
      'TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z',
    );
    expect(rpcSignature('GET', DOCUMENTED, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('depends on the method, every parameter and the secret', () => {
    const base = rpcSignature('POST', DOCUMENTED, 'testSecret');
    expect(rpcSignature('GET', DOCUMENTED, 'testSecret')).not.toBe(base);
    expect(rpcSignature('POST', { ...DOCUMENTED, PhoneNumbers: '15300000002' }, 'testSecret')).not.toBe(base);
    expect(rpcSignature('POST', DOCUMENTED, 'otherSecret')).not.toBe(base);
  });

  it('writes the timestamp in UTC without milliseconds', () => {
    expect(rpcTimestamp(new Date('2026-11-25T02:00:00.123+08:00'))).toBe('2026-11-24T18:00:00Z');
  });
});
