import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Role } from '../../platform/auth/entities/role';
import { User } from '../../platform/auth/entities/user.entity';
import { keysetPage } from '../../platform/pagination/keyset';
import type { Page } from '../../platform/pagination/page.dto';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { escapeLike } from '../../platform/database/escape-like';
import type { ListUsersQuery } from './dto/user.dto';

export interface UserWithOrganization {
  user: User;
  organizationName: string | null;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  findById(id: string): Promise<User | null> {
    return this.manager.getRepository(User).findOne({ where: { id } });
  }

  /** Users of the current tenant only; the platform admin's row has no tenant. `memberIds`: see ListUsersQuery.allianceId. */
  list(tenantId: string, query: ListUsersQuery, memberIds?: string[]): Promise<Page<User>> {
    const qb = this.manager.getRepository(User).createQueryBuilder('u').where('u.tenant_id = :tenantId', { tenantId });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    if (query.q) {
      qb.andWhere(
        `(u.display_name ILIKE :q ESCAPE '\\' OR u.email ILIKE :q ESCAPE '\\' OR u.mobile ILIKE :q ESCAPE '\\'
          OR EXISTS (SELECT 1 FROM organization_directory o WHERE o.id = u.organization_id AND o.name ILIKE :q ESCAPE '\\'))`,
        { q: `%${escapeLike(query.q)}%` },
      );
    }
    if (memberIds) {
      qb.andWhere('(u.role IN (:...unattached) OR u.organization_id = ANY(:memberIds))', {
        unattached: [Role.TownshipAdmin, Role.Expert],
        memberIds,
      });
    }
    return keysetPage(qb, { column: 'u.created_at', kind: 'timestamp', idColumn: 'u.id', direction: 'DESC' }, query);
  }

  /** The township's name and the inviting person's, for an invitation's text. */
  async invitationNames(
    tenantId: string | null,
    inviterId: string,
  ): Promise<{ tenant_name: string; inviter_name: string | null } | undefined> {
    const [names] = await this.manager.query<{ tenant_name: string; inviter_name: string | null }[]>(
      `SELECT t.name AS tenant_name, (SELECT display_name FROM users WHERE id = $2) AS inviter_name FROM tenants t WHERE t.id = $1`,
      [tenantId, inviterId],
    );
    return names;
  }

  async hasPassword(userId: string): Promise<boolean> {
    const [row] = await this.manager.query<{ has: boolean }[]>(
      'SELECT password_hash IS NOT NULL AS has FROM users WHERE id = $1',
      [userId],
    );
    return !!row?.has;
  }

  save(user: Partial<User>): Promise<User> {
    return this.manager.getRepository(User).save(user);
  }
}
