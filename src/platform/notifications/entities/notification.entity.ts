import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SameTenantReference, TenantReference, UserReference } from '../../database/references';
import { notificationTypeCheck, type NotificationType } from '../notification-registry';

/** An item of a person's in-app inbox, rendered in the person's language when it was written. */
@Entity('notifications')
@Check('ck_notifications__type', notificationTypeCheck('type'))
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

  /** Text with a check constraint (not an enum type): a feature's new type only changes the constraint. */
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
