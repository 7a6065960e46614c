import { Injectable } from '@nestjs/common';
import { IsNull, LessThanOrEqual } from 'typeorm';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { ServiceRequestStatus as S } from '../entities/service-request-status';
import { ServiceRequest } from '../entities/service-request.entity';

@Injectable()
export class SlaRepository {
  constructor(private readonly tenant: TenantContext) {}

  /** Requests of every township with an SLA milestone due at `now`, the first 500 (service_requests_sla_due). */
  dueMilestones(now: Date): Promise<{ id: string; tenant_id: string }[]> {
    return this.tenant.manager.query<{ id: string; tenant_id: string }[]>(
      'SELECT * FROM service_requests_sla_due($1, 500)',
      [now],
    );
  }

  /** Resolved on or before `cutoff`, not rated and not merged: the first 500 to close by themselves. */
  staleResolved(cutoff: Date): Promise<ServiceRequest[]> {
    return this.tenant.manager.getRepository(ServiceRequest).find({
      where: { status: S.Resolved, rating: IsNull(), resolvedAt: LessThanOrEqual(cutoff), mergedIntoId: IsNull() },
      take: 500,
    });
  }
}
