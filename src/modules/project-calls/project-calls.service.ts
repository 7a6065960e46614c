import { Injectable } from '@nestjs/common';
import { Role } from '../../platform/auth/entities/role';
import { Clock } from '../../platform/clock/clock';
import { localDate } from '../../platform/clock/local-date';
import { uniqueViolation } from '../../platform/database/unique-violation';
import { DomainException } from '../../platform/errors/domain.exception';
import { ErrorCode } from '../../platform/errors/error-code';
import type { NamedRef } from '../../platform/http/references.view';
import { ProjectCallNotification } from './project-calls.notifications';
import { Notifier } from '../../platform/notifications/notifier.service';
import { decodeCursorParts, pageOfRows } from '../../platform/pagination/keyset';
import { DEFAULT_PAGE_SIZE, type Page, type PageQueryDto } from '../../platform/pagination/page.dto';
import type { Actor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { AdvanceStepDto, ApplyDto, CreateProjectCallDto } from './dto/project-call.dto';
import type { ApplicationView, ProjectCallDetailView, ProjectCallView } from './dto/project-call.view';
import { ProjectApplicationNote } from './entities/project-application-note.entity';
import { ApplicationStep, ProjectApplication } from './entities/project-application.entity';
import { ProjectCall, ProjectCallStatus } from './entities/project-call.entity';

/** Steps before the issuer has the application: these are the ones deadlines chase. */
export const UNFINISHED_STEPS = [ApplicationStep.Preparing, ApplicationStep.MaterialsSubmitted];

/** Which step may follow which; the issuer's verdict ends the application. */
const NEXT: Record<ApplicationStep, ApplicationStep[]> = {
  [ApplicationStep.Preparing]: [ApplicationStep.MaterialsSubmitted],
  [ApplicationStep.MaterialsSubmitted]: [ApplicationStep.Preparing, ApplicationStep.UnderReview],
  [ApplicationStep.UnderReview]: [ApplicationStep.Approved, ApplicationStep.Rejected],
  [ApplicationStep.Approved]: [],
  [ApplicationStep.Rejected]: [],
};

/**
 * 项目申报服务队: officials or the lead enterprise's service team publish government calls; eligible
 * members (by product tags) are told; each application is tracked step by step with notes.
 */
@Injectable()
export class ProjectCallsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  private get db() {
    return this.tenant.manager;
  }

  /** Officials, and the contacts of an alliance's lead enterprise (its service team). */
  async isTeam(actor: Actor, allianceId: string | null = null): Promise<boolean> {
    if (actor.role === Role.TownshipAdmin) return true;
    if (actor.role !== Role.EnterpriseContact || !actor.organizationId) return false;
    const rows = await this.db.query(
      `SELECT 1 FROM alliance_membership_directory WHERE organization_id = $1 AND role = 'lead' AND left_on IS NULL AND ($2::uuid IS NULL OR alliance_id = $2)`,
      [actor.organizationId, allianceId],
    );
    return rows.length > 0;
  }

  async create(actor: Actor, input: CreateProjectCallDto): Promise<ProjectCallDetailView> {
    if (!(await this.isTeam(actor, input.allianceId ?? null))) throw DomainException.forbidden();
    if (input.deadline < localDate(this.clock.now()))
      throw DomainException.invalid([{ field: 'deadline', reason: 'notInPast' }]);
    if (
      input.allianceId &&
      !(await this.db.query('SELECT 1 FROM alliance_directory WHERE id = $1', [input.allianceId])).length
    ) {
      throw DomainException.invalid([{ field: 'allianceId', reason: 'notFound' }]);
    }
    const call = await this.db.getRepository(ProjectCall).save({
      tenantId: this.tenant.tenantId,
      allianceId: input.allianceId ?? null,
      name: input.name.trim(),
      issuingBody: input.issuingBody.trim(),
      deadline: input.deadline,
      eligibilityTags: [...new Set((input.eligibilityTags ?? []).map((t) => t.trim()).filter(Boolean))],
      description: input.description?.trim() || null,
      createdById: actor.userId,
    });
    const eligible = await this.eligibleOrganizations(call);
    if (eligible.length > 0) {
      const users = await this.db.query<{ id: string }[]>(
        `SELECT id FROM people_directory WHERE organization_id = ANY($1) AND status = 'active'`,
        [eligible.map((o) => o.id)],
      );
      await this.notifier.notify({ userIds: users.map((u) => u.id) }, ProjectCallNotification.ProjectCallPublished, {
        callId: call.id,
        name: call.name,
        issuingBody: call.issuingBody,
        deadline: call.deadline,
      });
    }
    return this.detail(actor, call.id);
  }

  /** Member enterprises whose product tags overlap the call's (all members when it names none). */
  async eligibleOrganizations(
    call: Pick<ProjectCall, 'eligibilityTags' | 'allianceId'>,
    organizationId?: string,
  ): Promise<NamedRef[]> {
    return this.db.query<NamedRef[]>(
      `SELECT o.id, o.name FROM organization_directory o
        WHERE o.kind = 'enterprise' AND ($3::uuid IS NULL OR o.id = $3)
          AND (cardinality($1::text[]) = 0 OR o.product_tags && $1::text[])
          AND EXISTS (SELECT 1 FROM alliance_membership_directory m WHERE m.organization_id = o.id AND m.left_on IS NULL
                         AND m.role IN ('lead', 'member') AND ($2::uuid IS NULL OR m.alliance_id = $2))
        ORDER BY o.name`,
      [call.eligibilityTags, call.allianceId, organizationId ?? null],
    );
  }

  /** Open calls first, then by deadline; a page at a time. */
  async list(actor: Actor, query: PageQueryDto): Promise<Page<ProjectCallView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const [afterClosed, afterDeadline, afterId] = query.cursor
      ? decodeCursorParts(query.cursor, ['boolean', 'date', 'uuid'])
      : [null, null, null];
    const rows = await this.db.query<{ id: string; closed: boolean; deadline: string }[]>(
      `SELECT id, status = 'closed' AS closed, deadline::text AS deadline FROM project_calls
        WHERE $3::uuid IS NULL OR (status = 'closed', deadline, id) > ($1::boolean, $2::date, $3::uuid)
        ORDER BY status = 'closed', deadline, id LIMIT $4`,
      [afterClosed, afterDeadline, afterId, limit + 1],
    );
    const page = pageOfRows(rows, limit, (r) => [r.closed, r.deadline, r.id]);
    return {
      items: await this.views(
        actor,
        page.items.map((r) => r.id),
      ),
      nextCursor: page.nextCursor,
    };
  }

  private async views(actor: Actor, ids: string[]): Promise<ProjectCallView[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<Record<string, any>[]>(
      `SELECT c.*, c.deadline::text AS deadline,
              (SELECT count(*)::int FROM project_applications a WHERE a.call_id = c.id) AS application_count,
              (SELECT a.id FROM project_applications a WHERE a.call_id = c.id AND a.organization_id = $2) AS my_application_id,
              $2::uuid IS NOT NULL AND (cardinality(c.eligibility_tags) = 0 OR c.eligibility_tags && (SELECT product_tags FROM organization_directory WHERE id = $2))
                AND EXISTS (SELECT 1 FROM alliance_membership_directory m WHERE m.organization_id = $2 AND m.left_on IS NULL AND m.role IN ('lead', 'member')
                              AND (c.alliance_id IS NULL OR m.alliance_id = c.alliance_id)) AS eligible
         FROM project_calls c WHERE c.id = ANY($1) ORDER BY c.status, c.deadline, c.id`,
      [ids, actor.organizationId],
    );
    return rows.map((c) => ({
      id: c.id,
      allianceId: c.alliance_id,
      name: c.name,
      issuingBody: c.issuing_body,
      deadline: c.deadline,
      eligibilityTags: c.eligibility_tags,
      description: c.description,
      status: c.status,
      eligible: c.eligible,
      myApplicationId: c.my_application_id,
      applicationCount: c.application_count,
      createdAt: c.created_at,
    }));
  }

  async detail(actor: Actor, id: string): Promise<ProjectCallDetailView> {
    const [view] = await this.views(actor, [id]);
    if (!view) throw DomainException.notFound();
    const team = await this.isTeam(actor, view.allianceId);
    const applicationIds = await this.db.query<{ id: string }[]>(
      `SELECT id FROM project_applications WHERE call_id = $1 AND ($2 OR organization_id = $3)`,
      [id, team, actor.organizationId],
    );
    return {
      ...view,
      applications: await this.applicationViews(applicationIds.map((a) => a.id)),
      eligibleOrganizations: team
        ? await this.eligibleOrganizations({ eligibilityTags: view.eligibilityTags, allianceId: view.allianceId })
        : [],
    };
  }

  async close(actor: Actor, id: string): Promise<ProjectCallDetailView> {
    const call = await this.db.getRepository(ProjectCall).findOneBy({ id });
    if (!call) throw DomainException.notFound();
    if (!(await this.isTeam(actor, call.allianceId))) throw DomainException.forbidden();
    await this.db.getRepository(ProjectCall).update({ id }, { status: ProjectCallStatus.Closed });
    return this.detail(actor, id);
  }

  /** A member starts its application (or the team starts one for it). */
  async apply(actor: Actor, callId: string, input: ApplyDto): Promise<ApplicationView> {
    const call = await this.db.getRepository(ProjectCall).findOneBy({ id: callId });
    if (!call) throw DomainException.notFound();
    const team = await this.isTeam(actor, call.allianceId);
    const organizationId = input.organizationId && team ? input.organizationId : actor.organizationId;
    if (!organizationId) throw DomainException.invalid([{ field: 'organizationId', reason: 'required' }]);
    if (input.organizationId && input.organizationId !== actor.organizationId && !team)
      throw DomainException.forbidden();
    if (call.status !== ProjectCallStatus.Open || call.deadline < localDate(this.clock.now())) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'callId', reason: 'callClosed' }]);
    }
    if ((await this.eligibleOrganizations(call, organizationId)).length === 0)
      throw DomainException.invalid([{ field: 'organizationId', reason: 'notEligible' }]);
    let application: ProjectApplication;
    try {
      application = await this.db
        .getRepository(ProjectApplication)
        .save({ tenantId: call.tenantId, callId, organizationId, createdById: actor.userId });
    } catch (error) {
      if (uniqueViolation(error))
        throw DomainException.conflict(ErrorCode.DuplicateValue, [{ field: 'callId', reason: 'alreadyApplied' }]);
      throw error;
    }
    if (input.note?.trim()) await this.addNote(actor, application, input.note.trim());
    return (await this.applicationViews([application.id]))[0];
  }

  /** By the call's deadline, then the applicant's name (as applicationViews orders them); a page at a time. */
  async applications(actor: Actor, query: PageQueryDto): Promise<Page<ApplicationView>> {
    const team = await this.isTeam(actor);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const [afterDeadline, afterName, afterId] = query.cursor
      ? decodeCursorParts(query.cursor, ['date', 'text', 'uuid'])
      : [null, null, null];
    const rows = await this.db.query<{ id: string; deadline: string; organization_name: string }[]>(
      `SELECT a.id, c.deadline::text AS deadline, o.name AS organization_name
         FROM project_applications a JOIN project_calls c ON c.id = a.call_id JOIN organization_directory o ON o.id = a.organization_id
        WHERE ($1 OR a.organization_id = $2)
          AND ($5::uuid IS NULL OR (c.deadline, o.name, a.id) > ($3::date, $4::text, $5::uuid))
        ORDER BY c.deadline, o.name, a.id LIMIT $6`,
      [team, actor.organizationId, afterDeadline, afterName, afterId, limit + 1],
    );
    const page = pageOfRows(rows, limit, (r) => [r.deadline, r.organization_name, r.id]);
    return { items: await this.applicationViews(page.items.map((r) => r.id)), nextCursor: page.nextCursor };
  }

  async application(actor: Actor, id: string): Promise<ApplicationView> {
    return (await this.applicationViews([(await this.requireApplication(actor, id)).application.id]))[0];
  }

  /** Moves an application on; the issuer's verdict (approved, rejected) is the team's to record. */
  async advance(actor: Actor, id: string, input: AdvanceStepDto): Promise<ApplicationView> {
    const { application, team } = await this.requireApplication(actor, id);
    if (!NEXT[application.step].includes(input.step)) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [
        { field: 'step', reason: 'stepOrder', args: [application.step, input.step] },
      ]);
    }
    if (!team && [ApplicationStep.Approved, ApplicationStep.Rejected].includes(input.step))
      throw DomainException.forbidden();
    await this.db.getRepository(ProjectApplication).update({ id }, { step: input.step });
    application.step = input.step;
    await this.addNote(actor, application, input.note?.trim() || null);
    return (await this.applicationViews([id]))[0];
  }

  async note(actor: Actor, id: string, note: string): Promise<ApplicationView> {
    const { application } = await this.requireApplication(actor, id);
    await this.addNote(actor, application, note.trim());
    return (await this.applicationViews([id]))[0];
  }

  /** Records a note (or just the step) and tells the other side: the member, or the team. */
  private async addNote(actor: Actor, application: ProjectApplication, note: string | null): Promise<void> {
    await this.db.getRepository(ProjectApplicationNote).save({
      tenantId: application.tenantId,
      applicationId: application.id,
      step: application.step,
      authorId: actor.userId,
      note: note ?? '',
    });
    const [info] = await this.db.query<
      { name: string; call_id: string; organization_name: string; alliance_id: string | null }[]
    >(
      `SELECT c.name, c.id AS call_id, c.alliance_id, o.name AS organization_name FROM project_applications a
         JOIN project_calls c ON c.id = a.call_id JOIN organization_directory o ON o.id = a.organization_id WHERE a.id = $1`,
      [application.id],
    );
    const members = await this.db.query<{ id: string }[]>(
      `SELECT id FROM people_directory WHERE organization_id = $1 AND status = 'active'`,
      [application.organizationId],
    );
    const team = await this.db.query<{ id: string }[]>(
      `SELECT u.id FROM people_directory u WHERE u.status = 'active' AND u.role = 'enterprise_contact' AND u.organization_id IN (
         SELECT organization_id FROM alliance_membership_directory WHERE role = 'lead' AND left_on IS NULL AND ($1::uuid IS NULL OR alliance_id = $1))`,
      [info.alliance_id],
    );
    const recipients = [...members, ...team].map((u) => u.id).filter((u) => u !== actor.userId);
    await this.notifier.notify(
      { userIds: [...new Set(recipients)] },
      ProjectCallNotification.ProjectApplicationUpdated,
      {
        callId: info.call_id,
        name: info.name,
        organizationName: info.organization_name,
        step: application.step,
        note: note ?? application.step,
      },
    );
  }

  private async requireApplication(
    actor: Actor,
    id: string,
  ): Promise<{ application: ProjectApplication; team: boolean }> {
    const application = await this.db.getRepository(ProjectApplication).findOneBy({ id });
    if (!application) throw DomainException.notFound();
    const [call] = await this.db.query<{ alliance_id: string | null }[]>(
      'SELECT alliance_id FROM project_calls WHERE id = $1',
      [application.callId],
    );
    const team = await this.isTeam(actor, call.alliance_id);
    if (!team && application.organizationId !== actor.organizationId) throw DomainException.notFound();
    return { application, team };
  }

  async applicationViews(ids: string[]): Promise<ApplicationView[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<Record<string, any>[]>(
      `SELECT a.*, c.name AS call_name, c.deadline::text AS deadline, o.name AS organization_name
         FROM project_applications a JOIN project_calls c ON c.id = a.call_id JOIN organization_directory o ON o.id = a.organization_id
        WHERE a.id = ANY($1) ORDER BY c.deadline, o.name, a.id`,
      [ids],
    );
    const notes = await this.db.query<Record<string, any>[]>(
      `SELECT n.*, u.display_name FROM project_application_notes n JOIN people_directory u ON u.id = n.author_id
        WHERE n.application_id = ANY($1) ORDER BY n.created_at, n.id`,
      [ids],
    );
    const today = localDate(this.clock.now());
    return rows.map((a) => ({
      id: a.id,
      callId: a.call_id,
      callName: a.call_name,
      deadline: a.deadline,
      organization: { id: a.organization_id, name: a.organization_name },
      step: a.step,
      unfinished: UNFINISHED_STEPS.includes(a.step) && a.deadline >= today,
      notes: notes
        .filter((n) => n.application_id === a.id)
        .map((n) => ({
          id: n.id,
          step: n.step,
          author: { id: n.author_id, displayName: n.display_name },
          note: n.note,
          createdAt: n.created_at,
        })),
      createdAt: a.created_at,
      updatedAt: a.updated_at,
    }));
  }
}
