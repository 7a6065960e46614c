import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../../clock/clock';
import { canonicalQuery, rpcSignature, rpcTimestamp } from './aliyun-signature';
import type { SmsAccount, SmsMessage, SmsProvider } from './sms-provider';

const TIMEOUT_MS = 10_000;
export const ALIYUN_SMS_ENDPOINT = 'https://dysmsapi.aliyuncs.com/';

/** Alibaba Cloud SMS (阿里云短信服务) SendSms, API version 2017-05-25, over its RPC-style HTTP API. */
@Injectable()
export class AliyunSmsProvider implements SmsProvider {
  constructor(private readonly clock: Clock) {}

  async send(account: SmsAccount, message: SmsMessage): Promise<{ messageId: string }> {
    const params: Record<string, string> = {
      AccessKeyId: account.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      RegionId: 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1',
      // A fresh nonce per attempt: Alibaba refuses a nonce it saw in the last 15 minutes.
      SignatureNonce: randomUUID(),
      SignatureVersion: '1.0',
      Timestamp: rpcTimestamp(this.clock.now()),
      Version: '2017-05-25',
      PhoneNumbers: message.to,
      SignName: account.signName,
      TemplateCode: message.templateCode,
      TemplateParam: JSON.stringify(message.params),
      ...(message.outId ? { OutId: message.outId } : {}),
    };
    const body = `${canonicalQuery(params)}&Signature=${encodeURIComponent(rpcSignature('POST', params, account.accessKeySecret))}`;
    const response = await fetch(account.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    const result = safeJson(text) as { Code?: string; Message?: string; BizId?: string } | null;
    if (!response.ok || result?.Code !== 'OK') {
      throw new Error(`SMS ${result?.Code ?? `HTTP ${response.status}`}: ${(result?.Message ?? text).slice(0, 200)}`);
    }
    return { messageId: result.BizId ?? '' };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
