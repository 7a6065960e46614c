import { MAX_MEETING_HOURS } from '../exported-views';

/**
 * Lookups of meetings by time read `starts_at` from this on: a meeting that started earlier ended
 * before `from`. Computed here rather than in SQL, so the bound stays a plain timestamp comparison
 * (leakproof, hence usable in an index scan under row-level security). The venues module owns the
 * same bound for reservations (earliestReservationStart in its exported-views.ts).
 */
export const earliestMeetingStart = (from: Date) => new Date(from.getTime() - MAX_MEETING_HOURS * 3600_000);
