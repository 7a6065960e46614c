import { MigrationInterface, QueryRunner } from "typeorm";

/** Service requests: catalogue, routing rules, requests, timeline, attachments, calendar, follow-ups. */
export class ServiceRequests1795603340133 implements MigrationInterface {
    name = 'ServiceRequests1795603340133'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "follow_up_tasks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "request_id" uuid NOT NULL,
                "assignee_id" uuid,
                "reason" text NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'open',
                "outcome" text,
                CONSTRAINT "PK_59b8a8794c3c8b1c1f3a5bccd46" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_follow_up_tasks__request" ON "follow_up_tasks" ("request_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "routing_rules" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "alliance_id" uuid NOT NULL,
                "priority" integer NOT NULL DEFAULT '100',
                "category_id" uuid,
                "keywords" text array NOT NULL DEFAULT '{}',
                "target_organization_id" uuid NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                CONSTRAINT "PK_b744c5cc71053ea4d3fc8a860c2" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_routing_rules__alliance_priority" ON "routing_rules" ("tenant_id", "alliance_id", "priority")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."service_category_code" AS ENUM(
                'project_application',
                'financing',
                'talent',
                'land_construction',
                'permits',
                'policy',
                'intellectual_property',
                'export_customs',
                'safety_environment',
                'other'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "service_categories" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "alliance_id" uuid NOT NULL,
                "code" "public"."service_category_code" NOT NULL,
                "name" character varying(100) NOT NULL,
                "description" text,
                "provider_organization_id" uuid NOT NULL,
                "accept_within" integer NOT NULL,
                "accept_unit" character varying(20) NOT NULL,
                "resolve_within" integer NOT NULL,
                "resolve_unit" character varying(20) NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                CONSTRAINT "PK_fe4da5476c4ffe5aa2d3524ae68" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_service_categories__code" ON "service_categories" ("alliance_id", "code")
        `);
        await queryRunner.query(`
            CREATE TABLE "service_request_attachments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "request_id" uuid NOT NULL,
                "file_name" character varying(255) NOT NULL,
                "content_type" character varying(100) NOT NULL,
                "size" integer NOT NULL,
                "storage_key" character varying(300) NOT NULL,
                "sha256" character varying(64) NOT NULL,
                "uploaded_by_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b6afc95954a76dcec657bcd32ac" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_service_request_attachments__request" ON "service_request_attachments" ("request_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."timeline_entry_type" AS ENUM(
                'submitted',
                'routed',
                'accepted',
                'started',
                'returned',
                'information_provided',
                'transferred',
                'rejected',
                'resolved',
                'closed',
                'reopened',
                'comment',
                'sla_warning',
                'sla_breached',
                'escalated',
                'chased',
                'rated',
                'merged',
                'attachment_added'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "service_request_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "request_id" uuid NOT NULL,
                "type" "public"."timeline_entry_type" NOT NULL,
                "actor_user_id" uuid,
                "internal" boolean NOT NULL DEFAULT false,
                "body" text,
                "data" jsonb NOT NULL DEFAULT '{}',
                "dedupe_key" character varying(200),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a8ee3b3f3b5d9171c2499212c5c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_service_request_events__dedupe" ON "service_request_events" ("request_id", "dedupe_key")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_service_request_events__request" ON "service_request_events" ("request_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."service_request_urgency" AS ENUM('normal', 'urgent')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."service_request_status" AS ENUM(
                'submitted',
                'routed',
                'accepted',
                'in_progress',
                'returned',
                'resolved',
                'closed',
                'rejected'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "service_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "number" character varying(20) NOT NULL,
                "alliance_id" uuid NOT NULL,
                "requester_organization_id" uuid NOT NULL,
                "requester_user_id" uuid NOT NULL,
                "category_id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "description" text NOT NULL,
                "urgency" "public"."service_request_urgency" NOT NULL DEFAULT 'normal',
                "preferred_contact" jsonb NOT NULL DEFAULT '{}',
                "status" "public"."service_request_status" NOT NULL DEFAULT 'submitted',
                "returned_from" "public"."service_request_status",
                "assigned_organization_id" uuid,
                "handler_id" uuid,
                "routed_at" TIMESTAMP WITH TIME ZONE,
                "accept_due_at" TIMESTAMP WITH TIME ZONE,
                "resolve_due_at" TIMESTAMP WITH TIME ZONE,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "returned_at" TIMESTAMP WITH TIME ZONE,
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "escalation_level" integer NOT NULL DEFAULT '0',
                "sla_state" character varying(10) NOT NULL DEFAULT 'on_track',
                "next_sla_check_at" TIMESTAMP WITH TIME ZONE,
                "rating" integer,
                "rating_comment" text,
                "reopen_count" integer NOT NULL DEFAULT '0',
                "merged_into_id" uuid,
                "last_chased_at" TIMESTAMP WITH TIME ZONE,
                "idempotency_key" character varying(100),
                CONSTRAINT "ck_service_requests__rating" CHECK (
                    "rating" IS NULL
                    OR "rating" BETWEEN 1 AND 5
                ),
                CONSTRAINT "PK_ee60bcd826b7e130bfbd97daf66" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_service_requests__sla_due" ON "service_requests" ("next_sla_check_at")
            WHERE "next_sla_check_at" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_service_requests__supervision" ON "service_requests" ("tenant_id", "sla_state", "resolve_due_at")
            WHERE "status" IN ('routed', 'accepted', 'in_progress', 'returned')
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_service_requests__status_created" ON "service_requests" ("tenant_id", "status", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_service_requests__handler" ON "service_requests" ("tenant_id", "handler_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_service_requests__requester" ON "service_requests" (
                "tenant_id",
                "requester_organization_id",
                "created_at"
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_service_requests__inbox" ON "service_requests" (
                "tenant_id",
                "assigned_organization_id",
                "status",
                "created_at"
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_service_requests__idempotency" ON "service_requests" (
                "tenant_id",
                "requester_user_id",
                "idempotency_key"
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_service_requests__number" ON "service_requests" ("tenant_id", "number")
        `);
        await queryRunner.query(`
            CREATE TABLE "tenant_counters" (
                "tenant_id" uuid NOT NULL,
                "name" character varying(50) NOT NULL,
                "value" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_c07f5ae699d22779949e9021edb" PRIMARY KEY ("tenant_id", "name")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "working_day_overrides" (
                "tenant_id" uuid NOT NULL,
                "date" date NOT NULL,
                "kind" character varying(10) NOT NULL,
                "name" character varying(100),
                CONSTRAINT "PK_a49cb4615667aff3a2468611238" PRIMARY KEY ("tenant_id", "date")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "paired_department_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD "is_leader" boolean NOT NULL DEFAULT false
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'service-request.assigned'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'service-request.updated'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'service-request.comment'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'service-request.sla-warning'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'service-request.escalated'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'service-request.chased'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'service-request.follow-up'
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_notification_preferences__user_type"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notification_preferences__user_type" ON "notification_preferences" ("user_id", "type")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The new values of notification_type stay: PostgreSQL cannot drop an enum value.
        await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "is_leader"
        `);
        await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "paired_department_id"
        `);
        await queryRunner.query(`
            DROP TABLE "working_day_overrides"
        `);
        await queryRunner.query(`
            DROP TABLE "tenant_counters"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_service_requests__number"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_service_requests__idempotency"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_service_requests__inbox"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_service_requests__requester"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_service_requests__handler"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_service_requests__status_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_service_requests__supervision"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_service_requests__sla_due"
        `);
        await queryRunner.query(`
            DROP TABLE "service_requests"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."service_request_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."service_request_urgency"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_service_request_events__request"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_service_request_events__dedupe"
        `);
        await queryRunner.query(`
            DROP TABLE "service_request_events"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."timeline_entry_type"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_service_request_attachments__request"
        `);
        await queryRunner.query(`
            DROP TABLE "service_request_attachments"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_service_categories__code"
        `);
        await queryRunner.query(`
            DROP TABLE "service_categories"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."service_category_code"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_routing_rules__alliance_priority"
        `);
        await queryRunner.query(`
            DROP TABLE "routing_rules"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_follow_up_tasks__request"
        `);
        await queryRunner.query(`
            DROP TABLE "follow_up_tasks"
        `);
    }

}
