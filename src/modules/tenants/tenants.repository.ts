import { Injectable } from '@nestjs/common';
import type { WorkingDayOverride } from '../../platform/calendar/working-day-override.entity';
import { keysetPage } from '../../platform/pagination/keyset';
import type { Page } from '../../platform/pagination/page.dto';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { Tenant } from '../../platform/tenancy/tenant.entity';

@Injectable()
export class TenantsRepository {
  constructor(private readonly tenant: TenantContext) {}

  list(page: { limit?: number; cursor?: string }): Promise<Page<Tenant>> {
    const qb = this.tenant.manager.getRepository(Tenant).createQueryBuilder('t');
    return keysetPage(qb, { column: 't.created_at', kind: 'timestamp', idColumn: 't.id', direction: 'DESC' }, page);
  }

  save(tenant: Partial<Tenant>): Promise<Tenant> {
    return this.tenant.manager.getRepository(Tenant).save(tenant);
  }

  /** The township's calendar: holidays and working weekend days, in one statement. */
  async addWorkingDayOverrides(
    tenantId: string,
    days: readonly Pick<WorkingDayOverride, 'date' | 'kind' | 'name'>[],
  ): Promise<void> {
    await this.tenant.manager.query(
      `INSERT INTO working_day_overrides (tenant_id, date, kind, name) SELECT $1, d, k, n FROM unnest($2::date[], $3::text[], $4::text[]) AS x(d, k, n)`,
      [tenantId, days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name)],
    );
  }
}
