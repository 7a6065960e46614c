import { MigrationInterface, QueryRunner } from "typeorm";

/** A meeting lasts at most 12 hours, as scheduling already refused; lookups by time rely on it. */
export class MeetingLength1795623009440 implements MigrationInterface {
    name = 'MeetingLength1795623009440'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "ck_meetings__length" CHECK ("ends_at" - "starts_at" <= interval '12 hours')
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "ck_meetings__length"
        `);
    }

}
