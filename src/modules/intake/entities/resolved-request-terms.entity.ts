import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SameTenantReference, TenantReference } from '../../../platform/database/references';

/**
 * The segmented terms of a resolved request (title, description and resolution), for the similar
 * requests a handler sees: kept by the worker as requests are resolved (and again when one is
 * resolved anew), read through the training history view so a reopened request drops out.
 */
@Entity('resolved_request_terms')
@Index('ix_resolved_request_terms__tenant', ['tenantId', 'resolvedAt'])
// The GIN index on terms, created in the migration.
@Index('ix_resolved_request_terms__terms', { synchronize: false })
@TenantReference()
@SameTenantReference('service_requests', 'requestId', { onDelete: 'CASCADE' })
export class ResolvedRequestTerms {
  @PrimaryColumn('uuid')
  requestId: string;

  @Column('uuid')
  tenantId: string;

  @Column('timestamptz')
  resolvedAt: Date;

  @Column({ type: 'tsvector' })
  terms: string;
}
