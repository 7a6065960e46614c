import type { NotificationDelivery } from '../entities/notification-delivery.entity';
import type { DeliveryChannel, NotificationType } from '../notification-types';

/** What a delivery carries: its event (sealed payload fields opened) and, for a personal channel, the person. */
export interface DeliveryContext {
  type: NotificationType;
  payload: Record<string, unknown>;
  person: Person | null;
}

/** A person as the fan-out and the senders see them. */
export interface Person {
  id: string;
  email: string | null;
  mobile: string | null;
  locale: string;
}

/** What became of one send; a thrown error is a failure BullMQ retries. */
export type SendResult = { status: 'sent'; providerMessageId?: string } | { status: 'skipped'; reason: string };

/** Sends to one person per delivery, on a channel each person turns on per event type. */
export interface PersonalChannelSpec {
  /** The column of notification_preferences that turns the channel on for a type. */
  preference: 'email' | 'sms';
  /** Whether the channel is on for a type the person never chose for. */
  defaultOn: boolean;
  /** The person's address on this channel, null when they have none. */
  address(person: Person): string | null;
  /** Without an address: leave the person out ('omit') or record a skipped delivery whose reason officials see ('skip'). */
  withoutAddress: 'omit' | 'skip';
  /** Whether a person's daily digest may hold deliveries back. */
  digest: boolean;
}

/**
 * One external channel. Adding a channel: a class implementing this (one file), its key in
 * `DeliveryChannel` and the class in `CHANNEL_SENDER_CLASSES` (its registration), and, for a personal
 * channel, its preference column (a migration).
 */
export interface ChannelSender {
  readonly channel: DeliveryChannel;
  /** Set for a channel to people; unset for a group robot kind (one delivery per robot of that kind). */
  readonly personal?: PersonalChannelSpec;
  /** Whether the township (null: the platform) can send on this channel at all; checked at fan-out. */
  available(tenantId: string | null): Promise<boolean>;
  send(delivery: NotificationDelivery, context: DeliveryContext): Promise<SendResult>;
}

/** The Nest token of the list of every sender. */
export const CHANNEL_SENDERS = Symbol('CHANNEL_SENDERS');
