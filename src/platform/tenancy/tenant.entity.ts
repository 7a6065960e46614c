import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A township (镇/街道): the unit of isolation. */
@Entity('tenants')
export class Tenant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ length: 100 })
  name: string;

  @Index('uq_tenants__slug', { unique: true })
  @Column({ length: 50 })
  slug: string;

  @Column({ length: 50, default: 'Asia/Shanghai' })
  timeZone: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
