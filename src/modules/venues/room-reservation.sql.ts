/**
 * Reserves a room: $1 tenant, $2 zone, $3 start, $4 end, $5 meeting or null, $6 venue booking or null.
 * Concurrent inserts of overlapping ranges into the exclusion constraint's GiST index wait on one
 * another and can deadlock (seen with 50 simultaneous bookings of one room); a transaction lock on
 * the zone, taken in the same statement, lines them up so the losers get the constraint's refusal.
 */
export const RESERVE_ROOM_SQL = `
  INSERT INTO room_reservations (tenant_id, zone_id, starts_at, ends_at, meeting_id, booking_id)
  SELECT $1::uuid, $2::uuid, $3::timestamptz, $4::timestamptz, $5::uuid, $6::uuid
    FROM (SELECT pg_advisory_xact_lock(hashtextextended('room_reservations:' || $2::text, 0))) AS zone_lock`;
