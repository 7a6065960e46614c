import { Injectable } from '@nestjs/common';
import { Role } from '../../platform/auth/entities/role';
import { uniqueViolation } from '../../platform/database/unique-violation';
import { DomainException } from '../../platform/errors/domain.exception';
import { ErrorCode } from '../../platform/errors/error-code';
import type { Page } from '../../platform/pagination/page.dto';
import { Tenant } from '../../platform/tenancy/tenant.entity';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { TenantsRepository } from './tenants.repository';
import { CHINA_2026 } from '../../platform/calendar/china-holidays-2026';
import { UsersService } from '../users/users.service';
import type { CreatedTenantView, CreateTenantDto, TenantView } from './dto/tenant.dto';

@Injectable()
export class TenantsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly users: UsersService,
    private readonly tenants: TenantsRepository,
  ) {}

  list(page: { limit?: number; cursor?: string }): Promise<Page<TenantView>> {
    return this.tenants.list(page);
  }

  /** A new township and the invitation of its first official. */
  async create(input: CreateTenantDto): Promise<CreatedTenantView> {
    let tenant: Tenant;
    try {
      tenant = await this.tenants.save({
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
    await this.tenants.addWorkingDayOverrides(tenant.id, CHINA_2026);
    const invitation = await this.users.invite(
      { email: input.adminEmail, displayName: input.adminDisplayName, role: Role.TownshipAdmin },
      tenant.id,
    );
    return { tenant, invitationUrl: invitation.invitationUrl, admin: invitation.user };
  }
}
