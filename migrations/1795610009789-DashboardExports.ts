import { MigrationInterface, QueryRunner } from 'typeorm';

/** Dashboard exports run as transfer jobs. Enum values cannot be removed, so down leaves it. */
export class DashboardExports1795610009789 implements MigrationInterface {
  name = 'DashboardExports1795610009789';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."transfer_job_kind" ADD VALUE IF NOT EXISTS 'dashboard-export'`);
  }

  public async down(): Promise<void> {}
}
