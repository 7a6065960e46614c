import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refused authorisations go into the audit log beside the row changes. The application's role may
 * not insert into the log itself; this function, owned by the migrating role, is its only way in,
 * and it can write nothing but a refusal.
 */
export class RefusedAccessAudit1795612975198 implements MigrationInterface {
  name = 'RefusedAccessAudit1795612975198';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "entity_id" DROP NOT NULL`);
    await queryRunner.query(`
      CREATE FUNCTION audit_refused_access(p_tenant uuid, p_user uuid, p_request_id text, p_detail jsonb) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = public AS \$\$
        INSERT INTO audit_log (tenant_id, actor_user_id, action, entity_type, entity_id, after, request_id)
        VALUES (p_tenant, p_user, 'refused', 'route', NULL, p_detail, left(p_request_id, 64))
      \$\$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION audit_refused_access(uuid, uuid, text, jsonb) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION audit_refused_access(uuid, uuid, text, jsonb) TO lianmeng_runtime`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS audit_refused_access(uuid, uuid, text, jsonb)`);
  }
}
