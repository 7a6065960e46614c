import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuthTokens } from '../../platform/auth/auth-tokens.service';
import { Role, UserStatus } from '../../platform/auth/entities/role';
import type { User } from '../../platform/auth/entities/user.entity';
import { RevokedSessions } from '../../platform/auth/revoked-sessions';
import { randomSecret, sha256 } from '../../platform/auth/token-hash';
import { Clock } from '../../platform/clock/clock';
import type { Environment } from '../../platform/config/environment';
import { uniqueViolation } from '../../platform/database/unique-violation';
import { DomainException, FieldProblem } from '../../platform/errors/domain.exception';
import { ErrorCode } from '../../platform/errors/error-code';
import { PersonalChannel } from '../../platform/notifications/notification-types';
import { UserNotification } from './users.notifications';
import { Notifier } from '../../platform/notifications/notifier.service';
import type { Page } from '../../platform/pagination/page.dto';
import type { Actor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { AlliancesService } from '../alliances/alliances.service';
import { OrganizationKind } from '../organizations/entities/organization-kind';
import { OrganizationsService } from '../organizations/organizations.service';
import type { InvitationView, InviteUserDto, ListUsersQuery, UpdateUserDto, UserView } from './dto/user.dto';
import { toUserView } from './user.view';
import { UsersRepository } from './users.repository';
import { OrganizationDirectory } from '../organizations/organization-directory.service';

const INVITATION_DAYS = 7;

/** The organisation kind a role must belong to, if any. */
const REQUIRED_KIND: Partial<Record<Role, OrganizationKind>> = {
  [Role.DepartmentStaff]: OrganizationKind.Department,
  [Role.EnterpriseContact]: OrganizationKind.Enterprise,
};

@Injectable()
export class UsersService {
  constructor(
    private readonly organizationDirectory: OrganizationDirectory,
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsService,
    private readonly alliances: AlliancesService,
    private readonly tenant: TenantContext,
    private readonly tokens: AuthTokens,
    private readonly revoked: RevokedSessions,
    private readonly clock: Clock,
    private readonly config: ConfigService<Environment, true>,
    private readonly notifier: Notifier,
  ) {}

  async list(query: ListUsersQuery): Promise<Page<UserView>> {
    const memberIds = query.allianceId ? await this.allianceMembers(query.allianceId) : undefined;
    const page = await this.users.list(this.tenant.tenantId, query, memberIds);
    const names = await this.organizationDirectory.names(page.items.map((u) => u.organizationId));
    return {
      items: page.items.map((u) => toUserView(u, u.organizationId ? (names.get(u.organizationId) ?? null) : null)),
      nextCursor: page.nextCursor,
    };
  }

  private async allianceMembers(allianceId: string): Promise<string[]> {
    await this.alliances.require(allianceId).catch(() => {
      throw DomainException.invalid([{ field: 'allianceId', reason: 'notFound' }]);
    });
    return this.alliances.currentMemberIds(allianceId);
  }

  /** Creates an invited user in `tenantId` (the current tenant unless a platform admin names one). */
  async invite(input: InviteUserDto, tenantId = this.tenant.tenantId): Promise<InvitationView> {
    if (!input.email && !input.mobile) throw DomainException.invalid([{ field: 'email', reason: 'emailOrMobile' }]);
    if (input.role === Role.PlatformAdmin) throw DomainException.forbidden();
    const organizationName = await this.checkOrganization(input.role, input.organizationId ?? null);
    const token = randomSecret();
    let user: User;
    try {
      user = await this.users.save({
        tenantId,
        email: input.email?.trim().toLowerCase() ?? null,
        mobile: input.mobile ?? null,
        displayName: input.displayName.trim(),
        role: input.role,
        organizationId: input.organizationId ?? null,
        status: UserStatus.Invited,
        invitationTokenHash: sha256(token),
        invitationExpiresAt: new Date(this.clock.now().getTime() + INVITATION_DAYS * 24 * 3600 * 1000),
      });
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === 'uq_users__email' || constraint === 'uq_users__mobile') {
        const field = constraint === 'uq_users__email' ? 'email' : 'mobile';
        throw DomainException.conflict(ErrorCode.DuplicateValue, [{ field, reason: 'alreadyExists' }]);
      }
      throw error;
    }
    const url = new URL('/accept-invitation', this.config.get('PUBLIC_URL', { infer: true }));
    url.searchParams.set('token', token);
    await this.sendInvitation(user, url.toString());
    return { user: toUserView(user, organizationName, { masked: false }), invitationUrl: url.toString() };
  }

  private async sendInvitation(user: User, invitationUrl: string): Promise<void> {
    const names = await this.users.invitationNames(user.tenantId, this.tenant.actor.userId);
    await this.notifier.notify(
      { userIds: [user.id] },
      UserNotification.UserInvited,
      {
        displayName: user.displayName,
        tenantName: names?.tenant_name ?? '',
        inviterName: names?.inviter_name ?? '',
        invitationUrl,
      },
      { channels: [PersonalChannel.Email], sealed: ['invitationUrl'], dedupeKey: `invitation:${user.id}` },
    );
  }

  async update(actor: Actor, id: string, input: UpdateUserDto): Promise<UserView> {
    const user = await this.require(id);
    const role = input.role ?? user.role;
    if (role === Role.PlatformAdmin) throw DomainException.forbidden();
    if (user.id === actor.userId && role !== user.role)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'role', reason: 'matches' }]);
    const organizationId = input.organizationId === undefined ? user.organizationId : input.organizationId;
    const organizationName = await this.checkOrganization(role, organizationId);
    const saved = await this.users.save({
      ...user,
      displayName: input.displayName?.trim() ?? user.displayName,
      role,
      organizationId,
    });
    if (role !== user.role || organizationId !== user.organizationId) {
      // Access tokens carry the role and organisation: end them so the next refresh picks up the change.
      await this.revoked.revokeUser(user.id, this.clock.now());
    }
    return toUserView(saved, organizationName);
  }

  async setDisabled(actor: Actor, id: string, disabled: boolean): Promise<UserView> {
    const user = await this.require(id);
    if (user.id === actor.userId)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'id', reason: 'matches' }]);
    const status = disabled
      ? UserStatus.Disabled
      : (await this.hasPassword(user.id))
        ? UserStatus.Active
        : UserStatus.Invited;
    const saved = await this.users.save({ ...user, status });
    if (disabled) {
      await this.revoked.endSessions(user.id, await this.tokens.revokeAllOf(user.id));
    } else {
      await this.revoked.userChanged(user.id);
    }
    const names = await this.organizationDirectory.names([saved.organizationId]);
    return toUserView(saved, saved.organizationId ? (names.get(saved.organizationId) ?? null) : null);
  }

  private hasPassword(userId: string): Promise<boolean> {
    return this.users.hasPassword(userId);
  }

  private async require(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user || user.tenantId !== this.tenant.actor.tenantId) throw DomainException.notFound();
    return user;
  }

  /** Returns the organisation's name after checking the role may belong to it. */
  private async checkOrganization(role: Role, organizationId: string | null): Promise<string | null> {
    const requiredKind = REQUIRED_KIND[role];
    if (!organizationId) {
      if (requiredKind) throw DomainException.invalid([{ field: 'organizationId', reason: 'roleNeedsOrganization' }]);
      return null;
    }
    const organization = await this.organizations.require(organizationId).catch(() => {
      throw DomainException.invalid([{ field: 'organizationId', reason: 'notFound' }]);
    });
    const problems: FieldProblem[] =
      requiredKind && organization.kind !== requiredKind
        ? [{ field: 'organizationId', reason: 'organizationKindMismatch' }]
        : [];
    if (problems.length > 0) throw DomainException.invalid(problems);
    return organization.name;
  }
}
