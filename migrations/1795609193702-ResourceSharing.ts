import { MigrationInterface, QueryRunner } from "typeorm";

export class ResourceSharing1795609193702 implements MigrationInterface {
    name = 'ResourceSharing1795609193702'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "listing_interest_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "interest_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_fba7da71958eb54748531e2a526" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_listing_interest_messages__interest" ON "listing_interest_messages" ("interest_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "listing_interests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "listing_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "created_by_id" uuid NOT NULL,
                CONSTRAINT "PK_c3f43c5edd6c472c5ba710388b8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_listing_interests__organization" ON "listing_interests" ("tenant_id", "organization_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_listing_interests__listing_org" ON "listing_interests" ("listing_id", "organization_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."listing_kind" AS ENUM('need', 'resource', 'project')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."listing_status" AS ENUM('open', 'closed')
        `);
        await queryRunner.query(`
            CREATE TABLE "listings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "alliance_id" uuid,
                "organization_id" uuid,
                "kind" "public"."listing_kind" NOT NULL,
                "category" character varying(50) NOT NULL,
                "tags" text array NOT NULL DEFAULT '{}',
                "title" character varying(200) NOT NULL,
                "description" text NOT NULL,
                "valid_until" date,
                "status" "public"."listing_status" NOT NULL DEFAULT 'open',
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "created_by_id" uuid NOT NULL,
                CONSTRAINT "PK_520ecac6c99ec90bcf5a603cdcb" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_listings__tags" ON "listings" USING gin ("tags")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_listings__category" ON "listings" ("tenant_id", "category")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_listings__board" ON "listings" ("tenant_id", "status", "kind", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "talents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "organization_id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "title" character varying(100),
                "category" character varying(50) NOT NULL,
                "skills" text array NOT NULL DEFAULT '{}',
                "summary" text,
                "available" boolean NOT NULL DEFAULT true,
                "created_by_id" uuid NOT NULL,
                CONSTRAINT "PK_8cecf07c0d624cc503d6a36df52" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_talents__skills" ON "talents" USING gin ("skills")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_talents__organization" ON "talents" ("tenant_id", "organization_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."project_application_step" AS ENUM(
                'preparing',
                'materials_submitted',
                'under_review',
                'approved',
                'rejected'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "project_applications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "call_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "step" "public"."project_application_step" NOT NULL DEFAULT 'preparing',
                "created_by_id" uuid NOT NULL,
                CONSTRAINT "PK_e25766bda40c41346e3da775f69" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_project_applications__organization" ON "project_applications" ("tenant_id", "organization_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_project_applications__call_org" ON "project_applications" ("call_id", "organization_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "project_application_notes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "application_id" uuid NOT NULL,
                "step" "public"."project_application_step" NOT NULL,
                "author_id" uuid NOT NULL,
                "note" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3f4d5434535bea3bcd62a393a6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_project_application_notes__application" ON "project_application_notes" ("application_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."project_call_status" AS ENUM('open', 'closed')
        `);
        await queryRunner.query(`
            CREATE TABLE "project_calls" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "alliance_id" uuid,
                "name" character varying(200) NOT NULL,
                "issuing_body" character varying(200) NOT NULL,
                "deadline" date NOT NULL,
                "eligibility_tags" text array NOT NULL DEFAULT '{}',
                "description" text,
                "status" "public"."project_call_status" NOT NULL DEFAULT 'open',
                "created_by_id" uuid NOT NULL,
                CONSTRAINT "PK_def51d4e552fa62e158650ca52f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_project_calls__tags" ON "project_calls" USING gin ("eligibility_tags")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_project_calls__deadline" ON "project_calls" ("tenant_id", "status", "deadline")
        `);
        await queryRunner.query(`
            CREATE TABLE "alliance_showcases" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "alliance_id" uuid NOT NULL,
                "slug" character varying(64) NOT NULL,
                "enabled" boolean NOT NULL DEFAULT true,
                CONSTRAINT "PK_65fbb830bbf0dc92e2ad0fe4676" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_alliance_showcases__slug" ON "alliance_showcases" ("slug")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_alliance_showcases__alliance" ON "alliance_showcases" ("alliance_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "typical_case_photos" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "case_id" uuid NOT NULL,
                "storage_key" character varying(300) NOT NULL,
                "content_type" character varying(100) NOT NULL,
                "size" integer NOT NULL,
                "position" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3ec1a378b6874c087021ae9a473" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_typical_case_photos__case" ON "typical_case_photos" ("case_id", "position")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."typical_case_status" AS ENUM(
                'nominated',
                'returned',
                'approved',
                'published',
                'unpublished'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "typical_cases" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "alliance_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "summary" character varying(500) NOT NULL,
                "body" text NOT NULL,
                "status" "public"."typical_case_status" NOT NULL DEFAULT 'nominated',
                "review_comment" text,
                "nominated_by_id" uuid NOT NULL,
                "reviewed_by_id" uuid,
                "published_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6660820d948c89346b079240b5b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_typical_cases__alliance_status" ON "typical_cases" ("tenant_id", "alliance_id", "status")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."indicator_round_status" AS ENUM('open', 'closed')
        `);
        await queryRunner.query(`
            CREATE TABLE "indicator_rounds" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "alliance_id" uuid NOT NULL,
                "period" character varying(7) NOT NULL,
                "year" integer NOT NULL,
                "quarter" integer,
                "deadline" date NOT NULL,
                "fields" jsonb NOT NULL,
                "status" "public"."indicator_round_status" NOT NULL DEFAULT 'open',
                "created_by_id" uuid NOT NULL,
                CONSTRAINT "ck_indicator_rounds__period" CHECK ("period" ~ '^[0-9]{4}(-Q[1-4])?$'),
                CONSTRAINT "PK_f111d0f6113c79253ba85b304ba" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_indicator_rounds__period" ON "indicator_rounds" ("tenant_id", "alliance_id", "period")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."indicator_submission_status" AS ENUM('draft', 'submitted')
        `);
        await queryRunner.query(`
            CREATE TABLE "indicator_submissions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "round_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "values" jsonb NOT NULL DEFAULT '{}',
                "status" "public"."indicator_submission_status" NOT NULL DEFAULT 'draft',
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "submitted_by_id" uuid,
                CONSTRAINT "PK_f42a8947e8cb47081dfe002f01a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_indicator_submissions__organization" ON "indicator_submissions" ("tenant_id", "organization_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_indicator_submissions__round_org" ON "indicator_submissions" ("round_id", "organization_id")
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'listing.interest'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'listing.message'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'project-call.published'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'project-call.deadline'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'project-application.updated'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'typical-case.nominated'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'typical-case.reviewed'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'indicator.round-opened'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'indicator.reminder'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // Values added to notification_type stay: PostgreSQL cannot drop an enum value.
        await queryRunner.query(`DROP TABLE "indicator_submissions"`);
        await queryRunner.query(`DROP TABLE "indicator_rounds"`);
        await queryRunner.query(`DROP TABLE "typical_cases"`);
        await queryRunner.query(`DROP TABLE "typical_case_photos"`);
        await queryRunner.query(`DROP TABLE "alliance_showcases"`);
        await queryRunner.query(`DROP TABLE "project_calls"`);
        await queryRunner.query(`DROP TABLE "project_application_notes"`);
        await queryRunner.query(`DROP TABLE "project_applications"`);
        await queryRunner.query(`DROP TABLE "talents"`);
        await queryRunner.query(`DROP TABLE "listings"`);
        await queryRunner.query(`DROP TABLE "listing_interests"`);
        await queryRunner.query(`DROP TABLE "listing_interest_messages"`);
        await queryRunner.query(`DROP TYPE "public"."indicator_submission_status"`);
        await queryRunner.query(`DROP TYPE "public"."project_application_step"`);
        await queryRunner.query(`DROP TYPE "public"."typical_case_status"`);
        await queryRunner.query(`DROP TYPE "public"."listing_status"`);
        await queryRunner.query(`DROP TYPE "public"."listing_kind"`);
        await queryRunner.query(`DROP TYPE "public"."project_call_status"`);
        await queryRunner.query(`DROP TYPE "public"."indicator_round_status"`);
    }

}
