import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outbox event may set a timer (a delayed job) or cancel one (remove the pending job), so a
 * transaction can move a timer with the change that moves it. The SLA timers used a job of their
 * own for that (schedule-sla-timer): a transaction and four queue round trips per routed request.
 */
export class OutboxTimers1795631000000 implements MigrationInterface {
  name = 'OutboxTimers1795631000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox_events ADD COLUMN timer varchar(6)`);
    await queryRunner.query(`ALTER TABLE outbox_events ADD CONSTRAINT ck_outbox_events__timer CHECK ("timer" IN ('set', 'cancel'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox_events DROP CONSTRAINT ck_outbox_events__timer`);
    await queryRunner.query(`ALTER TABLE outbox_events DROP COLUMN timer`);
  }
}
