import { Column, CreateDateColumn, Entity, Exclusion, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A zone held for a time range, by a meeting (or, later, a booking). The database refuses two
 * reservations of one zone that overlap: the exclusion constraint decides races, not the code.
 */
@Entity('room_reservations')
@Exclusion('ex_room_reservations__overlap', 'USING gist ("zone_id" WITH =, "during" WITH &&)')
@Index('ix_room_reservations__meeting', ['meetingId'])
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
