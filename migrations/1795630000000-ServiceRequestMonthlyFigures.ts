import { MigrationInterface, QueryRunner } from 'typeorm';

const SUMMED_COLUMNS = [
  'submitted',
  'resolved',
  'open',
  'routed',
  'accepted_on_time',
  'resolved_on_time',
  'accept_hours_sum',
  'accept_hours_count',
  'resolve_hours_sum',
  'rating_sum',
  'ratings',
];

/**
 * The service statistics' daily sums rolled up per month (Beijing time), kept by the same
 * statement that folds changed days into the daily sums: a year of statistics reads twelve months
 * of rows and a few days instead of every day of the year (23,000 rows for one alliance of the
 * benchmark's million requests).
 */
export class ServiceRequestMonthlyFigures1795630000000 implements MigrationInterface {
  name = 'ServiceRequestMonthlyFigures1795630000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE service_request_monthly_figures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        alliance_id uuid NOT NULL,
        month date NOT NULL CHECK (month = date_trunc('month', month)::date),
        organization_id uuid,
        category_id uuid NOT NULL,
        submitted integer NOT NULL,
        resolved integer NOT NULL,
        open integer NOT NULL,
        routed integer NOT NULL,
        accepted_on_time integer NOT NULL,
        resolved_on_time integer NOT NULL,
        accept_hours_sum double precision NOT NULL,
        accept_hours_count integer NOT NULL,
        resolve_hours_sum double precision NOT NULL,
        rating_sum integer NOT NULL,
        ratings integer NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_service_request_monthly_figures__month ON service_request_monthly_figures (tenant_id, alliance_id, month)`);
    await queryRunner.query(`ALTER TABLE service_request_monthly_figures ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE service_request_monthly_figures FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY tenant_isolation ON service_request_monthly_figures USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`,
    );
    await queryRunner.query(`GRANT SELECT, INSERT, DELETE ON service_request_monthly_figures TO lianmeng_runtime`);

    // The months of the days summed so far; days still marked changed are folded in by the worker as before.
    const sums = SUMMED_COLUMNS.map((c) => (c.endsWith('hours_sum') ? `sum(${c})::float8` : `sum(${c})::int`)).join(', ');
    await queryRunner.query(`
      INSERT INTO service_request_monthly_figures (tenant_id, alliance_id, month, organization_id, category_id, ${SUMMED_COLUMNS.join(', ')})
      SELECT tenant_id, alliance_id, date_trunc('month', day)::date, organization_id, category_id, ${sums}
        FROM service_request_daily_figures
       GROUP BY tenant_id, alliance_id, date_trunc('month', day)::date, organization_id, category_id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS service_request_monthly_figures`);
  }
}
