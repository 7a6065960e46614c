import { Injectable } from '@nestjs/common';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor } from '../pagination/keyset';
import { TenantContext } from '../tenancy/tenant-context.service';
import { changedFields, withoutSecrets } from './audit-changes';
import { HIDDEN_COLUMNS, REFERENCE_COLUMNS, REFUSED_ROUTE_KIND } from './audit-descriptors';
import { AuditObjectResolver } from './audit-object-resolver';
import { AuditRepository, type AuditRow } from './audit.repository';
import type { AuditEntryView, AuditObjectView, AuditPage, ListAuditQuery } from './dto/audit-entry.dto';

@Injectable()
export class AuditService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: AuditRepository,
  ) {}

  /** Newest first; the cursor is the last id seen (ids grow with time). */
  async list(query: ListAuditQuery): Promise<AuditPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.repository.page(
      this.tenant.tenantId,
      {
        entityType: query.entityType,
        entityId: query.entityId,
        beforeId: query.cursor ? decodeAuditCursor(query.cursor)[0] : undefined,
      },
      limit + 1,
    );
    const items = await this.describe(rows.slice(0, limit));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > limit && last ? encodeCursor([Number(last.id), '00000000-0000-0000-0000-000000000000']) : null,
    };
  }

  /** Names each entry's object, its parent and the rows its reference columns point at. */
  private async describe(rows: AuditRow[]): Promise<AuditEntryView[]> {
    const resolver = new AuditObjectResolver(this.repository, this.tenant.tenantId);
    const changes = rows.map((r) => (r.action === 'update' ? changedFields(r.before, r.after) : []));
    await resolver.load(
      rows.flatMap((r) => [
        ...AuditObjectResolver.wants(r.entity_type, r.after ?? r.before),
        ...references(r.before),
        ...references(r.after),
      ]),
    );
    return rows.map((r, i): AuditEntryView => {
      const snapshot = r.after ?? r.before;
      const refused = r.action === 'refused';
      return {
        id: String(r.id),
        occurredAt: r.occurred_at,
        actor: r.actor_user_id ? { id: r.actor_user_id, displayName: r.actor_name ?? '' } : null,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: withoutSecrets(r.before),
        after: withoutSecrets(r.after),
        object: refused
          ? refusedRoute(r.after)
          : resolver.describe(r.entity_type, r.entity_id, snapshot, r.action !== 'delete'),
        parent: refused ? null : resolver.parentOf(r.entity_type, snapshot),
        names: Object.fromEntries(
          [...references(r.before), ...references(r.after)].flatMap(([table, id]) => {
            const name = resolver.nameOf(table, id);
            return name ? [[id as string, name]] : [];
          }),
        ),
        changes: changes[i].map((c) => {
          const table = REFERENCE_COLUMNS[c.field];
          return {
            ...c,
            fromLabel: table ? resolver.nameOf(table, c.from) : null,
            toLabel: table ? resolver.nameOf(table, c.to) : null,
          };
        }),
      };
    });
  }
}

/** The rows a snapshot's reference columns point at (its handler, its organisation ...). */
function references(snapshot: Record<string, unknown> | null): Array<[string, unknown]> {
  return Object.entries(snapshot ?? {}).flatMap(([column, id]): Array<[string, unknown]> => {
    const table = REFERENCE_COLUMNS[column];
    return table && !HIDDEN_COLUMNS.has(column) && typeof id === 'string' ? [[table, id]] : [];
  });
}

function refusedRoute(after: Record<string, unknown> | null): AuditObjectView {
  const label = [after?.method, after?.route].filter((part) => typeof part === 'string').join(' ');
  return {
    kind: REFUSED_ROUTE_KIND,
    typeName: 'Route',
    id: null,
    label: label || null,
    code: null,
    quoted: false,
    link: null,
  };
}

function decodeAuditCursor(cursor: string): [number] {
  const [id] = decodeCursor(cursor, 'number');
  return [Number(id)];
}
