import { Column, Entity } from 'typeorm';
import { ReferencedInTenant, SameTenantReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** A recurring meeting, e.g. the quarterly joint meeting: its RRULE, expanded into meetings. */
@Entity('meeting_series')
@ReferencedInTenant('meeting_series')
@SameTenantReference('alliances', 'allianceId')
export class MeetingSeries extends TenantOwnedEntity {
  @Column('uuid')
  allianceId: string;

  /** The RRULE line (RFC 5545), e.g. FREQ=MONTHLY;INTERVAL=3;COUNT=4; times are local to the tenant. */
  @Column('text')
  rrule: string;

  @Column({ type: 'timestamptz' })
  firstStartsAt: Date;
}
