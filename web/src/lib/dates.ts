import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

/** Formats an ISO timestamp in Asia/Shanghai, e.g. 2024-03-01 14:05. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  return dayjs(value).tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD HH:mm');
}

/** The Asia/Shanghai day of an ISO timestamp, e.g. 2024-03-01. */
export function formatDayOf(value: string | null | undefined): string {
  if (!value) return '—';
  return dayjs(value).tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD');
}

/** Month, day and time in Asia/Shanghai, e.g. 03-01 14:05 (for lists within one year). */
export function formatDayTime(value: string | null | undefined): string {
  if (!value) return '—';
  return dayjs(value).tz(DISPLAY_TIME_ZONE).format('MM-DD HH:mm');
}

/** The Asia/Shanghai time of day of an ISO timestamp, e.g. 14:05. */
export function formatTimeOf(value: string | null | undefined): string {
  if (!value) return '—';
  return dayjs(value).tz(DISPLAY_TIME_ZONE).format('HH:mm');
}

/**
 * The instant a date-time picker's value means: pickers show the browser's clock, but a venue, a
 * meeting or a deadline is in the township, so the day and time picked are read as Asia/Shanghai.
 */
export function instantInTownship(value: Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DD HH:mm'), DISPLAY_TIME_ZONE).toISOString();
}

/** Midnight in Asia/Shanghai of the day a date picker shows. */
export function townshipDayStart(value: Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DD'), DISPLAY_TIME_ZONE).toISOString();
}

/** `YYYY-MM-DD` dates carry no time zone and are shown as they are. */
export function formatDate(value: string | null | undefined): string {
  return value ? value : '—';
}

export function toApiDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

export function fromApiDate(value: string | null | undefined): Dayjs | undefined {
  return value ? dayjs(value) : undefined;
}

/** Today in Asia/Shanghai, for default "joined on" / "left on" values. */
export function today(): Dayjs {
  return dayjs(dayjs().tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD'));
}

export function setDayjsLocale(language: string) {
  dayjs.locale(language === 'en-US' ? 'en' : 'zh-cn');
}
