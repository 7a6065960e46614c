import { Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** The four kinds of zone of an activity centre, and plain meeting rooms. */
export enum ZoneKind {
  EnterpriseShowcase = 'enterprise_showcase',
  SharedOffice = 'shared_office',
  PartyActivity = 'party_activity',
  JointConsultation = 'joint_consultation',
  MeetingRoom = 'meeting_room',
}

/** One day's opening, local time of the tenant ("08:30"–"17:30"); null: closed that day. */
export interface DayHours {
  open: string;
  close: string;
}

/** Monday first (index 0) to Sunday (index 6). */
export type OpeningHours = (DayHours | null)[];

/** A bookable room or zone of a venue. */
@Entity('venue_zones')
@Index('uq_venue_zones__name', ['venueId', 'name'], { unique: true })
@ReferencedInTenant('venue_zones')
@SameTenantReference('venues', 'venueId')
export class VenueZone extends TenantOwnedEntity {
  @Column('uuid')
  venueId: string;

  @Column({ length: 100 })
  name: string;

  @Column({ type: 'enum', enum: ZoneKind, enumName: 'zone_kind' })
  kind: ZoneKind;

  @Column({ type: 'int', default: 20 })
  capacity: number;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Per weekday; null: no limit (a meeting room that meetings alone reserve). */
  @Column({ type: 'jsonb', nullable: true })
  openingHours: OpeningHours | null;

  /** Bookings of this zone start pending until an official approves them. */
  @Column({ default: false })
  requiresApproval: boolean;
}
