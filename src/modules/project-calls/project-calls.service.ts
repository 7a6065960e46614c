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
import { ApplicationStep, type ProjectApplication } from './entities/project-application.entity';
import type { ProjectCall } from './entities/project-call.entity';
import { ProjectCallStatus } from './entities/project-call-status';
import { ProjectCallsRepository } from './project-calls.repository';
import { PeopleDirectory } from '../users/people-directory.service';

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
    private readonly peopleDirectory: PeopleDirectory,
    private readonly tenant: TenantContext,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly repository: ProjectCallsRepository,
  ) {}

  /** Officials, and the contacts of an alliance's lead enterprise (its service team). */
  async isTeam(actor: Actor, allianceId: string | null = null): Promise<boolean> {
    if (actor.role === Role.TownshipAdmin) return true;
    if (actor.role !== Role.EnterpriseContact || !actor.organizationId) return false;
    return this.repository.leads(actor.organizationId, allianceId);
  }

  async create(actor: Actor, input: CreateProjectCallDto): Promise<ProjectCallDetailView> {
    if (!(await this.isTeam(actor, input.allianceId ?? null))) throw DomainException.forbidden();
    if (input.deadline < localDate(this.clock.now()))
      throw DomainException.invalid([{ field: 'deadline', reason: 'notInPast' }]);
    if (input.allianceId && !(await this.repository.allianceExists(input.allianceId))) {
      throw DomainException.invalid([{ field: 'allianceId', reason: 'notFound' }]);
    }
    const call = await this.repository.saveCall({
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
      const userIds = await this.peopleDirectory.activeStaff(eligible.map((o) => o.id));
      await this.notifier.notify({ userIds }, ProjectCallNotification.ProjectCallPublished, {
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
    return this.repository.eligibleOrganizations(call.eligibilityTags, call.allianceId, organizationId ?? null);
  }

  /** Open calls first, then by deadline; a page at a time. */
  async list(actor: Actor, query: PageQueryDto): Promise<Page<ProjectCallView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursorParts(query.cursor, ['boolean', 'date', 'uuid']) : null;
    const rows = await this.repository.callKeys(after, limit);
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
    const rows = await this.repository.calls(ids, actor.organizationId);
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
    const applicationIds = await this.repository.applicationIds(id, team, actor.organizationId);
    return {
      ...view,
      applications: await this.applicationViews(applicationIds),
      eligibleOrganizations: team
        ? await this.eligibleOrganizations({ eligibilityTags: view.eligibilityTags, allianceId: view.allianceId })
        : [],
    };
  }

  async close(actor: Actor, id: string): Promise<ProjectCallDetailView> {
    const call = await this.repository.findCall(id);
    if (!call) throw DomainException.notFound();
    if (!(await this.isTeam(actor, call.allianceId))) throw DomainException.forbidden();
    await this.repository.updateCall(id, { status: ProjectCallStatus.Closed });
    return this.detail(actor, id);
  }

  /** A member starts its application (or the team starts one for it). */
  async apply(actor: Actor, callId: string, input: ApplyDto): Promise<ApplicationView> {
    const call = await this.repository.findCall(callId);
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
      application = await this.repository.saveApplication({
        tenantId: call.tenantId,
        callId,
        organizationId,
        createdById: actor.userId,
      });
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
    const after = query.cursor ? decodeCursorParts(query.cursor, ['date', 'text', 'uuid']) : null;
    const rows = await this.repository.applicationKeys(team, actor.organizationId, after, limit);
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
    await this.repository.updateApplication(id, { step: input.step });
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
    await this.repository.saveNote({
      tenantId: application.tenantId,
      applicationId: application.id,
      step: application.step,
      authorId: actor.userId,
      note: note ?? '',
    });
    const info = await this.repository.applicationInfo(application.id);
    if (!info) throw DomainException.notFound();
    const members = await this.peopleDirectory.activeStaff(application.organizationId);
    const team = await this.repository.activeLeadContacts(info.alliance_id);
    const recipients = [...members, ...team].filter((u) => u !== actor.userId);
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
    const application = await this.repository.findApplication(id);
    if (!application) throw DomainException.notFound();
    const call = await this.repository.findCall(application.callId);
    if (!call) throw DomainException.notFound();
    const team = await this.isTeam(actor, call.allianceId);
    if (!team && application.organizationId !== actor.organizationId) throw DomainException.notFound();
    return { application, team };
  }

  async applicationViews(ids: string[]): Promise<ApplicationView[]> {
    if (ids.length === 0) return [];
    const rows = await this.repository.applications(ids);
    const notes = await this.repository.notes(ids);
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
