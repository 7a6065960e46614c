import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role, UserStatus } from '../../platform/auth/entities/role';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';

export interface PersonRow {
  id: string;
  tenant_id: string | null;
  display_name: string;
  organization_id: string | null;
  role: Role;
  status: UserStatus;
  is_leader: boolean;
}

/**
 * The look-ups of people that other modules make, over people_directory, in the caller's
 * transaction (TenantContext.manager) and so under its row-level security.
 */
@Injectable()
export class PeopleDirectoryRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  people(ids: string[]): Promise<PersonRow[]> {
    return this.manager.query<PersonRow[]>(
      'SELECT id, tenant_id, display_name, organization_id, role, status, is_leader FROM people_directory WHERE id = ANY($1)',
      [ids],
    );
  }

  /** Active people of the organisations, oldest account first; `role` and `leadersOnly` narrow them. */
  async activeStaff(organizationIds: string[], role: Role | null, leadersOnly: boolean): Promise<string[]> {
    const rows = await this.manager.query<{ id: string }[]>(
      `SELECT id FROM people_directory
        WHERE organization_id = ANY($1) AND status = 'active' AND ($2::text IS NULL OR role::text = $2) AND (NOT $3 OR is_leader)
        ORDER BY created_at, id`,
      [organizationIds, role, leadersOnly],
    );
    return rows.map((r) => r.id);
  }

  /** The current township's active officials, leaders first (never another township's, even for the platform). */
  activeOfficials(): Promise<{ id: string; is_leader: boolean }[]> {
    return this.manager.query<{ id: string; is_leader: boolean }[]>(
      `SELECT id, is_leader FROM people_directory
        WHERE role = 'township_admin' AND status = 'active' AND tenant_id = app_tenant_id()
        ORDER BY is_leader DESC, created_at, id`,
    );
  }
}
