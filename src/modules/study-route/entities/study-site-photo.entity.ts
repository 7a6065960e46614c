import { Column, Entity, Index } from 'typeorm';
import { SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** A photo of a study-route site; the bytes live in FileStorage. */
@Entity('study_site_photos')
@Index('ix_study_site_photos__site', ['tenantId', 'siteId', 'createdAt'])
@SameTenantReference('study_sites', 'siteId')
@UserReference('uploadedById')
export class StudySitePhoto extends TenantOwnedEntity {
  @Column('uuid')
  siteId: string;

  @Column({ length: 200 })
  fileName: string;

  @Column({ length: 100 })
  contentType: string;

  @Column('int')
  size: number;

  @Column({ length: 300 })
  storageKey: string;

  @Column('uuid')
  uploadedById: string;
}
