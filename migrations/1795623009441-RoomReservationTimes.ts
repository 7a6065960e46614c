import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Room reservations as two timestamps instead of a tstzrange, so lookups by time can narrow an
 * index scan under row-level security (range overlap is not leakproof); the exclusion constraint
 * is the same rule over the same range, built from the two columns.
 */
export class RoomReservationTimes1795623009441 implements MigrationInterface {
    name = 'RoomReservationTimes1795623009441'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "room_reservations"
            ADD "starts_at" TIMESTAMP WITH TIME ZONE,
            ADD "ends_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            UPDATE "room_reservations" SET "starts_at" = lower("during"), "ends_at" = upper("during")
        `);
        await queryRunner.query(`
            ALTER TABLE "room_reservations"
            ALTER COLUMN "starts_at" SET NOT NULL,
            ALTER COLUMN "ends_at" SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "room_reservations" DROP CONSTRAINT "ex_room_reservations__overlap"
        `);
        await queryRunner.query(`
            ALTER TABLE "room_reservations" DROP COLUMN "during"
        `);
        await queryRunner.query(`
            ALTER TABLE "room_reservations"
            ADD CONSTRAINT "ex_room_reservations__overlap" EXCLUDE USING gist ("zone_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
        `);
        await queryRunner.query(`
            ALTER TABLE "room_reservations"
            ADD CONSTRAINT "ck_room_reservations__time" CHECK (
                    "ends_at" > "starts_at"
                    AND "ends_at" - "starts_at" <= interval '24 hours'
                )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_room_reservations__zone_starts" ON "room_reservations" ("tenant_id", "zone_id", "starts_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_room_reservations__zone_starts"
        `);
        await queryRunner.query(`
            ALTER TABLE "room_reservations" DROP CONSTRAINT "ck_room_reservations__time"
        `);
        await queryRunner.query(`
            ALTER TABLE "room_reservations" DROP CONSTRAINT "ex_room_reservations__overlap"
        `);
        await queryRunner.query(`
            ALTER TABLE "room_reservations"
            ADD "during" tstzrange
        `);
        await queryRunner.query(`
            UPDATE "room_reservations" SET "during" = tstzrange("starts_at", "ends_at", '[)')
        `);
        await queryRunner.query(`
            ALTER TABLE "room_reservations"
            ALTER COLUMN "during" SET NOT NULL,
            DROP COLUMN "starts_at",
            DROP COLUMN "ends_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "room_reservations"
            ADD CONSTRAINT "ex_room_reservations__overlap" EXCLUDE USING gist ("zone_id" WITH =, "during" WITH &&)
        `);
    }

}
