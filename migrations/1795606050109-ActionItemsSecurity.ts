import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['action_items', 'action_item_updates'];

/** Row-level security and audit for action items; progress reports are append-only. */
export class ActionItemsSecurity1795606050109 implements MigrationInterface {
  name = 'ActionItemsSecurity1795606050109';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY tenant_isolation ON "${table}"
          USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
    }
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON action_items TO lianmeng_runtime`);
    await queryRunner.query(`GRANT SELECT, INSERT ON action_item_updates TO lianmeng_runtime`);
    await queryRunner.query(`
      CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON action_items
      FOR EACH ROW EXECUTE FUNCTION audit_row_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_row_change ON action_items`);
    for (const table of TABLES) {
      await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON "${table}"`);
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM lianmeng_runtime`);
    }
  }
}
