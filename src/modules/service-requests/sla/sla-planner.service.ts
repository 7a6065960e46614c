import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { ServiceCategory } from '../entities/service-category.entity';
import type { ServiceRequest } from '../entities/service-request.entity';
import { CalendarService } from '../../../platform/calendar/calendar.service';
import { addWorkingTime } from '../../../platform/calendar/working-calendar';

/** Deadlines from the category's SLA on the township's working calendar. */
@Injectable()
export class SlaPlanner {
  constructor(
    private readonly tenant: TenantContext,
    private readonly calendars: CalendarService,
  ) {}

  /** To accept: counted from when it reached the serving organisation; to resolve: from submission. */
  async deadlines(request: Pick<ServiceRequest, 'tenantId' | 'categoryId' | 'createdAt'>, routedAt: Date): Promise<{ acceptDueAt: Date; resolveDueAt: Date }> {
    const category = await this.tenant.manager.getRepository(ServiceCategory).findOneByOrFail({ id: request.categoryId });
    const calendar = await this.calendars.forTenant(request.tenantId);
    return {
      acceptDueAt: addWorkingTime(routedAt, category.acceptWithin, category.acceptUnit, calendar),
      resolveDueAt: addWorkingTime(request.createdAt, category.resolveWithin, category.resolveUnit, calendar),
    };
  }
}
