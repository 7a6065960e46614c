import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** The four kinds of zone of an activity centre, and plain meeting rooms. */
export enum ZoneKind {
  EnterpriseShowcase = 'enterprise_showcase',
  SharedOffice = 'shared_office',
  PartyActivity = 'party_activity',
  JointConsultation = 'joint_consultation',
  MeetingRoom = 'meeting_room',
}

/** A bookable room or zone of a venue. */
@Entity('venue_zones')
@Index('uq_venue_zones__name', ['venueId', 'name'], { unique: true })
export class VenueZone extends TenantOwnedEntity {
  @Column('uuid')
  venueId: string;

  @Column({ length: 100 })
  name: string;

  @Column({ type: 'enum', enum: ZoneKind, enumName: 'zone_kind' })
  kind: ZoneKind;

  @Column({ type: 'int', default: 20 })
  capacity: number;
}
