import { HttpStatus, Injectable } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock';
import { localDate } from '../../platform/clock/local-date';
import { uniqueViolation } from '../../platform/database/unique-violation';
import { DomainException } from '../../platform/errors/domain.exception';
import { ErrorCode } from '../../platform/errors/error-code';
import { AllianceNotification } from './alliances.notifications';
import type { NotificationPayloads } from '../../platform/notifications/notification-registry';
import { Notifier } from '../../platform/notifications/notifier.service';
import type { Page } from '../../platform/pagination/page.dto';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { AlliancesRepository } from './alliances.repository';
import type { AllianceView, CreateAllianceDto, UpdateAllianceDto } from './dto/alliance.dto';
import type { AddMemberDto, LeaveAllianceDto, ListMembersQuery, MembershipView } from './dto/membership.dto';
import type { AllianceMembership } from './entities/alliance-membership.entity';
import { AllianceRole } from './entities/alliance-role';
import type { Alliance } from './entities/alliance.entity';
import { membershipProblems } from './membership-rules';
import { toMembershipView } from './membership.view';
import { PeopleDirectory } from '../users/people-directory.service';

/** An alliance and every membership it has had, with organisations and party organisations (the registry export). */
export interface AllianceRegistry {
  alliance: Alliance;
  memberships: AllianceMembership[];
}

@Injectable()
export class AlliancesService {
  constructor(
    private readonly peopleDirectory: PeopleDirectory,
    private readonly alliances: AlliancesRepository,
    private readonly organizations: OrganizationsService,
    private readonly tenant: TenantContext,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
  ) {}

  async list(page: { limit?: number; cursor?: string }): Promise<Page<AllianceView>> {
    const result = await this.alliances.list(page);
    const ids = result.items.map((a) => a.id);
    const counts = await this.alliances.memberCounts(ids);
    const roles = await this.myRoles(ids);
    return {
      items: result.items.map((a) => toAllianceView(a, counts.get(a.id)!, roles.get(a.id) ?? null)),
      nextCursor: result.nextCursor,
    };
  }

  async get(id: string): Promise<AllianceView> {
    const alliance = await this.require(id);
    const counts = await this.alliances.memberCounts([id]);
    const roles = await this.myRoles([id]);
    return toAllianceView(alliance, counts.get(id)!, roles.get(id) ?? null);
  }

  /** The signed-in person's organisation's roles, so a page can open on the person's own alliance. */
  private myRoles(allianceIds: string[]): Promise<Map<string, AllianceRole>> {
    const organizationId = this.tenant.actorOrNull?.organizationId;
    return organizationId
      ? this.alliances.rolesOf(organizationId, allianceIds)
      : Promise.resolve(new Map<string, AllianceRole>());
  }

  async create(input: CreateAllianceDto): Promise<AllianceView> {
    const saved = await this.alliances.save({
      tenantId: this.tenant.tenantId,
      name: input.name.trim(),
      industry: input.industry ?? null,
      description: input.description ?? null,
    });
    return this.get(saved.id);
  }

  async update(id: string, input: UpdateAllianceDto): Promise<AllianceView> {
    const alliance = await this.require(id);
    await this.alliances.save({ ...alliance, ...input, name: input.name?.trim() ?? alliance.name });
    return this.get(id);
  }

  async listMembers(allianceId: string, query: ListMembersQuery): Promise<Page<MembershipView>> {
    await this.require(allianceId);
    const page = await this.alliances.listMembers(allianceId, query);
    return { items: page.items.map(toMembershipView), nextCursor: page.nextCursor };
  }

  /** Adds an organisation to the alliance as its lead (1), a department (X) or a member (N). */
  async addMember(allianceId: string, input: AddMemberDto, { announce = true } = {}): Promise<AllianceMembership> {
    const alliance = await this.require(allianceId);
    const organization = await this.organizations.require(input.organizationId).catch(() => {
      throw new DomainException(ErrorCode.NotFound, HttpStatus.NOT_FOUND, [
        { field: 'organizationId', reason: 'notFound' },
      ]);
    });
    const problems = membershipProblems(organization, input.role);
    if (problems.length > 0) throw DomainException.invalid(problems);
    if (await this.alliances.findCurrentMembership(allianceId, organization.id)) {
      throw DomainException.conflict(ErrorCode.AlreadyMember, [{ field: 'organizationId', reason: 'alreadyExists' }]);
    }
    if (input.role === AllianceRole.Lead && (await this.alliances.findCurrentLead(allianceId))) {
      throw DomainException.conflict(ErrorCode.LeadAlreadyExists, [{ field: 'role', reason: 'alreadyExists' }]);
    }
    try {
      const saved = await this.alliances.saveMembership({
        tenantId: this.tenant.tenantId,
        allianceId,
        organizationId: organization.id,
        role: input.role,
        joinedOn: input.joinedOn ?? localDate(this.clock.now()),
        leftOn: null,
        leaveReason: null,
      });
      if (announce)
        await this.announce(AllianceNotification.MemberJoined, alliance, organization.id, {
          organizationName: organization.name,
          role: input.role,
        });
      return { ...saved, organization };
    } catch (error) {
      // Two officials adding a lead at once: the partial unique index decides, we explain.
      const constraint = uniqueViolation(error);
      if (constraint === 'uq_alliance_memberships__lead') {
        throw DomainException.conflict(ErrorCode.LeadAlreadyExists, [{ field: 'role', reason: 'alreadyExists' }]);
      }
      if (constraint === 'uq_alliance_memberships__organization') {
        throw DomainException.conflict(ErrorCode.AlreadyMember, [{ field: 'organizationId', reason: 'alreadyExists' }]);
      }
      throw error;
    }
  }

  async addMemberAndView(allianceId: string, input: AddMemberDto): Promise<MembershipView> {
    return toMembershipView(await this.addMember(allianceId, input));
  }

  async leave(allianceId: string, membershipId: string, input: LeaveAllianceDto): Promise<MembershipView> {
    const membership = await this.alliances.findMembership(allianceId, membershipId);
    if (!membership) throw DomainException.notFound();
    if (membership.leftOn)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'leftOn', reason: 'alreadyExists' }]);
    if (input.leftOn < membership.joinedOn)
      throw DomainException.invalid([{ field: 'leftOn', reason: 'notBeforeJoined' }]);
    const saved = await this.alliances.saveMembership({
      ...membership,
      leftOn: input.leftOn,
      leaveReason: input.reason.trim(),
    });
    const alliance = await this.require(allianceId);
    await this.announce(AllianceNotification.MemberLeft, alliance, membership.organizationId, {
      organizationName: membership.organization!.name,
      reason: saved.leaveReason,
    });
    return toMembershipView({ ...saved, organization: membership.organization });
  }

  /** Tells the alliance's group robots and the organisation's own contacts. */
  private async announce<T extends AllianceNotification>(
    type: T,
    alliance: Alliance,
    organizationId: string,
    details: Omit<NotificationPayloads[T], 'allianceId' | 'allianceName'>,
  ): Promise<void> {
    const contacts = await this.peopleDirectory.activeStaff(organizationId);
    // TypeScript cannot see that the common fields and the details make the payload of a generic T.
    const payload = { allianceId: alliance.id, allianceName: alliance.name, ...details } as NotificationPayloads[T];
    await this.notifier.notify({ userIds: contacts, allianceIds: [alliance.id] }, type, payload);
  }

  /** The organisations in the alliance today (for neighbours: who may be asked to its meetings). */
  currentMemberIds(allianceId: string): Promise<string[]> {
    return this.alliances.currentMemberIds(allianceId);
  }

  async registry(allianceId: string): Promise<AllianceRegistry> {
    const alliance = await this.require(allianceId);
    return { alliance, memberships: await this.alliances.registryMemberships(allianceId) };
  }

  async require(id: string): Promise<Alliance> {
    const alliance = await this.alliances.findById(id);
    if (!alliance) throw DomainException.notFound();
    return alliance;
  }
}

function toAllianceView(
  alliance: Alliance,
  memberCounts: AllianceView['memberCounts'],
  myRole: AllianceRole | null,
): AllianceView {
  return {
    id: alliance.id,
    name: alliance.name,
    industry: alliance.industry,
    description: alliance.description,
    createdAt: alliance.createdAt,
    memberCounts,
    myRole,
  };
}
