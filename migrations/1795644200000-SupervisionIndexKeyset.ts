import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervision board pages by (due time, id): with the id in the index each state's branch reads
 * exactly one page of rows in order, from the cursor, rather than sorting every request due at the
 * same moment as the page's last.
 */
export class SupervisionIndexKeyset1795644200000 implements MigrationInterface {
  name = 'SupervisionIndexKeyset1795644200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_service_requests__supervision"`);
    await queryRunner.query(`
      CREATE INDEX "ix_service_requests__supervision" ON "service_requests" ("tenant_id", "sla_state", "resolve_due_at", "id")
      WHERE "status" IN ('routed', 'accepted', 'in_progress', 'returned')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_service_requests__supervision"`);
    await queryRunner.query(`
      CREATE INDEX "ix_service_requests__supervision" ON "service_requests" ("tenant_id", "sla_state", "resolve_due_at")
      WHERE "status" IN ('routed', 'accepted', 'in_progress', 'returned')`);
  }
}
