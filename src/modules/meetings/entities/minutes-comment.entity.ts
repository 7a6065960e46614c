import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SameTenantReference, TenantReference, UserReference } from '../../../platform/database/references';

@Entity('minutes_comments')
@Index('ix_minutes_comments__minutes', ['minutesId', 'createdAt'])
@TenantReference()
@SameTenantReference('meeting_minutes', 'minutesId')
@UserReference('authorId')
export class MinutesComment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  minutesId: string;

  @Column('uuid')
  authorId: string;

  /** The version of the draft the comment is about. */
  @Column({ type: 'int' })
  version: number;

  @Column('text')
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
