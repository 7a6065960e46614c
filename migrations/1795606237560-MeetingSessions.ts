import { MigrationInterface, QueryRunner } from "typeorm";

/** Agenda items, QR check-in and attendance, and minutes with their comments. */
export class MeetingSessions1795606237560 implements MigrationInterface {
    name = 'MeetingSessions1795606237560'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."agenda_status" AS ENUM('proposed', 'accepted', 'declined')
        `);
        await queryRunner.query(`
            CREATE TABLE "agenda_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "meeting_id" uuid NOT NULL,
                "title" character varying(300) NOT NULL,
                "description" text,
                "proposed_by_organization_id" uuid,
                "proposed_by_id" uuid NOT NULL,
                "service_request_id" uuid,
                "status" "public"."agenda_status" NOT NULL DEFAULT 'proposed',
                "decision_note" text,
                "position" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_7274c40301175b4b4b347820d0c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_agenda_items__meeting" ON "agenda_items" ("meeting_id", "position")
        `);
        await queryRunner.query(`
            CREATE TABLE "meeting_attendance" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "meeting_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "organization_id" uuid,
                "checked_in_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_1ece13054cdfcd65f8487e71267" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_meeting_attendance__person" ON "meeting_attendance" ("meeting_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."minutes_status" AS ENUM('draft', 'circulated', 'approved')
        `);
        await queryRunner.query(`
            CREATE TABLE "meeting_minutes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "meeting_id" uuid NOT NULL,
                "content" text NOT NULL,
                "status" "public"."minutes_status" NOT NULL DEFAULT 'draft',
                "version" integer NOT NULL DEFAULT '1',
                "approved_by_id" uuid,
                "approved_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_131d742848db3ee132d63b25ecd" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_meeting_minutes__meeting" ON "meeting_minutes" ("meeting_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "minutes_comments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "minutes_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d9590dcf365c8be7b751c0e7a6e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_minutes_comments__minutes" ON "minutes_comments" ("minutes_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD "check_in_code" character varying(64)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "meetings" DROP COLUMN "check_in_code"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_minutes_comments__minutes"
        `);
        await queryRunner.query(`
            DROP TABLE "minutes_comments"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_meeting_minutes__meeting"
        `);
        await queryRunner.query(`
            DROP TABLE "meeting_minutes"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."minutes_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_meeting_attendance__person"
        `);
        await queryRunner.query(`
            DROP TABLE "meeting_attendance"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_agenda_items__meeting"
        `);
        await queryRunner.query(`
            DROP TABLE "agenda_items"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."agenda_status"
        `);
    }

}
