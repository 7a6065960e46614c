import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ReferencedInTenant, TenantReference } from '../../database/references';
import { NotificationType } from '../notification-types';

/** One call of `notify()`: what happened, once, whoever it reaches. */
@Entity('notification_events')
@Index('uq_notification_events__dedupe_key', ['tenantId', 'dedupeKey'], { unique: true })
@ReferencedInTenant('notification_events')
@TenantReference()
export class NotificationEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for the platform's own (to platform admins, who belong to no township). */
  @Column('uuid', { nullable: true })
  tenantId: string | null;

  @Column({ type: 'enum', enum: NotificationType, enumName: 'notification_type' })
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
