import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `request_number_sequence(tenant, year)` names a township-year's request-number sequence (in schema
 * public; it may not exist yet, hence text, not regclass), so `next_request_number`, the bench's seed
 * and the tests that read a sequence's position no longer spell the name each on their own. The name
 * keeps the `tenant_<township id, 32 hex digits>_<what>` form that backups and the township export
 * recognise (src/platform/backup/schema-catalog.ts).
 *
 * IMMUTABLE (every part is), with a body parsed at creation, so no search_path reaches it. Not for
 * PUBLIC: the runtime role needs only `next_request_number`, which calls it as the owner.
 */
export class RequestNumberSequenceName1795645500000 implements MigrationInterface {
  name = 'RequestNumberSequenceName1795645500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION request_number_sequence(tenant uuid, year int) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      RETURN 'tenant_' || replace(tenant::text, '-', '') || '_service_request_' || year::text`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION request_number_sequence(uuid, int) FROM PUBLIC`);
    await queryRunner.query(nextRequestNumber('request_number_sequence(tenant, year)'));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      nextRequestNumber(`format('tenant_%s_service_request_%s', replace(tenant::text, '-', ''), year)`),
    );
    await queryRunner.query(`DROP FUNCTION request_number_sequence(uuid, int)`);
  }
}

/** next_request_number as migration RequestNumberSequences made it, its sequence named by `sequence`. */
function nextRequestNumber(sequence: string): string {
  // OR REPLACE keeps the function's owner and its grants (EXECUTE for lianmeng_runtime only).
  return `
      CREATE OR REPLACE FUNCTION next_request_number(tenant uuid, year int) RETURNS bigint
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $$
      DECLARE
        seq text := ${sequence};
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
      $$`;
}
