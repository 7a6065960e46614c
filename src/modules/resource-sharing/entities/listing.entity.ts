import { Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** 三张清单: what a member needs, what it can offer, and projects looking for partners. */
export enum ListingKind {
  Need = 'need',
  Resource = 'resource',
  Project = 'project',
}

export enum ListingStatus {
  Open = 'open',
  Closed = 'closed',
}

/** A member's published need, resource (equipment, space, know-how) or project seeking partners. */
@Entity('listings')
@Index('ix_listings__board', ['tenantId', 'status', 'kind', 'createdAt'])
@Index('ix_listings__category', ['tenantId', 'category'])
@Index('ix_listings__tags', ['tags'], { type: 'gin' })
@ReferencedInTenant('listings')
@SameTenantReference('alliances', 'allianceId')
@SameTenantReference('organizations', 'organizationId')
@UserReference('createdById')
export class Listing extends TenantOwnedEntity {
  @Column('uuid', { nullable: true })
  allianceId: string | null;

  /** The publishing member; null when an official publishes for the township. */
  @Column('uuid', { nullable: true })
  organizationId: string | null;

  @Column({ type: 'enum', enum: ListingKind, enumName: 'listing_kind' })
  kind: ListingKind;

  /** A resource's sort: equipment, space, know-how, ...; a need's or project's field. */
  @Column({ length: 50 })
  category: string;

  @Column('text', { array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ type: 'enum', enum: ListingStatus, enumName: 'listing_status', default: ListingStatus.Open })
  status: ListingStatus;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column('uuid')
  createdById: string;
}
