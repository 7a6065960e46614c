/**
 * What other modules may name in their SQL of the venues module's data (migration
 * ModuleExportedViews), under the reader's row-level security: venue_zone_directory (tenant_id, id,
 * venue_id, name), venue_booking_directory (tenant_id, id, purpose) and room_reservation_directory
 * (tenant_id, id, zone_id, starts_at, ends_at, and either meeting_id or booking_id: what holds the
 * zone). Reserving a room goes through RoomReservations.
 */
export const EXPORTED_VIEWS = [
  'venue_zone_directory',
  'venue_booking_directory',
  'room_reservation_directory',
] as const;

/**
 * The longest reservation there is: a member's booking (a meeting holds at most 12 hours). Booking
 * refuses longer ones and the database too (ck_room_reservations__time).
 */
export const MAX_RESERVATION_HOURS = 24;

/**
 * The earliest start of a reservation that can still overlap a time from `from` on. Readers of
 * room_reservation_directory (and of room_reservations) by time bound `starts_at` from this rather
 * than in SQL, so the bound stays a plain timestamp comparison: leakproof, hence usable in an index
 * scan (ix_room_reservations__zone_starts) under row-level security.
 */
export function earliestReservationStart(from: Date): Date {
  return new Date(from.getTime() - MAX_RESERVATION_HOURS * 3600_000);
}
