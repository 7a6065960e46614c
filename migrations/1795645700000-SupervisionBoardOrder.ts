import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervision board as one ordered index: its open requests at risk or late alone, late
 * first (`sla_state = 'at_risk'` is false for them), then by due time and id. The board reads its
 * page as the first rows of this index and joins names to that page only; it used to read a page
 * of each state from (tenant, state, due time, id) over every open request, join names to both
 * and drop the second half after sorting.
 */
export class SupervisionBoardOrder1795645700000 implements MigrationInterface {
  name = 'SupervisionBoardOrder1795645700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_service_requests__supervision"`);
    await queryRunner.query(`
      CREATE INDEX "ix_service_requests__supervision"
          ON "service_requests" ("tenant_id", ("sla_state" = 'at_risk'), "resolve_due_at", "id")
       WHERE "status" IN ('routed', 'accepted', 'in_progress', 'returned') AND "sla_state" IN ('breached', 'at_risk')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_service_requests__supervision"`);
    await queryRunner.query(`
      CREATE INDEX "ix_service_requests__supervision" ON "service_requests" ("tenant_id", "sla_state", "resolve_due_at", "id")
      WHERE "status" IN ('routed', 'accepted', 'in_progress', 'returned')`);
  }
}
