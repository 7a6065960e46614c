import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';

export interface ActionItemLine {
  title: string;
  owner: string | null;
  status: string;
  dueOn: string | null;
  progress: number;
}

export interface RequestLine {
  number: string;
  title: string;
  status: string;
  department: string | null;
  escalationLevel: number;
  rating: number | null;
  resolvedAt: Date | null;
}

/** The most rows of a list a ledger prints; the figures above each list count them all. */
export const LEDGER_LIST_LIMIT = 500;

/**
 * The lists a ledger prints beside the figures, read from the exported directories of the
 * action items and service requests (their exported-views.ts), as the dashboard reads them.
 */
@Injectable()
export class LedgerRepository {
  constructor(private readonly tenant: TenantContext) {}

  /** The alliance's action items, as the dashboard counts them (every item, cancelled ones aside). */
  actionItems(allianceId: string): Promise<ActionItemLine[]> {
    return this.tenant.manager.query<ActionItemLine[]>(
      `SELECT i.title, o.name AS owner, i.status, to_char(i.due_on, 'YYYY-MM-DD') AS "dueOn", i.progress
         FROM action_item_directory i LEFT JOIN organization_directory o ON o.id = i.owner_organization_id
        WHERE i.alliance_id = $1 AND i.status <> 'cancelled'
        ORDER BY i.due_on NULLS LAST, i.title, i.id LIMIT ${LEDGER_LIST_LIMIT}`,
      [allianceId],
    );
  }

  /**
   * The requests filed in [from, to) (Beijing days; merged duplicates aside, as the statistics count
   * them) that were escalated, and up to `examples` resolved ones, best rated first.
   */
  async requests(
    allianceId: string,
    period: { from: string; to: string },
    examples: number,
  ): Promise<{ escalated: RequestLine[]; resolved: RequestLine[] }> {
    const select = `SELECT r.number, r.title, r.status, o.name AS department, r.escalation_level AS "escalationLevel",
                           r.rating, r.resolved_at AS "resolvedAt"
                      FROM service_request_directory r LEFT JOIN organization_directory o ON o.id = r.assigned_organization_id
                     WHERE r.alliance_id = $1 AND r.merged_into_id IS NULL
                       AND r.created_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
                       AND r.created_at < ($3::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
    const params = [allianceId, period.from, period.to];
    const escalated = await this.tenant.manager.query<RequestLine[]>(
      `${select} AND r.escalation_level > 0 ORDER BY r.created_at, r.number LIMIT ${LEDGER_LIST_LIMIT}`,
      params,
    );
    const resolved = await this.tenant.manager.query<RequestLine[]>(
      `${select} AND r.resolved_at IS NOT NULL
        ORDER BY r.rating DESC NULLS LAST, r.resolved_at, r.number LIMIT ${examples}`,
      params,
    );
    return { escalated, resolved };
  }
}
