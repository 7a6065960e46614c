import { MigrationInterface, QueryRunner } from "typeorm";

/** Statistics exports run as transfer jobs with their period as parameters. */
export class StatisticsExports1795603853511 implements MigrationInterface {
    name = 'StatisticsExports1795603853511'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "transfer_jobs"
            ADD "parameters" jsonb NOT NULL DEFAULT '{}'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."transfer_job_kind"
            ADD VALUE 'service-statistics-export'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."transfer_job_kind_old" AS ENUM('member-import', 'registry-export')
        `);
        await queryRunner.query(`
            ALTER TABLE "transfer_jobs"
            ALTER COLUMN "kind" TYPE "public"."transfer_job_kind_old" USING "kind"::"text"::"public"."transfer_job_kind_old"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."transfer_job_kind"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."transfer_job_kind_old"
            RENAME TO "transfer_job_kind"
        `);
        await queryRunner.query(`
            ALTER TABLE "transfer_jobs" DROP COLUMN "parameters"
        `);
    }

}
