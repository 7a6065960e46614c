import { Injectable } from '@nestjs/common';
import { TenantContext } from '../tenancy/tenant-context.service';
import { townshipSettings } from '../tenancy/township-settings';
import type { CalendarOverrides } from './working-calendar';

/** A township's working calendar: weekends off, its public holidays off, its make-up days on. */
@Injectable()
export class CalendarService {
  constructor(private readonly tenant: TenantContext) {}

  async forTenant(tenantId = this.tenant.tenantId): Promise<CalendarOverrides> {
    const { overrides, timeZone } = await townshipSettings(this.tenant, tenantId);
    return {
      holidays: new Set(overrides.filter((o) => o.kind === 'holiday').map((o) => o.date)),
      workdays: new Set(overrides.filter((o) => o.kind === 'workday').map((o) => o.date)),
      timeZone,
    };
  }
}
