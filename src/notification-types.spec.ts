import './notification-types';
import { AllianceNotification } from './modules/alliances/alliances.notifications';
import { RegistryTransferNotification } from './modules/registry-transfer/registry-transfer.notifications';
import {
  defineNotificationTypes,
  registeredNotificationTypes,
  sealNotificationRegistry,
  templateOf,
} from './platform/notifications/notification-registry';
import { MAX_TITLE_LENGTH, renderNotification } from './platform/notifications/notification-templates';

/**
 * The names stored in notification_events, notifications, notification_preferences and
 * group_robots (and in townships' SMS template mappings): each feature's notifications file must keep
 * them byte for byte, in the order the preferences page and the API document list them (as they were
 * when the platform listed them all). A new one is added here; notification_types gets it from the
 * code (no migration).
 */
const SHIPPED = [
  'registry.import-finished',
  'registry.export-finished',
  'registry.member-joined',
  'registry.member-left',
  'user.invited',
  'notifications.robot-test',
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
];

describe('the features’ notification types', () => {
  it('keep every shipped name, in the shipped order, and add none unseen', () => {
    expect(registeredNotificationTypes()).toEqual(SHIPPED);
  });

  it('each have a template in both languages', () => {
    for (const type of registeredNotificationTypes()) {
      expect(() => templateOf(type)).not.toThrow();
    }
  });

  it('refuse a type of no feature, and a type defined twice or after the list was sealed', () => {
    expect(() => templateOf('no-such.type')).toThrow(/has no template/);
    const joined = AllianceNotification.MemberJoined;
    expect(() => defineNotificationTypes({ Again: joined }, { [joined]: templateOf(joined) })).toThrow(/defined twice/);
    expect(() => sealNotificationRegistry({ 'modules/alliances': AllianceNotification })).toThrow(
      /not listed registry.import-finished/,
    );
  });
});

describe('renderNotification', () => {
  it('never renders a title longer than notifications.title holds', () => {
    const payload = {
      jobId: 'j',
      allianceId: 'a',
      status: 'succeeded',
      fileName: `${'很长的文件名'.repeat(60)}.csv`,
      allianceName: '联盟',
      error: null,
      accepted: 1,
      refused: 0,
    };
    for (const language of ['zh-CN', 'en'] as const) {
      const { title } = renderNotification(RegistryTransferNotification.ImportFinished, payload, language);
      expect(Array.from(title).length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
      expect(title.endsWith('….csv')).toBe(true);
    }
    const member = renderNotification(
      AllianceNotification.MemberJoined,
      { allianceId: 'a', organizationName: '企'.repeat(300), allianceName: '联盟', role: 'member' },
      'zh-CN',
    );
    expect(Array.from(member.title)).toHaveLength(MAX_TITLE_LENGTH);
  });
});
