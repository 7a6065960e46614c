import { MigrationInterface, QueryRunner } from "typeorm";

export class ThinkTank1795609406598 implements MigrationInterface {
    name = 'ThinkTank1795609406598'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "expert_declarations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expert_id" uuid NOT NULL,
                "organization_id" uuid,
                "user_id" uuid,
                "reason" character varying(500) NOT NULL,
                CONSTRAINT "ck_expert_declarations__target" CHECK (
                    "organization_id" IS NOT NULL
                    OR "user_id" IS NOT NULL
                ),
                CONSTRAINT "PK_3c7fbb661e2271fd82a0547b3b8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_expert_declarations__expert" ON "expert_declarations" ("expert_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."expert_availability" AS ENUM('available', 'limited', 'unavailable')
        `);
        await queryRunner.query(`
            CREATE TABLE "experts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "user_id" uuid NOT NULL,
                "fields" text array NOT NULL DEFAULT '{}',
                "affiliation_organization_id" uuid,
                "affiliation_external" character varying(200),
                "title" character varying(100),
                "bio" text,
                "availability" "public"."expert_availability" NOT NULL DEFAULT 'available',
                CONSTRAINT "PK_8ecb9ec7e8b977b177fde797e6a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_experts__user" ON "experts" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "report_authors" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "report_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "organization_id" uuid,
                "position" integer NOT NULL,
                CONSTRAINT "PK_fc46c670d9919de0ca8511b56de" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_report_authors__user" ON "report_authors" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_report_authors__user" ON "report_authors" ("report_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "report_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "report_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "file_name" character varying(200) NOT NULL,
                "content_type" character varying(120) NOT NULL,
                "size" integer NOT NULL,
                "storage_key" character varying(300) NOT NULL,
                "response" text,
                "uploaded_by_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6d3b864a941bf10036efe50ae81" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_report_versions__number" ON "report_versions" ("report_id", "number")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."blind_mode" AS ENUM('single', 'double')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."report_status" AS ENUM(
                'draft',
                'under_review',
                'revision_requested',
                'accepted',
                'rejected',
                'published'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "research_reports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "alliance_id" uuid NOT NULL,
                "title" character varying(300) NOT NULL,
                "abstract" text NOT NULL,
                "topics" text array NOT NULL DEFAULT '{}',
                "subject_organization_ids" uuid array NOT NULL DEFAULT '{}',
                "blind_mode" "public"."blind_mode" NOT NULL DEFAULT 'single',
                "status" "public"."report_status" NOT NULL DEFAULT 'draft',
                "current_round" integer NOT NULL DEFAULT '0',
                "submitted_by_id" uuid NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "search_text" text NOT NULL DEFAULT '',
                CONSTRAINT "PK_38ec3abcb7ea0961441d6b46ced" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_research_reports__status" ON "research_reports" ("tenant_id", "status", "published_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."editor_decision" AS ENUM(
                'accept',
                'minor_revision',
                'major_revision',
                'reject'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "review_rounds" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "report_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "version_id" uuid NOT NULL,
                "rubric" jsonb NOT NULL,
                "decision" "public"."editor_decision",
                "decision_letter" text,
                "decided_by_id" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_af804477416b76c82c10774be17" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_review_rounds__number" ON "review_rounds" ("report_id", "number")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."review_assignment_status" AS ENUM(
                'invited',
                'accepted',
                'declined',
                'submitted',
                'cancelled'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "review_assignments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "report_id" uuid NOT NULL,
                "round_id" uuid NOT NULL,
                "expert_id" uuid NOT NULL,
                "ordinal" integer NOT NULL,
                "status" "public"."review_assignment_status" NOT NULL DEFAULT 'invited',
                "respond_by" TIMESTAMP WITH TIME ZONE NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "responded_at" TIMESTAMP WITH TIME ZONE,
                "decline_reason" character varying(500),
                "scores" jsonb NOT NULL DEFAULT '{}',
                "recommendation" "public"."editor_decision",
                "comments_to_authors" text,
                "confidential_comments" text,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "reminders_sent" text array NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_57627790f79af37bc6a5e982176" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_review_assignments__due" ON "review_assignments" ("status", "due_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_review_assignments__expert" ON "review_assignments" ("tenant_id", "expert_id", "status")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_review_assignments__expert" ON "review_assignments" ("round_id", "expert_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "review_criteria" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "alliance_id" uuid NOT NULL,
                "key" character varying(50) NOT NULL,
                "label" character varying(100) NOT NULL,
                "description" character varying(500),
                "max_score" integer NOT NULL DEFAULT '5',
                "position" integer NOT NULL,
                CONSTRAINT "ck_review_criteria__max_score" CHECK (
                    "max_score" BETWEEN 1 AND 100
                ),
                CONSTRAINT "PK_b1ab66a01e71d2aed265eda3844" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_review_criteria__key" ON "review_criteria" ("alliance_id", "key")
        `);
        await queryRunner.query(`
            ALTER TABLE "action_items"
            ADD "report_id" uuid
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'think-tank.report-submitted'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'think-tank.review-invited'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'think-tank.review-responded'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'think-tank.review-reminder'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'think-tank.review-submitted'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'think-tank.report-decided'
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_action_items__report" ON "action_items" ("report_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_action_items__report"
        `);
        await queryRunner.query(`
            ALTER TABLE "action_items" DROP COLUMN "report_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_review_criteria__key"
        `);
        await queryRunner.query(`
            DROP TABLE "review_criteria"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_review_assignments__expert"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_review_assignments__expert"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_review_assignments__due"
        `);
        await queryRunner.query(`
            DROP TABLE "review_assignments"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."review_assignment_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_review_rounds__number"
        `);
        await queryRunner.query(`
            DROP TABLE "review_rounds"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."editor_decision"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_research_reports__status"
        `);
        await queryRunner.query(`
            DROP TABLE "research_reports"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."report_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."blind_mode"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_report_versions__number"
        `);
        await queryRunner.query(`
            DROP TABLE "report_versions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_report_authors__user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_report_authors__user"
        `);
        await queryRunner.query(`
            DROP TABLE "report_authors"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_experts__user"
        `);
        await queryRunner.query(`
            DROP TABLE "experts"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."expert_availability"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_expert_declarations__expert"
        `);
        await queryRunner.query(`
            DROP TABLE "expert_declarations"
        `);
    }

}
