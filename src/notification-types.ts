/**
 * Every feature's notification types, then the registry sealed: what needs every type (validating
 * the types sent to the API, the API document, adding them to the database's notification_types)
 * reads it only after this file loaded. A new feature with notifications adds its enum here, under
 * its folder (as module-tables.spec.ts names owners), as it adds its module to the API and the
 * worker; a new type needs no migration (migration:run and the start-up add it to
 * notification_types). The order is the one people see (the preferences page, the API document's enum).
 */
import { RegistryTransferNotification } from './modules/registry-transfer/registry-transfer.notifications';
import { AllianceNotification } from './modules/alliances/alliances.notifications';
import { UserNotification } from './modules/users/users.notifications';
import { PlatformNotification } from './platform/notifications/platform.notifications';
import { ServiceRequestNotification } from './modules/service-requests/service-requests.notifications';
import { MeetingNotification } from './modules/meetings/meetings.notifications';
import { ActionItemNotification } from './modules/action-items/action-items.notifications';
import { ThinkTankNotification } from './modules/think-tank/think-tank.notifications';
import { VenueNotification } from './modules/venues/venues.notifications';
import { PairingNotification } from './modules/pairing/pairing.notifications';
import { ListingNotification } from './modules/resource-sharing/resource-sharing.notifications';
import { ProjectCallNotification } from './modules/project-calls/project-calls.notifications';
import { TypicalCaseNotification } from './modules/typical-cases/typical-cases.notifications';
import { IndicatorNotification } from './modules/indicators/indicators.notifications';
import { BackupNotification } from './platform/backup/backup.notifications';
import { sealNotificationRegistry } from './platform/notifications/notification-registry';

sealNotificationRegistry({
  'modules/registry-transfer': RegistryTransferNotification,
  'modules/alliances': AllianceNotification,
  'modules/users': UserNotification,
  'platform/notifications': PlatformNotification,
  'modules/service-requests': ServiceRequestNotification,
  'modules/meetings': MeetingNotification,
  'modules/action-items': ActionItemNotification,
  'modules/think-tank': ThinkTankNotification,
  'modules/venues': VenueNotification,
  'modules/pairing': PairingNotification,
  'modules/resource-sharing': ListingNotification,
  'modules/project-calls': ProjectCallNotification,
  'modules/typical-cases': TypicalCaseNotification,
  'modules/indicators': IndicatorNotification,
  'platform/backup': BackupNotification,
});
