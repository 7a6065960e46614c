import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['experts', 'expert_declarations', 'research_reports', 'report_authors', 'report_versions', 'review_criteria', 'review_rounds', 'review_assignments'];

/**
 * Row-level security and audit for the think tank, and the library's search indexes: a trigram
 * index finds a Chinese phrase inside longer text, where word-based full-text search needs spaces.
 */
export class ThinkTankSecurity1795609406599 implements MigrationInterface {
  name = 'ThinkTankSecurity1795609406599';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY tenant_isolation ON "${table}"
          USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "${table}" TO lianmeng_runtime`);
    }
    for (const table of ['experts', 'expert_declarations', 'research_reports', 'review_rounds', 'review_assignments', 'review_criteria']) {
      await queryRunner.query(`CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION audit_row_change()`);
    }
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX ix_research_reports__search ON research_reports USING gin (search_text gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX ix_research_reports__topics ON research_reports USING gin (topics)`);
    await queryRunner.query(`CREATE INDEX ix_experts__fields ON experts USING gin (fields)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS ix_experts__fields`);
    await queryRunner.query(`DROP INDEX IF EXISTS ix_research_reports__topics`);
    await queryRunner.query(`DROP INDEX IF EXISTS ix_research_reports__search`);
    for (const table of TABLES) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS audit_row_change ON "${table}"`);
      await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON "${table}"`);
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM lianmeng_runtime`);
    }
  }
}
