import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SameTenantReference, TenantReference, UserReference } from '../../../platform/database/references';

/** A progress report on an action item. */
@Entity('action_item_updates')
@Index('ix_action_item_updates__item', ['actionItemId', 'createdAt'])
@TenantReference()
@SameTenantReference('action_items', 'actionItemId')
@UserReference('authorId')
export class ActionItemUpdate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  actionItemId: string;

  @Column('uuid', { nullable: true })
  authorId: string | null;

  @Column({ type: 'int' })
  progress: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
