import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SameTenantReference, TenantReference } from '../../../platform/database/references';
import { MAX_RESERVATION_HOURS } from '../exported-views';

/**
 * A zone held for a time range `[starts_at, ends_at)`, by a meeting or a member's booking. The
 * database refuses two reservations of one zone that overlap: the exclusion constraint decides
 * races, not the code.
 *
 * Plain timestamps rather than a tstzrange column: under row-level security only leakproof
 * operators narrow an index scan, and timestamp comparisons are leakproof where range overlap is
 * not. So lookups read `ix_room_reservations__zone_starts` between `from` minus the longest
 * reservation and `to`, not every reservation the zone ever had.
 */
@Entity('room_reservations')
@Exclusion(
  'ex_room_reservations__overlap',
  `USING gist ("zone_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)`,
)
@Check('ck_room_reservations__holder', '("meeting_id" IS NULL) <> ("booking_id" IS NULL)')
@Check(
  'ck_room_reservations__time',
  `"ends_at" > "starts_at" AND "ends_at" - "starts_at" <= interval '${MAX_RESERVATION_HOURS} hours'`,
)
@Index('ix_room_reservations__zone_starts', ['tenantId', 'zoneId', 'startsAt'])
@Index('ix_room_reservations__meeting', ['meetingId'])
@Index('uq_room_reservations__booking', ['bookingId'], { unique: true, where: '"booking_id" IS NOT NULL' })
@TenantReference()
@SameTenantReference('venue_bookings', 'bookingId')
@SameTenantReference('meetings', 'meetingId')
@SameTenantReference('venue_zones', 'zoneId')
export class RoomReservation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  zoneId: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column('uuid', { nullable: true })
  meetingId: string | null;

  /** A member's booking of the zone (exactly one of meeting and booking holds the row). */
  @Column('uuid', { nullable: true })
  bookingId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
