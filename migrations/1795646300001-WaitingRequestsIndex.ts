import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The requests still waiting to be routed, oldest first: a routing job takes its companions from
 * here, and the routing reconciler its stuck requests. ix_service_requests__status_created cannot
 * serve them under row-level security: enum equality is not leakproof, so the planner may not use
 * `status = 'submitted'` as an index condition before the tenant policy, and it walked the
 * township's requests by creation instead (2.3 s at 1 M requests). A partial index needs no such
 * condition, and holds only the few waiting rows.
 */
export class WaitingRequestsIndex1795646300001 implements MigrationInterface {
  name = 'WaitingRequestsIndex1795646300001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_service_requests__waiting" ON "service_requests" ("tenant_id", "created_at") WHERE "status" = 'submitted'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_service_requests__waiting"`);
  }
}
