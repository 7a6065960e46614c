import { Injectable } from '@nestjs/common';
import { DomainException } from '../../../platform/errors/domain.exception';
import { ErrorCode } from '../../../platform/errors/error-code';
import { decodeCursor, pageOfRows } from '../../../platform/pagination/keyset';
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
import type { Expert } from '../entities/expert.entity';
import { ExpertsRepository } from './experts.repository';
import { PeopleDirectory } from '../../users/people-directory.service';
import { OrganizationDirectory } from '../../organizations/organization-directory.service';

/** Think-tank experts (智库专家): profiles, declared conflicts of interest and review history. */
@Injectable()
export class ExpertsService {
  constructor(
    private readonly organizationDirectory: OrganizationDirectory,
    private readonly peopleDirectory: PeopleDirectory,
    private readonly tenant: TenantContext,
    private readonly experts: ExpertsRepository,
  ) {}

  /** The roster in the order experts joined it; a page at a time. */
  async list(query: PageQueryDto): Promise<ExpertPage> {
    const page = await this.experts.list(query);
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  async create(input: CreateExpertDto): Promise<ExpertView> {
    if (!(await this.peopleDirectory.exists(input.userId)))
      throw DomainException.invalid([{ field: 'userId', reason: 'notFound' }]);
    if (await this.experts.existsForUser(input.userId))
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
    const expert = await this.experts.findById(id);
    if (!expert) throw DomainException.notFound();
    await this.checkAffiliation(input);
    await this.experts.update(id, this.fields(input));
    return (await this.views([await this.experts.findByIdOrFail(id)]))[0];
  }

  async mine(actor: Actor): Promise<Expert> {
    const expert = await this.experts.findByUser(actor.userId);
    if (!expert) throw DomainException.notFound();
    return expert;
  }

  async get(id: string): Promise<ExpertView> {
    const expert = await this.experts.findById(id);
    if (!expert) throw DomainException.notFound();
    return (await this.views([expert]))[0];
  }

  async declare(actor: Actor, input: DeclarationDto): Promise<DeclarationView> {
    const expert = await this.mine(actor);
    if (!input.organizationId && !input.userId)
      throw DomainException.invalid([{ field: 'organizationId', reason: 'declarationTarget' }]);
    if (input.organizationId && !(await this.organizationDirectory.exists(input.organizationId))) {
      throw DomainException.invalid([{ field: 'organizationId', reason: 'notFound' }]);
    }
    if (input.userId && !(await this.peopleDirectory.exists(input.userId))) {
      throw DomainException.invalid([{ field: 'userId', reason: 'notFound' }]);
    }
    const saved = await this.experts.saveDeclaration({
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
    if (!(await this.experts.deleteDeclaration(expert.id, declarationId))) throw DomainException.notFound();
  }

  /** An expert's reviews; an official never sees who reviews the reports they wrote. */
  /** Newest invitation first; a page at a time, the cursor holding created_at as text, to the microsecond. */
  async history(actor: Actor, expertId: string, query: PageQueryDto): Promise<ReviewHistoryPage> {
    if (!(await this.experts.exists(expertId))) throw DomainException.notFound();
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor, 'timestamp') : null;
    const rows = await this.experts.history(expertId, actor.userId, after, limit + 1);
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
      !(await this.organizationDirectory.exists(input.affiliationOrganizationId))
    ) {
      throw DomainException.invalid([{ field: 'affiliationOrganizationId', reason: 'notFound' }]);
    }
  }

  private async views(experts: Expert[]): Promise<ExpertView[]> {
    const ids = experts.map((e) => e.id);
    const people = await this.peopleDirectory.displayNames(experts.map((e) => e.userId));
    const orgs = await this.organizationDirectory.names(experts.map((e) => e.affiliationOrganizationId));
    const declarations = await this.declarations(ids);
    return experts.map((e) => ({
      id: e.id,
      userId: e.userId,
      displayName: people.get(e.userId) ?? '',
      fields: e.fields,
      affiliationOrganization: affiliation(e.affiliationOrganizationId, orgs),
      affiliationExternal: e.affiliationExternal,
      title: e.title,
      bio: e.bio,
      availability: e.availability,
      declarations: declarations
        .filter((d) => d.expertId === e.id)
        .map(({ id, organization, user, reason, createdAt }) => ({ id, organization, user, reason, createdAt })),
    }));
  }

  private async declarations(expertIds: string[]): Promise<(DeclarationView & { expertId: string })[]> {
    const rows = await this.experts.declarations(expertIds);
    return rows.map((d) => ({
      id: d.id,
      expertId: d.expert_id,
      organization: d.organization_id ? { id: d.organization_id, name: d.organization_name ?? '' } : null,
      user: d.user_id ? { id: d.user_id, displayName: d.user_name ?? '' } : null,
      reason: d.reason,
      createdAt: d.created_at,
    }));
  }
}

/** The expert's affiliation as a reference, when it names an organisation that exists. */
function affiliation(id: string | null, names: Map<string, string>): { id: string; name: string } | null {
  const name = id ? names.get(id) : undefined;
  return id && name !== undefined ? { id, name } : null;
}
