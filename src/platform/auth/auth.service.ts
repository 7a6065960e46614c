import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../clock/clock';
import type { Environment } from '../config/environment';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import type { Actor } from '../tenancy/request-actor';
import { TenantContext } from '../tenancy/tenant-context.service';
import { AuthTokens, invalidRefreshToken, parseRefreshToken, TokenPair } from './auth-tokens.service';
import { AuthRepository, type LoginCandidate } from './auth.repository';
import { Role, UserStatus } from './entities/role';
import { User } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { assertAcceptablePassword, assertChangedPassword } from './password-policy';
import { RevokedSessions } from './revoked-sessions';
import { sha256 } from './token-hash';

const toActor = (row: Pick<LoginCandidate, 'id' | 'tenant_id' | 'role' | 'organization_id'>): Actor => ({
  userId: row.id,
  tenantId: row.tenant_id,
  role: row.role,
  organizationId: row.organization_id,
});

/**
 * Sign-in, token rotation, sign-out and password changes. Each step runs in its own transaction
 * so that a refusal (401) still commits what must be kept: a failed-attempt count, a lockout,
 * a revoked token family.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: AuthRepository,
    private readonly tokens: AuthTokens,
    private readonly hasher: PasswordHasher,
    private readonly revoked: RevokedSessions,
    private readonly clock: Clock,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /**
   * A known and an unknown login are answered alike: the same refusals after the same number of
   * failures (the lockout counts every login typed), and the password is hashed every time, locked
   * or not, so neither the answer nor its time tells whether an account exists.
   */
  async validateCredentials(login: string, password: string): Promise<Actor> {
    const normalized = login.trim().toLowerCase();
    const attempt = await this.tenant.run(null, () => this.repository.findLogin(normalized));
    const matches = await this.hasher.verify(attempt.password_hash, password);
    if (attempt.locked_until && attempt.locked_until > this.clock.now()) throw this.refusal(ErrorCode.AccountLocked);
    if (!matches || attempt.id === null || attempt.status === null) {
      const locked = await this.recordFailure(attempt.lock_subject);
      throw this.refusal(locked ? ErrorCode.AccountLocked : ErrorCode.InvalidCredentials);
    }
    if (attempt.status === UserStatus.Disabled) throw this.refusal(ErrorCode.AccountDisabled);
    if (attempt.status !== UserStatus.Active) throw this.refusal(ErrorCode.InvalidCredentials);
    return toActor({ ...attempt, id: attempt.id });
  }

  login(actor: Actor, requestId?: string): Promise<TokenPair> {
    return this.tenant.run(
      actor,
      async () => {
        await this.repository.clearLoginFailures(actor.userId);
        return this.tokens.issue(actor);
      },
      requestId,
    );
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const parsed = parseRefreshToken(refreshToken);
    const user = await this.findSelf(parsed.userId);
    if (!user) throw invalidRefreshToken();
    const actor = toActor({
      id: user.id,
      tenant_id: user.tenantId,
      role: user.role,
      organization_id: user.organizationId,
    });
    const outcome = await this.tenant.run(actor, () => this.tokens.consume(parsed));
    if ('reusedFamilyId' in outcome) {
      await this.tenant.run(actor, async () => {
        await this.tokens.revokeFamily(outcome.reusedFamilyId);
        await this.revoked.endSessions(user.id, [outcome.reusedFamilyId]);
      });
      throw invalidRefreshToken();
    }
    if (user.status !== UserStatus.Active) {
      await this.tenant.run(actor, () => this.tokens.revokeFamily(outcome.familyId));
      throw this.refusal(ErrorCode.AccountDisabled);
    }
    return this.tenant.run(actor, () => this.tokens.issue(actor, outcome.familyId));
  }

  async logout(refreshToken: string): Promise<void> {
    const parsed = parseRefreshToken(refreshToken);
    const user = await this.findSelf(parsed.userId);
    if (!user) return;
    const actor = toActor({
      id: user.id,
      tenant_id: user.tenantId,
      role: user.role,
      organization_id: user.organizationId,
    });
    await this.tenant.run(actor, async () => {
      const outcome = await this.tokens.consume(parsed).catch(() => null);
      if (!outcome) return;
      const familyId = 'familyId' in outcome ? outcome.familyId : outcome.reusedFamilyId;
      await this.tokens.revokeFamily(familyId);
      await this.revoked.endSessions(user.id, [familyId]);
    });
  }

  /** Runs inside the request's transaction. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const repo = this.tenant.manager.getRepository(User);
    const user = await repo.findOne({
      where: { id: actor.userId },
      select: { id: true, email: true, mobile: true, passwordHash: true },
    });
    if (!user || !(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new DomainException(ErrorCode.WrongPassword, HttpStatus.BAD_REQUEST, [
        { field: 'currentPassword', reason: 'matches' },
      ]);
    }
    assertChangedPassword(currentPassword, newPassword);
    assertAcceptablePassword(newPassword, [user.email, user.mobile], 'newPassword');
    await repo.update({ id: user.id }, { passwordHash: await this.hasher.hash(newPassword) });
    await this.revoked.endSessions(user.id, await this.tokens.revokeAllOf(user.id));
  }

  async acceptInvitation(token: string, password: string): Promise<TokenPair> {
    const invited = await this.tenant.run(null, () => this.repository.findInvitation(sha256(token)));
    if (
      !invited ||
      invited.status !== UserStatus.Invited ||
      !invited.invitation_expires_at ||
      invited.invitation_expires_at <= this.clock.now()
    ) {
      throw new DomainException(ErrorCode.InvalidInvitation, HttpStatus.BAD_REQUEST, [
        { field: 'token', reason: 'matches' },
      ]);
    }
    assertAcceptablePassword(password, [invited.email, invited.mobile]);
    const actor = toActor(invited);
    const hash = await this.hasher.hash(password);
    return this.tenant.run(actor, async () => {
      await this.tenant.manager
        .getRepository(User)
        .update(
          { id: actor.userId },
          { passwordHash: hash, status: UserStatus.Active, invitationTokenHash: null, invitationExpiresAt: null },
        );
      return this.tokens.issue(actor);
    });
  }

  /** Counts a failed sign-in of the login's subject (a wrong password or SMS code); true when this one locks it. */
  recordFailure(subject: string): Promise<boolean> {
    const maxFailures = this.config.get('LOGIN_MAX_FAILURES', { infer: true });
    const lockMinutes = this.config.get('LOGIN_LOCKOUT_MINUTES', { infer: true });
    return this.tenant.run(null, () =>
      this.repository.recordLoginFailure(subject, this.clock.now(), maxFailures, lockMinutes * 60),
    );
  }

  /** A user may always read its own row (the users policy lets `app.user_id` through). */
  private findSelf(userId: string): Promise<User | null> {
    return this.tenant.run({ userId, tenantId: null, role: Role.Expert, organizationId: null }, () =>
      this.tenant.manager.getRepository(User).findOne({ where: { id: userId } }),
    );
  }

  private refusal(code: ErrorCode): DomainException {
    const status =
      code === ErrorCode.AccountLocked
        ? HttpStatus.LOCKED
        : code === ErrorCode.AccountDisabled
          ? HttpStatus.FORBIDDEN
          : HttpStatus.UNAUTHORIZED;
    return new DomainException(code, status);
  }
}
