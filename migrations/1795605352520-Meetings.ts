import { MigrationInterface, QueryRunner } from "typeorm";

/** Joint meetings: venues and zones, room reservations under an exclusion constraint, series, participants, feeds. */
export class Meetings1795605352520 implements MigrationInterface {
    name = 'Meetings1795605352520'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // uuid equality inside a GiST exclusion constraint needs btree_gist.
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
        await queryRunner.query(`
            CREATE TABLE "calendar_feeds" (
                "user_id" uuid NOT NULL,
                "tenant_id" uuid NOT NULL,
                "token_hash" character varying(64) NOT NULL,
                CONSTRAINT "PK_3212ce9ff23847e66347a6730d3" PRIMARY KEY ("user_id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_calendar_feeds__token" ON "calendar_feeds" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."rsvp_response" AS ENUM('pending', 'accepted', 'declined', 'delegated')
        `);
        await queryRunner.query(`
            CREATE TABLE "meeting_participants" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "meeting_id" uuid NOT NULL,
                "organization_id" uuid,
                "attendee_id" uuid,
                "required" boolean NOT NULL DEFAULT false,
                "response" "public"."rsvp_response" NOT NULL DEFAULT 'pending',
                "decline_reason" text,
                "delegated_from_id" uuid,
                "responded_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_994ee66a92de655fb478c038980" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_meeting_participants__attendee" ON "meeting_participants" ("tenant_id", "attendee_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_meeting_participants__meeting" ON "meeting_participants" ("meeting_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "meeting_series" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "alliance_id" uuid NOT NULL,
                "rrule" text NOT NULL,
                "first_starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_4eca052972681e25409955b1774" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."meeting_place_kind" AS ENUM('room', 'address', 'online')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."meeting_status" AS ENUM('scheduled', 'cancelled')
        `);
        await queryRunner.query(`
            CREATE TABLE "meetings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "alliance_id" uuid NOT NULL,
                "series_id" uuid,
                "title" character varying(200) NOT NULL,
                "description" text,
                "convener_id" uuid NOT NULL,
                "chair_id" uuid NOT NULL,
                "recorder_id" uuid,
                "place_kind" "public"."meeting_place_kind" NOT NULL,
                "zone_id" uuid,
                "address" character varying(300),
                "online_url" character varying(500),
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" "public"."meeting_status" NOT NULL DEFAULT 'scheduled',
                "detached" boolean NOT NULL DEFAULT false,
                "cancel_reason" text,
                CONSTRAINT "ck_meetings__time" CHECK ("ends_at" > "starts_at"),
                CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_meetings__series" ON "meetings" ("series_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_meetings__tenant_starts" ON "meetings" ("tenant_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "room_reservations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "zone_id" uuid NOT NULL,
                "during" tstzrange NOT NULL,
                "meeting_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ex_room_reservations__overlap" EXCLUDE USING gist ("zone_id" WITH =, "during" WITH &&),
                CONSTRAINT "PK_437ba191b632a7c86b6374e411c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_room_reservations__meeting" ON "room_reservations" ("meeting_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."zone_kind" AS ENUM(
                'enterprise_showcase',
                'shared_office',
                'party_activity',
                'joint_consultation',
                'meeting_room'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "venue_zones" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "venue_id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "kind" "public"."zone_kind" NOT NULL,
                "capacity" integer NOT NULL DEFAULT '20',
                CONSTRAINT "PK_ee37c6c42dfd3f84bd7a4e37791" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_venue_zones__name" ON "venue_zones" ("venue_id", "name")
        `);
        await queryRunner.query(`
            CREATE TABLE "venues" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" character varying(100) NOT NULL,
                "address" character varying(300),
                CONSTRAINT "PK_cb0f885278d12384eb7a81818be" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_venues__name" ON "venues" ("tenant_id", "name")
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'meeting.invited'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'meeting.changed'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'meeting.cancelled'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'meeting.reminder'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The new values of notification_type stay: PostgreSQL cannot drop an enum value.
        await queryRunner.query(`
            DROP INDEX "public"."uq_venues__name"
        `);
        await queryRunner.query(`
            DROP TABLE "venues"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_venue_zones__name"
        `);
        await queryRunner.query(`
            DROP TABLE "venue_zones"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."zone_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_room_reservations__meeting"
        `);
        await queryRunner.query(`
            DROP TABLE "room_reservations"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_meetings__tenant_starts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_meetings__series"
        `);
        await queryRunner.query(`
            DROP TABLE "meetings"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."meeting_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."meeting_place_kind"
        `);
        await queryRunner.query(`
            DROP TABLE "meeting_series"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_meeting_participants__meeting"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_meeting_participants__attendee"
        `);
        await queryRunner.query(`
            DROP TABLE "meeting_participants"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."rsvp_response"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_calendar_feeds__token"
        `);
        await queryRunner.query(`
            DROP TABLE "calendar_feeds"
        `);
    }

}
