import { Injectable } from '@nestjs/common';
import type { ServiceRequest } from '../entities/service-request.entity';
import { CalendarService } from '../../../platform/calendar/calendar.service';
import { addWorkingTime } from '../../../platform/calendar/working-calendar';
import { ServiceRequestsRepository } from '../service-requests.repository';

/** Deadlines from the category's SLA on the township's working calendar. */
@Injectable()
export class SlaPlanner {
  constructor(
    private readonly requests: ServiceRequestsRepository,
    private readonly calendars: CalendarService,
  ) {}

  /** To accept: counted from when it reached the serving organisation; to resolve: from submission. */
  async deadlines(
    request: Pick<ServiceRequest, 'tenantId' | 'categoryId' | 'createdAt'>,
    routedAt: Date,
  ): Promise<{ acceptDueAt: Date; resolveDueAt: Date }> {
    const category = await this.requests.category(request.categoryId);
    const calendar = await this.calendars.forTenant(request.tenantId);
    return {
      acceptDueAt: addWorkingTime(routedAt, category.acceptWithin, category.acceptUnit, calendar),
      resolveDueAt: addWorkingTime(request.createdAt, category.resolveWithin, category.resolveUnit, calendar),
    };
  }
}
