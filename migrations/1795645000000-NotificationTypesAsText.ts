import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification types as the features register them: every column of the `notification_type` enum
 * becomes text (the robots' list text[]) with a check constraint, and the enum type goes. A feature's
 * new type re-creates the constraints instead of altering an enum type; the list below is the
 * registered names when this shipped (src/notification-types.ts), and
 * test/integration/notification-type-constraints.test.ts keeps the two in step.
 */
const TYPES = [
  'registry.import-finished',
  'registry.export-finished',
  'registry.member-joined',
  'registry.member-left',
  'user.invited',
  'notifications.robot-test',
  'service-request.assigned',
  'service-request.updated',
  'service-request.comment',
  'service-request.sla-warning',
  'service-request.escalated',
  'service-request.chased',
  'service-request.follow-up',
  'meeting.invited',
  'meeting.changed',
  'meeting.cancelled',
  'meeting.reminder',
  'action-item.assigned',
  'action-item.overdue',
  'think-tank.report-submitted',
  'think-tank.review-invited',
  'think-tank.review-responded',
  'think-tank.review-reminder',
  'think-tank.review-submitted',
  'think-tank.report-decided',
  'venue-booking.requested',
  'venue-booking.decided',
  'pairing.visit-overdue',
  'listing.interest',
  'listing.message',
  'project-call.published',
  'project-call.deadline',
  'project-application.updated',
  'typical-case.nominated',
  'typical-case.reviewed',
  'indicator.round-opened',
  'indicator.reminder',
  'backup.stale',
];
const LIST = TYPES.map((type) => `'${type}'`).join(', ');
const COLUMNS = [
  ['notification_events', 'type'],
  ['notifications', 'type'],
  ['notification_preferences', 'type'],
] as const;

export class NotificationTypesAsText1795645000000 implements MigrationInterface {
  name = 'NotificationTypesAsText1795645000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of COLUMNS) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE text USING "${column}"::text`);
    }
    await queryRunner.query(`ALTER TABLE "group_robots" ALTER COLUMN "types" TYPE text[] USING "types"::text[]`);
    await queryRunner.query(`DROP TYPE "public"."notification_type"`);
    for (const [table, column] of COLUMNS) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "ck_${table}__${column}" CHECK ("${column}" IN (${LIST}))`,
      );
    }
    await queryRunner.query(
      `ALTER TABLE "group_robots" ADD CONSTRAINT "ck_group_robots__types" CHECK ("types" <@ ARRAY[${LIST}]::text[])`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "group_robots" DROP CONSTRAINT "ck_group_robots__types"`);
    for (const [table, column] of COLUMNS) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "ck_${table}__${column}"`);
    }
    await queryRunner.query(`CREATE TYPE "public"."notification_type" AS ENUM(${LIST})`);
    for (const [table, column] of COLUMNS) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE "public"."notification_type" USING "${column}"::"public"."notification_type"`,
      );
    }
    await queryRunner.query(
      `ALTER TABLE "group_robots" ALTER COLUMN "types" TYPE "public"."notification_type" array USING "types"::"public"."notification_type"[]`,
    );
  }
}
