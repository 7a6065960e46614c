import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * New inbox items are announced on `notification_created` by a statement trigger, delivered at
 * commit as before, so writers no longer spend a round trip of their own on pg_notify. A
 * notification's payload is limited to 8,000 bytes: recipients go 150 to a message.
 */
export class NotificationInsertAnnounce1795627000000 implements MigrationInterface {
  name = 'NotificationInsertAnnounce1795627000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notification_created_announce() RETURNS trigger LANGUAGE plpgsql AS \$\$
      BEGIN
        PERFORM pg_notify('notification_created', json_build_object('tenantId', tenant_id, 'userIds', json_agg(user_id))::text)
           FROM (SELECT tenant_id, user_id, (row_number() OVER (PARTITION BY tenant_id ORDER BY user_id) - 1) / 150 AS chunk
                   FROM (SELECT DISTINCT tenant_id, user_id FROM new_rows) recipients) numbered
          GROUP BY tenant_id, chunk;
        RETURN NULL;
      END \$\$`);
    await queryRunner.query(`
      CREATE TRIGGER notification_created_announce AFTER INSERT ON notifications
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notification_created_announce()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS notification_created_announce ON notifications`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS notification_created_announce()`);
  }
}
