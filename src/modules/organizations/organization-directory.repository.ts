import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { OrganizationKind } from './entities/organization-kind';

/**
 * The look-ups of organisations that other modules make, over organization_directory, in the
 * caller's transaction (TenantContext.manager) and so under its row-level security.
 */
@Injectable()
export class OrganizationDirectoryRepository {
  constructor(private readonly tenant: TenantContext) {}

  /** The organisations among `ids` that exist, by name. */
  organizations(ids: string[]): Promise<{ id: string; name: string; kind: OrganizationKind }[]> {
    return this.tenant.manager.query<{ id: string; name: string; kind: OrganizationKind }[]>(
      'SELECT id, name, kind FROM organization_directory WHERE id = ANY($1) ORDER BY name, id',
      [ids],
    );
  }
}
