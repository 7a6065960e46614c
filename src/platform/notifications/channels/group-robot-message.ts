import { createHmac } from 'node:crypto';
import type { RenderedNotification } from '../notification-templates';

/** WeCom group robot, markdown message (企业微信群机器人, msgtype markdown). */
export function weComMessage(message: RenderedNotification, publicUrl: string): object {
  const link = message.link ? `\n[查看详情](${new URL(message.link, publicUrl).toString()})` : '';
  return { msgtype: 'markdown', markdown: { content: `**${message.title}**\n${message.body}${link}` } };
}

/** DingTalk custom robot, markdown message (钉钉自定义机器人). */
export function dingTalkMessage(message: RenderedNotification, publicUrl: string): object {
  const link = message.link ? `\n\n[查看详情](${new URL(message.link, publicUrl).toString()})` : '';
  return {
    msgtype: 'markdown',
    markdown: { title: message.title, text: `#### ${message.title}\n\n${message.body}${link}` },
  };
}

/**
 * DingTalk's signature for robots with 加签: base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)),
 * sent URL-encoded as `&timestamp=…&sign=…`; DingTalk refuses a timestamp more than an hour off.
 */
export function dingTalkSignedUrl(webhookUrl: string, secret: string, timestamp: number): string {
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  const url = new URL(webhookUrl);
  url.searchParams.set('timestamp', String(timestamp));
  url.searchParams.set('sign', sign);
  return url.toString();
}
