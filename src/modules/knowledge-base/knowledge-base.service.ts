import { HttpStatus, Injectable } from '@nestjs/common';
import { Role } from '../../platform/auth/entities/role';
import { Clock } from '../../platform/clock/clock';
import { DomainException } from '../../platform/errors/domain.exception';
import { ErrorCode } from '../../platform/errors/error-code';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { TextTerms } from '../intake/text-terms.service';
import {
  ArticleDraftView,
  KnowledgeArticlePage,
  KnowledgeArticleView,
  ListArticlesQuery,
  PublishArticleDto,
  SimilarArticlesDto,
  UpdateArticleDto,
} from './dto/knowledge-article.dto';
import { KnowledgeArticleStatus } from './entities/knowledge-article.entity';
import {
  type ArticleRow,
  KnowledgeBaseRepository,
  type SourceRequest,
  type Visible,
} from './knowledge-base.repository';
import { privateDetailProblems, privateDetails, stripPrivateDetails } from './private-details';

export const SIMILAR_ARTICLES = 5;
const DEFAULT_LIMIT = 20;
const RESOLVED = ['resolved', 'closed'];

/**
 * The knowledge base (政策问答库): edited copies of resolved requests' questions and answers, published
 * to an alliance's members by an official or the department that served the request, never with the
 * enterprise's name or contacts; searched by the intake segmenter's terms.
 */
@Injectable()
export class KnowledgeBaseService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: KnowledgeBaseRepository,
    private readonly text: TextTerms,
    private readonly clock: Clock,
  ) {}

  async list(query: ListArticlesQuery): Promise<KnowledgeArticlePage> {
    const visible = await this.visible();
    const official = this.isOfficial;
    const withUnpublished = official && query.status === 'all';
    const limit = query.limit ?? DEFAULT_LIMIT;
    const allianceId = query.allianceId ?? null;
    if (query.q !== undefined && query.q.trim().length > 0) {
      const terms = await this.text.of(query.q);
      if (terms.length === 0) return { items: [], nextCursor: null };
      const rows = await this.repository.search({ terms, visible, allianceId, withUnpublished, limit });
      return { items: rows.map((r) => this.view(r)), nextCursor: null };
    }
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await this.repository.newest({ visible, allianceId, withUnpublished, after, limit: limit + 1 });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((r) => this.view(r)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.publishedAt, last.id) : null,
    };
  }

  async get(id: string): Promise<KnowledgeArticleView> {
    return this.view(await this.readable(id));
  }

  /** Up to five published articles sharing the most terms with a request being written. */
  async similar(input: SimilarArticlesDto): Promise<KnowledgeArticleView[]> {
    const terms = await this.text.of(input.title, input.description);
    if (terms.length === 0) return [];
    const rows = await this.repository.search({
      terms,
      visible: await this.visible(),
      allianceId: input.allianceId ?? null,
      withUnpublished: false,
      limit: SIMILAR_ARTICLES,
    });
    return rows.map((r) => this.view(r));
  }

  /** A resolved request as a draft to edit: the enterprise's name and contacts already taken out. */
  async draft(requestId: string): Promise<ArticleDraftView> {
    const request = await this.publishableRequest(requestId);
    const details = privateDetails(await this.repository.privateDetails(request.requesterOrganizationId));
    return {
      sourceRequestId: request.id,
      allianceId: request.allianceId,
      categoryId: request.categoryId,
      title: stripPrivateDetails(request.title, details),
      question: stripPrivateDetails(request.description, details),
      answer: stripPrivateDetails(request.resolution ?? '', details),
      articleId: await this.repository.articleForRequest(request.id),
    };
  }

  async publish(input: PublishArticleDto): Promise<KnowledgeArticleView> {
    let allianceId: string;
    let source: SourceRequest | null = null;
    if (input.sourceRequestId) {
      source = await this.publishableRequest(input.sourceRequestId);
      allianceId = source.allianceId;
      if (input.allianceId && input.allianceId !== allianceId)
        throw DomainException.invalid([{ field: 'allianceId', reason: 'notRequestAlliance' }]);
      if (await this.repository.articleForRequest(source.id))
        throw DomainException.conflict(ErrorCode.DuplicateValue, [
          { field: 'sourceRequestId', reason: 'alreadyPublished' },
        ]);
    } else {
      if (!this.isOfficial) throw DomainException.forbidden();
      if (!input.allianceId) throw DomainException.invalid([{ field: 'allianceId', reason: 'isDefined' }]);
      if (!(await this.repository.allianceExists(input.allianceId)))
        throw DomainException.invalid([{ field: 'allianceId', reason: 'notFound' }]);
      allianceId = input.allianceId;
    }
    const text = { title: input.title.trim(), question: input.question.trim(), answer: input.answer.trim() };
    await this.checkText(text, source);
    const categoryId = input.categoryId ?? source?.categoryId ?? null;
    await this.checkCategory(categoryId, allianceId);
    const id = await this.repository.insert({
      allianceId,
      sourceRequestId: source?.id ?? null,
      categoryId,
      text,
      terms: await this.termsOf(text),
      publishedById: this.tenant.actor.userId || null,
      publishedAt: this.clock.now(),
    });
    // Two publications of one request at once: the unique index lets one in.
    if (!id)
      throw DomainException.conflict(ErrorCode.DuplicateValue, [
        { field: 'sourceRequestId', reason: 'alreadyPublished' },
      ]);
    return this.get(id);
  }

  /** Officials edit, unpublish and publish again. */
  async update(id: string, input: UpdateArticleDto): Promise<KnowledgeArticleView> {
    const article = await this.repository.find(id);
    if (!article) throw DomainException.notFound();
    const text = {
      title: input.title?.trim() ?? article.title,
      question: input.question?.trim() ?? article.question,
      answer: input.answer?.trim() ?? article.answer,
    };
    const source = article.sourceRequestId ? await this.repository.sourceRequest(article.sourceRequestId) : null;
    await this.checkText({ title: input.title, question: input.question, answer: input.answer }, source);
    const categoryId = input.categoryId === undefined ? article.categoryId : input.categoryId;
    await this.checkCategory(categoryId, article.allianceId);
    const status = input.status ?? article.status;
    await this.repository.update(id, {
      text,
      categoryId,
      status,
      terms: await this.termsOf(text),
      publishedAt:
        status === KnowledgeArticleStatus.Published && article.status !== KnowledgeArticleStatus.Published
          ? this.clock.now()
          : null,
    });
    return this.get(id);
  }

  private get isOfficial(): boolean {
    return this.tenant.actor.role === Role.TownshipAdmin;
  }

  /** Officials read every alliance of the township; enterprises and departments their own alliances'. */
  private async visible(): Promise<Visible> {
    if (this.isOfficial) return null;
    const organizationId = this.tenant.actor.organizationId;
    return organizationId ? this.repository.memberAlliances(organizationId) : [];
  }

  /** An article the caller may read: an unpublished one only for officials; anything else is not found. */
  private async readable(id: string): Promise<ArticleRow> {
    const article = await this.repository.find(id);
    if (!article) throw DomainException.notFound();
    if (this.isOfficial) return article;
    const visible = await this.visible();
    if (article.status !== KnowledgeArticleStatus.Published || !visible?.includes(article.allianceId))
      throw DomainException.notFound();
    return article;
  }

  /** A resolved request that the caller served (its department) or supervises (an official). */
  private async publishableRequest(requestId: string): Promise<SourceRequest> {
    const request = await this.repository.sourceRequest(requestId);
    if (!request) throw DomainException.notFound();
    const actor = this.tenant.actor;
    if (!this.isOfficial && request.assignedOrganizationId !== actor.organizationId) throw DomainException.forbidden();
    if (!RESOLVED.includes(request.status))
      throw new DomainException(ErrorCode.InvalidTransition, HttpStatus.CONFLICT, [
        { field: 'sourceRequestId', reason: 'notResolved' },
      ]);
    return request;
  }

  /** Refuses a text that names the enterprise that asked or one of its contacts (400 naming the field). */
  private async checkText(
    fields: { title?: string; question?: string; answer?: string },
    source: SourceRequest | null,
  ): Promise<void> {
    if (!source) return;
    const details = privateDetails(await this.repository.privateDetails(source.requesterOrganizationId));
    const problems = privateDetailProblems(fields, details);
    if (problems.length > 0) throw DomainException.invalid(problems);
  }

  private async checkCategory(categoryId: string | null, allianceId: string): Promise<void> {
    if (categoryId && !(await this.repository.categoryInAlliance(categoryId, allianceId)))
      throw DomainException.invalid([{ field: 'categoryId', reason: 'categoryNotInAlliance' }]);
  }

  private async termsOf(text: { title: string; question: string; answer: string }) {
    return { title: await this.text.of(text.title), body: await this.text.of(text.question, text.answer) };
  }

  private view(row: ArticleRow): KnowledgeArticleView {
    const actor = this.tenant.actor;
    const seesSource = this.isOfficial || (!!row.sourceDepartmentId && row.sourceDepartmentId === actor.organizationId);
    return {
      id: row.id,
      allianceId: row.allianceId,
      allianceName: row.allianceName,
      sourceRequestId: seesSource ? row.sourceRequestId : null,
      categoryId: row.categoryId,
      categoryName: row.categoryName,
      title: row.title,
      question: row.question,
      answer: row.answer,
      status: row.status,
      publishedAt: row.publishedAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      score: row.rank === null ? null : Math.round(Number(row.rank) * 1000) / 1000,
    };
  }
}

function encodeCursor(publishedAt: Date, id: string): string {
  return Buffer.from(`${publishedAt.toISOString()}|${id}`).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string): { publishedAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const publishedAt = new Date(iso ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(publishedAt.getTime()))
    throw DomainException.invalid([{ field: 'cursor', reason: 'invalidCursor' }]);
  return { publishedAt, id };
}
