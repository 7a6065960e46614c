import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as nodemailer from 'nodemailer';
import { Clock } from '../../clock/clock';
import type { Environment } from '../../config/environment';
import type { RenderedNotification } from '../notification-templates';
import type { MailServer } from '../notification-settings.service';
import { SecretBox } from '../secret-box';
import { dingTalkMessage, dingTalkSignedUrl, weComMessage } from './group-robot-message';

const TIMEOUT_MS = 10_000;

export interface RobotTarget {
  webhookUrlEncrypted: string;
  secretEncrypted: string | null;
}

/** Sends one message on one channel; throws with a readable reason when the other side refuses. */
@Injectable()
export class ChannelSenders {
  constructor(
    private readonly box: SecretBox,
    private readonly clock: Clock,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  private get publicUrl(): string {
    return this.config.get('PUBLIC_URL', { infer: true });
  }

  async email(server: MailServer, to: string, message: RenderedNotification, messageId: string): Promise<void> {
    const password = server.password ?? (server.passwordEncrypted ? this.box.open(server.passwordEncrypted) : null);
    const transport = nodemailer.createTransport({
      host: server.host,
      port: server.port,
      secure: server.secure,
      auth: server.username ? { user: server.username, pass: password ?? '' } : undefined,
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
    });
    try {
      const link = message.link ? new URL(message.link, this.publicUrl).toString() : null;
      await transport.sendMail({
        from: server.from,
        to,
        subject: message.title,
        text: link ? `${message.body}\n\n${link}` : message.body,
        html: `<p>${escapeHtml(message.body)}</p>${link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : ''}`,
        // A stable id lets a mail server drop a copy a retry may have sent.
        messageId: `<${messageId}@lianmeng>`,
      });
    } finally {
      transport.close();
    }
  }

  async weCom(robot: RobotTarget, message: RenderedNotification): Promise<void> {
    await this.post(this.box.open(robot.webhookUrlEncrypted), weComMessage(message, this.publicUrl));
  }

  async dingTalk(robot: RobotTarget, message: RenderedNotification): Promise<void> {
    const url = this.box.open(robot.webhookUrlEncrypted);
    const signed = robot.secretEncrypted ? dingTalkSignedUrl(url, this.box.open(robot.secretEncrypted), this.clock.now().getTime()) : url;
    await this.post(signed, dingTalkMessage(message, this.publicUrl));
  }

  /** Both robots answer 200 with `{ errcode, errmsg }`; errcode 0 is success. */
  private async post(url: string, body: object): Promise<void> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
    const result = safeJson(text) as { errcode?: number; errmsg?: string } | null;
    if (result && typeof result.errcode === 'number' && result.errcode !== 0) {
      throw new Error(`errcode ${result.errcode}: ${result.errmsg ?? ''}`);
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
