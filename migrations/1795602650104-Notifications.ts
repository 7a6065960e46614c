import { MigrationInterface, QueryRunner } from "typeorm";

/** Inbox, deliveries, preferences, quiet hours, group robots; the outbox learns job ids and delays. */
export class Notifications1795602650104 implements MigrationInterface {
    name = 'Notifications1795602650104'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."robot_kind" AS ENUM('wecom', 'dingtalk')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."notification_type" AS ENUM(
                'registry.import-finished',
                'registry.export-finished',
                'registry.member-joined',
                'registry.member-left',
                'user.invited',
                'notifications.robot-test'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "group_robots" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "kind" "public"."robot_kind" NOT NULL,
                "name" character varying(100) NOT NULL,
                "alliance_id" uuid,
                "organization_id" uuid,
                "webhook_url_encrypted" text NOT NULL,
                "secret_encrypted" text,
                "types" "public"."notification_type" array NOT NULL,
                "enabled" boolean NOT NULL DEFAULT true,
                CONSTRAINT "PK_0f91207c760057df24f23dea71f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_group_robots__scope" ON "group_robots" ("tenant_id", "alliance_id", "organization_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."delivery_channel" AS ENUM('email', 'wecom', 'dingtalk')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."delivery_status" AS ENUM(
                'pending',
                'sent',
                'failed',
                'awaiting_digest',
                'digested'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "notification_deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "event_id" uuid NOT NULL,
                "channel" "public"."delivery_channel" NOT NULL,
                "user_id" uuid,
                "robot_id" uuid,
                "recipient_key" character varying(60) NOT NULL,
                "status" "public"."delivery_status" NOT NULL DEFAULT 'pending',
                "not_before" TIMESTAMP WITH TIME ZONE NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "retries" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_81daeff81f237bd384f7cfc4a4c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notification_deliveries__digest" ON "notification_deliveries" ("user_id")
            WHERE "status" = 'awaiting_digest'
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notification_deliveries__status" ON "notification_deliveries" ("tenant_id", "status", "created_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notification_deliveries__recipient" ON "notification_deliveries" ("event_id", "channel", "recipient_key")
        `);
        await queryRunner.query(`
            CREATE TABLE "notification_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "type" "public"."notification_type" NOT NULL,
                "payload" jsonb NOT NULL,
                "urgent" boolean NOT NULL DEFAULT false,
                "dedupe_key" character varying(200) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5b828caf9bd52c7e580f5768b14" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notification_events__dedupe_key" ON "notification_events" ("tenant_id", "dedupe_key")
        `);
        await queryRunner.query(`
            CREATE TABLE "notification_preferences" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "type" "public"."notification_type" NOT NULL,
                "in_app" boolean NOT NULL DEFAULT true,
                "email" boolean NOT NULL DEFAULT true,
                CONSTRAINT "PK_e94e2b543f2f218ee68e4f4fad2" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notification_preferences__user_type" ON "notification_preferences" ("user_id", "type")
        `);
        await queryRunner.query(`
            CREATE TABLE "notification_settings" (
                "tenant_id" uuid NOT NULL,
                "quiet_start" character varying(5) NOT NULL DEFAULT '22:00',
                "quiet_end" character varying(5) NOT NULL DEFAULT '08:00',
                "quiet_weekends" boolean NOT NULL DEFAULT true,
                "smtp_host" character varying(255),
                "smtp_port" integer,
                "smtp_secure" boolean NOT NULL DEFAULT false,
                "smtp_username" character varying(255),
                "smtp_password_encrypted" text,
                "mail_from" character varying(255),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_fb263cb5ff30c4a95f96f936f76" PRIMARY KEY ("tenant_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "event_id" uuid NOT NULL,
                "type" "public"."notification_type" NOT NULL,
                "title" character varying(200) NOT NULL,
                "body" text NOT NULL,
                "link" character varying(500),
                "read_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notifications__event_user" ON "notifications" ("event_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications__unread" ON "notifications" ("user_id")
            WHERE "read_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications__inbox" ON "notifications" ("tenant_id", "user_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD "email_digest" boolean NOT NULL DEFAULT false
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD "last_digest_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "outbox_events"
            ADD "job_id" character varying(200)
        `);
        await queryRunner.query(`
            ALTER TABLE "outbox_events"
            ADD "not_before" TIMESTAMP WITH TIME ZONE
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "outbox_events" DROP COLUMN "not_before"
        `);
        await queryRunner.query(`
            ALTER TABLE "outbox_events" DROP COLUMN "job_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "last_digest_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "email_digest"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notifications__inbox"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notifications__unread"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_notifications__event_user"
        `);
        await queryRunner.query(`
            DROP TABLE "notifications"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_settings"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_notification_preferences__user_type"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_preferences"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_notification_events__dedupe_key"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_events"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_notification_deliveries__recipient"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notification_deliveries__status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notification_deliveries__digest"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_deliveries"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."delivery_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."delivery_channel"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_group_robots__scope"
        `);
        await queryRunner.query(`
            DROP TABLE "group_robots"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."notification_type"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."robot_kind"
        `);
    }

}
