import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What Redis holds when it is configured, for a deployment on PostgreSQL alone: sign-in throttling
 * counters and the one-time tickets that open a notification stream. Unlogged: a crash empties them,
 * which costs a throttling window or a ticket the browser asks for again, and spares the WAL a write
 * per sign-in. The worker deletes what expired (sweep_expired_state, every minute); readers ignore
 * expired rows meanwhile.
 */
export class ShortLivedState1795644300000 implements MigrationInterface {
  name = 'ShortLivedState1795644300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNLOGGED TABLE "throttle_counters" (
        "key" text PRIMARY KEY,
        "hits" integer NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "blocked_until" timestamptz
      )`);
    await queryRunner.query(`
      CREATE UNLOGGED TABLE "stream_tickets" (
        "ticket_hash" text PRIMARY KEY,
        "actor" jsonb NOT NULL,
        "expires_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_stream_tickets__expires_at" ON "stream_tickets" ("expires_at")`);
    // One hit: counts it in the current window (a new one when the last expired) and blocks the key
    // for block_ms once the count passes the limit, as the Redis script does. Durations in ms, of the
    // database's clock, like Redis's TTLs of Redis's.
    await queryRunner.query(`
      CREATE FUNCTION throttle_hit(p_key text, p_ttl_ms integer, p_limit integer, p_block_ms integer,
                                   OUT total_hits integer, OUT ttl_ms integer, OUT block_ms integer)
      LANGUAGE plpgsql AS $$
      DECLARE
        at timestamptz := clock_timestamp();
        window_end timestamptz;
        blocked timestamptz;
      BEGIN
        INSERT INTO throttle_counters AS t (key, hits, expires_at, blocked_until)
        VALUES (p_key, 1, at + p_ttl_ms * interval '1 millisecond', NULL)
        ON CONFLICT (key) DO UPDATE SET
          hits = CASE WHEN t.expires_at <= at THEN 1 ELSE t.hits + 1 END,
          expires_at = CASE WHEN t.expires_at <= at THEN excluded.expires_at ELSE t.expires_at END
        RETURNING t.hits, t.expires_at, t.blocked_until INTO total_hits, window_end, blocked;
        IF (blocked IS NULL OR blocked <= at) AND total_hits > p_limit AND p_block_ms > 0 THEN
          blocked := at + p_block_ms * interval '1 millisecond';
          UPDATE throttle_counters SET blocked_until = blocked WHERE key = p_key;
        END IF;
        ttl_ms := greatest(ceil(extract(epoch FROM window_end - at) * 1000), 0)::integer;
        block_ms := CASE WHEN blocked > at THEN ceil(extract(epoch FROM blocked - at) * 1000)::integer ELSE 0 END;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION sweep_expired_state(OUT counters integer, OUT tickets integer)
      LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM throttle_counters
        WHERE expires_at < clock_timestamp() AND (blocked_until IS NULL OR blocked_until < clock_timestamp());
        GET DIAGNOSTICS counters = ROW_COUNT;
        DELETE FROM stream_tickets WHERE expires_at < clock_timestamp();
        GET DIAGNOSTICS tickets = ROW_COUNT;
      END
      $$`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "throttle_counters", "stream_tickets" TO lianmeng_runtime`);
    for (const fn of ['throttle_hit(text, integer, integer, integer)', 'sweep_expired_state()']) {
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO lianmeng_runtime`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION sweep_expired_state()`);
    await queryRunner.query(`DROP FUNCTION throttle_hit(text, integer, integer, integer)`);
    await queryRunner.query(`DROP TABLE "stream_tickets"`);
    await queryRunner.query(`DROP TABLE "throttle_counters"`);
  }
}
