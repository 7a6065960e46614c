import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SameTenantReference, TenantReference, UserReference } from '../../database/references';
import { DeliveryChannel, DeliveryStatus } from '../notification-types';

/**
 * One message on one external channel to one recipient (a person or a group robot). Unique per
 * (event, channel, recipient), and its id is the BullMQ job id, so nothing is sent twice.
 */
@Entity('notification_deliveries')
@Check('ck_notification_deliveries__channel', channelCheck())
@Index('uq_notification_deliveries__recipient', ['eventId', 'channel', 'recipientKey'], { unique: true })
@Index('ix_notification_deliveries__status', ['tenantId', 'status', 'createdAt'])
@Index('ix_notification_deliveries__digest', ['userId'], { where: `"status" = 'awaiting_digest'` })
@TenantReference()
@SameTenantReference('notification_events', 'eventId')
@UserReference('userId')
export class NotificationDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for the platform's own (to platform admins, who belong to no township). */
  @Column('uuid', { nullable: true })
  tenantId: string | null;

  @Column('uuid')
  eventId: string;

  /** Text with a check constraint (not an enum type): a new channel only changes the constraint. */
  @Column({ type: 'varchar', length: 20 })
  channel: DeliveryChannel;

  @Column('uuid', { nullable: true })
  userId: string | null;

  @Column('uuid', { nullable: true })
  robotId: string | null;

  /** `user:<id>` or `robot:<id>`, for the uniqueness of a delivery. */
  @Column({ length: 60 })
  recipientKey: string;

  @Column({ type: 'enum', enum: DeliveryStatus, enumName: 'delivery_status', default: DeliveryStatus.Pending })
  status: DeliveryStatus;

  @Column({ type: 'timestamptz' })
  notBefore: Date;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Times a platform admin sent it again after it failed; part of the new job's id. */
  @Column({ type: 'int', default: 0 })
  retries: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** `"channel" IN (...)` from `DeliveryChannel`; a migration re-creates the constraint when the list grows. */
export function channelCheck(): string {
  return `"channel" IN (${Object.values(DeliveryChannel)
    .map((c) => `'${c}'`)
    .join(', ')})`;
}
