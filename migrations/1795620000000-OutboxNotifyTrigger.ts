import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox relay sleeps on LISTEN outbox_event. A statement trigger wakes it whenever a statement
 * adds outbox rows (delivered at commit, never on rollback), so writers no longer spend a round
 * trip of their own on pg_notify.
 */
export class OutboxNotifyTrigger1795620000000 implements MigrationInterface {
  name = 'OutboxNotifyTrigger1795620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS \$\$
      BEGIN
        PERFORM pg_notify('outbox_event', '');
        RETURN NULL;
      END \$\$`);
    await queryRunner.query(`CREATE TRIGGER outbox_notify AFTER INSERT ON outbox_events FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS outbox_notify ON outbox_events`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS outbox_notify()`);
  }
}
