import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = ['notification_events', 'notifications', 'notification_preferences', 'group_robots'];

/** Row-level security and grants for the notification tables; platform admins see every delivery. */
export class NotificationsSecurity1795602650105 implements MigrationInterface {
  name = 'NotificationsSecurity1795602650105';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TENANT_TABLES, 'notification_deliveries']) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
    }
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`
        CREATE POLICY tenant_isolation ON "${table}"
          USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "${table}" TO lianmeng_runtime`);
    }
    await queryRunner.query(`
      CREATE POLICY tenant_isolation ON notification_deliveries
        USING (tenant_id = app_tenant_id() OR app_is_platform())
        WITH CHECK (tenant_id = app_tenant_id() OR app_is_platform())`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON notification_deliveries TO lianmeng_runtime`);
    // notification_events: platform admins read the type of the deliveries they look at.
    await queryRunner.query(`CREATE POLICY platform_read ON notification_events FOR SELECT USING (app_is_platform())`);

    await queryRunner.query(`ALTER TABLE notification_settings ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE notification_settings FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY tenant_isolation ON notification_settings
        USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON notification_settings TO lianmeng_runtime`);

    // The digest's bookkeeping is not a change anyone needs in the audit log.
    await queryRunner.query(`DROP TRIGGER audit_row_change ON users`);
    await queryRunner.query(`
      CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON users
      FOR EACH ROW EXECUTE FUNCTION audit_row_change('password_hash', 'invitation_token_hash', 'failed_login_count', 'locked_until', 'last_digest_at')`);
    await queryRunner.query(`
      CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON group_robots
      FOR EACH ROW EXECUTE FUNCTION audit_row_change('webhook_url_encrypted', 'secret_encrypted')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_row_change ON group_robots`);
    await queryRunner.query(`DROP TRIGGER audit_row_change ON users`);
    await queryRunner.query(`
      CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON users
      FOR EACH ROW EXECUTE FUNCTION audit_row_change('password_hash', 'invitation_token_hash', 'failed_login_count', 'locked_until')`);
    await queryRunner.query(`DROP POLICY IF EXISTS platform_read ON notification_events`);
    for (const table of [...TENANT_TABLES, 'notification_deliveries', 'notification_settings']) {
      await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON "${table}"`);
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM lianmeng_runtime`);
    }
  }
}
