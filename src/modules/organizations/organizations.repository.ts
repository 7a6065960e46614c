import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { escapeLike } from '../../platform/database/escape-like';
import { keysetPage } from '../../platform/pagination/keyset';
import type { Page } from '../../platform/pagination/page.dto';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { ListOrganizationsQuery } from './dto/list-organizations.query';
import { Organization } from './entities/organization.entity';
import { PartyOrganization } from './entities/party-organization.entity';

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  findById(id: string): Promise<Organization | null> {
    return this.manager.getRepository(Organization).findOne({ where: { id }, relations: { partyOrganization: true } });
  }

  findByIds(ids: string[]): Promise<Organization[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager
      .getRepository(Organization)
      .createQueryBuilder('o')
      .leftJoinAndSelect('o.partyOrganization', 'p')
      .where('o.id IN (:...ids)', { ids })
      .getMany();
  }

  findByUnifiedCodes(codes: string[]): Promise<Organization[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.manager
      .getRepository(Organization)
      .createQueryBuilder('o')
      .leftJoinAndSelect('o.partyOrganization', 'p')
      .where('o.unified_code IN (:...codes)', { codes })
      .getMany();
  }

  findByName(name: string): Promise<Organization | null> {
    return this.manager
      .getRepository(Organization)
      .findOne({ where: { name: name.trim() }, relations: { partyOrganization: true } });
  }

  list(query: ListOrganizationsQuery): Promise<Page<Organization>> {
    const qb = this.manager
      .getRepository(Organization)
      .createQueryBuilder('o')
      .leftJoinAndSelect('o.partyOrganization', 'p');
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    if (query.q) {
      qb.andWhere("(o.name ILIKE :q ESCAPE '\\' OR o.unified_code ILIKE :q ESCAPE '\\')", {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    if (query.allianceId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM alliance_membership_directory m WHERE m.organization_id = o.id AND m.alliance_id = :allianceId AND m.left_on IS NULL)',
        { allianceId: query.allianceId },
      );
    }
    return keysetPage(qb, { column: 'o.name', kind: 'text', idColumn: 'o.id', direction: 'ASC' }, query);
  }

  save(organization: Partial<Organization>): Promise<Organization> {
    return this.manager.getRepository(Organization).save(organization);
  }

  async savePartyOrganization(organization: Organization, party: Partial<PartyOrganization> | null): Promise<void> {
    const repo = this.manager.getRepository(PartyOrganization);
    if (party === null) {
      await repo.delete({ organizationId: organization.id });
      return;
    }
    const existing = await repo.findOne({ where: { organizationId: organization.id } });
    await repo.save({ ...existing, ...party, organizationId: organization.id, tenantId: organization.tenantId });
  }
}
