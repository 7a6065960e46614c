import { Injectable } from '@nestjs/common';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor } from '../pagination/keyset';
import { TenantContext } from '../tenancy/tenant-context.service';
import type { AuditEntryView, AuditPage, ListAuditQuery } from './dto/audit-entry.dto';

interface AuditRow {
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

@Injectable()
export class AuditService {
  constructor(private readonly tenant: TenantContext) {}

  /** Newest first; the cursor is the last id seen (ids grow with time). */
  async list(query: ListAuditQuery): Promise<AuditPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [this.tenant.tenantId];
    const where = ['a.tenant_id = $1'];
    if (query.entityType) {
      params.push(query.entityType);
      where.push(`a.entity_type = $${params.length}`);
    }
    if (query.entityId) {
      params.push(query.entityId);
      where.push(`a.entity_id = $${params.length}`);
    }
    if (query.cursor) {
      const [afterId] = decodeAuditCursor(query.cursor);
      params.push(afterId);
      where.push(`a.id < $${params.length}`);
    }
    params.push(limit + 1);
    const rows = await this.tenant.manager.query<AuditRow[]>(
      `SELECT a.id, a.occurred_at, a.actor_user_id, u.display_name AS actor_name, a.action, a.entity_type, a.entity_id, a.before, a.after
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.id DESC
        LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit).map(
      (r): AuditEntryView => ({
        id: String(r.id),
        occurredAt: r.occurred_at,
        actor: r.actor_user_id ? { id: r.actor_user_id, displayName: r.actor_name ?? '' } : null,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
      }),
    );
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([Number(last.id), '00000000-0000-0000-0000-000000000000']) : null };
  }
}

function decodeAuditCursor(cursor: string): [number] {
  const [id] = decodeCursor(cursor, 'number');
  return [Number(id)];
}
