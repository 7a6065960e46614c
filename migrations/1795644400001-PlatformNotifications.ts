import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['notification_events', 'notifications', 'notification_deliveries'];

/**
 * Notifications and jobs of the platform's own. Notifications to platform admins, who belong to no township (the first: backups gone stale). Their
 * events, inbox items and deliveries have no tenant (tenant_id NULL) and are the platform's: only a
 * platform actor reads or writes them; township rows keep their policies unchanged. The same-tenant
 * foreign keys (MATCH SIMPLE) leave a row without a tenant to the simple keys on event and user.
 */
export class PlatformNotifications1795644400001 implements MigrationInterface {
  name = 'PlatformNotifications1795644400001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."notification_type" ADD VALUE IF NOT EXISTS 'backup.stale'`);
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "tenant_id" DROP NOT NULL`);
    }
    for (const table of ['notification_events', 'notifications']) {
      await queryRunner.query(`
        CREATE POLICY platform_own ON "${table}"
          USING (tenant_id IS NULL AND app_is_platform()) WITH CHECK (tenant_id IS NULL AND app_is_platform())`);
    }
    // notification_deliveries' policy lets platform admins see and write every delivery already.
    // The platform's own jobs (a backup asked for, a delivery to a platform admin) go through the
    // outbox with no tenant: a platform actor may write and read back (RETURNING) those rows.
    await queryRunner.query(`
      CREATE POLICY platform_own ON outbox_events
        USING (tenant_id IS NULL AND app_is_platform()) WITH CHECK (tenant_id IS NULL AND app_is_platform())`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY IF EXISTS platform_own ON outbox_events`);
    for (const table of ['notification_events', 'notifications']) await queryRunner.query(`DROP POLICY IF EXISTS platform_own ON "${table}"`);
    for (const table of TABLES) {
      await queryRunner.query(`DELETE FROM "${table}" WHERE tenant_id IS NULL`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "tenant_id" SET NOT NULL`);
    }
  }
}
