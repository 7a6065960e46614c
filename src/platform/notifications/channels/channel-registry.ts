import { Inject, Injectable } from '@nestjs/common';
import { DeliveryChannel } from '../notification-types';
import { CHANNEL_SENDERS, ChannelSender } from './channel-sender';

/** The senders by channel key; refuses to start when a channel has no sender or two. */
@Injectable()
export class ChannelRegistry {
  private readonly byChannel = new Map<string, ChannelSender>();

  constructor(@Inject(CHANNEL_SENDERS) senders: ChannelSender[]) {
    for (const sender of senders) {
      if (this.byChannel.has(sender.channel)) throw new Error(`Two senders for the channel ${sender.channel}`);
      this.byChannel.set(sender.channel, sender);
    }
    const missing = Object.values(DeliveryChannel).filter((channel) => !this.byChannel.has(channel));
    if (missing.length) throw new Error(`No sender for the channel(s) ${missing.join(', ')}`);
  }

  get(channel: string): ChannelSender {
    const sender = this.byChannel.get(channel);
    if (!sender) throw new Error(`No sender for the channel ${channel}`);
    return sender;
  }

  personal(): ChannelSender[] {
    return [...this.byChannel.values()].filter((sender) => sender.personal);
  }
}
