import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SameTenantReference, TenantReference, UserReference } from '../../../platform/database/references';

/** One message between the two parties of an interest. */
@Entity('listing_interest_messages')
@Index('ix_listing_interest_messages__interest', ['interestId', 'createdAt'])
@TenantReference()
@SameTenantReference('listing_interests', 'interestId')
@UserReference('authorId')
export class ListingInterestMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  interestId: string;

  @Column('uuid')
  authorId: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
