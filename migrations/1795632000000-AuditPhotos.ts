import { MigrationInterface, QueryRunner } from 'typeorm';

/** Photos of venues, study sites and typical cases: who added or removed which, like every other change. */
const PHOTO_TABLES = ['venue_photos', 'study_site_photos', 'typical_case_photos'];

/**
 * The photo tables were left out of the audit: a photo removed from a venue, a study site or a
 * typical case left no trace. Their storage keys (where the file lies) stay out of the log.
 */
export class AuditPhotos1795632000000 implements MigrationInterface {
  name = 'AuditPhotos1795632000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of PHOTO_TABLES) {
      await queryRunner.query(`
        CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION audit_row_change('storage_key')`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of PHOTO_TABLES) await queryRunner.query(`DROP TRIGGER IF EXISTS audit_row_change ON "${table}"`);
  }
}
