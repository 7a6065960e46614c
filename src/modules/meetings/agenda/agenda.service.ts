import { Injectable } from '@nestjs/common';
import { Role } from '../../../platform/auth/entities/role';
import { DomainException } from '../../../platform/errors/domain.exception';
import type { Actor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { decodeCursor, pageOfRows } from '../../../platform/pagination/keyset';
import { DEFAULT_PAGE_SIZE, type Page, type PageQueryDto } from '../../../platform/pagination/page.dto';
import type {
  AgendaItemView,
  DecideAgendaItemDto,
  ProposeAgendaItemDto,
  ReviewItemView,
} from '../dto/meeting-session.dto';
import { AgendaItem, AgendaStatus } from '../entities/agenda-item.entity';
import { MeetingsService } from '../meetings.service';

/** The agenda: proposals from any invited organisation, decided by the convener, and the review of last time's unfinished items. */
@Injectable()
export class AgendaService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly meetings: MeetingsService,
  ) {}

  async propose(actor: Actor, meetingId: string, input: ProposeAgendaItemDto): Promise<AgendaItemView> {
    const meeting = await this.meetings.requireVisible(actor, meetingId);
    if (input.serviceRequestId) {
      if (actor.role !== Role.TownshipAdmin) throw DomainException.forbidden();
      const [escalated] = await this.tenant.manager.query(
        `SELECT 1 FROM service_request_directory WHERE id = $1 AND (escalation_level > 0 OR sla_state = 'breached')`,
        [input.serviceRequestId],
      );
      if (!escalated) throw DomainException.invalid([{ field: 'serviceRequestId', reason: 'notEscalated' }]);
    }
    const [{ next }] = await this.tenant.manager.query<{ next: number }[]>(
      'SELECT coalesce(max(position), 0) + 1 AS next FROM agenda_items WHERE meeting_id = $1',
      [meetingId],
    );
    const saved = await this.tenant.manager.getRepository(AgendaItem).save({
      tenantId: meeting.tenantId,
      meetingId,
      title: input.title.trim(),
      description: input.description ?? null,
      proposedById: actor.userId,
      proposedByOrganizationId: actor.organizationId,
      serviceRequestId: input.serviceRequestId ?? null,
      // The convener's own items need no decision.
      status: actor.role === Role.TownshipAdmin ? AgendaStatus.Accepted : AgendaStatus.Proposed,
      position: next,
    });
    return this.item(saved.id);
  }

  async decide(actor: Actor, meetingId: string, itemId: string, input: DecideAgendaItemDto): Promise<AgendaItemView> {
    if (actor.role !== Role.TownshipAdmin) throw DomainException.forbidden();
    await this.meetings.requireVisible(actor, meetingId);
    const item = await this.tenant.manager.getRepository(AgendaItem).findOneBy({ id: itemId, meetingId });
    if (!item) throw DomainException.notFound();
    await this.tenant.manager.getRepository(AgendaItem).update(
      { id: itemId },
      {
        status: input.accept ? AgendaStatus.Accepted : AgendaStatus.Declined,
        decisionNote: input.note?.trim() || null,
      },
    );
    return this.item(itemId);
  }

  /** The agenda's items in their order, a page at a time. */
  async items(actor: Actor, meetingId: string, page: PageQueryDto): Promise<Page<AgendaItemView>> {
    await this.meetings.requireVisible(actor, meetingId);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const [afterPosition, afterId] = page.cursor ? decodeCursor(page.cursor, 'number') : [null, null];
    const rows = await this.tenant.manager.query<Record<string, any>[]>(
      `${AGENDA_SELECT} WHERE a.meeting_id = $1 AND ($2::int IS NULL OR (a.position, a.id) > ($2, $3::uuid))
        ORDER BY a.position, a.id LIMIT $4`,
      [meetingId, afterPosition, afterId, limit + 1],
    );
    const { items, nextCursor } = pageOfRows(rows, limit, (a) => [a.position, a.id]);
    return { items: items.map(toAgendaItemView), nextCursor };
  }

  /** Unfinished action items of the alliance's previous meeting (the last one that set any), by due date. */
  async review(actor: Actor, meetingId: string, page: PageQueryDto): Promise<Page<ReviewItemView>> {
    const meeting = await this.meetings.requireVisible(actor, meetingId);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const [afterDue, afterId] = page.cursor ? decodeCursor(page.cursor, 'date') : [null, null];
    const rows = await this.tenant.manager.query<Record<string, any>[]>(
      `SELECT i.id, i.title, o.name AS owner, i.due_on::text AS due_on, i.progress, i.status
         FROM action_item_directory i JOIN organization_directory o ON o.id = i.owner_organization_id
        WHERE i.status IN ('open', 'in_progress') AND i.meeting_id = (
          SELECT m.id FROM meetings m WHERE m.alliance_id = $1 AND m.starts_at < $2 AND m.status = 'scheduled'
             AND EXISTS (SELECT 1 FROM action_item_directory x WHERE x.meeting_id = m.id)
           ORDER BY m.starts_at DESC LIMIT 1)
          AND ($3::date IS NULL OR (i.due_on, i.id) > ($3, $4::uuid))
        ORDER BY i.due_on, i.id LIMIT $5`,
      [meeting.allianceId, meeting.startsAt, afterDue, afterId, limit + 1],
    );
    const items = rows.map((r) => ({
      id: r.id,
      title: r.title,
      ownerOrganization: r.owner,
      dueOn: r.due_on,
      progress: r.progress,
      status: r.status,
    }));
    return pageOfRows(items, limit, (r) => [r.dueOn, r.id]);
  }

  private async item(itemId: string): Promise<AgendaItemView> {
    const [row] = await this.tenant.manager.query<Record<string, any>[]>(`${AGENDA_SELECT} WHERE a.id = $1`, [itemId]);
    return toAgendaItemView(row);
  }
}

const AGENDA_SELECT = `SELECT a.*, u.display_name AS proposer_name, o.name AS org_name, r.number AS sr_number, r.title AS sr_title
   FROM agenda_items a JOIN people_directory u ON u.id = a.proposed_by_id
   LEFT JOIN organization_directory o ON o.id = a.proposed_by_organization_id LEFT JOIN service_request_directory r ON r.id = a.service_request_id`;

function toAgendaItemView(a: Record<string, any>): AgendaItemView {
  return {
    id: a.id,
    title: a.title,
    description: a.description,
    proposedBy: { id: a.proposed_by_id, displayName: a.proposer_name },
    proposedByOrganization: a.proposed_by_organization_id
      ? { id: a.proposed_by_organization_id, name: a.org_name }
      : null,
    serviceRequest: a.service_request_id ? { id: a.service_request_id, number: a.sr_number, title: a.sr_title } : null,
    status: a.status,
    decisionNote: a.decision_note,
  };
}
