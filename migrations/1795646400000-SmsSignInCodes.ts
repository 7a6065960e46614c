import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signing in with a mobile number and a text-message code (短信验证码登录).
 *
 * One row per number asked for, known or not (so the limits answer alike whether a number has an
 * account): a keyed hash of the number (never the number), a keyed hash of the current code (never
 * the code), the account it signs in to (null when the number has none, or more than one), when it
 * was issued, expires and was accepted by the township's SMS provider (a code the provider did not
 * take signs in to nothing), its tries, and the day's count. Short-lived state: unlogged, like the
 * throttling counters, so a backup leaves it out and a crash empties it. The application's role
 * reaches it only through the functions below. The township's SMS settings gain the template of the
 * verification-code message.
 */
export class SmsSignInCodes1795646400000 implements MigrationInterface {
  name = 'SmsSignInCodes1795646400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_settings" ADD "sms_verification_template" character varying(50)`);
    await queryRunner.query(`
      CREATE UNLOGGED TABLE "sms_sign_in_codes" (
        "mobile_hash" character varying(64) NOT NULL,
        "code_hash" character varying(64),
        "user_id" uuid,
        "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "sent_at" TIMESTAMP WITH TIME ZONE,
        "tries" integer NOT NULL DEFAULT 0,
        "day" date NOT NULL,
        "issued_today" integer NOT NULL,
        CONSTRAINT "pk_sms_sign_in_codes" PRIMARY KEY ("mobile_hash"),
        CONSTRAINT "fk_sms_sign_in_codes__user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "ck_sms_sign_in_codes__tries" CHECK ("tries" >= 0),
        CONSTRAINT "ck_sms_sign_in_codes__issued_today" CHECK ("issued_today" >= 1)
      )`);
    await queryRunner.query(`CREATE INDEX "ix_sms_sign_in_codes__issued_at" ON "sms_sign_in_codes" ("issued_at")`);
    await queryRunner.query(`CREATE INDEX "ix_sms_sign_in_codes__user" ON "sms_sign_in_codes" ("user_id")`);
    // No tenant yet at sign-in, and no grant: only the SECURITY DEFINER functions below touch it.
    await queryRunner.query(`ALTER TABLE "sms_sign_in_codes" ENABLE ROW LEVEL SECURITY`);

    // Issues a code unless the number had one in the last min_interval seconds or daily_max today;
    // outcome 'issued' | 'too-soon' | 'daily-limit'. The account is the one invited or active user
    // with this mobile (none when there are two: the index makes mobiles unique today, and a
    // number shared by townships must not pick one of them).
    await queryRunner.query(`
      CREATE FUNCTION auth_issue_sms_code(for_mobile_hash varchar, for_mobile varchar, new_code_hash varchar,
                                          issued timestamptz, today date, min_interval int, daily_max int, ttl int)
      RETURNS TABLE (outcome text, issued_at timestamptz, user_id uuid, tenant_id uuid)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
      AS $$
      #variable_conflict use_column
      DECLARE
        existing sms_sign_in_codes%ROWTYPE;
        account_id uuid;
        account_tenant uuid;
      BEGIN
        DELETE FROM sms_sign_in_codes WHERE mobile_hash IN (
          SELECT c.mobile_hash FROM sms_sign_in_codes c WHERE c.issued_at < issued - interval '2 days'
           ORDER BY c.issued_at LIMIT 10);
        SELECT min(u.id::text)::uuid, min(u.tenant_id::text)::uuid INTO account_id, account_tenant
          FROM users u WHERE u.mobile = for_mobile AND u.status IN ('invited', 'active') AND u.tenant_id IS NOT NULL
         HAVING count(*) = 1;
        INSERT INTO sms_sign_in_codes AS c (mobile_hash, issued_at, expires_at, day, issued_today)
        VALUES (for_mobile_hash, '-infinity', '-infinity', today, 1)
        ON CONFLICT ON CONSTRAINT pk_sms_sign_in_codes DO NOTHING;
        SELECT * INTO existing FROM sms_sign_in_codes c WHERE c.mobile_hash = for_mobile_hash FOR UPDATE;
        IF existing.issued_at > issued - make_interval(secs => min_interval) THEN
          RETURN QUERY SELECT 'too-soon'::text, existing.issued_at, NULL::uuid, NULL::uuid;
          RETURN;
        END IF;
        IF existing.day = today AND existing.issued_at > '-infinity' AND existing.issued_today >= daily_max THEN
          RETURN QUERY SELECT 'daily-limit'::text, existing.issued_at, NULL::uuid, NULL::uuid;
          RETURN;
        END IF;
        UPDATE sms_sign_in_codes c
           SET code_hash = new_code_hash, user_id = account_id, issued_at = issued,
               expires_at = issued + make_interval(secs => ttl), sent_at = NULL, tries = 0,
               issued_today = CASE WHEN c.day = today AND c.issued_at > '-infinity' THEN c.issued_today + 1 ELSE 1 END,
               day = today
         WHERE c.mobile_hash = for_mobile_hash;
        RETURN QUERY SELECT 'issued'::text, issued, account_id, account_tenant;
      END $$`);
    // The provider took the code: from now on it signs in (if it is still the number's current one).
    await queryRunner.query(`
      CREATE FUNCTION auth_mark_sms_code_sent(for_mobile_hash varchar, sent_code_hash varchar, sent timestamptz)
      RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public
      AS $$ UPDATE sms_sign_in_codes SET sent_at = sent WHERE mobile_hash = for_mobile_hash AND code_hash = sent_code_hash $$`);
    // One try: the account when the code is the number's current one, sent, unexpired and under
    // max_tries (and then it is used up); else null, and a wrong code counts a try (the last one
    // used up the code).
    await queryRunner.query(`
      CREATE FUNCTION auth_try_sms_code(for_mobile_hash varchar, tried_code_hash varchar, tried timestamptz, max_tries int)
      RETURNS uuid LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
      AS $$
      DECLARE
        existing sms_sign_in_codes%ROWTYPE;
      BEGIN
        SELECT * INTO existing FROM sms_sign_in_codes c WHERE c.mobile_hash = for_mobile_hash FOR UPDATE;
        IF NOT FOUND OR existing.code_hash IS NULL THEN RETURN NULL; END IF;
        IF existing.sent_at IS NULL OR existing.expires_at <= tried OR existing.tries >= max_tries THEN
          UPDATE sms_sign_in_codes SET tries = least(tries + 1, max_tries) WHERE mobile_hash = for_mobile_hash;
          RETURN NULL;
        END IF;
        IF existing.code_hash = tried_code_hash THEN
          UPDATE sms_sign_in_codes SET code_hash = NULL, tries = tries + 1 WHERE mobile_hash = for_mobile_hash;
          RETURN existing.user_id;
        END IF;
        UPDATE sms_sign_in_codes
           SET tries = tries + 1, code_hash = CASE WHEN tries + 1 >= max_tries THEN NULL ELSE code_hash END
         WHERE mobile_hash = for_mobile_hash;
        RETURN NULL;
      END $$`);
    for (const fn of [
      'auth_issue_sms_code(varchar, varchar, varchar, timestamptz, date, int, int, int)',
      'auth_mark_sms_code_sent(varchar, varchar, timestamptz)',
      'auth_try_sms_code(varchar, varchar, timestamptz, int)',
    ]) {
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO lianmeng_runtime`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION auth_try_sms_code(varchar, varchar, timestamptz, int)`);
    await queryRunner.query(`DROP FUNCTION auth_mark_sms_code_sent(varchar, varchar, timestamptz)`);
    await queryRunner.query(
      `DROP FUNCTION auth_issue_sms_code(varchar, varchar, varchar, timestamptz, date, int, int, int)`,
    );
    await queryRunner.query(`DROP TABLE "sms_sign_in_codes"`);
    await queryRunner.query(`ALTER TABLE "notification_settings" DROP COLUMN "sms_verification_template"`);
  }
}
