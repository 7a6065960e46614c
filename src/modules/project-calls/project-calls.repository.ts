import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NamedRef } from '../../platform/http/references.view';
import type { CursorPart } from '../../platform/pagination/keyset';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { ProjectApplicationNote } from './entities/project-application-note.entity';
import { type ApplicationStep, ProjectApplication } from './entities/project-application.entity';
import type { ProjectCallStatus } from './entities/project-call-status';
import { ProjectCall } from './entities/project-call.entity';

/** A call with its counts and what it is to the asking organisation. */
export interface ProjectCallRow {
  id: string;
  alliance_id: string | null;
  name: string;
  issuing_body: string;
  deadline: string;
  eligibility_tags: string[];
  description: string | null;
  status: ProjectCallStatus;
  eligible: boolean;
  my_application_id: string | null;
  application_count: number;
  created_at: Date;
}

/** An application with its call's name and deadline and the applicant's name. */
export interface ApplicationRow {
  id: string;
  call_id: string;
  call_name: string;
  deadline: string;
  organization_id: string;
  organization_name: string;
  step: ApplicationStep;
  created_at: Date;
  updated_at: Date;
}

export interface ApplicationNoteRow {
  id: string;
  application_id: string;
  step: ApplicationStep;
  author_id: string;
  display_name: string;
  note: string;
  created_at: Date;
}

/** What a note's notification names: the call and the applicant. */
export interface ApplicationInfoRow {
  name: string;
  call_id: string;
  organization_name: string;
  alliance_id: string | null;
}

/** An organisation to remind of a call's deadline, with its active people. */
export interface DeadlineReminderRow {
  organization_id: string;
  call_id: string;
  name: string;
  deadline: string;
  days_left: number;
  applied: boolean;
  user_ids: string[];
}

/** The project-calls module's queries: its own tables, and the directories other modules export. */
@Injectable()
export class ProjectCallsRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  /** Whether the organisation leads the alliance (any alliance when null). */
  async leads(organizationId: string, allianceId: string | null): Promise<boolean> {
    const rows = await this.manager.query<unknown[]>(
      `SELECT 1 FROM alliance_membership_directory WHERE organization_id = $1 AND role = 'lead' AND left_on IS NULL AND ($2::uuid IS NULL OR alliance_id = $2)`,
      [organizationId, allianceId],
    );
    return rows.length > 0;
  }

  async allianceExists(id: string): Promise<boolean> {
    const rows = await this.manager.query<unknown[]>('SELECT 1 FROM alliance_directory WHERE id = $1', [id]);
    return rows.length > 0;
  }

  findCall(id: string): Promise<ProjectCall | null> {
    return this.manager.getRepository(ProjectCall).findOneBy({ id });
  }

  saveCall(call: Partial<ProjectCall>): Promise<ProjectCall> {
    return this.manager.getRepository(ProjectCall).save(call);
  }

  async updateCall(id: string, changes: Partial<ProjectCall>): Promise<void> {
    await this.manager.getRepository(ProjectCall).update({ id }, changes);
  }

  findApplication(id: string): Promise<ProjectApplication | null> {
    return this.manager.getRepository(ProjectApplication).findOneBy({ id });
  }

  saveApplication(application: Partial<ProjectApplication>): Promise<ProjectApplication> {
    return this.manager.getRepository(ProjectApplication).save(application);
  }

  async updateApplication(id: string, changes: Partial<ProjectApplication>): Promise<void> {
    await this.manager.getRepository(ProjectApplication).update({ id }, changes);
  }

  async saveNote(note: Partial<ProjectApplicationNote>): Promise<void> {
    await this.manager.getRepository(ProjectApplicationNote).save(note);
  }

  /** The active contacts of the lead enterprises of the alliance (of every alliance when null). */
  async activeLeadContacts(allianceId: string | null): Promise<string[]> {
    const rows = await this.manager.query<{ id: string }[]>(
      `SELECT u.id FROM people_directory u WHERE u.status = 'active' AND u.role = 'enterprise_contact' AND u.organization_id IN (
         SELECT organization_id FROM alliance_membership_directory WHERE role = 'lead' AND left_on IS NULL AND ($1::uuid IS NULL OR alliance_id = $1))`,
      [allianceId],
    );
    return rows.map((r) => r.id);
  }

  /** Member enterprises whose product tags overlap `tags` (all members when empty), of the alliance or any. */
  eligibleOrganizations(tags: string[], allianceId: string | null, organizationId: string | null): Promise<NamedRef[]> {
    return this.manager.query<NamedRef[]>(
      `SELECT o.id, o.name FROM organization_directory o
        WHERE o.kind = 'enterprise' AND ($3::uuid IS NULL OR o.id = $3)
          AND (cardinality($1::text[]) = 0 OR o.product_tags && $1::text[])
          AND EXISTS (SELECT 1 FROM alliance_membership_directory m WHERE m.organization_id = o.id AND m.left_on IS NULL
                         AND m.role IN ('lead', 'member') AND ($2::uuid IS NULL OR m.alliance_id = $2))
        ORDER BY o.name`,
      [tags, allianceId, organizationId],
    );
  }

  /** One page (and one row more) of calls: open ones first, then by deadline. */
  callKeys(after: CursorPart[] | null, limit: number) {
    const [afterClosed, afterDeadline, afterId] = after ?? [null, null, null];
    return this.manager.query<{ id: string; closed: boolean; deadline: string }[]>(
      `SELECT id, status = 'closed' AS closed, deadline::text AS deadline FROM project_calls
        WHERE $3::uuid IS NULL OR (status = 'closed', deadline, id) > ($1::boolean, $2::date, $3::uuid)
        ORDER BY status = 'closed', deadline, id LIMIT $4`,
      [afterClosed, afterDeadline, afterId, limit + 1],
    );
  }

  calls(ids: string[], organizationId: string | null): Promise<ProjectCallRow[]> {
    return this.manager.query<ProjectCallRow[]>(
      `SELECT c.*, c.deadline::text AS deadline,
              (SELECT count(*)::int FROM project_applications a WHERE a.call_id = c.id) AS application_count,
              (SELECT a.id FROM project_applications a WHERE a.call_id = c.id AND a.organization_id = $2) AS my_application_id,
              $2::uuid IS NOT NULL AND (cardinality(c.eligibility_tags) = 0 OR c.eligibility_tags && (SELECT product_tags FROM organization_directory WHERE id = $2))
                AND EXISTS (SELECT 1 FROM alliance_membership_directory m WHERE m.organization_id = $2 AND m.left_on IS NULL AND m.role IN ('lead', 'member')
                              AND (c.alliance_id IS NULL OR m.alliance_id = c.alliance_id)) AS eligible
         FROM project_calls c WHERE c.id = ANY($1) ORDER BY c.status, c.deadline, c.id`,
      [ids, organizationId],
    );
  }

  /** The ids of a call's applications: all of them with `all`, else the organisation's. */
  async applicationIds(callId: string, all: boolean, organizationId: string | null): Promise<string[]> {
    const rows = await this.manager.query<{ id: string }[]>(
      `SELECT id FROM project_applications WHERE call_id = $1 AND ($2 OR organization_id = $3)`,
      [callId, all, organizationId],
    );
    return rows.map((r) => r.id);
  }

  /** One page (and one row more) of applications, all or the organisation's: by the call's deadline, then the applicant's name. */
  applicationKeys(all: boolean, organizationId: string | null, after: CursorPart[] | null, limit: number) {
    const [afterDeadline, afterName, afterId] = after ?? [null, null, null];
    return this.manager.query<{ id: string; deadline: string; organization_name: string }[]>(
      `SELECT a.id, c.deadline::text AS deadline, o.name AS organization_name
         FROM project_applications a JOIN project_calls c ON c.id = a.call_id JOIN organization_directory o ON o.id = a.organization_id
        WHERE ($1 OR a.organization_id = $2)
          AND ($5::uuid IS NULL OR (c.deadline, o.name, a.id) > ($3::date, $4::text, $5::uuid))
        ORDER BY c.deadline, o.name, a.id LIMIT $6`,
      [all, organizationId, afterDeadline, afterName, afterId, limit + 1],
    );
  }

  async applicationInfo(applicationId: string): Promise<ApplicationInfoRow | undefined> {
    const [row] = await this.manager.query<ApplicationInfoRow[]>(
      `SELECT c.name, c.id AS call_id, c.alliance_id, o.name AS organization_name FROM project_applications a
         JOIN project_calls c ON c.id = a.call_id JOIN organization_directory o ON o.id = a.organization_id WHERE a.id = $1`,
      [applicationId],
    );
    return row;
  }

  applications(ids: string[]): Promise<ApplicationRow[]> {
    return this.manager.query<ApplicationRow[]>(
      `SELECT a.*, c.name AS call_name, c.deadline::text AS deadline, o.name AS organization_name
         FROM project_applications a JOIN project_calls c ON c.id = a.call_id JOIN organization_directory o ON o.id = a.organization_id
        WHERE a.id = ANY($1) ORDER BY c.deadline, o.name, a.id`,
      [ids],
    );
  }

  notes(applicationIds: string[]): Promise<ApplicationNoteRow[]> {
    return this.manager.query<ApplicationNoteRow[]>(
      `SELECT n.*, u.display_name FROM project_application_notes n JOIN people_directory u ON u.id = n.author_id
        WHERE n.application_id = ANY($1) ORDER BY n.created_at, n.id`,
      [applicationIds],
    );
  }

  /**
   * Enterprises to remind of an open call due within `days`: those whose application is still at an
   * `unfinished` step, and eligible members that have not applied.
   */
  deadlineReminders(today: string, unfinished: ApplicationStep[], days: number): Promise<DeadlineReminderRow[]> {
    return this.manager.query<DeadlineReminderRow[]>(
      `SELECT o.id AS organization_id, c.id AS call_id, c.name, c.deadline::text AS deadline, (c.deadline - $1::date) AS days_left,
              a.id IS NOT NULL AS applied,
              ARRAY(SELECT u.id FROM people_directory u WHERE u.organization_id = o.id AND u.status = 'active' ORDER BY u.id) AS user_ids
         FROM project_calls c
         JOIN organization_directory o ON o.kind = 'enterprise'
         LEFT JOIN project_applications a ON a.call_id = c.id AND a.organization_id = o.id
        WHERE c.status = 'open' AND c.deadline >= $1::date AND c.deadline - $1::date <= $3
          AND (a.step = ANY($2::project_application_step[])
               OR (a.id IS NULL
                   AND (cardinality(c.eligibility_tags) = 0 OR o.product_tags && c.eligibility_tags)
                   AND EXISTS (SELECT 1 FROM alliance_membership_directory m WHERE m.organization_id = o.id AND m.left_on IS NULL
                                  AND m.role IN ('lead', 'member') AND (c.alliance_id IS NULL OR m.alliance_id = c.alliance_id))))
        ORDER BY c.deadline, c.id, o.id`,
      [today, unfinished, days],
    );
  }
}
