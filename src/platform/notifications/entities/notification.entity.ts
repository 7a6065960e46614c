import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SameTenantReference, TenantReference, UserReference } from '../../database/references';
import type { NotificationType } from '../notification-registry';

/** An item of a person's in-app inbox, rendered in the person's language when it was written. */
@Entity('notifications')
@ForeignKey('notification_types', ['type'] as const, ['name'] as const)
@Index('ix_notifications__inbox', ['tenantId', 'userId', 'createdAt'])
@Index('ix_notifications__unread', ['userId'], { where: '"read_at" IS NULL' })
@Index('uq_notifications__event_user', ['eventId', 'userId'], { unique: true })
@TenantReference()
@SameTenantReference('notification_events', 'eventId')
@UserReference('userId')
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for the platform's own (to platform admins, who belong to no township). */
  @Column('uuid', { nullable: true })
  tenantId: string | null;

  @Column('uuid')
  userId: string;

  @Column('uuid')
  eventId: string;

  /** A name in notification_types, which the code fills: a feature's new type needs no migration. */
  @Column('text')
  type: NotificationType;

  @Column({ length: 200 })
  title: string;

  @Column('text')
  body: string;

  /** Where in the web app the item leads, e.g. `/imports?jobId=...`. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  link: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
