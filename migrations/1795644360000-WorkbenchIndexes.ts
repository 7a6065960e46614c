import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workbench's sections read each person's waiting work; on the benchmark's township (a million
 * requests, half a million meeting invitations) three of them read thousands of rows to keep a few:
 * the open call-backs (every follow-up task, open or done), an enterprise's requests returned for
 * information or waiting for its rating (all its requests, filtered), and the meetings a person has
 * yet to answer or an enterprise has yet to name who attends (all their invitations). Each gets a
 * partial index of just those rows, in the order the section reads them.
 */
export class WorkbenchIndexes1795644360000 implements MigrationInterface {
  name = 'WorkbenchIndexes1795644360000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_follow_up_tasks__open" ON "follow_up_tasks" ("tenant_id", "created_at", "id") WHERE "status" = 'open'`);
    await queryRunner.query(
      `CREATE INDEX "ix_service_requests__returned" ON "service_requests" ("tenant_id", "requester_organization_id", "returned_at", "id") WHERE "status" = 'returned'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_service_requests__unrated" ON "service_requests" ("tenant_id", "requester_organization_id", "resolved_at", "id") WHERE "status" = 'resolved' AND "rating" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_meeting_participants__pending" ON "meeting_participants" ("tenant_id", "attendee_id", "meeting_id") WHERE "response" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_meeting_participants__unnamed" ON "meeting_participants" ("tenant_id", "organization_id", "meeting_id") WHERE "attendee_id" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_meeting_participants__unnamed"`);
    await queryRunner.query(`DROP INDEX "ix_meeting_participants__pending"`);
    await queryRunner.query(`DROP INDEX "ix_service_requests__unrated"`);
    await queryRunner.query(`DROP INDEX "ix_service_requests__returned"`);
    await queryRunner.query(`DROP INDEX "ix_follow_up_tasks__open"`);
  }
}
