import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outbox event may set or cancel a timer: a delayed job kept once per job id, which the relay
 * moves by removing the pending one before adding the new. The SLA timers used a job of their own
 * for that (schedule-sla-timer), a transaction and a queue round trip per routed request.
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
