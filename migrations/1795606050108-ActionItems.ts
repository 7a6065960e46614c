import { MigrationInterface, QueryRunner } from "typeorm";

/** Action items (议定事项) with their progress reports. */
export class ActionItems1795606050108 implements MigrationInterface {
    name = 'ActionItems1795606050108'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "action_item_updates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "action_item_id" uuid NOT NULL,
                "author_id" uuid,
                "progress" integer NOT NULL,
                "note" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3f68a6b21e2121c9f5ed69c2ab6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_action_item_updates__item" ON "action_item_updates" ("action_item_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."action_item_status" AS ENUM('open', 'in_progress', 'done', 'cancelled')
        `);
        await queryRunner.query(`
            CREATE TABLE "action_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "alliance_id" uuid NOT NULL,
                "meeting_id" uuid,
                "title" character varying(300) NOT NULL,
                "description" text,
                "owner_organization_id" uuid NOT NULL,
                "owner_user_id" uuid,
                "due_on" date NOT NULL,
                "status" "public"."action_item_status" NOT NULL DEFAULT 'open',
                "progress" integer NOT NULL DEFAULT '0',
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "escalation_level" integer NOT NULL DEFAULT '0',
                "created_by_id" uuid NOT NULL,
                CONSTRAINT "ck_action_items__progress" CHECK (
                    "progress" BETWEEN 0 AND 100
                ),
                CONSTRAINT "PK_5a84b168b001636b379312104ab" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_action_items__owner" ON "action_items" ("tenant_id", "owner_organization_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_action_items__meeting" ON "action_items" ("meeting_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_action_items__board" ON "action_items" ("tenant_id", "alliance_id", "status", "due_on")
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'action-item.assigned'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'action-item.overdue'
        `);


    }

    public async down(queryRunner: QueryRunner): Promise<void> {


















        await queryRunner.query(`
            DROP INDEX "public"."ix_action_items__board"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_action_items__meeting"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_action_items__owner"
        `);
        await queryRunner.query(`
            DROP TABLE "action_items"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."action_item_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_action_item_updates__item"
        `);
        await queryRunner.query(`
            DROP TABLE "action_item_updates"
        `);
    }

}
