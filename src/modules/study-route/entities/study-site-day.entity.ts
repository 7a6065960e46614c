import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * How many people are booked at a site on a day: the counter that bookings lock and raise, so two
 * concurrent bookings cannot together pass the site's daily capacity.
 */
@Entity('study_site_days')
@Index('uq_study_site_days__day', ['tenantId', 'siteId', 'day'], { unique: true })
@Check('ck_study_site_days__booked', '"booked" >= 0')
export class StudySiteDay {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  siteId: string;

  @Column('date')
  day: string;

  @Column('int', { default: 0 })
  booked: number;
}
