import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Smart intake (智能派单), first part: each township's trained models (intake_models, under
 * row-level security), and what the service-requests module lets the intake module read of its
 * data, under the reader's row-level security: the requests finally resolved with their final
 * category and the organisation that resolved them (after any transfers), and the catalogue's codes
 * and names. Derived data, not audited (a model is recomputed from the history at any time).
 */
export class IntakeModels1795646100000 implements MigrationInterface {
  name = 'IntakeModels1795646100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "intake_models" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "status" character varying(10) NOT NULL DEFAULT 'queued',
        "progress" integer NOT NULL DEFAULT '0',
        "requested_by_id" uuid,
        "trained_at" TIMESTAMP WITH TIME ZONE,
        "sample_count" integer NOT NULL DEFAULT '0',
        "accuracy" jsonb,
        "model" bytea,
        "error" character varying(50),
        CONSTRAINT "ck_intake_models__progress" CHECK ("progress" BETWEEN 0 AND 100)
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_intake_models__ready" ON "intake_models" ("tenant_id", "trained_at") WHERE "status" = 'ready'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_intake_models__pending" ON "intake_models" ("tenant_id") WHERE "status" IN ('queued', 'running')`,
    );
    await queryRunner.query(`CREATE INDEX "ix_intake_models__created" ON "intake_models" ("tenant_id", "created_at")`);
    await queryRunner.query(
      `ALTER TABLE "intake_models" ADD CONSTRAINT "fk_intake_models__tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "intake_models" ADD CONSTRAINT "fk_intake_models__requested_by_id" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE intake_models ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE intake_models FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY tenant_isolation ON intake_models USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`,
    );
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON intake_models TO lianmeng_runtime`);

    await queryRunner.query(`
      CREATE VIEW service_request_training_history WITH (security_invoker = true) AS
      SELECT r.id, r.tenant_id, r.alliance_id, c.code::text AS category_code, r.title, r.description,
             r.assigned_organization_id AS department_id, r.resolved_at
        FROM service_requests r
        JOIN service_categories c ON c.tenant_id = r.tenant_id AND c.id = r.category_id
       WHERE r.status IN ('resolved', 'closed') AND r.resolved_at IS NOT NULL
         AND r.assigned_organization_id IS NOT NULL AND r.merged_into_id IS NULL`);
    await queryRunner.query(`
      CREATE VIEW service_category_catalogue WITH (security_invoker = true) AS
      SELECT id, tenant_id, alliance_id, code::text AS code, name, active FROM service_categories`);
    await queryRunner.query(
      `GRANT SELECT ON service_request_training_history, service_category_catalogue TO lianmeng_runtime`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW service_category_catalogue`);
    await queryRunner.query(`DROP VIEW service_request_training_history`);
    await queryRunner.query(`DROP TABLE intake_models`);
  }
}
