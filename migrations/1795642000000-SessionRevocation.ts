import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocation lives in PostgreSQL, Redis only caches it. `users.sessions_revoked_at` ends every
 * access token issued up to then (disable, password change, a new role); a session (refresh-token
 * family) with a revoked token has ended (logout, a reused refresh token). The API asks
 * `auth_session_state` when its cache cannot answer: one statement, before any tenant is known,
 * through the primary key of users and a partial index of the revoked families.
 */
export class SessionRevocation1795642000000 implements MigrationInterface {
  name = 'SessionRevocation1795642000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "sessions_revoked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "ix_refresh_tokens__family_revoked" ON "refresh_tokens" ("family_id") WHERE "revoked_at" IS NOT NULL`);
    await queryRunner.query(`
      CREATE FUNCTION auth_session_state(user_id uuid, family_id uuid)
      RETURNS TABLE (status user_status, sessions_revoked_at timestamptz, session_ended boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$
        SELECT u.status, u.sessions_revoked_at,
               EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = auth_session_state.family_id AND r.revoked_at IS NOT NULL)
          FROM users u WHERE u.id = auth_session_state.user_id
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION auth_session_state(uuid, uuid) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION auth_session_state(uuid, uuid) TO lianmeng_runtime`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS auth_session_state(uuid, uuid)`);
    await queryRunner.query(`DROP INDEX "public"."ix_refresh_tokens__family_revoked"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "sessions_revoked_at"`);
  }
}
