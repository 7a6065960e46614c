import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification types become rows of a table the code owns: `notification_types` lists every name
 * the features ever registered (src/notification-types.ts), with the module that registered it, and
 * every column holding a type references it instead of carrying a check constraint that lists them.
 * migration:run and the API's and the worker's start-up add the names registered in code (INSERT ...
 * ON CONFLICT DO NOTHING, never a DELETE: stored rows name old types), so a new type needs no
 * migration. The table is global (no township's), readable by the application's role, which may add
 * names and nothing else. group_robots.types is an array, which no foreign key can cover: a trigger
 * refuses a name the table lacks, with the error a foreign key would raise. This seeds the names
 * registered when it shipped, so the stored rows satisfy the new keys.
 */
const TYPES: [string, string][] = [
  ['registry.import-finished', 'modules/registry-transfer'],
  ['registry.export-finished', 'modules/registry-transfer'],
  ['registry.member-joined', 'modules/alliances'],
  ['registry.member-left', 'modules/alliances'],
  ['user.invited', 'modules/users'],
  ['notifications.robot-test', 'platform/notifications'],
  ['service-request.assigned', 'modules/service-requests'],
  ['service-request.updated', 'modules/service-requests'],
  ['service-request.comment', 'modules/service-requests'],
  ['service-request.sla-warning', 'modules/service-requests'],
  ['service-request.escalated', 'modules/service-requests'],
  ['service-request.chased', 'modules/service-requests'],
  ['service-request.follow-up', 'modules/service-requests'],
  ['meeting.invited', 'modules/meetings'],
  ['meeting.changed', 'modules/meetings'],
  ['meeting.cancelled', 'modules/meetings'],
  ['meeting.reminder', 'modules/meetings'],
  ['action-item.assigned', 'modules/action-items'],
  ['action-item.overdue', 'modules/action-items'],
  ['think-tank.report-submitted', 'modules/think-tank'],
  ['think-tank.review-invited', 'modules/think-tank'],
  ['think-tank.review-responded', 'modules/think-tank'],
  ['think-tank.review-reminder', 'modules/think-tank'],
  ['think-tank.review-submitted', 'modules/think-tank'],
  ['think-tank.report-decided', 'modules/think-tank'],
  ['venue-booking.requested', 'modules/venues'],
  ['venue-booking.decided', 'modules/venues'],
  ['pairing.visit-overdue', 'modules/pairing'],
  ['listing.interest', 'modules/resource-sharing'],
  ['listing.message', 'modules/resource-sharing'],
  ['project-call.published', 'modules/project-calls'],
  ['project-call.deadline', 'modules/project-calls'],
  ['project-application.updated', 'modules/project-calls'],
  ['typical-case.nominated', 'modules/typical-cases'],
  ['typical-case.reviewed', 'modules/typical-cases'],
  ['indicator.round-opened', 'modules/indicators'],
  ['indicator.reminder', 'modules/indicators'],
  ['backup.stale', 'platform/backup'],
];
const LIST = TYPES.map(([type]) => `'${type}'`).join(', ');
const COLUMNS = [
  ['notification_events', 'type'],
  ['notifications', 'type'],
  ['notification_preferences', 'type'],
] as const;

export class NotificationTypesRegistry1795645100000 implements MigrationInterface {
  name = 'NotificationTypesRegistry1795645100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "notification_types" (
        "name" text NOT NULL,
        "module" text NOT NULL,
        "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_notification_types" PRIMARY KEY ("name"),
        CONSTRAINT "ck_notification_types__name" CHECK ("name" ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*\\.[a-z][a-z0-9]*([_-][a-z0-9]+)*$')
      )`);
    await queryRunner.query(`GRANT SELECT, INSERT ON "notification_types" TO lianmeng_runtime`);
    await queryRunner.query(
      `INSERT INTO "notification_types" ("name", "module") SELECT * FROM unnest($1::text[], $2::text[])`,
      [TYPES.map(([type]) => type), TYPES.map(([, module]) => module)],
    );
    for (const [table, column] of COLUMNS) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "ck_${table}__${column}"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}__${column}" FOREIGN KEY ("${column}") REFERENCES "notification_types"("name") ON DELETE NO ACTION ON UPDATE NO ACTION`,
      );
    }
    await queryRunner.query(`ALTER TABLE "group_robots" DROP CONSTRAINT "ck_group_robots__types"`);
    await queryRunner.query(`
      CREATE FUNCTION group_robots_types_registered() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public AS $$
      DECLARE
        unknown text;
      BEGIN
        SELECT t INTO unknown FROM unnest(NEW.types) AS t
         WHERE NOT EXISTS (SELECT 1 FROM notification_types n WHERE n.name = t) LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'insert or update on table "group_robots" violates foreign key constraint "fk_group_robots__types"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'fk_group_robots__types', TABLE = 'group_robots',
                  DETAIL = format('Key (types)=(%s) is not present in table "notification_types".', unknown);
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "group_robots_types_registered" BEFORE INSERT OR UPDATE OF "types" ON "group_robots"
      FOR EACH ROW EXECUTE FUNCTION group_robots_types_registered()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "group_robots_types_registered" ON "group_robots"`);
    await queryRunner.query(`DROP FUNCTION group_robots_types_registered()`);
    for (const [table, column] of COLUMNS) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "fk_${table}__${column}"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "ck_${table}__${column}" CHECK ("${column}" IN (${LIST}))`,
      );
    }
    await queryRunner.query(
      `ALTER TABLE "group_robots" ADD CONSTRAINT "ck_group_robots__types" CHECK ("types" <@ ARRAY[${LIST}]::text[])`,
    );
    await queryRunner.query(`DROP TABLE "notification_types"`);
  }
}
