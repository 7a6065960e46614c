import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `audit_refused_access` took the township and the user as arguments, and as SECURITY DEFINER it
 * let the application's role write a refusal into any township's audit log. It now takes them from
 * the transaction's settings, the ones row-level security reads (`app.tenant_id`, `app.user_id`,
 * `app.request_id`), so a refusal can only be recorded as the actor the transaction already is.
 * A platform admin (`app.platform`) has no township: the refusal is written with none, as before.
 */
export class RefusedAccessOwnTenant1795644000000 implements MigrationInterface {
  name = 'RefusedAccessOwnTenant1795644000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION audit_refused_access(uuid, uuid, text, jsonb)`);
    await queryRunner.query(`
      CREATE FUNCTION audit_refused_access(p_detail jsonb) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS \$\$
      BEGIN
        IF app_user_id() IS NULL OR (app_tenant_id() IS NULL AND NOT app_is_platform()) THEN
          RAISE EXCEPTION 'a refusal is recorded only inside a transaction that names its user and township (or the platform)'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        INSERT INTO audit_log (tenant_id, actor_user_id, action, entity_type, entity_id, after, request_id)
        VALUES (app_tenant_id(), app_user_id(), 'refused', 'route', NULL, p_detail,
                left(nullif(current_setting('app.request_id', true), ''), 64));
      END \$\$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION audit_refused_access(jsonb) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION audit_refused_access(jsonb) TO lianmeng_runtime`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION audit_refused_access(jsonb)`);
    await queryRunner.query(`
      CREATE FUNCTION audit_refused_access(p_tenant uuid, p_user uuid, p_request_id text, p_detail jsonb) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = public AS \$\$
        INSERT INTO audit_log (tenant_id, actor_user_id, action, entity_type, entity_id, after, request_id)
        VALUES (p_tenant, p_user, 'refused', 'route', NULL, p_detail, left(p_request_id, 64))
      \$\$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION audit_refused_access(uuid, uuid, text, jsonb) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION audit_refused_access(uuid, uuid, text, jsonb) TO lianmeng_runtime`);
  }
}
