import { Check, Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

export enum VenueBookingStatus {
  /** Waiting for an official; holds the slot already (see VenueBookingsService.book). */
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
  Cancelled = 'cancelled',
}

/** A member's booking of a zone for a time range; while pending or approved it holds a room reservation. */
@Entity('venue_bookings')
@Index('ix_venue_bookings__zone', ['tenantId', 'zoneId', 'startsAt'])
@Index('ix_venue_bookings__status', ['tenantId', 'status', 'startsAt'])
@Index('ix_venue_bookings__booker', ['tenantId', 'bookerUserId', 'startsAt'])
@Check('ck_venue_bookings__ends_at', '"ends_at" > "starts_at"')
@Check('ck_venue_bookings__attendees', '"attendees" > 0')
@ReferencedInTenant('venue_bookings')
@SameTenantReference('organizations', 'bookerOrganizationId')
@SameTenantReference('venues', 'venueId')
@SameTenantReference('venue_zones', 'zoneId')
@UserReference('bookerUserId')
@UserReference('decidedById')
export class VenueBooking extends TenantOwnedEntity {
  @Column('uuid')
  venueId: string;

  @Column('uuid')
  zoneId: string;

  @Column('uuid')
  bookerUserId: string;

  @Column('uuid', { nullable: true })
  bookerOrganizationId: string | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ length: 200 })
  purpose: string;

  @Column('int')
  attendees: number;

  @Column({ type: 'enum', enum: VenueBookingStatus, enumName: 'venue_booking_status' })
  status: VenueBookingStatus;

  @Column('uuid', { nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionNote: string | null;
}
