import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantReference, UserReference } from '../../database/references';
import type { NotificationType } from '../notification-registry';

/** A person's choice of channels for one event type; without a row, in-app and email are on and SMS is off. */
@Entity('notification_preferences')
@ForeignKey('notification_types', ['type'] as const, ['name'] as const)
@Index('uq_notification_preferences__user_type', ['userId', 'type'], { unique: true })
@TenantReference()
@UserReference('userId')
export class NotificationPreference {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  userId: string;

  /** A name in notification_types, which the code fills: a feature's new type needs no migration. */
  @Column('text')
  type: NotificationType;

  @Column({ default: true })
  inApp: boolean;

  @Column({ default: true })
  email: boolean;

  /** Off by default: a text message costs the township money. */
  @Column({ default: false })
  sms: boolean;
}
