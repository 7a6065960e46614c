import { Injectable } from '@nestjs/common';
import { TenantContext } from '../tenancy/tenant-context.service';
import type { Snapshot } from './audit-changes';
import type { AuditEntryView } from './dto/audit-entry.dto';

export interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  action: AuditEntryView['action'];
  entity_type: string;
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  /** Entries older than this one (ids grow with time). */
  beforeId?: number;
}

/** The last snapshot the log holds of a row. */
export interface LoggedSnapshot {
  entity_type: string;
  entity_id: string;
  row: Snapshot;
}

/** A refused authorisation, as `audit_refused_access` stores it. */
export interface RefusedAccess {
  method: string;
  route: string;
  role: string;
}

/**
 * The audit log's statements, in the caller's transaction: its row-level-security settings and an
 * explicit tenant filter keep other townships' entries and names out.
 */
@Injectable()
export class AuditRepository {
  constructor(private readonly tenant: TenantContext) {}

  /** Newest first, at most `take` entries, with the name of the user who acted. */
  page(tenantId: string, filter: AuditFilter, take: number): Promise<AuditRow[]> {
    const params: unknown[] = [tenantId];
    const where = ['a.tenant_id = $1'];
    if (filter.entityType) {
      params.push(filter.entityType);
      where.push(`a.entity_type = $${params.length}`);
    }
    if (filter.entityId) {
      params.push(filter.entityId);
      where.push(`a.entity_id = $${params.length}`);
    }
    if (filter.beforeId !== undefined) {
      params.push(filter.beforeId);
      where.push(`a.id < $${params.length}`);
    }
    params.push(take);
    return this.tenant.manager.query<AuditRow[]>(
      `SELECT a.id, a.occurred_at, a.actor_user_id, u.display_name AS actor_name, a.action, a.entity_type, a.entity_id, a.before, a.after
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.id DESC
        LIMIT $${params.length}`,
      params,
    );
  }

  /**
   * The `columns` of the rows `ids` of `table`, each as text (a date column would otherwise become a
   * JavaScript Date at the server's midnight). The table and columns come from the audit
   * descriptors, never from input.
   */
  rowsOf(table: string, columns: string[], ids: string[], tenantId: string): Promise<Snapshot[]> {
    const select = columns.map((c) => `"${c}"::text AS "${c}"`).join(', ');
    return this.tenant.manager.query<Snapshot[]>(
      `SELECT ${select} FROM "${table}" WHERE id = ANY($1::uuid[]) AND ${table === 'tenants' ? 'id' : 'tenant_id'} = $2`,
      [ids, tenantId],
    );
  }

  /** Rows gone since: their last snapshot in the log (`types[i]`, `ids[i]` name one row), in one statement. */
  lastSnapshots(tenantId: string, types: string[], ids: string[]): Promise<LoggedSnapshot[]> {
    return this.tenant.manager.query<LoggedSnapshot[]>(
      `SELECT DISTINCT ON (a.entity_type, a.entity_id) a.entity_type, a.entity_id, coalesce(a.after, a.before) AS row
         FROM audit_log a JOIN unnest($2::text[], $3::uuid[]) AS w(entity_type, entity_id)
           ON w.entity_type = a.entity_type AND w.entity_id = a.entity_id
        WHERE a.tenant_id = $1
        ORDER BY a.entity_type, a.entity_id, a.id DESC`,
      [tenantId, types, ids],
    );
  }

  /** The township, the user and the request id come from the transaction's settings. */
  async recordRefusedAccess(detail: RefusedAccess): Promise<void> {
    await this.tenant.manager.query('SELECT audit_refused_access($1)', [detail]);
  }
}
