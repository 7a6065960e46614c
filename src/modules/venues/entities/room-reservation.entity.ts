import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A zone held for a time range, by a meeting or a member's booking. The database refuses two
 * reservations of one zone that overlap: the exclusion constraint decides races, not the code.
 */
@Entity('room_reservations')
@Exclusion('ex_room_reservations__overlap', 'USING gist ("zone_id" WITH =, "during" WITH &&)')
@Check('ck_room_reservations__holder', '("meeting_id" IS NULL) <> ("booking_id" IS NULL)')
@Index('ix_room_reservations__meeting', ['meetingId'])
@Index('uq_room_reservations__booking', ['bookingId'], { unique: true, where: '"booking_id" IS NOT NULL' })
export class RoomReservation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  zoneId: string;

  /** `[start, end)` as a tstzrange. */
  @Column({ type: 'tstzrange' })
  during: string;

  @Column('uuid', { nullable: true })
  meetingId: string | null;

  /** A member's booking of the zone (exactly one of meeting and booking holds the row). */
  @Column('uuid', { nullable: true })
  bookingId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
