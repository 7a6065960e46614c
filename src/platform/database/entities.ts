import { AllianceMembership } from '../../modules/alliances/entities/alliance-membership.entity';
import { Alliance } from '../../modules/alliances/entities/alliance.entity';
import { Organization } from '../../modules/organizations/entities/organization.entity';
import { PartyOrganization } from '../../modules/organizations/entities/party-organization.entity';
import { TransferJob } from '../../modules/registry-transfer/entities/transfer-job.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { RefreshToken } from '../auth/entities/refresh-token.entity';
import { User } from '../auth/entities/user.entity';
import { GroupRobot } from '../notifications/entities/group-robot.entity';
import { NotificationDelivery } from '../notifications/entities/notification-delivery.entity';
import { NotificationEvent } from '../notifications/entities/notification-event.entity';
import { NotificationPreference } from '../notifications/entities/notification-preference.entity';
import { NotificationSettings } from '../notifications/entities/notification-settings.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { OutboxEvent } from '../outbox/outbox-event.entity';
import { Tenant } from '../tenancy/tenant.entity';

export const entities = [
  Tenant,
  User,
  RefreshToken,
  Organization,
  PartyOrganization,
  Alliance,
  AllianceMembership,
  TransferJob,
  AuditEntry,
  OutboxEvent,
  NotificationEvent,
  Notification,
  NotificationDelivery,
  NotificationPreference,
  NotificationSettings,
  GroupRobot,
];
