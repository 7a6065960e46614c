import { MigrationInterface, QueryRunner } from "typeorm";

/** Indexes for the statistics (alliance and period) and the township-wide list. */
export class ServiceRequestIndexes1795604116510 implements MigrationInterface {
    name = 'ServiceRequestIndexes1795604116510'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "ix_service_requests__created" ON "service_requests" ("tenant_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_service_requests__alliance_created" ON "service_requests" ("tenant_id", "alliance_id", "created_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_service_requests__alliance_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_service_requests__created"
        `);
    }

}
