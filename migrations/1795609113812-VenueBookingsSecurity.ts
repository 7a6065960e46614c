import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = [
  'venue_bookings',
  'venue_photos',
  'study_sites',
  'study_site_photos',
  'study_bookings',
  'study_site_days',
  'study_site_visits',
  'pairing_pairs',
  'pairing_visits',
  'pairing_visit_problems',
];
const AUDITED = ['venue_bookings', 'study_sites', 'study_bookings', 'pairing_pairs', 'pairing_visits', 'pairing_visit_problems'];
/** Recorded visits are facts: nobody edits or deletes them. */
const APPEND_ONLY = ['study_site_visits'];

/** Row-level security, grants and audit for venue bookings, the study route and pairing visits. */
export class VenueBookingsSecurity1795609113812 implements MigrationInterface {
  name = 'VenueBookingsSecurity1795609113812';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY tenant_isolation ON "${table}"
          USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
      const privileges = APPEND_ONLY.includes(table) ? 'SELECT, INSERT' : 'SELECT, INSERT, UPDATE, DELETE';
      await queryRunner.query(`GRANT ${privileges} ON "${table}" TO lianmeng_runtime`);
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
