import type { TFunction } from 'i18next';
import type { components } from '../../api/schema';

export type NotificationType = components['schemas']['NotificationView']['type'];
export type DeliveryChannel = components['schemas']['DeliveryView']['channel'];
export type DeliveryStatus = components['schemas']['DeliveryView']['status'];
export type RobotKind = components['schemas']['RobotView']['kind'];

/**
 * The notification types the UI offers as filters, in this order. A type the API adds later
 * still shows (with its raw name until both i18n files label it).
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
  'user.invited',
  'notifications.robot-test',
] as const satisfies readonly NotificationType[];

/**
 * What a group robot may post to a chat. Invitations carry a personal sign-up link and robot
 * tests go to one robot directly, so neither is offered.
 */
export const ROBOT_TYPES: readonly NotificationType[] = NOTIFICATION_TYPES.filter(
  (type) => type !== 'user.invited' && type !== 'notifications.robot-test',
);

export const ROBOT_KINDS = ['wecom', 'dingtalk'] as const satisfies readonly RobotKind[];
export const DELIVERY_CHANNELS = ['email', 'wecom', 'dingtalk'] as const satisfies readonly DeliveryChannel[];
export const DELIVERY_STATUSES = ['failed', 'pending', 'sent', 'awaiting_digest', 'digested'] as const satisfies readonly DeliveryStatus[];

/** i18n keys mirror the dotted type names: `notificationTypes.registry.import-finished`. */
export function typeLabel(t: TFunction, type: NotificationType): string {
  const key: string = `notificationTypes.${type}`;
  return t(key, { defaultValue: type });
}

export function typeOptions(t: TFunction, types: readonly NotificationType[] = NOTIFICATION_TYPES) {
  return types.map((type) => ({ value: type, label: typeLabel(t, type) }));
}
