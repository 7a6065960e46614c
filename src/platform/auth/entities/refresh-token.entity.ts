import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One link of a rotating refresh-token family; only a hash of the secret is kept. */
@Entity('refresh_tokens')
@Index('ix_refresh_tokens__family', ['familyId'])
/** An ended session is found by one probe (auth_session_state), however many times it was refreshed. */
@Index('ix_refresh_tokens__family_revoked', ['familyId'], { where: '"revoked_at" IS NOT NULL' })
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  tenantId: string | null;

  @Index('ix_refresh_tokens__user')
  @Column('uuid')
  userId: string;

  @Column('uuid')
  familyId: string;

  @Column({ length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
