import { Injectable } from '@nestjs/common';
import { Role } from '../../platform/auth/entities/role';
import { Clock } from '../../platform/clock/clock';
import { localDate } from '../../platform/clock/local-date';
import { DomainException } from '../../platform/errors/domain.exception';
import { ActionItemNotification } from './action-items.notifications';
import { Notifier } from '../../platform/notifications/notifier.service';
import { decodeCursorParts, pageOfRows } from '../../platform/pagination/keyset';
import { DEFAULT_PAGE_SIZE, type Page } from '../../platform/pagination/page.dto';
import type { Actor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { ActionItemView, CreateActionItemDto, ListActionItemsQuery, ProgressDto } from './dto/action-item.dto';
import { ActionItemUpdate } from './entities/action-item-update.entity';
import { ActionItem, ActionItemStatus } from './entities/action-item.entity';

const OPEN = [ActionItemStatus.Open, ActionItemStatus.InProgress];

/** Action items (议定事项) and their board: officials assign them, owners report progress to done. */
@Injectable()
export class ActionItemsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  private get repo() {
    return this.tenant.manager.getRepository(ActionItem);
  }

  /** `source` links the item to what it came from, e.g. the report whose recommendation it is. */
  async create(actor: Actor, input: CreateActionItemDto, source: { reportId?: string } = {}): Promise<ActionItemView> {
    const [owner] = await this.tenant.manager.query('SELECT 1 FROM organization_directory WHERE id = $1', [
      input.ownerOrganizationId,
    ]);
    if (!owner) throw DomainException.invalid([{ field: 'ownerOrganizationId', reason: 'notFound' }]);
    if (input.ownerUserId) {
      const [user] = await this.tenant.manager.query(
        'SELECT 1 FROM people_directory WHERE id = $1 AND organization_id = $2',
        [input.ownerUserId, input.ownerOrganizationId],
      );
      if (!user) throw DomainException.invalid([{ field: 'ownerUserId', reason: 'notFound' }]);
    }
    if (
      input.meetingId &&
      !(await this.tenant.manager.query('SELECT 1 FROM meeting_directory WHERE id = $1', [input.meetingId])).length
    ) {
      throw DomainException.invalid([{ field: 'meetingId', reason: 'notFound' }]);
    }
    const item = await this.repo.save({
      tenantId: this.tenant.tenantId,
      allianceId: input.allianceId,
      meetingId: input.meetingId ?? null,
      reportId: source.reportId ?? null,
      title: input.title.trim(),
      description: input.description ?? null,
      ownerOrganizationId: input.ownerOrganizationId,
      ownerUserId: input.ownerUserId ?? null,
      dueOn: input.dueOn,
      createdById: actor.userId,
    });
    await this.notifier.notify(
      { userIds: await this.owners(item), organizationIds: [item.ownerOrganizationId] },
      ActionItemNotification.ActionItemAssigned,
      { actionItemId: item.id, title: item.title, dueOn: item.dueOn },
    );
    return (await this.views([item.id]))[0];
  }

  /** A page of the board, by due date, then as created: every item of the alliance (officials), or those the actor's organisation owns. */
  async list(actor: Actor, query: ListActionItemsQuery): Promise<Page<ActionItemView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    // The cursor carries created_at as text: microseconds, which a JavaScript Date would drop.
    const qb = this.repo
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .addSelect('CAST(a.due_on AS text)', 'due_on')
      .addSelect('CAST(a.created_at AS text)', 'created_at')
      .orderBy('a.due_on', 'ASC')
      .addOrderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(limit + 1);
    if (actor.role !== Role.TownshipAdmin) qb.andWhere('a.owner_organization_id = :org', { org: actor.organizationId });
    if (query.allianceId) qb.andWhere('a.alliance_id = :alliance', { alliance: query.allianceId });
    if (query.meetingId) qb.andWhere('a.meeting_id = :meeting', { meeting: query.meetingId });
    if (query.reportId) qb.andWhere('a.report_id = :report', { report: query.reportId });
    if (query.ownerOrganizationId)
      qb.andWhere('a.owner_organization_id = :owner', { owner: query.ownerOrganizationId });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.cursor) {
      const [dueOn, createdAt, id] = decodeCursorParts(query.cursor, ['date', 'timestamp', 'uuid']);
      qb.andWhere('(a.due_on, a.created_at, a.id) > (:dueOn::date, :createdAt::timestamptz, :id::uuid)', {
        dueOn,
        createdAt,
        id,
      });
    }
    const page = pageOfRows(await qb.getRawMany<{ id: string; due_on: string; created_at: string }>(), limit, (r) => [
      r.due_on,
      r.created_at,
      r.id,
    ]);
    return { items: await this.views(page.items.map((r) => r.id)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<ActionItemView> {
    await this.requireVisible(actor, id);
    return (await this.views([id]))[0];
  }

  /** The owner reports progress; 100 % is done. */
  async report(actor: Actor, id: string, input: ProgressDto): Promise<ActionItemView> {
    const item = await this.requireVisible(actor, id);
    if (!OPEN.includes(item.status))
      throw DomainException.conflict(undefined, [{ field: 'status', reason: 'matches' }]);
    const done = input.progress === 100;
    await this.repo.update(
      { id },
      {
        progress: input.progress,
        status: done ? ActionItemStatus.Done : ActionItemStatus.InProgress,
        completedAt: done ? this.clock.now() : null,
      },
    );
    await this.tenant.manager.getRepository(ActionItemUpdate).save({
      tenantId: item.tenantId,
      actionItemId: id,
      authorId: actor.userId,
      progress: input.progress,
      note: input.note?.trim() || null,
    });
    return (await this.views([id]))[0];
  }

  private async requireVisible(actor: Actor, id: string): Promise<ActionItem> {
    const item = await this.repo.findOneBy({ id });
    if (!item || (actor.role !== Role.TownshipAdmin && item.ownerOrganizationId !== actor.organizationId))
      throw DomainException.notFound();
    return item;
  }

  async owners(item: ActionItem): Promise<string[]> {
    if (item.ownerUserId) return [item.ownerUserId];
    const rows = await this.tenant.manager.query<{ id: string }[]>(
      `SELECT id FROM people_directory WHERE organization_id = $1 AND status = 'active'`,
      [item.ownerOrganizationId],
    );
    return rows.map((r) => r.id);
  }

  async views(ids: string[]): Promise<ActionItemView[]> {
    if (ids.length === 0) return [];
    const items = await this.tenant.manager.query<Record<string, any>[]>(
      `SELECT a.*, a.due_on::text AS due_on, o.name AS owner_name, u.display_name AS owner_user_name FROM action_items a
         JOIN organization_directory o ON o.id = a.owner_organization_id LEFT JOIN people_directory u ON u.id = a.owner_user_id
        WHERE a.id = ANY($1) ORDER BY a.due_on, a.created_at, a.id`,
      [ids],
    );
    const updates = await this.tenant.manager.query<Record<string, any>[]>(
      `SELECT p.*, u.display_name AS author_name FROM action_item_updates p LEFT JOIN people_directory u ON u.id = p.author_id
        WHERE p.action_item_id = ANY($1) ORDER BY p.created_at`,
      [ids],
    );
    const today = localDate(this.clock.now());
    return items.map((a) => ({
      id: a.id,
      allianceId: a.alliance_id,
      meetingId: a.meeting_id,
      reportId: a.report_id,
      title: a.title,
      description: a.description,
      ownerOrganization: { id: a.owner_organization_id, name: a.owner_name },
      ownerUser: a.owner_user_id ? { id: a.owner_user_id, displayName: a.owner_user_name } : null,
      dueOn: a.due_on,
      status: a.status,
      progress: a.progress,
      overdue: OPEN.includes(a.status) && a.due_on < today,
      escalationLevel: a.escalation_level,
      completedAt: a.completed_at,
      updates: updates
        .filter((p) => p.action_item_id === a.id)
        .map((p) => ({
          id: p.id,
          author: p.author_id ? { id: p.author_id, displayName: p.author_name } : null,
          progress: p.progress,
          note: p.note,
          createdAt: p.created_at,
        })),
    }));
  }
}
