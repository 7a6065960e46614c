import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fingerprint of the body an Idempotency-Key was first used with, so the same key with another
 * body can be refused. Existing rows keep NULL: their body is unknown and any replay is accepted.
 */
export class IdempotencyRequestHash1795620362510 implements MigrationInterface {
  name = 'IdempotencyRequestHash1795620362510';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "service_requests" ADD "idempotency_request_hash" character(64)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "service_requests" DROP COLUMN "idempotency_request_hash"`);
  }
}
