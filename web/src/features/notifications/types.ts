import type { TFunction } from 'i18next';
import type { components } from '../../api/schema';

export type NotificationType = components['schemas']['NotificationView']['type'];
export type DeliveryChannel = components['schemas']['DeliveryView']['channel'];
export type DeliveryStatus = components['schemas']['DeliveryView']['status'];
export type RobotKind = components['schemas']['RobotView']['kind'];

/**
 * Every notification type the server sends (src/platform/notifications/notification-types.ts), in
 * the order the UI offers them as filters. Each has a name in both i18n files under
 * `notificationTypes`; test/integration/notification-type-names.test.ts fails when one is missing.
 */
export const NOTIFICATION_TYPES = [
  'registry.import-finished',
  'registry.export-finished',
  'registry.member-joined',
  'registry.member-left',
  'service-request.assigned',
  'service-request.updated',
  'service-request.comment',
  'service-request.sla-warning',
  'service-request.escalated',
  'service-request.chased',
  'service-request.follow-up',
  'meeting.invited',
  'meeting.changed',
  'meeting.cancelled',
  'meeting.reminder',
  'action-item.assigned',
  'action-item.overdue',
  'think-tank.report-submitted',
  'think-tank.review-invited',
  'think-tank.review-responded',
  'think-tank.review-reminder',
  'think-tank.review-submitted',
  'think-tank.report-decided',
  'venue-booking.requested',
  'venue-booking.decided',
  'pairing.visit-overdue',
  'listing.interest',
  'listing.message',
  'project-call.published',
  'project-call.deadline',
  'project-application.updated',
  'typical-case.nominated',
  'typical-case.reviewed',
  'indicator.round-opened',
  'indicator.reminder',
  'backup.stale',
  'user.invited',
  'notifications.robot-test',
] as const satisfies readonly NotificationType[];

/**
 * What a group robot may post to a chat: the registry's and the service requests' events.
 * Invitations carry a personal sign-up link and robot tests go to one robot directly, so neither
 * is offered.
 */
export const ROBOT_TYPES: readonly NotificationType[] = NOTIFICATION_TYPES.filter(
  (type) => type.startsWith('registry.') || type.startsWith('service-request.'),
);

export const ROBOT_KINDS = ['wecom', 'dingtalk'] as const satisfies readonly RobotKind[];
export const DELIVERY_CHANNELS = ['email', 'wecom', 'dingtalk', 'sms'] as const satisfies readonly DeliveryChannel[];
export const DELIVERY_STATUSES = [
  'failed',
  'pending',
  'sent',
  'awaiting_digest',
  'digested',
  'skipped',
] as const satisfies readonly DeliveryStatus[];

/** i18n keys mirror the dotted type names: `notificationTypes.registry.import-finished`. */
export function typeLabel(t: TFunction, type: NotificationType): string {
  const key: string = `notificationTypes.${type}`;
  return t(key, { defaultValue: type });
}

export function typeOptions(t: TFunction, types: readonly NotificationType[] = NOTIFICATION_TYPES) {
  return types.map((type) => ({ value: type, label: typeLabel(t, type) }));
}
