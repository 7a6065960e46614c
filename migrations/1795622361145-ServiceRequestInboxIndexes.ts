import { MigrationInterface, QueryRunner } from "typeorm";

/** The inbox by serving organisation and creation, without `status` in between (see the entity). */
export class ServiceRequestInboxIndexes1795622361145 implements MigrationInterface {
    name = 'ServiceRequestInboxIndexes1795622361145'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_service_requests__inbox"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_service_requests__inbox" ON "service_requests" (
                "tenant_id",
                "assigned_organization_id",
                "created_at"
            )
            WHERE "status" IN ('routed', 'accepted', 'in_progress', 'returned')
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_service_requests__assigned" ON "service_requests" (
                "tenant_id",
                "assigned_organization_id",
                "created_at"
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_service_requests__assigned"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_service_requests__inbox"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_service_requests__inbox" ON "service_requests" (
                "tenant_id",
                "assigned_organization_id",
                "status",
                "created_at"
            )
        `);
    }

}
