import { Column, Entity, Index } from 'typeorm';
import { SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

export enum AgendaStatus {
  Proposed = 'proposed',
  Accepted = 'accepted',
  Declined = 'declined',
}

/** An agenda item, proposed by any invited organisation (共商共研共议) and accepted or declined by the convener. */
@Entity('agenda_items')
@Index('ix_agenda_items__meeting', ['meetingId', 'position'])
@SameTenantReference('meetings', 'meetingId')
@SameTenantReference('organizations', 'proposedByOrganizationId')
@SameTenantReference('service_requests', 'serviceRequestId')
@UserReference('proposedById')
export class AgendaItem extends TenantOwnedEntity {
  @Column('uuid')
  meetingId: string;

  @Column({ length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column('uuid', { nullable: true })
  proposedByOrganizationId: string | null;

  @Column('uuid')
  proposedById: string;

  /** A service request escalated to the township, brought to the meeting. */
  @Column('uuid', { nullable: true })
  serviceRequestId: string | null;

  @Column({ type: 'enum', enum: AgendaStatus, enumName: 'agenda_status', default: AgendaStatus.Proposed })
  status: AgendaStatus;

  @Column({ type: 'text', nullable: true })
  decisionNote: string | null;

  @Column({ type: 'int', default: 0 })
  position: number;
}
