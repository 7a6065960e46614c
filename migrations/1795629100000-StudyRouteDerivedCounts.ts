import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The study route's per-site day counters go: a day's count is now the sum of its live bookings.
 * Cancelling used to subtract the group from every site's counter, including sites added or
 * re-enabled after the booking (clamped at zero, which hid it and freed places other groups held),
 * and a site added later did not count the groups already booked.
 */
export class StudyRouteDerivedCounts1795629100000 implements MigrationInterface {
  name = 'StudyRouteDerivedCounts1795629100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "study_site_days"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "study_site_days" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL,
        "site_id" uuid NOT NULL,
        "day" date NOT NULL,
        "booked" integer NOT NULL DEFAULT '0',
        CONSTRAINT "ck_study_site_days__booked" CHECK ("booked" >= 0),
        CONSTRAINT "PK_e2840cd74be9a886e5c3de9bc8b" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_study_site_days__day" ON "study_site_days" ("tenant_id", "site_id", "day")`);
    await queryRunner.query(`
      INSERT INTO study_site_days (tenant_id, site_id, day, booked)
      SELECT b.tenant_id, s.id, b.visit_on, sum(b.group_size)
        FROM study_bookings b JOIN study_sites s ON s.tenant_id = b.tenant_id AND s.active
       WHERE b.status = 'booked' GROUP BY b.tenant_id, s.id, b.visit_on`);
    await queryRunner.query(`ALTER TABLE "study_site_days" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "study_site_days" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY tenant_isolation ON "study_site_days" USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "study_site_days" TO lianmeng_runtime`);
  }
}
