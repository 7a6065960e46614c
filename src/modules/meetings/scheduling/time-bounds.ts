import { MAX_MEETING_HOURS } from '../exported-views';

/** ck_room_reservations__time: no reservation lasts longer than a day (a member's booking). */
const LONGEST_RESERVATION_MS = 24 * 3600_000;

/**
 * Lookups by time read `starts_at` from these on: a meeting or reservation that started earlier
 * ended before `from`. Computed here rather than in SQL, so the bound stays a plain timestamp
 * comparison (leakproof, hence usable in an index scan under row-level security).
 */
export const earliestMeetingStart = (from: Date) => new Date(from.getTime() - MAX_MEETING_HOURS * 3600_000);
export const earliestReservationStart = (from: Date) => new Date(from.getTime() - LONGEST_RESERVATION_MS);
