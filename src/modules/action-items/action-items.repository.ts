import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CursorPart } from '../../platform/pagination/keyset';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { ListActionItemsQuery } from './dto/action-item.dto';
import { ActionItemStatus } from './entities/action-item-status';
import { ActionItemUpdate } from './entities/action-item-update.entity';
import { ActionItem } from './entities/action-item.entity';

/** One row of the board's keyset: the id and its sort keys as text. */
export interface BoardKeyRow {
  id: string;
  due_on: string;
  created_at: string;
}

/** An item with its owners' names, as the views show it. */
export interface ActionItemRow {
  id: string;
  tenant_id: string;
  alliance_id: string;
  meeting_id: string | null;
  report_id: string | null;
  title: string;
  description: string | null;
  owner_organization_id: string;
  owner_name: string;
  owner_user_id: string | null;
  /** Set whenever owner_user_id is. */
  owner_user_name: string;
  due_on: string;
  status: ActionItemStatus;
  progress: number;
  escalation_level: number;
  completed_at: Date | null;
}

/** A progress report with its author's name. */
export interface ActionItemUpdateRow {
  id: string;
  action_item_id: string;
  author_id: string | null;
  /** Set whenever author_id is. */
  author_name: string;
  progress: number;
  note: string | null;
  created_at: Date;
}

/** Filters of the board; `visibleTo` limits it to the items one organisation owns (undefined: every item). */
export interface BoardFilter extends Omit<ListActionItemsQuery, 'limit' | 'cursor'> {
  visibleTo?: { organizationId: string | null };
  after: CursorPart[] | null;
  limit: number;
}

/** The action items module's queries: its own tables, and the directories other modules export. */
@Injectable()
export class ActionItemsRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  private get items() {
    return this.manager.getRepository(ActionItem);
  }

  findById(id: string): Promise<ActionItem | null> {
    return this.items.findOneBy({ id });
  }

  save(item: Partial<ActionItem>): Promise<ActionItem> {
    return this.items.save(item);
  }

  async update(id: string, changes: Partial<ActionItem>): Promise<void> {
    await this.items.update({ id }, changes);
  }

  async addUpdate(update: Partial<ActionItemUpdate>): Promise<void> {
    await this.manager.getRepository(ActionItemUpdate).save(update);
  }

  async meetingExists(id: string): Promise<boolean> {
    const rows = await this.manager.query<unknown[]>('SELECT 1 FROM meeting_directory WHERE id = $1', [id]);
    return rows.length > 0;
  }

  /** Open items not yet escalated three times whose due day is before `today`. */
  overdue(open: ActionItemStatus[], today: string): Promise<ActionItem[]> {
    return this.items
      .createQueryBuilder('a')
      .where('a.status IN (:...open) AND a.escalation_level < 3 AND a.due_on < :today', { open, today })
      .getMany();
  }

  /** One page (and one row more) of the board, by due date, then as created. */
  board(filter: BoardFilter): Promise<BoardKeyRow[]> {
    // The cursor carries created_at as text: microseconds, which a JavaScript Date would drop.
    const qb = this.items
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .addSelect('CAST(a.due_on AS text)', 'due_on')
      .addSelect('CAST(a.created_at AS text)', 'created_at')
      .orderBy('a.due_on', 'ASC')
      .addOrderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(filter.limit + 1);
    if (filter.visibleTo) qb.andWhere('a.owner_organization_id = :org', { org: filter.visibleTo.organizationId });
    if (filter.allianceId) qb.andWhere('a.alliance_id = :alliance', { alliance: filter.allianceId });
    if (filter.meetingId) qb.andWhere('a.meeting_id = :meeting', { meeting: filter.meetingId });
    if (filter.reportId) qb.andWhere('a.report_id = :report', { report: filter.reportId });
    if (filter.ownerOrganizationId)
      qb.andWhere('a.owner_organization_id = :owner', { owner: filter.ownerOrganizationId });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.after) {
      const [dueOn, createdAt, id] = filter.after;
      qb.andWhere('(a.due_on, a.created_at, a.id) > (:dueOn::date, :createdAt::timestamptz, :id::uuid)', {
        dueOn,
        createdAt,
        id,
      });
    }
    return qb.getRawMany<BoardKeyRow>();
  }

  rows(ids: string[]): Promise<ActionItemRow[]> {
    return this.manager.query<ActionItemRow[]>(
      `SELECT a.*, a.due_on::text AS due_on, o.name AS owner_name, u.display_name AS owner_user_name FROM action_items a
         JOIN organization_directory o ON o.id = a.owner_organization_id LEFT JOIN people_directory u ON u.id = a.owner_user_id
        WHERE a.id = ANY($1) ORDER BY a.due_on, a.created_at, a.id`,
      [ids],
    );
  }

  updateRows(ids: string[]): Promise<ActionItemUpdateRow[]> {
    return this.manager.query<ActionItemUpdateRow[]>(
      `SELECT p.*, u.display_name AS author_name FROM action_item_updates p LEFT JOIN people_directory u ON u.id = p.author_id
        WHERE p.action_item_id = ANY($1) ORDER BY p.created_at`,
      [ids],
    );
  }
}
