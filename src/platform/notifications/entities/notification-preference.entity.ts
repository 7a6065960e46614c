import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantReference, UserReference } from '../../database/references';
import { NotificationType } from '../notification-types';

/** A person's choice of channels for one event type; without a row, in-app and email are on and SMS is off. */
@Entity('notification_preferences')
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

  @Column({ type: 'enum', enum: NotificationType, enumName: 'notification_type' })
  type: NotificationType;

  @Column({ default: true })
  inApp: boolean;

  @Column({ default: true })
  email: boolean;

  /** Off by default: a text message costs the township money. */
  @Column({ default: false })
  sms: boolean;
}
