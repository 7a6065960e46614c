import { Injectable } from '@nestjs/common';
import { Role } from '../../../platform/auth/entities/role';
import { DomainException } from '../../../platform/errors/domain.exception';
import type { Actor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { AgendaView, DecideAgendaItemDto, ProposeAgendaItemDto } from '../dto/meeting-session.dto';
import { AgendaItem, AgendaStatus } from '../entities/agenda-item.entity';
import { MeetingsService } from '../meetings.service';

/** The agenda: proposals from any invited organisation, decided by the convener, and the review of last time's unfinished items. */
@Injectable()
export class AgendaService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly meetings: MeetingsService,
  ) {}

  async propose(actor: Actor, meetingId: string, input: ProposeAgendaItemDto): Promise<AgendaView> {
    const meeting = await this.meetings.requireVisible(actor, meetingId);
    if (input.serviceRequestId) {
      if (actor.role !== Role.TownshipAdmin) throw DomainException.forbidden();
      const [escalated] = await this.tenant.manager.query(
        `SELECT 1 FROM service_requests WHERE id = $1 AND (escalation_level > 0 OR sla_state = 'breached')`,
        [input.serviceRequestId],
      );
      if (!escalated) throw DomainException.invalid([{ field: 'serviceRequestId', reason: 'notEscalated' }]);
    }
    const [{ next }] = await this.tenant.manager.query<{ next: number }[]>('SELECT coalesce(max(position), 0) + 1 AS next FROM agenda_items WHERE meeting_id = $1', [meetingId]);
    await this.tenant.manager.getRepository(AgendaItem).save({
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
    return this.view(actor, meetingId);
  }

  async decide(actor: Actor, meetingId: string, itemId: string, input: DecideAgendaItemDto): Promise<AgendaView> {
    if (actor.role !== Role.TownshipAdmin) throw DomainException.forbidden();
    await this.meetings.requireVisible(actor, meetingId);
    const item = await this.tenant.manager.getRepository(AgendaItem).findOneBy({ id: itemId, meetingId });
    if (!item) throw DomainException.notFound();
    await this.tenant.manager.getRepository(AgendaItem).update(
      { id: itemId },
      { status: input.accept ? AgendaStatus.Accepted : AgendaStatus.Declined, decisionNote: input.note?.trim() || null },
    );
    return this.view(actor, meetingId);
  }

  async view(actor: Actor, meetingId: string): Promise<AgendaView> {
    const meeting = await this.meetings.requireVisible(actor, meetingId);
    const items = await this.tenant.manager.query<Record<string, any>[]>(
      `SELECT a.*, u.display_name AS proposer_name, o.name AS org_name, r.number AS sr_number, r.title AS sr_title
         FROM agenda_items a JOIN users u ON u.id = a.proposed_by_id
         LEFT JOIN organizations o ON o.id = a.proposed_by_organization_id LEFT JOIN service_requests r ON r.id = a.service_request_id
        WHERE a.meeting_id = $1 ORDER BY a.position`,
      [meetingId],
    );
    const review = await this.tenant.manager.query<Record<string, any>[]>(
      `SELECT i.id, i.title, o.name AS owner, i.due_on::text AS due_on, i.progress, i.status
         FROM action_items i JOIN organizations o ON o.id = i.owner_organization_id
        WHERE i.status IN ('open', 'in_progress') AND i.meeting_id = (
          SELECT m.id FROM meetings m WHERE m.alliance_id = $1 AND m.starts_at < $2 AND m.status = 'scheduled'
             AND EXISTS (SELECT 1 FROM action_items x WHERE x.meeting_id = m.id)
           ORDER BY m.starts_at DESC LIMIT 1)
        ORDER BY i.due_on`,
      [meeting.allianceId, meeting.startsAt],
    );
    return {
      items: items.map((a) => ({
        id: a.id,
        title: a.title,
        description: a.description,
        proposedBy: { id: a.proposed_by_id, displayName: a.proposer_name },
        proposedByOrganization: a.proposed_by_organization_id ? { id: a.proposed_by_organization_id, name: a.org_name } : null,
        serviceRequest: a.service_request_id ? { id: a.service_request_id, number: a.sr_number, title: a.sr_title } : null,
        status: a.status,
        decisionNote: a.decision_note,
      })),
      review: review.map((r) => ({ id: r.id, title: r.title, ownerOrganization: r.owner, dueOn: r.due_on, progress: r.progress, status: r.status })),
    };
  }
}
