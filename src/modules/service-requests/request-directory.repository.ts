import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';

/**
 * What service requests read of people, organisations and alliances, through the views their
 * modules export (people_directory, organization_directory, alliance_directory).
 */
@Injectable()
export class RequestDirectoryRepository {
  constructor(private readonly tenant: TenantContext) {}

  /** The organisation's first active enterprise contact, by registration. */
  async firstEnterpriseContact(organizationId: string): Promise<string | undefined> {
    const [contact] = await this.tenant.manager.query<{ id: string }[]>(
      `SELECT id FROM people_directory WHERE organization_id = $1 AND role = 'enterprise_contact' AND status = 'active' ORDER BY created_at LIMIT 1`,
      [organizationId],
    );
    return contact?.id;
  }

  async displayName(userId: string): Promise<string | undefined> {
    const [person] = await this.tenant.manager.query<{ display_name: string }[]>(
      'SELECT display_name FROM people_directory WHERE id = $1',
      [userId],
    );
    return person?.display_name;
  }

  async organizationName(organizationId: string): Promise<string | undefined> {
    const [organization] = await this.tenant.manager.query<{ name: string }[]>(
      'SELECT name FROM organization_directory WHERE id = $1',
      [organizationId],
    );
    return organization?.name;
  }

  async organizationNames(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.tenant.manager.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM organization_directory WHERE id = ANY($1)',
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async organizationExists(organizationId: string): Promise<boolean> {
    const rows = await this.tenant.manager.query<unknown[]>('SELECT 1 FROM organization_directory WHERE id = $1', [
      organizationId,
    ]);
    return rows.length > 0;
  }

  async allianceExists(allianceId: string): Promise<boolean> {
    const rows = await this.tenant.manager.query<unknown[]>('SELECT 1 FROM alliance_directory WHERE id = $1', [
      allianceId,
    ]);
    return rows.length > 0;
  }

  /** Both organisations' names and the serving organisation's active staff, in one round trip. */
  async parties(
    requesterOrganizationId: string,
    assignedOrganizationId: string | null,
  ): Promise<{ requester: string | null; provider: string | null; staff: string[] } | undefined> {
    const [row] = await this.tenant.manager.query<
      { requester: string | null; provider: string | null; staff: string[] }[]
    >(
      `SELECT (SELECT name FROM organization_directory WHERE id = $1) AS requester, (SELECT name FROM organization_directory WHERE id = $2) AS provider,
            ARRAY(SELECT id FROM people_directory WHERE organization_id = $2 AND status = 'active') AS staff`,
      [requesterOrganizationId, assignedOrganizationId],
    );
    return row;
  }
}
