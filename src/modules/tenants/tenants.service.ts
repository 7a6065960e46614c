import { Injectable } from '@nestjs/common';
import { Role } from '../../platform/auth/entities/role';
import { uniqueViolation } from '../../platform/database/unique-violation';
import { DomainException } from '../../platform/errors/domain.exception';
import { ErrorCode } from '../../platform/errors/error-code';
import { keysetPage } from '../../platform/pagination/keyset';
import type { Page } from '../../platform/pagination/page.dto';
import { Tenant } from '../../platform/tenancy/tenant.entity';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { CHINA_2026 } from '../../platform/calendar/china-holidays-2026';
import { UsersService } from '../users/users.service';
import type { CreatedTenantView, CreateTenantDto, TenantView } from './dto/tenant.dto';

@Injectable()
export class TenantsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly users: UsersService,
  ) {}

  list(page: { limit?: number; cursor?: string }): Promise<Page<TenantView>> {
    const qb = this.tenant.manager.getRepository(Tenant).createQueryBuilder('t');
    return keysetPage(qb, { column: 't.created_at', kind: 'timestamp', idColumn: 't.id', direction: 'DESC' }, page);
  }

  /** A new township and the invitation of its first official. */
  async create(input: CreateTenantDto): Promise<CreatedTenantView> {
    let tenant: Tenant;
    try {
      tenant = await this.tenant.manager.getRepository(Tenant).save({
        name: input.name.trim(),
        slug: input.slug,
        timeZone: input.timeZone ?? 'Asia/Shanghai',
      });
    } catch (error) {
      if (uniqueViolation(error) === 'uq_tenants__slug') {
        throw DomainException.conflict(ErrorCode.DuplicateValue, [{ field: 'slug', reason: 'alreadyExists' }]);
      }
      throw error;
    }
    // Act inside the new township from here on, so its first official's invitation is its own.
    await this.tenant.assume({ ...this.tenant.actor, tenantId: tenant.id });
    await this.tenant.manager.query(
      `INSERT INTO working_day_overrides (tenant_id, date, kind, name) SELECT $1, d, k, n FROM unnest($2::date[], $3::text[], $4::text[]) AS x(d, k, n)`,
      [tenant.id, CHINA_2026.map((d) => d.date), CHINA_2026.map((d) => d.kind), CHINA_2026.map((d) => d.name)],
    );
    const invitation = await this.users.invite(
      { email: input.adminEmail, displayName: input.adminDisplayName, role: Role.TownshipAdmin },
      tenant.id,
    );
    return { tenant, invitationUrl: invitation.invitationUrl, admin: invitation.user };
  }
}
