import { Injectable } from '@nestjs/common';
import { Role } from '../../platform/auth/entities/role';
import { DomainException } from '../../platform/errors/domain.exception';
import type { Page } from '../../platform/pagination/page.dto';
import type { Actor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { CreateOrganizationDto } from './dto/create-organization.dto';
import type { ListOrganizationsQuery } from './dto/list-organizations.query';
import type { OrganizationView } from './dto/organization.view';
import type { UpdateOrganizationDto } from './dto/update-organization.dto';
import { OrganizationKind } from './entities/organization-kind';
import type { Organization } from './entities/organization.entity';
import { toOrganizationView } from './organization.view';
import { OrganizationsRepository } from './organizations.repository';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly tenant: TenantContext,
  ) {}

  async list(actor: Actor, query: ListOrganizationsQuery): Promise<Page<OrganizationView>> {
    const page = await this.organizations.list(query);
    return {
      items: page.items.map((o) => toOrganizationView(o, actor, { masked: true })),
      nextCursor: page.nextCursor,
    };
  }

  async get(actor: Actor, id: string): Promise<OrganizationView> {
    return toOrganizationView(await this.require(id), actor);
  }

  /** Also used by the import, row by row. */
  async create(input: CreateOrganizationDto): Promise<Organization> {
    const saved = await this.organizations.save({
      tenantId: this.tenant.tenantId,
      name: input.name.trim(),
      kind: input.kind,
      unifiedCode: input.unifiedCode ?? null,
      industry: input.industry ?? null,
      chainPosition: input.chainPosition ?? null,
      productTags: normalizeTags(input.productTags),
      address: input.address ?? null,
      contacts: input.contacts ?? [],
      pairedDepartmentId: await this.checkPairing(input.kind, input.pairedDepartmentId),
    });
    if (input.partyOrganization) await this.organizations.savePartyOrganization(saved, input.partyOrganization);
    return this.require(saved.id);
  }

  async createAndView(actor: Actor, input: CreateOrganizationDto): Promise<OrganizationView> {
    return toOrganizationView(await this.create(input), actor);
  }

  async update(actor: Actor, id: string, input: UpdateOrganizationDto): Promise<OrganizationView> {
    const organization = await this.require(id);
    if (actor.role === Role.EnterpriseContact && actor.organizationId !== id) throw DomainException.notFound();
    // Pairing decides who serves the enterprise: the officials' call, not the enterprise's.
    if (actor.role === Role.EnterpriseContact && input.pairedDepartmentId !== undefined)
      throw DomainException.forbidden();
    const { partyOrganization, ...fields } = input;
    if (fields.pairedDepartmentId !== undefined)
      fields.pairedDepartmentId = await this.checkPairing(organization.kind, fields.pairedDepartmentId);
    await this.organizations.save({
      ...organization,
      ...fields,
      name: fields.name?.trim() ?? organization.name,
      productTags: fields.productTags ? normalizeTags(fields.productTags) : organization.productTags,
      partyOrganization: undefined,
    });
    if (partyOrganization !== undefined)
      await this.organizations.savePartyOrganization(organization, partyOrganization);
    return toOrganizationView(await this.require(id), actor);
  }

  /** Only an enterprise pairs, and only with a department of the township. */
  private async checkPairing(kind: OrganizationKind, departmentId: string | null | undefined): Promise<string | null> {
    if (!departmentId) return null;
    const department = await this.organizations.findById(departmentId);
    if (kind !== OrganizationKind.Enterprise || !department || department.kind !== OrganizationKind.Department) {
      throw DomainException.invalid([{ field: 'pairedDepartmentId', reason: 'organizationKindMismatch' }]);
    }
    return department.id;
  }

  /** An organisation already registered with this credit code, else with this name (the import reuses it). */
  async findRegistered(unifiedCode: string | null | undefined, name: string): Promise<Organization | null> {
    const byCode = unifiedCode ? await this.organizations.findByUnifiedCodes([unifiedCode]) : [];
    return byCode[0] ?? (await this.organizations.findByName(name));
  }

  async require(id: string): Promise<Organization> {
    const organization = await this.organizations.findById(id);
    if (!organization) throw DomainException.notFound();
    return organization;
  }
}

function normalizeTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];
}
