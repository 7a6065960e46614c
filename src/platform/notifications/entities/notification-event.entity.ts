import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ReferencedInTenant, TenantReference } from '../../database/references';
import type { NotificationType } from '../notification-registry';

/** One call of `notify()`: what happened, once, whoever it reaches. */
@Entity('notification_events')
@ForeignKey('notification_types', ['type'] as const, ['name'] as const)
@Index('uq_notification_events__dedupe_key', ['tenantId', 'dedupeKey'], { unique: true })
@ReferencedInTenant('notification_events')
@TenantReference()
export class NotificationEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for the platform's own (to platform admins, who belong to no township). */
  @Column('uuid', { nullable: true })
  tenantId: string | null;

  /** A name in notification_types, which the code fills: a feature's new type needs no migration. */
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
