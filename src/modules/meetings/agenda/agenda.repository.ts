import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { AgendaItem, AgendaStatus } from '../entities/agenda-item.entity';

/** An agenda item with its proposer's, organisation's and service request's names. */
export interface AgendaItemRow {
  id: string;
  title: string;
  description: string | null;
  proposed_by_id: string;
  proposer_name: string;
  proposed_by_organization_id: string | null;
  /** Set when proposed_by_organization_id is (a foreign key). */
  org_name: string;
  service_request_id: string | null;
  /** Set when service_request_id is (a foreign key), as is sr_title. */
  sr_number: string;
  sr_title: string;
  status: AgendaStatus;
  decision_note: string | null;
  position: number;
}

/** An unfinished action item of an earlier meeting, with its owner's name. */
export interface ReviewItemRow {
  id: string;
  title: string;
  owner: string;
  due_on: string;
  progress: number;
  status: string;
}

const AGENDA_SELECT = `SELECT a.*, u.display_name AS proposer_name, o.name AS org_name, r.number AS sr_number, r.title AS sr_title
   FROM agenda_items a JOIN people_directory u ON u.id = a.proposed_by_id
   LEFT JOIN organization_directory o ON o.id = a.proposed_by_organization_id LEFT JOIN service_request_directory r ON r.id = a.service_request_id`;

/** Agenda items, and the review of the alliance's earlier action items. Queries only. */
@Injectable()
export class AgendaRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  /** Whether the service request is escalated or past its SLA. */
  async isEscalated(serviceRequestId: string): Promise<boolean> {
    const [escalated] = await this.manager.query<unknown[]>(
      `SELECT 1 FROM service_request_directory WHERE id = $1 AND (escalation_level > 0 OR sla_state = 'breached')`,
      [serviceRequestId],
    );
    return !!escalated;
  }

  async nextPosition(meetingId: string): Promise<number> {
    const [{ next }] = await this.manager.query<{ next: number }[]>(
      'SELECT coalesce(max(position), 0) + 1 AS next FROM agenda_items WHERE meeting_id = $1',
      [meetingId],
    );
    return next;
  }

  save(item: Partial<AgendaItem>): Promise<AgendaItem> {
    return this.manager.getRepository(AgendaItem).save(item);
  }

  find(meetingId: string, id: string): Promise<AgendaItem | null> {
    return this.manager.getRepository(AgendaItem).findOneBy({ id, meetingId });
  }

  async update(id: string, changes: Partial<AgendaItem>): Promise<void> {
    await this.manager.getRepository(AgendaItem).update({ id }, changes);
  }

  async row(id: string): Promise<AgendaItemRow | undefined> {
    const [row] = await this.manager.query<AgendaItemRow[]>(`${AGENDA_SELECT} WHERE a.id = $1`, [id]);
    return row;
  }

  /** Up to `limit` items of the meeting in their order, after the (position, id) given. */
  rows(meetingId: string, after: [string | number | null, string | null], limit: number): Promise<AgendaItemRow[]> {
    return this.manager.query<AgendaItemRow[]>(
      `${AGENDA_SELECT} WHERE a.meeting_id = $1 AND ($2::int IS NULL OR (a.position, a.id) > ($2, $3::uuid))
        ORDER BY a.position, a.id LIMIT $4`,
      [meetingId, after[0], after[1], limit],
    );
  }

  /**
   * Up to `limit` open action items of the alliance's last meeting before `before` that set any, by
   * due date, after the (due date, id) given.
   */
  reviewRows(
    allianceId: string,
    before: Date,
    after: [string | number | null, string | null],
    limit: number,
  ): Promise<ReviewItemRow[]> {
    return this.manager.query<ReviewItemRow[]>(
      `SELECT i.id, i.title, o.name AS owner, i.due_on::text AS due_on, i.progress, i.status
         FROM action_item_directory i JOIN organization_directory o ON o.id = i.owner_organization_id
        WHERE i.status IN ('open', 'in_progress') AND i.meeting_id = (
          SELECT m.id FROM meetings m WHERE m.alliance_id = $1 AND m.starts_at < $2 AND m.status = 'scheduled'
             AND EXISTS (SELECT 1 FROM action_item_directory x WHERE x.meeting_id = m.id)
           ORDER BY m.starts_at DESC LIMIT 1)
          AND ($3::date IS NULL OR (i.due_on, i.id) > ($3, $4::uuid))
        ORDER BY i.due_on, i.id LIMIT $5`,
      [allianceId, before, after[0], after[1], limit],
    );
  }
}
