import { Check, Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

export enum StudyBookingStatus {
  Booked = 'booked',
  Cancelled = 'cancelled',
}

/** A visiting group's booking of the whole route for one day. */
@Entity('study_bookings')
@Index('ix_study_bookings__day', ['tenantId', 'visitOn'])
@Index('ix_study_bookings__booker', ['tenantId', 'bookerUserId', 'visitOn'])
@Check('ck_study_bookings__group_size', '"group_size" > 0')
@ReferencedInTenant('study_bookings')
@SameTenantReference('organizations', 'bookerOrganizationId')
@UserReference('bookerUserId')
export class StudyBooking extends TenantOwnedEntity {
  @Column('date')
  visitOn: string;

  @Column({ length: 100 })
  groupName: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  contactName: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  contactPhone: string | null;

  @Column('int')
  groupSize: number;

  /** Who booked: the group's member, or the official who registered an outside group. */
  @Column('uuid')
  bookerUserId: string;

  @Column('uuid', { nullable: true })
  bookerOrganizationId: string | null;

  /** An outside group registered by an official: no member of it signs in. */
  @Column({ default: false })
  outsideGroup: boolean;

  @Column({
    type: 'enum',
    enum: StudyBookingStatus,
    enumName: 'study_booking_status',
    default: StudyBookingStatus.Booked,
  })
  status: StudyBookingStatus;
}
