import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each alliance's routing settings beside its rules (service-requests module): for now the switch
 * 按历史分派 (an alliance without a row routes by history), under row-level security.
 */
export class AllianceRoutingSettings1795646700000 implements MigrationInterface {
  name = 'AllianceRoutingSettings1795646700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "alliance_routing_settings" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "alliance_id" uuid NOT NULL,
        "route_by_history" boolean NOT NULL DEFAULT true
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_alliance_routing_settings__alliance" ON "alliance_routing_settings" ("tenant_id", "alliance_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "alliance_routing_settings" ADD CONSTRAINT "fk_alliance_routing_settings__tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alliance_routing_settings" ADD CONSTRAINT "fk_alliance_routing_settings__alliance_id" FOREIGN KEY ("tenant_id", "alliance_id") REFERENCES "alliances"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE alliance_routing_settings ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE alliance_routing_settings FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY tenant_isolation ON alliance_routing_settings USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`,
    );
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON alliance_routing_settings TO lianmeng_runtime`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE alliance_routing_settings`);
  }
}
