import { Global, Module } from '@nestjs/common';
import { ChannelRegistry } from './channels/channel-registry';
import { channelProviders } from './channels/channel-senders.provider';
import { EmailSender } from './channels/email.sender';
import { VerificationCodeSms } from './channels/sms/verification-code.sms';
import { DeliveriesController } from './deliveries.controller';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { NotificationFeed } from './live/notification-feed';
import { streamTicketStoreProvider } from './live/stream-ticket-store';
import { StreamTickets } from './live/stream-tickets';
import { NotificationSettingsAdmin } from './notification-settings-admin.service';
import { NotificationSettingsController } from './notification-settings.controller';
import { NotificationSettingsReader } from './notification-settings.service';
import { NotificationsRepository } from './notifications.repository';
import { Notifier } from './notifier.service';
import { PreferencesController } from './preferences.controller';
import { secretBoxProvider } from './secrets.provider';

/** `Notifier` for every feature, plus (in the API) the inbox, preferences and settings routes. */
@Global()
@Module({
  providers: [
    Notifier,
    NotificationSettingsReader,
    NotificationsRepository,
    secretBoxProvider,
    ...channelProviders,
    VerificationCodeSms,
  ],
  exports: [
    Notifier,
    NotificationSettingsReader,
    NotificationsRepository,
    secretBoxProvider,
    ChannelRegistry,
    EmailSender,
    VerificationCodeSms,
  ],
})
export class NotifierModule {}

@Module({
  imports: [NotifierModule],
  controllers: [InboxController, PreferencesController, NotificationSettingsController, DeliveriesController],
  providers: [InboxService, NotificationFeed, StreamTickets, streamTicketStoreProvider, NotificationSettingsAdmin],
})
export class NotificationsApiModule {}
