import { Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

export enum ExpertAvailability {
  Available = 'available',
  Limited = 'limited',
  Unavailable = 'unavailable',
}

/** A think-tank member (智库专家): a user with fields of expertise and an affiliation. */
@Entity('experts')
@Index('uq_experts__user', ['userId'], { unique: true })
// GIN index, created in the migration.
@Index('ix_experts__fields', { synchronize: false })
@ReferencedInTenant('experts')
@SameTenantReference('organizations', 'affiliationOrganizationId')
@UserReference('userId')
export class Expert extends TenantOwnedEntity {
  @Column('uuid')
  userId: string;

  @Column({ type: 'text', array: true, default: '{}' })
  fields: string[];

  /** An organisation of the registry, when the expert works for one. */
  @Column('uuid', { nullable: true })
  affiliationOrganizationId: string | null;

  /** An outside body (university, institute), when not in the registry. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  affiliationExternal: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Column({
    type: 'enum',
    enum: ExpertAvailability,
    enumName: 'expert_availability',
    default: ExpertAvailability.Available,
  })
  availability: ExpertAvailability;
}
