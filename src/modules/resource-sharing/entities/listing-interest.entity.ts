import { Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** A member's interest in another's listing: the thread where the two are put in touch. */
@Entity('listing_interests')
@Index('uq_listing_interests__listing_org', ['listingId', 'organizationId'], { unique: true })
@Index('ix_listing_interests__organization', ['tenantId', 'organizationId'])
@ReferencedInTenant('listing_interests')
@SameTenantReference('listings', 'listingId')
@SameTenantReference('organizations', 'organizationId')
@UserReference('createdById')
export class ListingInterest extends TenantOwnedEntity {
  @Column('uuid')
  listingId: string;

  /** The interested member. */
  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  createdById: string;
}
