import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Request numbers from one sequence per township and year instead of the `tenant_counters` row that
 * every submission locked until COMMIT. A sequence hands out values outside the transaction: no row
 * lock, and a rolled-back submission leaves a gap in its township's numbers.
 *
 * `next_request_number(tenant, year)` is the only door: SECURITY DEFINER, owned by the migrations'
 * role that owns the tables, its search_path pinned, EXECUTE for the runtime role only, which gets
 * no right on the sequences themselves. It refuses a tenant other than the caller's `app_tenant_id()`,
 * so one township cannot advance another's numbers. It creates the township-year's sequence on first
 * use, starting after the highest number that township-year already has (its `tenant_counters` row,
 * which the seeds and the bench still write, or its stored requests), and retries when two first
 * submissions create it at once.
 *
 * The sequences are named `tenant_<township id, 32 hex digits>_<what>`: backups and the township
 * export carry the positions of sequences so named (src/platform/backup), so a restored or moved
 * township never re-issues a number. Existing township-years get their sequence here, after their
 * counter's current value.
 */
export class RequestNumberSequences1795645200000 implements MigrationInterface {
  name = 'RequestNumberSequences1795645200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION next_request_number(tenant uuid, year int) RETURNS bigint
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
      DECLARE
        seq text := format('tenant_%s_service_request_%s', replace(tenant::text, '-', ''), year);
        after bigint;
      BEGIN
        IF tenant IS NULL OR tenant IS DISTINCT FROM app_tenant_id() THEN
          RAISE EXCEPTION 'next_request_number: tenant % is not the caller''s township', tenant
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF year IS NULL OR year NOT BETWEEN 2000 AND 9999 THEN
          RAISE EXCEPTION 'next_request_number: year % is out of range', year USING ERRCODE = 'invalid_parameter_value';
        END IF;
        LOOP
          IF to_regclass(format('public.%I', seq)) IS NOT NULL THEN
            RETURN nextval(format('public.%I', seq)::regclass);
          END IF;
          SELECT greatest(
                   (SELECT value FROM tenant_counters WHERE tenant_id = tenant AND name = 'service-request-' || year),
                   (SELECT max(substring(number FROM '([0-9]+)$')::bigint) FROM service_requests
                     WHERE tenant_id = tenant AND number LIKE 'FW-' || year || '-%'),
                   0)
            INTO after;
          BEGIN
            EXECUTE format('CREATE SEQUENCE IF NOT EXISTS public.%I AS bigint MINVALUE 1 START WITH %s', seq, after + 1);
          EXCEPTION WHEN unique_violation OR duplicate_table THEN
            NULL; -- a concurrent first submission created it: take the next value from it
          END;
        END LOOP;
      END
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION next_request_number(uuid, int) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION next_request_number(uuid, int) TO lianmeng_runtime`);
    await queryRunner.query(`
      DO $$
      DECLARE c record;
      BEGIN
        FOR c IN
          SELECT k.tenant_id, substring(k.name FROM '([0-9]+)$') AS year,
                 greatest(k.value, (SELECT max(substring(r.number FROM '([0-9]+)$')::bigint) FROM service_requests r
                                     WHERE r.tenant_id = k.tenant_id AND r.number LIKE 'FW-' || substring(k.name FROM '([0-9]+)$') || '-%')) AS value
            FROM tenant_counters k WHERE k.name ~ '^service-request-[0-9]{4}$'
        LOOP
          EXECUTE format('CREATE SEQUENCE public.%I AS bigint MINVALUE 1 START WITH %s',
                         format('tenant_%s_service_request_%s', replace(c.tenant_id::text, '-', ''), c.year), c.value + 1);
        END LOOP;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      DECLARE s record;
      BEGIN
        FOR s IN SELECT relname FROM pg_class
                  WHERE relnamespace = 'public'::regnamespace AND relkind = 'S' AND relname ~ '^tenant_[0-9a-f]{32}_service_request_[0-9]{4}$'
        LOOP
          -- the counters take the sequences' positions back
          EXECUTE format(
            'INSERT INTO tenant_counters (tenant_id, name, value) SELECT %L::uuid, %L, last_value - CASE WHEN is_called THEN 0 ELSE 1 END FROM public.%I
               ON CONFLICT (tenant_id, name) DO UPDATE SET value = greatest(tenant_counters.value, EXCLUDED.value)',
            regexp_replace(substring(s.relname FROM 8 FOR 32), '(.{8})(.{4})(.{4})(.{4})(.{12})', '\\1-\\2-\\3-\\4-\\5'),
            'service-request-' || right(s.relname, 4), s.relname);
          EXECUTE format('DROP SEQUENCE public.%I', s.relname);
        END LOOP;
      END $$`);
    await queryRunner.query(`DROP FUNCTION next_request_number(uuid, int)`);
  }
}
