import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';

/**
 * The organisations whose chain position or Party organisation changed since last taken (migration
 * AllianceMemberFigures records them): other modules that sum those facts, the alliances' member
 * figures, read them as organization_figure_change_directory and take them here, in their own
 * transaction, once they have summed them again.
 */
@Injectable()
export class OrganizationFigureChanges {
  constructor(private readonly tenant: TenantContext) {}

  /** Empties the township's changes: the organisations they named. */
  async take(): Promise<string[]> {
    // A SELECT, not a bare DELETE … RETURNING: TypeORM answers a DELETE with [rows, count].
    const rows = await this.tenant.manager.query<{ organization_id: string }[]>(
      'WITH taken AS (DELETE FROM organization_figure_changes RETURNING organization_id) SELECT DISTINCT organization_id FROM taken',
    );
    return rows.map((r) => r.organization_id);
  }
}
