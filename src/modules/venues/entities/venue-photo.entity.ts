import { Column, Entity, Index } from 'typeorm';
import { SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** A photo of a venue, or of one of its zones; the bytes live in FileStorage. */
@Entity('venue_photos')
@Index('ix_venue_photos__venue', ['tenantId', 'venueId', 'createdAt'])
@SameTenantReference('venues', 'venueId')
@SameTenantReference('venue_zones', 'zoneId')
@UserReference('uploadedById')
export class VenuePhoto extends TenantOwnedEntity {
  @Column('uuid')
  venueId: string;

  @Column('uuid', { nullable: true })
  zoneId: string | null;

  @Column({ length: 200 })
  fileName: string;

  @Column({ length: 100 })
  contentType: string;

  @Column('int')
  size: number;

  @Column({ length: 300 })
  storageKey: string;

  @Column('uuid')
  uploadedById: string;
}
