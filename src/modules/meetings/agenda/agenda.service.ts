import { Injectable } from '@nestjs/common';
import { Role } from '../../../platform/auth/entities/role';
import { DomainException } from '../../../platform/errors/domain.exception';
import type { Actor } from '../../../platform/tenancy/request-actor';
import { decodeCursor, pageOfRows } from '../../../platform/pagination/keyset';
import { DEFAULT_PAGE_SIZE, type Page, type PageQueryDto } from '../../../platform/pagination/page.dto';
import type {
  AgendaItemView,
  DecideAgendaItemDto,
  ProposeAgendaItemDto,
  ReviewItemView,
} from '../dto/meeting-session.dto';
import { AgendaStatus } from '../entities/agenda-item.entity';
import { MeetingsService } from '../meetings.service';
import { type AgendaItemRow, AgendaRepository } from './agenda.repository';

/** The agenda: proposals from any invited organisation, decided by the convener, and the review of last time's unfinished items. */
@Injectable()
export class AgendaService {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly meetings: MeetingsService,
  ) {}

  async propose(actor: Actor, meetingId: string, input: ProposeAgendaItemDto): Promise<AgendaItemView> {
    const meeting = await this.meetings.requireVisible(actor, meetingId);
    if (input.serviceRequestId) {
      if (actor.role !== Role.TownshipAdmin) throw DomainException.forbidden();
      if (!(await this.agenda.isEscalated(input.serviceRequestId)))
        throw DomainException.invalid([{ field: 'serviceRequestId', reason: 'notEscalated' }]);
    }
    const next = await this.agenda.nextPosition(meetingId);
    const saved = await this.agenda.save({
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
    const item = await this.agenda.find(meetingId, itemId);
    if (!item) throw DomainException.notFound();
    await this.agenda.update(itemId, {
      status: input.accept ? AgendaStatus.Accepted : AgendaStatus.Declined,
      decisionNote: input.note?.trim() || null,
    });
    return this.item(itemId);
  }

  /** The agenda's items in their order, a page at a time. */
  async items(actor: Actor, meetingId: string, page: PageQueryDto): Promise<Page<AgendaItemView>> {
    await this.meetings.requireVisible(actor, meetingId);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const [afterPosition, afterId] = page.cursor ? decodeCursor(page.cursor, 'number') : [null, null];
    const rows = await this.agenda.rows(meetingId, [afterPosition, afterId], limit + 1);
    const { items, nextCursor } = pageOfRows(rows, limit, (a) => [a.position, a.id]);
    return { items: items.map(toAgendaItemView), nextCursor };
  }

  /** Unfinished action items of the alliance's previous meeting (the last one that set any), by due date. */
  async review(actor: Actor, meetingId: string, page: PageQueryDto): Promise<Page<ReviewItemView>> {
    const meeting = await this.meetings.requireVisible(actor, meetingId);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const [afterDue, afterId] = page.cursor ? decodeCursor(page.cursor, 'date') : [null, null];
    const rows = await this.agenda.reviewRows(meeting.allianceId, meeting.startsAt, [afterDue, afterId], limit + 1);
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
    const row = await this.agenda.row(itemId);
    return toAgendaItemView(row!);
  }
}

function toAgendaItemView(a: AgendaItemRow): AgendaItemView {
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
