import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SameTenantReference, TenantReference, UserReference } from '../../../platform/database/references';

/** A group's visit recorded at a site (its QR code scanned, or entered by an official); once per site and booking. */
@Entity('study_site_visits')
@Index('uq_study_site_visits__booking', ['siteId', 'bookingId'], { unique: true })
@Index('ix_study_site_visits__site', ['tenantId', 'siteId', 'visitedAt'])
@TenantReference()
@SameTenantReference('study_bookings', 'bookingId')
@SameTenantReference('study_sites', 'siteId')
@UserReference('recordedById')
export class StudySiteVisit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  siteId: string;

  @Column('uuid')
  bookingId: string;

  @Column('int')
  people: number;

  @Column({ type: 'timestamptz' })
  visitedAt: Date;

  @Column('uuid')
  recordedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
