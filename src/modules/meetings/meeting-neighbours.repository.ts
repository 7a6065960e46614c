import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';

/** An invitee and whether it belongs to the alliance. */
export interface InAllianceRow {
  id: string;
  inAlliance: boolean;
}

/**
 * What scheduling checks against the neighbours' exported views: alliances, people, organisations
 * and rooms. Queries only.
 */
@Injectable()
export class MeetingNeighboursRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  async allianceExists(allianceId: string): Promise<boolean> {
    const [alliance] = await this.manager.query<{ name: string }[]>(
      'SELECT name FROM alliance_directory WHERE id = $1',
      [allianceId],
    );
    return !!alliance;
  }

  async zoneExists(zoneId: string | undefined): Promise<boolean> {
    const [zone] = await this.manager.query<unknown[]>('SELECT 1 FROM venue_zone_directory WHERE id = $1', [zoneId]);
    return !!zone;
  }

  /** The active people among `ids`, each with whether the alliance's picker offers them (officials, experts, members' people). */
  activePeopleOfAlliance(ids: string[], allianceId: string): Promise<InAllianceRow[]> {
    return this.manager.query<InAllianceRow[]>(
      `SELECT u.id, (u.role IN ('township_admin', 'expert') OR EXISTS (
                SELECT 1 FROM alliance_membership_directory m WHERE m.alliance_id = $2 AND m.organization_id = u.organization_id AND m.left_on IS NULL)) AS "inAlliance"
         FROM people_directory u WHERE u.id = ANY($1) AND u.status = 'active'`,
      [ids, allianceId],
    );
  }

  /** The alliance's current member organisations: all of them, or only the lead and members. */
  async currentMembers(allianceId: string, leadAndMembersOnly: boolean): Promise<string[]> {
    const rows = await this.manager.query<{ organization_id: string }[]>(
      `SELECT organization_id FROM alliance_membership_directory WHERE alliance_id = $1 AND left_on IS NULL ${leadAndMembersOnly ? `AND role IN ('lead', 'member')` : ''}`,
      [allianceId],
    );
    return rows.map((r) => r.organization_id);
  }

  /** The organisations among `ids`, each with whether it is a current member of the alliance. */
  organizationsOfAlliance(ids: string[], allianceId: string): Promise<InAllianceRow[]> {
    return this.manager.query<InAllianceRow[]>(
      `SELECT o.id, EXISTS (SELECT 1 FROM alliance_membership_directory m WHERE m.alliance_id = $2 AND m.organization_id = o.id AND m.left_on IS NULL) AS "inAlliance"
         FROM organization_directory o WHERE o.id = ANY($1)`,
      [ids, allianceId],
    );
  }
}
