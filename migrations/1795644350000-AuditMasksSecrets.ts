import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Values that grant access or are for the editor only (a meeting's check-in code, a study site's QR
 * token, idempotency keys, reviewers' confidential comments) were stored in the audit log's
 * snapshots and only stripped when the log was read. The trigger now stores a mark in their place:
 * the same mark before and after when the value did not change, different marks when it did, so
 * "签到码（内容不予显示）" is still listed as a change. Rows already written are masked the same way.
 * The columns are those of HIDDEN_COLUMNS (src/platform/audit/audit-descriptors.ts) that the
 * triggers did not already leave out.
 */
const MASKED = ['check_in_code', 'qr_token', 'confidential_comments', 'idempotency_key', 'idempotency_request_hash', 'storage_key'];

export class AuditMasksSecrets1795644350000 implements MigrationInterface {
  name = 'AuditMasksSecrets1795644350000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const masked = `ARRAY[${MASKED.map((c) => `'${c}'`).join(', ')}]::text[]`;
    await queryRunner.query(`
      CREATE FUNCTION audit_mask(before_row jsonb, after_row jsonb, columns text[], OUT masked_before jsonb, OUT masked_after jsonb)
      LANGUAGE plpgsql IMMUTABLE
      AS $$
      DECLARE
        column_name text;
      BEGIN
        masked_before := before_row;
        masked_after := after_row;
        FOREACH column_name IN ARRAY columns LOOP
          IF masked_before ? column_name AND masked_before -> column_name <> 'null'::jsonb THEN
            masked_before := jsonb_set(masked_before, ARRAY[column_name], '"(hidden)"');
          END IF;
          IF masked_after ? column_name AND masked_after -> column_name <> 'null'::jsonb THEN
            masked_after := jsonb_set(masked_after, ARRAY[column_name],
              CASE WHEN before_row IS NOT NULL AND before_row -> column_name IS DISTINCT FROM after_row -> column_name
                   THEN '"(hidden, changed)"' ELSE '"(hidden)"' END::jsonb);
          END IF;
        END LOOP;
      END $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
      AS $$
      DECLARE
        hidden text[] := coalesce(TG_ARGV::text[], '{}') || '{updated_at}';
        before_row jsonb;
        after_row jsonb;
        row_id uuid;
      BEGIN
        IF TG_OP <> 'INSERT' THEN before_row := to_jsonb(OLD) - hidden; END IF;
        IF TG_OP <> 'DELETE' THEN after_row := to_jsonb(NEW) - hidden; END IF;
        IF TG_OP = 'UPDATE' AND before_row = after_row THEN RETURN NULL; END IF;
        row_id := coalesce(after_row ->> 'id', before_row ->> 'id')::uuid;
        SELECT m.masked_before, m.masked_after INTO before_row, after_row FROM audit_mask(before_row, after_row, ${masked}) m;
        INSERT INTO audit_log (tenant_id, actor_user_id, action, entity_type, entity_id, before, after, request_id)
        VALUES (
          CASE WHEN TG_TABLE_NAME = 'tenants' THEN row_id
               ELSE coalesce(after_row ->> 'tenant_id', before_row ->> 'tenant_id')::uuid END,
          app_user_id(), lower(TG_OP), TG_TABLE_NAME, row_id, before_row, after_row,
          nullif(current_setting('app.request_id', true), ''));
        RETURN NULL;
      END $$`);
    // The log is append-only for everyone else; this one rewrite removes what it should never have held.
    await queryRunner.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`);
    await queryRunner.query(`
      UPDATE audit_log l SET before = m.masked_before, after = m.masked_after
        FROM (SELECT id, (audit_mask(before, after, ${masked})).* FROM audit_log
               WHERE (before ?| ${masked}) OR (after ?| ${masked})) m
       WHERE l.id = m.id AND (l.before IS DISTINCT FROM m.masked_before OR l.after IS DISTINCT FROM m.masked_after)`);
    await queryRunner.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The masked values cannot come back; the trigger goes back to storing them.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
      AS $$
      DECLARE
        hidden text[] := coalesce(TG_ARGV::text[], '{}') || '{updated_at}';
        before_row jsonb;
        after_row jsonb;
        row_id uuid;
      BEGIN
        IF TG_OP <> 'INSERT' THEN before_row := to_jsonb(OLD) - hidden; END IF;
        IF TG_OP <> 'DELETE' THEN after_row := to_jsonb(NEW) - hidden; END IF;
        IF TG_OP = 'UPDATE' AND before_row = after_row THEN RETURN NULL; END IF;
        row_id := coalesce(after_row ->> 'id', before_row ->> 'id')::uuid;
        INSERT INTO audit_log (tenant_id, actor_user_id, action, entity_type, entity_id, before, after, request_id)
        VALUES (
          CASE WHEN TG_TABLE_NAME = 'tenants' THEN row_id
               ELSE coalesce(after_row ->> 'tenant_id', before_row ->> 'tenant_id')::uuid END,
          app_user_id(), lower(TG_OP), TG_TABLE_NAME, row_id, before_row, after_row,
          nullif(current_setting('app.request_id', true), ''));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS audit_mask(jsonb, jsonb, text[])`);
  }
}
