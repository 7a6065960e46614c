import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { TenantReference } from '../../database/references';

/** A township's quiet hours and, optionally, its own mail server (the password stored encrypted). */
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

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
