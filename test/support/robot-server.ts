import { createHmac } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The part of a WeCom or DingTalk robot message the tests read. */
export interface RobotMessage {
  msgtype?: string;
  markdown?: { title?: string; text?: string; content?: string };
  text?: { content?: string };
}

export interface RobotRequest {
  path: string;
  query: URLSearchParams;
  body: RobotMessage;
  /** For DingTalk robots with a secret: whether timestamp and sign are as DingTalk computes them. */
  signatureValid?: boolean;
}

/**
 * Stands in for the WeCom and DingTalk group-robot endpoints: answers like them
 * (`{ errcode: 0, errmsg: 'ok' }`), checks DingTalk's signature, and can fail the next N calls.
 */
export class RobotServer {
  readonly requests: RobotRequest[] = [];
  private failuresLeft = 0;
  private server?: Server;
  /** DingTalk refuses a timestamp an hour off its own clock; tests that move time move this too. */
  now: () => number = () => Date.now();

  constructor(private readonly dingTalkSecret?: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void readBody(req).then((raw) => {
        const url = new URL(req.url ?? '/', 'http://robot');
        const request: RobotRequest = {
          path: url.pathname,
          query: url.searchParams,
          body: JSON.parse(raw || '{}') as RobotMessage,
        };
        if (this.dingTalkSecret && url.pathname.includes('dingtalk')) {
          const timestamp = url.searchParams.get('timestamp') ?? '';
          const expected = createHmac('sha256', this.dingTalkSecret)
            .update(`${timestamp}\n${this.dingTalkSecret}`)
            .digest('base64');
          request.signatureValid =
            url.searchParams.get('sign') === expected && Math.abs(this.now() - Number(timestamp)) < 3600_000;
        }
        if (this.failuresLeft > 0) {
          this.failuresLeft--;
          res.writeHead(500, { 'content-type': 'application/json' }).end('{"errcode":-1,"errmsg":"system busy"}');
          return;
        }
        this.requests.push(request);
        const refused = request.signatureValid === false;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(refused ? { errcode: 310000, errmsg: 'sign not match' } : { errcode: 0, errmsg: 'ok' }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  failNext(count: number): void {
    this.failuresLeft = count;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
  });
}
