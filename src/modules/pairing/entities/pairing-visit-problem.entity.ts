import { Column, Entity, Index } from 'typeorm';
import { SameTenantReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** A problem the enterprise raised during a visit; it may become one service request. */
@Entity('pairing_visit_problems')
@Index('uq_pairing_visit_problems__position', ['visitId', 'position'], { unique: true })
@Index('uq_pairing_visit_problems__request', ['serviceRequestId'], {
  unique: true,
  where: '"service_request_id" IS NOT NULL',
})
@SameTenantReference('service_requests', 'serviceRequestId')
@SameTenantReference('pairing_visits', 'visitId')
export class PairingVisitProblem extends TenantOwnedEntity {
  @Column('uuid')
  visitId: string;

  /** From 0, in the order the visit listed them. */
  @Column('int')
  position: number;

  @Column('text')
  description: string;

  @Column('uuid', { nullable: true })
  serviceRequestId: string | null;
}
