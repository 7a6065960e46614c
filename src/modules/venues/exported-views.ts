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
