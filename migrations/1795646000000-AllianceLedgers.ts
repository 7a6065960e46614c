import { MigrationInterface, QueryRunner } from 'typeorm';

/** Alliance ledgers (工作台账) run as transfer jobs. Enum values cannot be removed, so down leaves it. */
export class AllianceLedgers1795646000000 implements MigrationInterface {
  name = 'AllianceLedgers1795646000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."transfer_job_kind" ADD VALUE IF NOT EXISTS 'alliance-ledger'`);
  }

  public async down(): Promise<void> {}
}
