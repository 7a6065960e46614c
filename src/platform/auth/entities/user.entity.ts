import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role, UserStatus } from './role';

@Entity('users')
@Index('ix_users__tenant_role', ['tenantId', 'role'])
@Index('ix_users__organization', ['organizationId'])
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null only for platform admins, who belong to no township. */
  @Column('uuid', { nullable: true })
  tenantId: string | null;

  @Index('uq_users__email', { unique: true })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Index('uq_users__mobile', { unique: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  mobile: string | null;

  @Column({ length: 100 })
  displayName: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role: Role;

  @Column('uuid', { nullable: true })
  organizationId: string | null;

  @Column({ type: 'enum', enum: UserStatus, enumName: 'user_status', default: UserStatus.Invited })
  status: UserStatus;

  @Column({ type: 'varchar', length: 10, default: 'zh-CN' })
  locale: string;

  /** Heads a department (部门负责人) or leads the township (镇领导): the later levels of escalation. */
  @Column({ default: false })
  isLeader: boolean;

  /** One email a day summarising what happened, instead of one email per event. */
  @Column({ default: false })
  emailDigest: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastDigestAt: Date | null;

  @Column({ type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  /**
   * Access tokens issued up to this instant are refused (a role change). Written only by
   * RevokedSessions, with greatest(): never by saving a user row read earlier, which could undo it.
   */
  @Column({ type: 'timestamptz', nullable: true, select: false, update: false })
  sessionsRevokedAt: Date | null;

  @Index('uq_users__invitation_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true, select: false })
  invitationTokenHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  invitationExpiresAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
