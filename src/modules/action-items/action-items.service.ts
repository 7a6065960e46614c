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
import { ActionItemsRepository } from './action-items.repository';
import type { ActionItemView, CreateActionItemDto, ListActionItemsQuery, ProgressDto } from './dto/action-item.dto';
import { ActionItem } from './entities/action-item.entity';
import { ActionItemStatus } from './entities/action-item-status';
import { PeopleDirectory } from '../users/people-directory.service';
import { OrganizationDirectory } from '../organizations/organization-directory.service';

const OPEN = [ActionItemStatus.Open, ActionItemStatus.InProgress];

/** Action items (议定事项) and their board: officials assign them, owners report progress to done. */
@Injectable()
export class ActionItemsService {
  constructor(
    private readonly organizationDirectory: OrganizationDirectory,
    private readonly peopleDirectory: PeopleDirectory,
    private readonly tenant: TenantContext,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly repository: ActionItemsRepository,
  ) {}

  /** `source` links the item to what it came from, e.g. the report whose recommendation it is. */
  async create(actor: Actor, input: CreateActionItemDto, source: { reportId?: string } = {}): Promise<ActionItemView> {
    if (!(await this.organizationDirectory.exists(input.ownerOrganizationId)))
      throw DomainException.invalid([{ field: 'ownerOrganizationId', reason: 'notFound' }]);
    if (input.ownerUserId) {
      if ((await this.peopleDirectory.person(input.ownerUserId))?.organizationId !== input.ownerOrganizationId)
        throw DomainException.invalid([{ field: 'ownerUserId', reason: 'notFound' }]);
    }
    if (input.meetingId && !(await this.repository.meetingExists(input.meetingId))) {
      throw DomainException.invalid([{ field: 'meetingId', reason: 'notFound' }]);
    }
    const item = await this.repository.save({
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
    const rows = await this.repository.board({
      ...query,
      visibleTo: actor.role === Role.TownshipAdmin ? undefined : { organizationId: actor.organizationId },
      after: query.cursor ? decodeCursorParts(query.cursor, ['date', 'timestamp', 'uuid']) : null,
      limit,
    });
    const page = pageOfRows(rows, limit, (r) => [r.due_on, r.created_at, r.id]);
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
    await this.repository.update(id, {
      progress: input.progress,
      status: done ? ActionItemStatus.Done : ActionItemStatus.InProgress,
      completedAt: done ? this.clock.now() : null,
    });
    await this.repository.addUpdate({
      tenantId: item.tenantId,
      actionItemId: id,
      authorId: actor.userId,
      progress: input.progress,
      note: input.note?.trim() || null,
    });
    return (await this.views([id]))[0];
  }

  private async requireVisible(actor: Actor, id: string): Promise<ActionItem> {
    const item = await this.repository.findById(id);
    if (!item || (actor.role !== Role.TownshipAdmin && item.ownerOrganizationId !== actor.organizationId))
      throw DomainException.notFound();
    return item;
  }

  /** Who is told about an item: its owner person, or else the owner organisation's active people. */
  async owners(item: ActionItem): Promise<string[]> {
    if (item.ownerUserId) return [item.ownerUserId];
    return this.peopleDirectory.activeStaff(item.ownerOrganizationId);
  }

  async views(ids: string[]): Promise<ActionItemView[]> {
    if (ids.length === 0) return [];
    const items = await this.repository.rows(ids);
    const updates = await this.repository.updateRows(ids);
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
