import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = ['organizations', 'party_organizations', 'alliances', 'alliance_memberships', 'transfer_jobs'];

/** Columns the audit log never copies: secrets, and bookkeeping that changes on every sign-in. */
const AUDITED_TABLES: Record<string, string[]> = {
  tenants: [],
  users: ['password_hash', 'invitation_token_hash', 'failed_login_count', 'locked_until'],
  organizations: [],
  party_organizations: [],
  alliances: [],
  alliance_memberships: [],
};

/**
 * Tenant isolation in the database itself. The application connects as a member of
 * `lianmeng_runtime`: it owns nothing, is no superuser, and every tenant table forces row-level
 * security keyed on the transaction-local setting `app.tenant_id`. Sign-in look-ups that must run
 * before a tenant is known, and the outbox relay, go through a few SECURITY DEFINER functions.
 */
export class RowLevelSecurityAndAudit1795600709984 implements MigrationInterface {
  name = 'RowLevelSecurityAndAudit1795600709984';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lianmeng_runtime') THEN
          CREATE ROLE lianmeng_runtime NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      END $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO lianmeng_runtime`);

    await queryRunner.query(`
      CREATE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$`);
    await queryRunner.query(`
      CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$`);
    await queryRunner.query(`
      CREATE FUNCTION app_is_platform() RETURNS boolean LANGUAGE sql STABLE
      AS $$ SELECT coalesce(current_setting('app.platform', true), '') = 'on' $$`);

    for (const table of TENANT_TABLES) {
      await this.enableRls(queryRunner, table);
      await queryRunner.query(`
        CREATE POLICY tenant_isolation ON "${table}"
          USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "${table}" TO lianmeng_runtime`);
    }

    await this.enableRls(queryRunner, 'tenants');
    await queryRunner.query(`
      CREATE POLICY tenant_isolation ON tenants
        USING (id = app_tenant_id() OR app_is_platform()) WITH CHECK (app_is_platform())`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON tenants TO lianmeng_runtime`);

    await this.enableRls(queryRunner, 'users');
    await queryRunner.query(`
      CREATE POLICY tenant_isolation ON users
        USING (tenant_id = app_tenant_id() OR id = app_user_id() OR app_is_platform())
        WITH CHECK (tenant_id = app_tenant_id() OR id = app_user_id() OR app_is_platform())`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON users TO lianmeng_runtime`);

    await this.enableRls(queryRunner, 'refresh_tokens');
    await queryRunner.query(`
      CREATE POLICY tenant_isolation ON refresh_tokens
        USING (user_id = app_user_id() OR tenant_id = app_tenant_id())
        WITH CHECK (user_id = app_user_id() OR tenant_id = app_tenant_id())`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON refresh_tokens TO lianmeng_runtime`);

    await this.enableRls(queryRunner, 'outbox_events');
    await queryRunner.query(`
      CREATE POLICY tenant_isolation ON outbox_events
        USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id IS NOT DISTINCT FROM app_tenant_id())`);
    await queryRunner.query(`GRANT SELECT, INSERT ON outbox_events TO lianmeng_runtime`);

    await this.createAuthFunctions(queryRunner);
    await this.createOutboxFunctions(queryRunner);
    await this.createAuditLog(queryRunner);
  }

  private async enableRls(queryRunner: QueryRunner, table: string): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
  }

  private async createAuthFunctions(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION auth_find_login(login text)
      RETURNS TABLE (id uuid, tenant_id uuid, role user_role, organization_id uuid, status user_status,
                     password_hash text, failed_login_count int, locked_until timestamptz,
                     email varchar, mobile varchar)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$
        SELECT u.id, u.tenant_id, u.role, u.organization_id, u.status, u.password_hash,
               u.failed_login_count, u.locked_until, u.email, u.mobile
          FROM users u WHERE u.email = lower(login) OR u.mobile = login LIMIT 1
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION auth_find_invitation(token_hash text)
      RETURNS TABLE (id uuid, tenant_id uuid, role user_role, organization_id uuid, status user_status,
                     email varchar, mobile varchar, invitation_expires_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$
        SELECT u.id, u.tenant_id, u.role, u.organization_id, u.status, u.email, u.mobile, u.invitation_expires_at
          FROM users u WHERE u.invitation_token_hash = token_hash
      $$`);
    for (const fn of ['auth_find_login(text)', 'auth_find_invitation(text)']) {
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO lianmeng_runtime`);
    }
  }

  private async createOutboxFunctions(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION outbox_claim(batch int) RETURNS SETOF outbox_events
      LANGUAGE sql SECURITY DEFINER SET search_path = public
      AS $$
        SELECT * FROM outbox_events WHERE published_at IS NULL
         ORDER BY created_at LIMIT batch FOR UPDATE SKIP LOCKED
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION outbox_mark_published(ids uuid[]) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = public
      AS $$ UPDATE outbox_events SET published_at = clock_timestamp() WHERE id = ANY(ids) $$`);
    for (const fn of ['outbox_claim(int)', 'outbox_mark_published(uuid[])']) {
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO lianmeng_runtime`);
    }
  }

  private async createAuditLog(queryRunner: QueryRunner): Promise<void> {
    await this.enableRls(queryRunner, 'audit_log');
    await queryRunner.query(`CREATE POLICY tenant_isolation ON audit_log FOR SELECT USING (tenant_id = app_tenant_id())`);
    await queryRunner.query(`CREATE POLICY audit_append ON audit_log FOR INSERT WITH CHECK (true)`);
    await queryRunner.query(`GRANT SELECT ON audit_log TO lianmeng_runtime`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql
      AS $$ BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);

    await queryRunner.query(`
      CREATE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
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
    for (const [table, hidden] of Object.entries(AUDITED_TABLES)) {
      const args = hidden.map((c) => `'${c}'`).join(', ');
      await queryRunner.query(`
        CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION audit_row_change(${args})`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of Object.keys(AUDITED_TABLES)) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS audit_row_change ON "${table}"`);
    }
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS audit_row_change()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS audit_log_append_only()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS outbox_claim(int)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS outbox_mark_published(uuid[])`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS auth_find_login(text)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS auth_find_invitation(text)`);
    for (const table of [...TENANT_TABLES, 'tenants', 'users', 'refresh_tokens', 'outbox_events', 'audit_log']) {
      await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON "${table}"`);
      await queryRunner.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM lianmeng_runtime`);
    }
    await queryRunner.query(`DROP POLICY IF EXISTS audit_append ON audit_log`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS app_tenant_id()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS app_user_id()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS app_is_platform()`);
  }
}
