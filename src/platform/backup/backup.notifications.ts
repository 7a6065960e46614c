import { dateTimeFormat } from '../clock/date-format';
import { defineNotificationTypes } from '../notifications/notification-registry';
import { s } from '../notifications/templates/template';

export enum BackupNotification {
  /** To platform admins (who belong to no township): the last good backup is older than 26 hours. */
  BackupStale = 'backup.stale',
}

declare module '../notifications/notification-registry' {
  interface NotificationPayloads {
    /** lastGoodAt: ISO 8601, null before the first good backup. */
    [BackupNotification.BackupStale]: { lastGoodAt: string | null; lastFailure: string | null };
  }
}

const when = (p: { lastGoodAt: string | null }, language: 'zh-CN' | 'en') =>
  p.lastGoodAt
    ? dateTimeFormat(language === 'zh-CN' ? 'zh-CN' : 'en-GB', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(s(p.lastGoodAt)))
    : null;

/** What platform admins are told about backups. */
defineNotificationTypes(BackupNotification, {
  [BackupNotification.BackupStale]: (p) => ({
    'zh-CN': {
      title: '备份已超过 26 小时未成功',
      body: `${when(p, 'zh-CN') ? `最近一次成功的备份在 ${when(p, 'zh-CN')}（北京时间）` : '尚无成功的备份'}。${p.lastFailure ? `最近一次失败原因：${s(p.lastFailure)}。` : ''}请检查后台任务（worker）和备份配置。`,
    },
    en: {
      title: 'No good backup for over 26 hours',
      body: `${when(p, 'en') ? `The last good backup was taken at ${when(p, 'en')} (Beijing time)` : 'No backup has succeeded yet'}.${p.lastFailure ? ` The last failure: ${s(p.lastFailure)}.` : ''} Please check the worker and the backup configuration.`,
    },
    link: '/backups',
  }),
});
