import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TenantReference, UserReference } from '../../../platform/database/references';

/** A person's private calendar subscription: only a hash of the URL's token is kept. */
@Entity('calendar_feeds')
@Index('uq_calendar_feeds__token', ['tokenHash'], { unique: true })
@TenantReference()
@UserReference('userId')
export class CalendarFeed {
  @PrimaryColumn('uuid')
  userId: string;

  @Column('uuid')
  tenantId: string;

  @Column({ length: 64 })
  tokenHash: string;
}
