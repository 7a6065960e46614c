import { createHmac } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SmsRequest {
  params: Record<string, string>;
  /** Whether Signature is the HMAC-SHA1 Alibaba computes over the other parameters. */
  signatureValid: boolean;
}

/**
 * Stands in for Alibaba Cloud SMS's SendSms (RPC style, form-encoded POST): verifies the signature
 * with its own encoder, refuses a stale timestamp or a reused nonce as Alibaba does, records what
 * it accepted and answers like Alibaba; can refuse the next N calls with a provider error.
 */
export class SmsServer {
  readonly requests: SmsRequest[] = [];
  private readonly nonces = new Set<string>();
  private failuresLeft = 0;
  private server?: Server;
  now: () => number = () => Date.now();
  /** How long the stand-in takes to answer, as a slow provider would. */
  delayMs = 0;

  constructor(private readonly keys: Record<string, string>) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void readBody(req).then(async (raw) => {
        if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
        const params = Object.fromEntries(new URLSearchParams(raw));
        const answer = (status: number, body: object) =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        const { Signature: signature, ...signed } = params;
        const secret = this.keys[signed.AccessKeyId];
        if (!secret)
          return answer(404, { Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.' });
        const request = { params, signatureValid: signature === sign(req.method ?? 'POST', signed, secret) };
        if (!request.signatureValid || signed.SignatureMethod !== 'HMAC-SHA1' || signed.SignatureVersion !== '1.0') {
          return answer(400, {
            Code: 'SignatureDoesNotMatch',
            Message: 'Specified signature is not matched with our calculation.',
          });
        }
        if (Math.abs(this.now() - Date.parse(signed.Timestamp)) > 15 * 60_000 || !/Z$/.test(signed.Timestamp)) {
          return answer(400, {
            Code: 'InvalidTimeStamp.Expired',
            Message: 'Specified time stamp or date value is expired.',
          });
        }
        if (this.nonces.has(signed.SignatureNonce))
          return answer(400, { Code: 'SignatureNonceUsed', Message: 'Specified signature nonce was used already.' });
        this.nonces.add(signed.SignatureNonce);
        if (signed.Action !== 'SendSms' || signed.Version !== '2017-05-25')
          return answer(400, { Code: 'InvalidAction', Message: signed.Action });
        if (this.failuresLeft > 0) {
          this.failuresLeft--;
          return answer(200, {
            Code: 'isv.BUSINESS_LIMIT_CONTROL',
            Message: '触发分钟级流控Permits:1',
            RequestId: `r${this.nonces.size}`,
          });
        }
        this.requests.push(request);
        answer(200, {
          Code: 'OK',
          Message: 'OK',
          BizId: `biz-${this.requests.length}`,
          RequestId: `r${this.nonces.size}`,
        });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  failNext(count: number): void {
    this.failuresLeft = count;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** RFC 3986 byte by byte: only A-Z a-z 0-9 - _ . ~ stay; written apart from the product's encoder on purpose. */
function encode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function sign(method: string, params: Record<string, string>, secret: string): string {
  const query = Object.entries(params)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .join('&');
  return createHmac('sha1', `${secret}&`)
    .update(`${method}&${encode('/')}&${encode(query)}`)
    .digest('base64');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
  });
}
