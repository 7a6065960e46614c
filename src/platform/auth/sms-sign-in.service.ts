import { createHmac, randomInt } from 'node:crypto';
import { HttpStatus, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../clock/clock';
import { localDate } from '../clock/local-date';
import type { Environment } from '../config/environment';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { VerificationCodeSms } from '../notifications/channels/sms/verification-code.sms';
import { TenantContext } from '../tenancy/tenant-context.service';
import type { TokenPair } from './auth-tokens.service';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import type { SmsCodeRequestedDto } from './dto/sms-sign-in.dto';
import { UserStatus } from './entities/role';
import { User } from './entities/user.entity';
import { SmsCodesRepository } from './sms-codes.repository';

/** The issue's rules for codes (issue 19): one a minute and ten a day per number, five tries, five minutes. */
export const SMS_CODE_RULES = { resendAfterSeconds: 60, dailyMax: 10, maxTries: 5, ttlSeconds: 300 } as const;
/** The day of the daily count: the calendar day in China, whatever the township. */
const CODE_DAY_TIME_ZONE = 'Asia/Shanghai';

/**
 * Signing in with a mobile number and a text-message code (短信验证码登录).
 *
 * Asking for a code answers every well-formed number alike: the limits count numbers with and
 * without an account in the same table through the same statement, and the text is sent after the
 * answer, so neither the answer nor its time tells whether the number has an account. A code signs
 * in only to the account it was issued for (bound when issued), only once the township's provider
 * took it, and counts in the same lockout as passwords.
 */
@Injectable()
export class SmsSignIn implements OnApplicationShutdown {
  private readonly logger = new Logger(SmsSignIn.name);
  private readonly hashKey: Buffer;
  /** Texts being sent after their answer; waited for at shutdown. */
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly tenant: TenantContext,
    private readonly codes: SmsCodesRepository,
    private readonly accounts: AuthRepository,
    private readonly auth: AuthService,
    private readonly sms: VerificationCodeSms,
    private readonly clock: Clock,
    config: ConfigService<Environment, true>,
  ) {
    // Keyed: a 6-digit code (or an 11-digit number) under a bare hash would be found by trying them all.
    this.hashKey = createHmac('sha256', config.get('SECRETS_KEY', { infer: true }))
      .update('sms-sign-in-codes')
      .digest();
  }

  async requestCode(mobile: string): Promise<SmsCodeRequestedDto> {
    const now = this.clock.now();
    const today = localDate(now, CODE_DAY_TIME_ZONE);
    const code = this.newCode();
    const mobileHash = this.hash(`mobile:${mobile}`);
    const codeHash = this.codeHash(mobile, code);
    const issued = await this.tenant.run(null, () =>
      this.codes.issue({
        mobileHash,
        mobile,
        codeHash,
        now,
        today,
        minIntervalSeconds: SMS_CODE_RULES.resendAfterSeconds,
        dailyMax: SMS_CODE_RULES.dailyMax,
        ttlSeconds: SMS_CODE_RULES.ttlSeconds,
      }),
    );
    if (issued.outcome === 'too-soon') {
      const elapsed = (now.getTime() - issued.issuedAt.getTime()) / 1000;
      throw this.limited(Math.max(1, Math.ceil(SMS_CODE_RULES.resendAfterSeconds - elapsed)));
    }
    if (issued.outcome === 'daily-limit') {
      const tomorrow = new Date(`${today}T00:00:00+08:00`).getTime() + 86_400_000;
      throw this.limited(Math.max(1, Math.ceil((tomorrow - now.getTime()) / 1000)));
    }
    if (issued.userId && issued.tenantId) this.sendLater(issued.tenantId, issued.userId, mobile, mobileHash, code);
    return { resendAfterSeconds: SMS_CODE_RULES.resendAfterSeconds, expiresInSeconds: SMS_CODE_RULES.ttlSeconds };
  }

  async signIn(mobile: string, code: string, requestId?: string): Promise<TokenPair> {
    const attempt = await this.tenant.run(null, () => this.accounts.findLogin(mobile));
    if (attempt.locked_until && attempt.locked_until > this.clock.now())
      throw new DomainException(ErrorCode.AccountLocked, HttpStatus.LOCKED);
    const userId = await this.tenant.run(null, () =>
      this.codes.tryCode(
        this.hash(`mobile:${mobile}`),
        this.codeHash(mobile, code),
        this.clock.now(),
        SMS_CODE_RULES.maxTries,
      ),
    );
    // The account must still be the one the code was issued for: a number moved to another account
    // (another township's) since then is not reached with it.
    if (!userId || userId !== attempt.id || !attempt.tenant_id || attempt.status === null) {
      const locked = await this.auth.recordFailure(attempt.lock_subject);
      throw locked
        ? new DomainException(ErrorCode.AccountLocked, HttpStatus.LOCKED)
        : new DomainException(ErrorCode.InvalidSmsCode, HttpStatus.UNAUTHORIZED);
    }
    if (attempt.status === UserStatus.Disabled)
      throw new DomainException(ErrorCode.AccountDisabled, HttpStatus.FORBIDDEN);
    const actor = {
      userId,
      tenantId: attempt.tenant_id,
      role: attempt.role,
      organizationId: attempt.organization_id,
    };
    if (attempt.status === UserStatus.Invited) {
      // The first sign-in of a person an official invited: the code proved the registry's mobile,
      // as the emailed link proves the address; the invitation link stops working.
      await this.tenant.run(actor, () =>
        this.tenant.manager
          .getRepository(User)
          .update(
            { id: userId, status: UserStatus.Invited },
            { status: UserStatus.Active, invitationTokenHash: null, invitationExpiresAt: null },
          ),
      );
    }
    return this.auth.login(actor, requestId);
  }

  /** Six random digits; a method of its own so a test can know a code that the provider never sent. */
  newCode(): string {
    return String(randomInt(0, 1_000_000)).padStart(6, '0');
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.sending]);
  }

  private sendLater(tenantId: string, userId: string, mobile: string, mobileHash: string, code: string): void {
    const sending = this.send(tenantId, userId, mobile, mobileHash, code).finally(() => this.sending.delete(sending));
    this.sending.add(sending);
  }

  /** Never throws: the caller has had its answer. The reason is logged, never the number or the code. */
  private async send(tenantId: string, userId: string, mobile: string, mobileHash: string, code: string) {
    try {
      const outcome = await this.sms.send(tenantId, mobile, code);
      if (outcome.status === 'skipped') {
        this.logger.warn(
          { tenantId, userId, reason: outcome.reason },
          outcome.reason === 'no-template'
            ? 'Sign-in code not sent: the township has mapped no SMS template to verification codes'
            : 'Sign-in code not sent: the township has no SMS account',
        );
        return;
      }
      await this.tenant.run(null, () => this.codes.markSent(mobileHash, this.codeHash(mobile, code), this.clock.now()));
    } catch (error) {
      this.logger.warn({ err: error, tenantId, userId }, 'Sign-in code not sent: the SMS provider refused or failed');
    }
  }

  private limited(retryAfterSeconds: number): DomainException {
    return new DomainException(ErrorCode.SmsCodeLimit, HttpStatus.TOO_MANY_REQUESTS, [], retryAfterSeconds);
  }

  private codeHash(mobile: string, code: string): string {
    return this.hash(`code:${mobile}:${code}`);
  }

  private hash(value: string): string {
    return createHmac('sha256', this.hashKey).update(value).digest('hex');
  }
}
