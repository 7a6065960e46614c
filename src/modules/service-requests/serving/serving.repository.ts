import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';

/**
 * Whether an organisation serves requests (部门服务, or a lead enterprise that takes project
 * applications): it provides an active category, is the target of an active routing rule, or has
 * had a request assigned to it. Only such an organisation has a service inbox worth showing.
 */
@Injectable()
export class ServingRepository {
  constructor(private readonly tenant: TenantContext) {}

  async servesRequests(organizationId: string): Promise<boolean> {
    const [row] = await this.tenant.manager.query<{ serves: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM service_categories WHERE provider_organization_id = $1 AND active)
           OR EXISTS (SELECT 1 FROM routing_rules WHERE target_organization_id = $1 AND active)
           OR EXISTS (SELECT 1 FROM service_requests WHERE assigned_organization_id = $1) AS serves`,
      [organizationId],
    );
    return row?.serves === true;
  }
}
