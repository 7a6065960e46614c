import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The record of the worker's backups (platform data, not a township's): one row a run, scheduled
 * or asked for, with what it wrote and whether a restore of it checked out. A scheduled run names
 * its tick, unique, so two workers never both take one. Backups leave this table out (see
 * schema-catalog.ts): it describes this deployment's backup files, not the product's data.
 * backup_alerts remembers which stale episode (named by the last good run) platform admins were told of.
 */
export class BackupRuns1795644400000 implements MigrationInterface {
  name = 'BackupRuns1795644400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "backup_runs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "trigger" text NOT NULL CHECK ("trigger" IN ('schedule', 'manual')),
        "scheduled_for" timestamptz,
        "requested_by_id" uuid,
        "status" text NOT NULL CHECK ("status" IN ('queued', 'running', 'succeeded', 'failed')),
        "failure_reason" text,
        "created_at" timestamptz NOT NULL,
        "started_at" timestamptz,
        "heartbeat_at" timestamptz,
        "finished_at" timestamptz,
        "file_name" text,
        "location" text,
        "bytes" bigint,
        "schema_version" text,
        "tables" integer,
        "rows" bigint,
        "attachments" integer,
        "attachment_bytes" bigint,
        "verify_status" text CHECK ("verify_status" IN ('ok', 'failed')),
        "verified_at" timestamptz,
        "verify_detail" text,
        "pruned_at" timestamptz,
        CONSTRAINT "pk_backup_runs" PRIMARY KEY ("id"),
        CONSTRAINT "ck_backup_runs__finished" CHECK (("status" IN ('succeeded', 'failed')) = ("finished_at" IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_backup_runs__scheduled_for" ON "backup_runs" ("scheduled_for") WHERE "scheduled_for" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_backup_runs__created_at" ON "backup_runs" ("created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_backup_runs__good" ON "backup_runs" ("finished_at") WHERE "status" = 'succeeded'`);
    await queryRunner.query(`
      CREATE TABLE "backup_alerts" (
        "episode" text NOT NULL,
        "alerted_at" timestamptz NOT NULL,
        CONSTRAINT "pk_backup_alerts" PRIMARY KEY ("episode")
      )`);
    for (const table of ['backup_runs', 'backup_alerts']) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY platform_only ON "${table}" USING (app_is_platform()) WITH CHECK (app_is_platform())`);
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON "${table}" TO lianmeng_runtime`);
    }
    // For /health, which runs as no one: the newest good backup and the newest finished run, nothing else.
    await queryRunner.query(`
      CREATE FUNCTION backup_freshness(OUT last_good_at timestamptz, OUT last_status text, OUT first_run_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT (SELECT max(finished_at) FROM backup_runs WHERE status = 'succeeded'),
               (SELECT status FROM backup_runs WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1),
               (SELECT min(created_at) FROM backup_runs)
      $$`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION backup_freshness() TO lianmeng_runtime`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION backup_freshness()`);
    await queryRunner.query(`DROP TABLE "backup_alerts"`);
    await queryRunner.query(`DROP TABLE "backup_runs"`);
  }
}
