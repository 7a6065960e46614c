import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TenantContext } from '../tenancy/tenant-context.service';
import type { MeDto } from './dto/me.dto';
import type { Role, UserStatus } from './entities/role';

/**
 * What the SECURITY DEFINER look-ups return: just enough to decide, before any tenant is known.
 * A sign-in's look-up always returns a row: the account's columns are null when no account has the
 * login, and the lock is that of the login (known or not), so both are answered alike.
 */
export interface LoginCandidate {
  id: string;
  tenant_id: string | null;
  role: Role;
  organization_id: string | null;
  status: UserStatus;
  password_hash: string | null;
  email: string | null;
  mobile: string | null;
}

export interface LoginAttempt extends Omit<LoginCandidate, 'id' | 'status'> {
  id: string | null;
  status: UserStatus | null;
  lock_subject: string;
  locked_until: Date | null;
}

export interface InvitedUser extends LoginCandidate {
  invitation_expires_at: Date | null;
}

/** What decides whether a user's access tokens still act (users.status, users.sessions_revoked_at). */
export interface UserSessionState {
  status: UserStatus;
  sessions_revoked_at: Date | null;
}

/** The same, and whether the token's session (refresh-token family) has ended. */
export interface SessionStateRow extends UserSessionState {
  session_ended: boolean;
}

export interface MeRow {
  id: string;
  email: string | null;
  mobile: string | null;
  display_name: string;
  role: MeDto['role'];
  locale: string;
  tenant: MeDto['tenant'];
  organization: MeDto['organization'];
}

/**
 * The statements of sign-in and sessions. They run in the caller's transaction (`TenantContext.run`
 * decides as whom), except `sessionState`, which is asked on every request outside any transaction.
 */
@Injectable()
export class AuthRepository {
  constructor(
    private readonly tenant: TenantContext,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Always one row (see LoginCandidate); `login` is already trimmed and lower-cased. */
  async findLogin(login: string): Promise<LoginAttempt> {
    const [attempt] = await this.tenant.manager.query<LoginAttempt[]>('SELECT * FROM auth_find_login($1)', [login]);
    return attempt;
  }

  async clearLoginFailures(userId: string): Promise<void> {
    await this.tenant.manager.query('SELECT auth_clear_login_failures($1)', [userId]);
  }

  /** Counts a failed sign-in of the login's subject; true when this one locks it. */
  async recordLoginFailure(subject: string, now: Date, maxFailures: number, lockSeconds: number): Promise<boolean> {
    const [row] = await this.tenant.manager.query<{ locked: boolean }[]>(
      'SELECT auth_record_login_failure($1, $2, $3, $4) AS locked',
      [subject, now, maxFailures, lockSeconds],
    );
    return row.locked;
  }

  async findInvitation(tokenHash: string): Promise<InvitedUser | undefined> {
    const [invited] = await this.tenant.manager.query<InvitedUser[]>('SELECT * FROM auth_find_invitation($1)', [
      tokenHash,
    ]);
    return invited;
  }

  /** Ends the user's access tokens issued up to `at` (never moves the mark back). */
  async revokeSessionsUpTo(userId: string, at: Date): Promise<void> {
    await this.tenant.manager.query(
      `UPDATE users SET sessions_revoked_at = greatest(sessions_revoked_at, $2) WHERE id = $1`,
      [userId, at],
    );
  }

  async userSessionState(userId: string): Promise<UserSessionState | undefined> {
    const [row] = await this.tenant.manager.query<UserSessionState[]>(
      'SELECT status, sessions_revoked_at FROM users WHERE id = $1',
      [userId],
    );
    return row;
  }

  /** On the pool, in a statement of its own; rejects when PostgreSQL cannot answer. */
  async sessionState(userId: string, sessionId: string | null): Promise<SessionStateRow | undefined> {
    const rows = await this.dataSource.query<SessionStateRow[]>(
      'SELECT status, sessions_revoked_at, session_ended FROM auth_session_state($1, $2)',
      [userId, sessionId],
    );
    return rows[0];
  }

  /** Revokes every live refresh token of the user; the families (sessions) of those it revoked, one per token. */
  async revokeRefreshTokens(userId: string, now: Date): Promise<string[]> {
    const [rows] = await this.tenant.manager.query<[{ family_id: string }[], number]>(
      'UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING family_id',
      [userId, now],
    );
    return rows.map((r) => r.family_id);
  }

  /** The signed-in user with its township and organisation, as row-level security lets it see them. */
  async describeUser(userId: string): Promise<MeRow | undefined> {
    const [row] = await this.tenant.manager.query<MeRow[]>(
      `SELECT u.id, u.email, u.mobile, u.display_name, u.role, u.locale,
              CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'name', t.name, 'slug', t.slug, 'timeZone', t.time_zone) END AS tenant,
              CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) END AS organization
         FROM users u
         LEFT JOIN tenants t ON t.id = u.tenant_id
         LEFT JOIN organizations o ON o.id = u.organization_id
        WHERE u.id = $1`,
      [userId],
    );
    return row;
  }
}
