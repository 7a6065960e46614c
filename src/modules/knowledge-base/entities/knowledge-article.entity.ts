import { Check, Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

export enum KnowledgeArticleStatus {
  Published = 'published',
  Unpublished = 'unpublished',
}

/**
 * A question and its answer in the alliance's knowledge base (政策问答库): an edited copy of a resolved
 * request (never the enterprise's name or contacts), or written by an official. Its segmented terms
 * (title weighted above question and answer) are kept by the service for the search.
 */
@Entity('knowledge_articles')
@Index('ix_knowledge_articles__list', ['tenantId', 'allianceId', 'status', 'publishedAt'])
// One article per request: publishing a request again edits its article.
@Index('uq_knowledge_articles__source', ['tenantId', 'sourceRequestId'], {
  unique: true,
  where: `"source_request_id" IS NOT NULL`,
})
// The GIN index on search_terms, created in the migration.
@Index('ix_knowledge_articles__search', { synchronize: false })
@Check('ck_knowledge_articles__status', `"status" IN ('published', 'unpublished')`)
@ReferencedInTenant('knowledge_articles')
@SameTenantReference('alliances', 'allianceId')
@SameTenantReference('service_requests', 'sourceRequestId')
@SameTenantReference('service_categories', 'categoryId')
@UserReference('publishedById')
export class KnowledgeArticle extends TenantOwnedEntity {
  @Column('uuid')
  allianceId: string;

  @Column('uuid', { nullable: true })
  sourceRequestId: string | null;

  @Column('uuid', { nullable: true })
  categoryId: string | null;

  @Column({ length: 200 })
  title: string;

  @Column('text')
  question: string;

  @Column('text')
  answer: string;

  @Column({ type: 'varchar', length: 12, default: KnowledgeArticleStatus.Published })
  status: KnowledgeArticleStatus;

  @Column('uuid', { nullable: true })
  publishedById: string | null;

  @Column('timestamptz')
  publishedAt: Date;

  @Column({ type: 'tsvector', select: false })
  searchTerms: string;
}
