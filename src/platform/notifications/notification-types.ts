/**
 * A notification type's name: each feature registers its own, with their payloads and templates, in
 * a `<feature>.notifications.ts` (see notification-registry.ts).
 */
export type { NotificationType } from './notification-registry';

/** A person's channels; group robots (WeCom, DingTalk) are configured per alliance or department. */
export enum PersonalChannel {
  InApp = 'in_app',
  Email = 'email',
}

/**
 * Every external channel, each with its `ChannelSender`; the database's check constraint on
 * notification_deliveries.channel is built from this list.
 */
export enum DeliveryChannel {
  Email = 'email',
  WeCom = 'wecom',
  DingTalk = 'dingtalk',
  Sms = 'sms',
}

export enum DeliveryStatus {
  /** Queued; goes out at `notBefore`. */
  Pending = 'pending',
  Sent = 'sent',
  Failed = 'failed',
  /** Waiting for the recipient's daily digest. */
  AwaitingDigest = 'awaiting_digest',
  /** Went out inside a digest. */
  Digested = 'digested',
  /** Could not go out and never will as it stands (no mobile number, no template); `lastError` says why. */
  Skipped = 'skipped',
}

export enum RobotKind {
  WeCom = 'wecom',
  DingTalk = 'dingtalk',
}
