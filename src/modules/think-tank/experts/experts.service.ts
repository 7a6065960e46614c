import { Injectable } from '@nestjs/common';
import { DomainException } from '../../../platform/errors/domain.exception';
import { ErrorCode } from '../../../platform/errors/error-code';
import { decodeCursor, keysetPage, pageOfRows } from '../../../platform/pagination/keyset';
import { DEFAULT_PAGE_SIZE, type PageQueryDto } from '../../../platform/pagination/page.dto';
import type { Actor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { normalizeTags } from '../reports/reports.service';
import type {
  CreateExpertDto,
  DeclarationDto,
  DeclarationView,
  ExpertPage,
  ExpertView,
  ReviewHistoryPage,
  UpdateExpertDto,
} from '../dto/expert.dto';
import { ExpertDeclaration } from '../entities/expert-declaration.entity';
import { Expert } from '../entities/expert.entity';

/** Think-tank experts (智库专家): profiles, declared conflicts of interest and review history. */
@Injectable()
export class ExpertsService {
  constructor(private readonly tenant: TenantContext) {}

  private get experts() {
    return this.tenant.manager.getRepository(Expert);
  }

  /** The roster in the order experts joined it; a page at a time. */
  async list(query: PageQueryDto): Promise<ExpertPage> {
    const page = await keysetPage(
      this.experts.createQueryBuilder('e'),
      { column: 'e.created_at', kind: 'timestamp', idColumn: 'e.id', direction: 'ASC' },
      query,
    );
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  async create(input: CreateExpertDto): Promise<ExpertView> {
    const [user] = await this.tenant.manager.query('SELECT 1 FROM people_directory WHERE id = $1', [input.userId]);
    if (!user) throw DomainException.invalid([{ field: 'userId', reason: 'notFound' }]);
    if (await this.experts.existsBy({ userId: input.userId }))
      throw DomainException.conflict(ErrorCode.DuplicateValue, [{ field: 'userId', reason: 'alreadyExists' }]);
    await this.checkAffiliation(input);
    const expert = await this.experts.save({
      tenantId: this.tenant.tenantId,
      ...this.fields(input),
      userId: input.userId,
    });
    return (await this.views([expert]))[0];
  }

  async update(id: string, input: UpdateExpertDto): Promise<ExpertView> {
    const expert = await this.experts.findOneBy({ id });
    if (!expert) throw DomainException.notFound();
    await this.checkAffiliation(input);
    await this.experts.update({ id }, this.fields(input));
    return (await this.views([await this.experts.findOneByOrFail({ id })]))[0];
  }

  async mine(actor: Actor): Promise<Expert> {
    const expert = await this.experts.findOneBy({ userId: actor.userId });
    if (!expert) throw DomainException.notFound();
    return expert;
  }

  async get(id: string): Promise<ExpertView> {
    const expert = await this.experts.findOneBy({ id });
    if (!expert) throw DomainException.notFound();
    return (await this.views([expert]))[0];
  }

  async declare(actor: Actor, input: DeclarationDto): Promise<DeclarationView> {
    const expert = await this.mine(actor);
    if (!input.organizationId && !input.userId)
      throw DomainException.invalid([{ field: 'organizationId', reason: 'declarationTarget' }]);
    if (
      input.organizationId &&
      !(await this.tenant.manager.query('SELECT 1 FROM organization_directory WHERE id = $1', [input.organizationId]))
        .length
    ) {
      throw DomainException.invalid([{ field: 'organizationId', reason: 'notFound' }]);
    }
    if (
      input.userId &&
      !(await this.tenant.manager.query('SELECT 1 FROM people_directory WHERE id = $1', [input.userId])).length
    ) {
      throw DomainException.invalid([{ field: 'userId', reason: 'notFound' }]);
    }
    const saved = await this.tenant.manager.getRepository(ExpertDeclaration).save({
      tenantId: expert.tenantId,
      expertId: expert.id,
      organizationId: input.organizationId ?? null,
      userId: input.userId ?? null,
      reason: input.reason.trim(),
    });
    return (await this.declarations([expert.id])).find((d) => d.id === saved.id)!;
  }

  async withdrawDeclaration(actor: Actor, declarationId: string): Promise<void> {
    const expert = await this.mine(actor);
    const result = await this.tenant.manager
      .getRepository(ExpertDeclaration)
      .delete({ id: declarationId, expertId: expert.id });
    if (!result.affected) throw DomainException.notFound();
  }

  /** An expert's reviews; an official never sees who reviews the reports they wrote. */
  /** Newest invitation first; a page at a time, the cursor holding created_at as text, to the microsecond. */
  async history(actor: Actor, expertId: string, query: PageQueryDto): Promise<ReviewHistoryPage> {
    if (!(await this.experts.existsBy({ id: expertId }))) throw DomainException.notFound();
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const [after, afterId] = query.cursor ? decodeCursor(query.cursor, 'timestamp') : [null, null];
    const rows = await this.tenant.manager.query<Record<string, any>[]>(
      `SELECT a.id, a.report_id, r.title, rr.number AS round, a.status, a.created_at, a.created_at::text AS created_at_text, a.due_at, a.submitted_at
         FROM review_assignments a JOIN research_reports r ON r.id = a.report_id JOIN review_rounds rr ON rr.id = a.round_id
        WHERE a.expert_id = $1 AND NOT EXISTS (SELECT 1 FROM report_authors ra WHERE ra.report_id = a.report_id AND ra.user_id = $2)
          AND ($4::uuid IS NULL OR (a.created_at, a.id) < ($3::timestamptz, $4::uuid))
        ORDER BY a.created_at DESC, a.id DESC LIMIT $5`,
      [expertId, actor.userId, after, afterId, limit + 1],
    );
    const page = pageOfRows(rows, limit, (r) => [r.created_at_text, r.id]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((r) => ({
        assignmentId: r.id,
        reportId: r.report_id,
        reportTitle: r.title,
        round: r.round,
        status: r.status,
        invitedAt: r.created_at,
        dueAt: r.due_at,
        submittedAt: r.submitted_at,
        onTime: r.submitted_at ? r.submitted_at <= r.due_at : null,
      })),
    };
  }

  private fields(input: UpdateExpertDto): Partial<Expert> {
    return {
      ...(input.fields !== undefined && { fields: normalizeTags(input.fields) }),
      ...(input.affiliationOrganizationId !== undefined && {
        affiliationOrganizationId: input.affiliationOrganizationId,
      }),
      ...(input.affiliationExternal !== undefined && {
        affiliationExternal: input.affiliationExternal?.trim() || null,
      }),
      ...(input.title !== undefined && { title: input.title?.trim() || null }),
      ...(input.bio !== undefined && { bio: input.bio?.trim() || null }),
      ...(input.availability !== undefined && { availability: input.availability }),
    };
  }

  private async checkAffiliation(input: UpdateExpertDto): Promise<void> {
    if (
      input.affiliationOrganizationId &&
      !(
        await this.tenant.manager.query('SELECT 1 FROM organization_directory WHERE id = $1', [
          input.affiliationOrganizationId,
        ])
      ).length
    ) {
      throw DomainException.invalid([{ field: 'affiliationOrganizationId', reason: 'notFound' }]);
    }
  }

  private async views(experts: Expert[]): Promise<ExpertView[]> {
    const ids = experts.map((e) => e.id);
    const people = await this.tenant.manager.query<{ id: string; display_name: string }[]>(
      'SELECT id, display_name FROM people_directory WHERE id = ANY($1)',
      [experts.map((e) => e.userId)],
    );
    const orgs = await this.tenant.manager.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM organization_directory WHERE id = ANY($1)',
      [experts.map((e) => e.affiliationOrganizationId).filter(Boolean)],
    );
    const declarations = await this.declarations(ids);
    return experts.map((e) => ({
      id: e.id,
      userId: e.userId,
      displayName: people.find((p) => p.id === e.userId)?.display_name ?? '',
      fields: e.fields,
      affiliationOrganization: orgs.find((o) => o.id === e.affiliationOrganizationId) ?? null,
      affiliationExternal: e.affiliationExternal,
      title: e.title,
      bio: e.bio,
      availability: e.availability,
      declarations: declarations.filter((d) => d.expertId === e.id).map(({ expertId: _, ...d }) => d),
    }));
  }

  private async declarations(expertIds: string[]): Promise<(DeclarationView & { expertId: string })[]> {
    const rows = await this.tenant.manager.query<Record<string, any>[]>(
      `SELECT d.*, o.name AS organization_name, u.display_name AS user_name FROM expert_declarations d
         LEFT JOIN organization_directory o ON o.id = d.organization_id LEFT JOIN people_directory u ON u.id = d.user_id
        WHERE d.expert_id = ANY($1) ORDER BY d.created_at`,
      [expertIds],
    );
    return rows.map((d) => ({
      id: d.id,
      expertId: d.expert_id,
      organization: d.organization_id ? { id: d.organization_id, name: d.organization_name } : null,
      user: d.user_id ? { id: d.user_id, displayName: d.user_name } : null,
      reason: d.reason,
      createdAt: d.created_at,
    }));
  }
}
