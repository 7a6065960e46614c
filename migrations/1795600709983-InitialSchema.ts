import { MigrationInterface, QueryRunner } from "typeorm";

export class InitialSchema1795600709983 implements MigrationInterface {
    name = 'InitialSchema1795600709983'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."party_organization_type" AS ENUM('committee', 'general_branch', 'branch')
        `);
        await queryRunner.query(`
            CREATE TABLE "party_organizations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "organization_id" uuid NOT NULL,
                "type" "public"."party_organization_type" NOT NULL,
                "name" character varying(200) NOT NULL,
                "secretary" character varying(50),
                "member_count" integer NOT NULL DEFAULT '0',
                "founded_on" date,
                CONSTRAINT "REL_5bc96af994f02f8f86406d2b8d" UNIQUE ("organization_id"),
                CONSTRAINT "ck_party_organizations__member_count" CHECK ("member_count" >= 0),
                CONSTRAINT "PK_b79356d371be2cb57f55e7a9a85" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."organization_kind" AS ENUM('enterprise', 'department')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."chain_position" AS ENUM('upstream', 'midstream', 'downstream')
        `);
        await queryRunner.query(`
            CREATE TABLE "organizations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" character varying(200) NOT NULL,
                "kind" "public"."organization_kind" NOT NULL,
                "unified_code" character varying(18),
                "industry" character varying(100),
                "chain_position" "public"."chain_position",
                "product_tags" text array NOT NULL DEFAULT '{}',
                "address" character varying(300),
                "contacts" jsonb NOT NULL DEFAULT '[]',
                CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_organizations__name" ON "organizations" ("tenant_id", "name")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_organizations__unified_code" ON "organizations" ("tenant_id", "unified_code")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_organizations__tenant_kind_name" ON "organizations" ("tenant_id", "kind", "name")
        `);
        await queryRunner.query(`
            CREATE TABLE "alliances" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" character varying(200) NOT NULL,
                "industry" character varying(100),
                "description" text,
                CONSTRAINT "PK_399af2ac4eb985fd426454df023" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_alliances__name" ON "alliances" ("tenant_id", "name")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."alliance_role" AS ENUM('lead', 'department', 'member')
        `);
        await queryRunner.query(`
            CREATE TABLE "alliance_memberships" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "alliance_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "role" "public"."alliance_role" NOT NULL,
                "joined_on" date NOT NULL,
                "left_on" date,
                "leave_reason" text,
                CONSTRAINT "ck_alliance_memberships__left_on" CHECK (
                    "left_on" IS NULL
                    OR "left_on" >= "joined_on"
                ),
                CONSTRAINT "PK_b7b10d44bae0dca6e48b8a833c7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_alliance_memberships__organization" ON "alliance_memberships" ("alliance_id", "organization_id")
            WHERE "left_on" IS NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_alliance_memberships__lead" ON "alliance_memberships" ("alliance_id")
            WHERE "role" = 'lead'
                AND "left_on" IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_alliance_memberships__organization" ON "alliance_memberships" ("tenant_id", "organization_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_alliance_memberships__alliance_role" ON "alliance_memberships" ("tenant_id", "alliance_id", "role")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."transfer_job_kind" AS ENUM('member-import', 'registry-export')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."transfer_job_status" AS ENUM('queued', 'running', 'succeeded', 'failed')
        `);
        await queryRunner.query(`
            CREATE TABLE "transfer_jobs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "kind" "public"."transfer_job_kind" NOT NULL,
                "status" "public"."transfer_job_status" NOT NULL DEFAULT 'queued',
                "alliance_id" uuid NOT NULL,
                "created_by_id" uuid NOT NULL,
                "language" character varying(10) NOT NULL DEFAULT 'zh-CN',
                "progress" integer NOT NULL DEFAULT '0',
                "total_rows" integer NOT NULL DEFAULT '0',
                "processed_rows" integer NOT NULL DEFAULT '0',
                "accepted_rows" integer NOT NULL DEFAULT '0',
                "refused_rows" jsonb NOT NULL DEFAULT '[]',
                "error" text,
                "file_name" character varying(255),
                "file" bytea,
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_b493f335f1dbf0a0e310b85e1e3" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_transfer_jobs__tenant_created" ON "transfer_jobs" ("tenant_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "id" BIGSERIAL NOT NULL,
                "tenant_id" uuid,
                "actor_user_id" uuid,
                "action" character varying(10) NOT NULL,
                "entity_type" character varying(63) NOT NULL,
                "entity_id" uuid NOT NULL,
                "before" jsonb,
                "after" jsonb,
                "request_id" character varying(64),
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_log__tenant_entity" ON "audit_log" ("tenant_id", "entity_type", "entity_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_log__tenant_occurred" ON "audit_log" ("tenant_id", "occurred_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid,
                "user_id" uuid NOT NULL,
                "family_id" uuid NOT NULL,
                "token_hash" character varying(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_refresh_tokens__user" ON "refresh_tokens" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_refresh_tokens__family" ON "refresh_tokens" ("family_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."user_role" AS ENUM(
                'platform_admin',
                'township_admin',
                'department_staff',
                'enterprise_contact',
                'expert'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."user_status" AS ENUM('invited', 'active', 'disabled')
        `);
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid,
                "email" character varying(254),
                "mobile" character varying(20),
                "display_name" character varying(100) NOT NULL,
                "role" "public"."user_role" NOT NULL,
                "organization_id" uuid,
                "status" "public"."user_status" NOT NULL DEFAULT 'invited',
                "locale" character varying(10) NOT NULL DEFAULT 'zh-CN',
                "password_hash" text,
                "failed_login_count" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "invitation_token_hash" character varying(64),
                "invitation_expires_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users__email" ON "users" ("email")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users__mobile" ON "users" ("mobile")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users__invitation_token_hash" ON "users" ("invitation_token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_users__tenant_role" ON "users" ("tenant_id", "role")
        `);
        await queryRunner.query(`
            CREATE TABLE "outbox_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid,
                "queue" character varying(50) NOT NULL,
                "job_name" character varying(100) NOT NULL,
                "payload" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "published_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_outbox_events__pending" ON "outbox_events" ("created_at")
            WHERE "published_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "tenants" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100) NOT NULL,
                "slug" character varying(50) NOT NULL,
                "time_zone" character varying(50) NOT NULL DEFAULT 'Asia/Shanghai',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_53be67a04681c66b87ee27c9321" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_tenants__slug" ON "tenants" ("slug")
        `);
        await queryRunner.query(`
            ALTER TABLE "party_organizations"
            ADD CONSTRAINT "FK_5bc96af994f02f8f86406d2b8d7" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "alliance_memberships"
            ADD CONSTRAINT "FK_b22082fb61bf41c8fbc8d935fe8" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "alliance_memberships"
            ADD CONSTRAINT "FK_b8fd6d6cd634c1b01a552f42fe1" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "alliance_memberships" DROP CONSTRAINT "FK_b8fd6d6cd634c1b01a552f42fe1"
        `);
        await queryRunner.query(`
            ALTER TABLE "alliance_memberships" DROP CONSTRAINT "FK_b22082fb61bf41c8fbc8d935fe8"
        `);
        await queryRunner.query(`
            ALTER TABLE "party_organizations" DROP CONSTRAINT "FK_5bc96af994f02f8f86406d2b8d7"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_tenants__slug"
        `);
        await queryRunner.query(`
            DROP TABLE "tenants"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_events__pending"
        `);
        await queryRunner.query(`
            DROP TABLE "outbox_events"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_users__tenant_role"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_users__invitation_token_hash"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_users__mobile"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_users__email"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."user_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."user_role"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_refresh_tokens__family"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_refresh_tokens__user"
        `);
        await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_log__tenant_occurred"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_log__tenant_entity"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_transfer_jobs__tenant_created"
        `);
        await queryRunner.query(`
            DROP TABLE "transfer_jobs"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."transfer_job_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."transfer_job_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_alliance_memberships__alliance_role"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_alliance_memberships__organization"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_alliance_memberships__lead"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_alliance_memberships__organization"
        `);
        await queryRunner.query(`
            DROP TABLE "alliance_memberships"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."alliance_role"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_alliances__name"
        `);
        await queryRunner.query(`
            DROP TABLE "alliances"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_organizations__tenant_kind_name"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_organizations__unified_code"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_organizations__name"
        `);
        await queryRunner.query(`
            DROP TABLE "organizations"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."chain_position"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."organization_kind"
        `);
        await queryRunner.query(`
            DROP TABLE "party_organizations"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."party_organization_type"
        `);
    }

}
