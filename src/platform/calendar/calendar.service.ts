import { Injectable } from '@nestjs/common';
import { Tenant } from '../tenancy/tenant.entity';
import { TenantContext } from '../tenancy/tenant-context.service';
import { WorkingDayOverride } from './working-day-override.entity';
import type { CalendarOverrides } from './working-calendar';

export const workingDaysKey = (tenantId: string) => `working-days:${tenantId}`;

/** The tenant's row (its time zone), read once per request or job. */
export function tenantRow(context: TenantContext, tenantId: string): Promise<Tenant | null> {
  return context.once(`tenant:${tenantId}`, () => context.manager.getRepository(Tenant).findOne({ where: { id: tenantId } }));
}

/** A township's working calendar: weekends off, its public holidays off, its make-up days on. */
@Injectable()
export class CalendarService {
  constructor(private readonly tenant: TenantContext) {}

  async forTenant(tenantId = this.tenant.tenantId): Promise<CalendarOverrides> {
    const overrides = await this.tenant.once(workingDaysKey(tenantId), () =>
      this.tenant.manager.getRepository(WorkingDayOverride).find({ where: { tenantId } }),
    );
    const tenant = await tenantRow(this.tenant, tenantId);
    return {
      holidays: new Set(overrides.filter((o) => o.kind === 'holiday').map((o) => o.date)),
      workdays: new Set(overrides.filter((o) => o.kind === 'workday').map((o) => o.date)),
      timeZone: tenant?.timeZone ?? 'Asia/Shanghai',
    };
  }
}
