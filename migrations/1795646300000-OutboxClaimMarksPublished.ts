import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay claims pending events and marks them published in one statement, inside the
 * transaction that adds their jobs: a job that BullMQ does not take rolls the mark back with the
 * claim, so an event is still never marked without its job. One round trip fewer per relay pass
 * (BEGIN, claim, COMMIT). outbox_claim and outbox_mark_published stay for a worker of the build before.
 */
export class OutboxClaimMarksPublished1795646300000 implements MigrationInterface {
  name = 'OutboxClaimMarksPublished1795646300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION outbox_claim_published(batch int) RETURNS SETOF outbox_events
      LANGUAGE sql SECURITY DEFINER SET search_path = public
      AS $$
        -- In the order outbox_claim gave (the pending index: creation, then the row's place), which
        -- the relay keeps when it adds and removes timers.
        WITH claimed AS (
          SELECT id, ctid AS place FROM outbox_events WHERE published_at IS NULL
           ORDER BY created_at LIMIT batch FOR UPDATE SKIP LOCKED),
        marked AS (
          UPDATE outbox_events o SET published_at = clock_timestamp() FROM claimed c
           WHERE o.id = c.id RETURNING o AS event, c.place)
        SELECT (event).* FROM marked ORDER BY (event).created_at, place
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION outbox_claim_published(int) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION outbox_claim_published(int) TO lianmeng_runtime`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS outbox_claim_published(int)`);
  }
}
