import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['agenda_items', 'meeting_attendance', 'meeting_minutes', 'minutes_comments'];

/** Row-level security and audit for agendas, attendance and minutes; approved minutes are kept as they were approved. */
export class MeetingSessionsSecurity1795606237561 implements MigrationInterface {
  name = 'MeetingSessionsSecurity1795606237561';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY tenant_isolation ON "${table}"
          USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
    }
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON agenda_items TO lianmeng_runtime`);
    await queryRunner.query(`GRANT SELECT, INSERT ON meeting_attendance, minutes_comments TO lianmeng_runtime`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON meeting_minutes TO lianmeng_runtime`);
    for (const table of ['agenda_items', 'meeting_minutes']) {
      await queryRunner.query(`
        CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION audit_row_change()`);
    }
    // The database itself keeps approved minutes locked, whatever the code does.
    await queryRunner.query(`
      CREATE FUNCTION meeting_minutes_locked() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF OLD.status = 'approved' THEN
          RAISE EXCEPTION 'approved minutes are locked' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER meeting_minutes_locked BEFORE UPDATE OR DELETE ON meeting_minutes
      FOR EACH ROW EXECUTE FUNCTION meeting_minutes_locked()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS meeting_minutes_locked ON meeting_minutes`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS meeting_minutes_locked()`);
    for (const table of ['agenda_items', 'meeting_minutes']) await queryRunner.query(`DROP TRIGGER IF EXISTS audit_row_change ON "${table}"`);
    for (const table of TABLES) {
      await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON "${table}"`);
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM lianmeng_runtime`);
    }
  }
}
