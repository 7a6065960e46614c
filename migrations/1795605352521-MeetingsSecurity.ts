import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = ['venues', 'venue_zones', 'room_reservations', 'meeting_series', 'meetings', 'meeting_participants', 'calendar_feeds'];
const AUDITED = ['venues', 'venue_zones', 'meeting_series', 'meetings', 'meeting_participants'];

/** Row-level security and audit for the meeting tables. */
export class MeetingsSecurity1795605352521 implements MigrationInterface {
  name = 'MeetingsSecurity1795605352521';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY tenant_isolation ON "${table}"
          USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "${table}" TO lianmeng_runtime`);
    }
    for (const table of AUDITED) {
      await queryRunner.query(`
        CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION audit_row_change()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of AUDITED) await queryRunner.query(`DROP TRIGGER IF EXISTS audit_row_change ON "${table}"`);
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON "${table}"`);
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM lianmeng_runtime`);
    }
  }
}
