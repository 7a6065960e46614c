import { Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** An official's visit to the paired enterprise. */
@Entity('pairing_visits')
@Index('ix_pairing_visits__pair', ['tenantId', 'pairId', 'visitedOn'])
@ReferencedInTenant('pairing_visits')
@SameTenantReference('pairing_pairs', 'pairId')
@UserReference('recordedById')
export class PairingVisit extends TenantOwnedEntity {
  @Column('uuid')
  pairId: string;

  @Column('date')
  visitedOn: string;

  @Column({ length: 500 })
  peopleMet: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column('uuid')
  recordedById: string;
}
