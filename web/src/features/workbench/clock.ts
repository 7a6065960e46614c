import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
// dayjs's time-zone plugins are loaded there.
import '../../lib/dates';
import type { WorkbenchItem } from './api';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span in its largest whole unit: 3 天, 5 小时, 20 分钟. */
export function duration(t: TFunction, ms: number): string {
  const span = Math.abs(ms);
  if (span >= DAY) return t('workbench.duration.days', { count: Math.floor(span / DAY) });
  if (span >= HOUR) return t('workbench.duration.hours', { count: Math.floor(span / HOUR) });
  return t('workbench.duration.minutes', { count: Math.max(1, Math.floor(span / MINUTE)) });
}

/** Days between two calendar days (YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY);
}

export interface Clock {
  text: string;
  tone: 'overdue' | 'soon' | 'normal';
}

/**
 * An item's clock relative to when the workbench was read: 剩余 3 小时 / 已超时 2 天 for a due time,
 * 还有 3 天 / 今天截止 / 逾期 2 天 for a due day; a meeting shows when it starts.
 */
export function clockOf(t: TFunction, item: WorkbenchItem, now: string, timeZone: string): Clock | null {
  const at = Date.parse(now);
  if (item.kind === 'meeting' && item.dueAt) {
    const starts = Date.parse(item.dueAt);
    if (starts <= at) return { text: t('workbench.clock.underWay'), tone: 'soon' };
    return {
      text: t('workbench.clock.startsIn', { duration: duration(t, starts - at) }),
      tone: starts - at < DAY ? 'soon' : 'normal',
    };
  }
  if (item.dueAt) {
    const left = Date.parse(item.dueAt) - at;
    if (item.overdue || left < 0)
      return { text: t('workbench.clock.overdue', { duration: duration(t, left) }), tone: 'overdue' };
    return { text: t('workbench.clock.left', { duration: duration(t, left) }), tone: left < DAY ? 'soon' : 'normal' };
  }
  if (item.dueOn) {
    const today = dayjs(now).tz(timeZone).format('YYYY-MM-DD');
    const days = daysBetween(today, item.dueOn);
    if (days < 0) return { text: t('workbench.clock.daysOverdue', { count: -days }), tone: 'overdue' };
    if (days === 0) return { text: t('workbench.clock.dueToday'), tone: 'soon' };
    return { text: t('workbench.clock.daysLeft', { count: days }), tone: days <= 2 ? 'soon' : 'normal' };
  }
  if (item.since) {
    return {
      text: t('workbench.clock.waiting', { duration: duration(t, at - Date.parse(item.since)) }),
      tone: 'normal',
    };
  }
  return null;
}
