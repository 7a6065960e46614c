import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { NotificationType } from '../notification-types';
import { TenantReference } from '../../database/references';

/** A township's quiet hours and, optionally, its own mail server and SMS account (their secrets stored encrypted). */
@Entity('notification_settings')
@TenantReference()
export class NotificationSettings {
  @PrimaryColumn('uuid')
  tenantId: string;

  /** Local time (the tenant's time zone), HH:MM. */
  @Column({ length: 5, default: '22:00' })
  quietStart: string;

  @Column({ length: 5, default: '08:00' })
  quietEnd: string;

  @Column({ default: true })
  quietWeekends: boolean;

  @Column({ type: 'varchar', length: 255, nullable: true })
  smtpHost: string | null;

  @Column({ type: 'int', nullable: true })
  smtpPort: number | null;

  @Column({ default: false })
  smtpSecure: boolean;

  @Column({ type: 'varchar', length: 255, nullable: true })
  smtpUsername: string | null;

  @Column({ type: 'text', nullable: true })
  smtpPasswordEncrypted: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  mailFrom: string | null;

  /** Alibaba Cloud SMS's API address; null for the public one. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  smsEndpoint: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  smsAccessKeyId: string | null;

  @Column({ type: 'text', nullable: true })
  smsAccessKeySecretEncrypted: string | null;

  /** The approved signature (签名) every message carries, e.g. 安海镇人民政府. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  smsSignName: string | null;

  /** The approved template code (模板) per event type; a type without one is not sent by SMS. */
  @Column({ type: 'jsonb', default: {} })
  smsTemplates: Partial<Record<NotificationType, string>>;

  /** The approved template of the sign-in code (验证码) message, with one variable, `code`; none: no codes are sent. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  smsVerificationTemplate: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
