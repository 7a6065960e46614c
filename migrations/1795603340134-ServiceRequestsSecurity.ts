import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = [
  'service_categories',
  'routing_rules',
  'service_requests',
  'service_request_events',
  'service_request_attachments',
  'working_day_overrides',
  'follow_up_tasks',
  'tenant_counters',
];

const AUDITED = ['service_categories', 'routing_rules', 'service_requests', 'follow_up_tasks'];

/** Row-level security for the service-request tables, their audit triggers, and the SLA sweep's look-up. */
export class ServiceRequestsSecurity1795603340134 implements MigrationInterface {
  name = 'ServiceRequestsSecurity1795603340134';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY tenant_isolation ON "${table}"
          USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "${table}" TO lianmeng_runtime`);
    }
    // The timeline is append-only for the application.
    await queryRunner.query(`REVOKE UPDATE, DELETE ON service_request_events FROM lianmeng_runtime`);
    for (const table of AUDITED) {
      await queryRunner.query(`
        CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION audit_row_change('next_sla_check_at')`);
    }
    // The sweep looks across townships for milestones that are due, then acts inside each township.
    await queryRunner.query(`
      CREATE FUNCTION service_requests_sla_due(at timestamptz, batch int)
      RETURNS TABLE (id uuid, tenant_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$
        SELECT r.id, r.tenant_id FROM service_requests r
         WHERE r.next_sla_check_at <= at ORDER BY r.next_sla_check_at LIMIT batch
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION service_requests_sla_due(timestamptz, int) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION service_requests_sla_due(timestamptz, int) TO lianmeng_runtime`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS service_requests_sla_due(timestamptz, int)`);
    for (const table of AUDITED) await queryRunner.query(`DROP TRIGGER IF EXISTS audit_row_change ON "${table}"`);
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON "${table}"`);
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM lianmeng_runtime`);
    }
  }
}
