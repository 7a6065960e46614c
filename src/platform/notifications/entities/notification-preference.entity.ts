import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantReference, UserReference } from '../../database/references';
import { notificationTypeCheck, type NotificationType } from '../notification-registry';

/** A person's choice of channels for one event type; without a row, in-app and email are on and SMS is off. */
@Entity('notification_preferences')
@Check('ck_notification_preferences__type', notificationTypeCheck('type'))
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

  /** Text with a check constraint (not an enum type): a feature's new type only changes the constraint. */
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
