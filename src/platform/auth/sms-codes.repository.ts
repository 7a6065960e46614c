import { Injectable } from '@nestjs/common';
import { TenantContext } from '../tenancy/tenant-context.service';

export type IssueOutcome =
  | { outcome: 'issued'; issuedAt: Date; userId: string | null; tenantId: string | null }
  | { outcome: 'too-soon' | 'daily-limit'; issuedAt: Date; userId: null; tenantId: null };

/**
 * The statements of sign-in codes, through the SECURITY DEFINER functions of SmsSignInCodes (the
 * application's role has no grant on the table). Run in the caller's transaction (`TenantContext.run(null, …)`).
 * Numbers and codes arrive here already hashed, except the number `issue` looks the account up by.
 */
@Injectable()
export class SmsCodesRepository {
  constructor(private readonly tenant: TenantContext) {}

  async issue(input: {
    mobileHash: string;
    mobile: string;
    codeHash: string;
    now: Date;
    today: string;
    minIntervalSeconds: number;
    dailyMax: number;
    ttlSeconds: number;
  }): Promise<IssueOutcome> {
    const [row] = await this.tenant.manager.query<
      { outcome: IssueOutcome['outcome']; issued_at: Date; user_id: string | null; tenant_id: string | null }[]
    >('SELECT * FROM auth_issue_sms_code($1, $2, $3, $4, $5, $6, $7, $8)', [
      input.mobileHash,
      input.mobile,
      input.codeHash,
      input.now,
      input.today,
      input.minIntervalSeconds,
      input.dailyMax,
      input.ttlSeconds,
    ]);
    return {
      outcome: row.outcome,
      issuedAt: row.issued_at,
      userId: row.user_id,
      tenantId: row.tenant_id,
    } as IssueOutcome;
  }

  async markSent(mobileHash: string, codeHash: string, now: Date): Promise<void> {
    await this.tenant.manager.query('SELECT auth_mark_sms_code_sent($1, $2, $3)', [mobileHash, codeHash, now]);
  }

  /** The account the code signs in to, or null (and the try is counted). */
  async tryCode(mobileHash: string, codeHash: string, now: Date, maxTries: number): Promise<string | null> {
    const [row] = await this.tenant.manager.query<{ user_id: string | null }[]>(
      'SELECT auth_try_sms_code($1, $2, $3, $4) AS user_id',
      [mobileHash, codeHash, now, maxTries],
    );
    return row.user_id;
  }
}
