import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { keysetPage } from '../../platform/pagination/keyset';
import type { Page } from '../../platform/pagination/page.dto';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { MemberCountsView } from './dto/alliance.dto';
import type { ListMembersQuery } from './dto/membership.dto';
import { AllianceMembership } from './entities/alliance-membership.entity';
import { AllianceRole } from './entities/alliance-role';
import { Alliance } from './entities/alliance.entity';

@Injectable()
export class AlliancesRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  findById(id: string): Promise<Alliance | null> {
    return this.manager.getRepository(Alliance).findOne({ where: { id } });
  }

  list(page: { limit?: number; cursor?: string }): Promise<Page<Alliance>> {
    const qb = this.manager.getRepository(Alliance).createQueryBuilder('a');
    return keysetPage(qb, { column: 'a.name', kind: 'text', idColumn: 'a.id', direction: 'ASC' }, page);
  }

  save(alliance: Partial<Alliance>): Promise<Alliance> {
    return this.manager.getRepository(Alliance).save(alliance);
  }

  /** Current members by role for several alliances in one query. */
  async memberCounts(allianceIds: string[]): Promise<Map<string, MemberCountsView>> {
    const counts = new Map(allianceIds.map((id) => [id, { lead: 0, departments: 0, members: 0 }]));
    if (allianceIds.length === 0) return counts;
    const rows = await this.manager.query<{ alliance_id: string; role: AllianceRole; count: string }[]>(
      `SELECT alliance_id, role, count(*) AS count FROM alliance_memberships
        WHERE alliance_id = ANY($1) AND left_on IS NULL GROUP BY alliance_id, role`,
      [allianceIds],
    );
    for (const row of rows) {
      const entry = counts.get(row.alliance_id)!;
      const n = Number(row.count);
      if (row.role === AllianceRole.Lead) entry.lead = n;
      else if (row.role === AllianceRole.Department) entry.departments = n;
      else entry.members = n;
    }
    return counts;
  }

  /** An organisation's current role in each of several alliances it belongs to, in one query. */
  async rolesOf(organizationId: string, allianceIds: string[]): Promise<Map<string, AllianceRole>> {
    if (allianceIds.length === 0) return new Map();
    const rows = await this.manager.query<{ alliance_id: string; role: AllianceRole }[]>(
      `SELECT alliance_id, role FROM alliance_memberships
        WHERE organization_id = $1 AND alliance_id = ANY($2) AND left_on IS NULL`,
      [organizationId, allianceIds],
    );
    return new Map(rows.map((row) => [row.alliance_id, row.role]));
  }

  findMembership(allianceId: string, membershipId: string): Promise<AllianceMembership | null> {
    return this.manager.getRepository(AllianceMembership).findOne({
      where: { id: membershipId, allianceId },
      relations: { organization: { partyOrganization: true } },
    });
  }

  findCurrentMembership(allianceId: string, organizationId: string): Promise<AllianceMembership | null> {
    return this.manager
      .getRepository(AllianceMembership)
      .createQueryBuilder('m')
      .where('m.alliance_id = :allianceId AND m.organization_id = :organizationId AND m.left_on IS NULL', {
        allianceId,
        organizationId,
      })
      .getOne();
  }

  findCurrentLead(allianceId: string): Promise<AllianceMembership | null> {
    return this.manager
      .getRepository(AllianceMembership)
      .createQueryBuilder('m')
      .where("m.alliance_id = :allianceId AND m.role = 'lead' AND m.left_on IS NULL", { allianceId })
      .getOne();
  }

  listMembers(allianceId: string, query: ListMembersQuery): Promise<Page<AllianceMembership>> {
    const qb = this.manager
      .getRepository(AllianceMembership)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.organization', 'o')
      .leftJoinAndSelect('o.partyOrganization', 'p')
      .where('m.alliance_id = :allianceId', { allianceId });
    if (query.role) qb.andWhere('m.role = :role', { role: query.role });
    if (query.organizationId)
      qb.andWhere('m.organization_id = :organizationId', { organizationId: query.organizationId });
    if (!query.includeLeft) qb.andWhere('m.left_on IS NULL');
    return keysetPage(qb, { column: 'm.joined_on', kind: 'date', idColumn: 'm.id', direction: 'DESC' }, query);
  }

  /** Every membership of the alliance, past ones included, with its organisation and party organisation. */
  registryMemberships(allianceId: string): Promise<AllianceMembership[]> {
    return this.manager
      .getRepository(AllianceMembership)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.organization', 'o')
      .leftJoinAndSelect('o.partyOrganization', 'p')
      .where('m.alliance_id = :id', { id: allianceId })
      .orderBy('m.joined_on', 'ASC')
      .addOrderBy('o.name', 'ASC')
      .getMany();
  }

  /** The organisations in the alliance today. */
  async currentMemberIds(allianceId: string): Promise<string[]> {
    const rows = await this.manager.query<{ organization_id: string }[]>(
      'SELECT organization_id FROM alliance_memberships WHERE alliance_id = $1 AND left_on IS NULL',
      [allianceId],
    );
    return rows.map((r) => r.organization_id);
  }

  saveMembership(membership: Partial<AllianceMembership>): Promise<AllianceMembership> {
    return this.manager.getRepository(AllianceMembership).save(membership);
  }
}
