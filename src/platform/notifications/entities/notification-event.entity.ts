import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ReferencedInTenant, TenantReference } from '../../database/references';
import { notificationTypeCheck, type NotificationType } from '../notification-registry';

/** One call of `notify()`: what happened, once, whoever it reaches. */
@Entity('notification_events')
@Check('ck_notification_events__type', notificationTypeCheck('type'))
@Index('uq_notification_events__dedupe_key', ['tenantId', 'dedupeKey'], { unique: true })
@ReferencedInTenant('notification_events')
@TenantReference()
export class NotificationEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for the platform's own (to platform admins, who belong to no township). */
  @Column('uuid', { nullable: true })
  tenantId: string | null;

  /** Text with a check constraint (not an enum type): a feature's new type only changes the constraint. */
  @Column('text')
  type: NotificationType;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @Column({ default: false })
  urgent: boolean;

  /** Makes `notify()` idempotent: the same key never notifies twice. */
  @Column({ type: 'varchar', length: 200 })
  dedupeKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
