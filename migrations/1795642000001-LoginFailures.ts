import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins are counted for every login typed, known or not, in one table through the same
 * statements: an address with no account locks after the same failures as one with an account, so
 * the lockout no longer tells who has one. A known user is counted once across its email and mobile
 * (the subject is a hash of its id), an unknown login by a hash of what was typed (never stored in
 * clear). A streak whose last failure is a day old starts over, and such rows are swept by the
 * failures that come later. The application's role reaches the table only through these functions.
 * The failure count and lock on users go: they told known logins apart.
 */
export class LoginFailures1795642000001 implements MigrationInterface {
  name = 'LoginFailures1795642000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "login_failures" (
        "subject" character varying(64) NOT NULL,
        "failures" integer NOT NULL,
        "locked_until" TIMESTAMP WITH TIME ZONE,
        "last_failed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_login_failures" PRIMARY KEY ("subject"),
        CONSTRAINT "ck_login_failures__failures" CHECK ("failures" >= 0)
      )`);
    await queryRunner.query(`CREATE INDEX "ix_login_failures__last_failed_at" ON "login_failures" ("last_failed_at")`);
    // No tenant yet at sign-in, and no grant: only the SECURITY DEFINER functions below touch it.
    await queryRunner.query(`ALTER TABLE "login_failures" ENABLE ROW LEVEL SECURITY`);

    await queryRunner.query(`DROP FUNCTION auth_find_login(text)`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "failed_login_count"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "locked_until"`);
    // Always one row: the account's columns are null when no account has this login.
    await queryRunner.query(`
      CREATE FUNCTION auth_find_login(login text)
      RETURNS TABLE (id uuid, tenant_id uuid, role user_role, organization_id uuid, status user_status,
                     password_hash text, email varchar, mobile varchar, lock_subject varchar, locked_until timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$
        WITH account AS (
          SELECT u.id, u.tenant_id, u.role, u.organization_id, u.status, u.password_hash, u.email, u.mobile
            FROM users u WHERE u.email = lower(login) OR u.mobile = login LIMIT 1
        ), subject AS (
          SELECT encode(sha256(convert_to(coalesce((SELECT 'user:' || a.id FROM account a), 'login:' || lower(login)), 'UTF8')), 'hex')::varchar AS value
        )
        SELECT a.id, a.tenant_id, a.role, a.organization_id, a.status, a.password_hash, a.email, a.mobile, s.value, f.locked_until
          FROM subject s LEFT JOIN account a ON true LEFT JOIN login_failures f ON f.subject = s.value
      $$`);
    // Counts one failure; true when it locks the subject for lock_seconds from failed_at.
    await queryRunner.query(`
      CREATE FUNCTION auth_record_login_failure(failed_subject varchar, failed_at timestamptz, max_failures int, lock_seconds int)
      RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
      AS $$
      DECLARE
        counted int;
      BEGIN
        DELETE FROM login_failures WHERE subject IN (
          SELECT f.subject FROM login_failures f
           WHERE f.last_failed_at < failed_at - interval '1 day' AND (f.locked_until IS NULL OR f.locked_until < failed_at)
           ORDER BY f.last_failed_at LIMIT 10);
        INSERT INTO login_failures AS f (subject, failures, last_failed_at) VALUES (failed_subject, 1, failed_at)
        ON CONFLICT ON CONSTRAINT pk_login_failures DO UPDATE
          SET failures = CASE WHEN f.last_failed_at < failed_at - interval '1 day' THEN 1 ELSE f.failures + 1 END,
              last_failed_at = failed_at
        RETURNING f.failures INTO counted;
        IF counted < max_failures THEN RETURN false; END IF;
        UPDATE login_failures SET failures = 0, locked_until = failed_at + make_interval(secs => lock_seconds)
         WHERE subject = failed_subject;
        RETURN true;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION auth_clear_login_failures(user_id uuid) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = public
      AS $$ DELETE FROM login_failures WHERE subject = encode(sha256(convert_to('user:' || user_id, 'UTF8')), 'hex') $$`);
    for (const fn of ['auth_find_login(text)', 'auth_record_login_failure(varchar, timestamptz, int, int)', 'auth_clear_login_failures(uuid)']) {
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO lianmeng_runtime`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS auth_clear_login_failures(uuid)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS auth_record_login_failure(varchar, timestamptz, int, int)`);
    await queryRunner.query(`DROP FUNCTION auth_find_login(text)`);
    await queryRunner.query(`ALTER TABLE "users" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ADD "failed_login_count" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`
      CREATE FUNCTION auth_find_login(login text)
      RETURNS TABLE (id uuid, tenant_id uuid, role user_role, organization_id uuid, status user_status,
                     password_hash text, failed_login_count int, locked_until timestamptz,
                     email varchar, mobile varchar)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$
        SELECT u.id, u.tenant_id, u.role, u.organization_id, u.status, u.password_hash,
               u.failed_login_count, u.locked_until, u.email, u.mobile
          FROM users u WHERE u.email = lower(login) OR u.mobile = login LIMIT 1
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION auth_find_login(text) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION auth_find_login(text) TO lianmeng_runtime`);
    await queryRunner.query(`DROP TABLE "login_failures"`);
  }
}
