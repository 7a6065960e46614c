import { MigrationInterface, QueryRunner } from "typeorm";

/** Venue bookings, zone opening hours and photos, the study route and pairing visits. */
export class VenueBookings1795609113811 implements MigrationInterface {
    name = 'VenueBookings1795609113811'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."venue_booking_status" AS ENUM('pending', 'approved', 'rejected', 'cancelled')
        `);
        await queryRunner.query(`
            CREATE TABLE "venue_bookings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "venue_id" uuid NOT NULL,
                "zone_id" uuid NOT NULL,
                "booker_user_id" uuid NOT NULL,
                "booker_organization_id" uuid,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "purpose" character varying(200) NOT NULL,
                "attendees" integer NOT NULL,
                "status" "public"."venue_booking_status" NOT NULL,
                "decided_by_id" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "decision_note" character varying(500),
                CONSTRAINT "ck_venue_bookings__attendees" CHECK ("attendees" > 0),
                CONSTRAINT "ck_venue_bookings__ends_at" CHECK ("ends_at" > "starts_at"),
                CONSTRAINT "PK_68dd7746ac0cbb328f776cd96e6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_venue_bookings__booker" ON "venue_bookings" ("tenant_id", "booker_user_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_venue_bookings__status" ON "venue_bookings" ("tenant_id", "status", "starts_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_venue_bookings__zone" ON "venue_bookings" ("tenant_id", "zone_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "venue_photos" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "venue_id" uuid NOT NULL,
                "zone_id" uuid,
                "file_name" character varying(200) NOT NULL,
                "content_type" character varying(100) NOT NULL,
                "size" integer NOT NULL,
                "storage_key" character varying(300) NOT NULL,
                "uploaded_by_id" uuid NOT NULL,
                CONSTRAINT "PK_dca6b49cd58236983f17e933e2a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_venue_photos__venue" ON "venue_photos" ("tenant_id", "venue_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."study_booking_status" AS ENUM('booked', 'cancelled')
        `);
        await queryRunner.query(`
            CREATE TABLE "study_bookings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "visit_on" date NOT NULL,
                "group_name" character varying(100) NOT NULL,
                "contact_name" character varying(50),
                "contact_phone" character varying(30),
                "group_size" integer NOT NULL,
                "booker_user_id" uuid NOT NULL,
                "booker_organization_id" uuid,
                "outside_group" boolean NOT NULL DEFAULT false,
                "status" "public"."study_booking_status" NOT NULL DEFAULT 'booked',
                CONSTRAINT "ck_study_bookings__group_size" CHECK ("group_size" > 0),
                CONSTRAINT "PK_e165c04998f2e3dedfa40e9fe4d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_study_bookings__booker" ON "study_bookings" ("tenant_id", "booker_user_id", "visit_on")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_study_bookings__day" ON "study_bookings" ("tenant_id", "visit_on")
        `);
        await queryRunner.query(`
            CREATE TABLE "study_site_days" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "site_id" uuid NOT NULL,
                "day" date NOT NULL,
                "booked" integer NOT NULL DEFAULT '0',
                CONSTRAINT "ck_study_site_days__booked" CHECK ("booked" >= 0),
                CONSTRAINT "PK_e2840cd74be9a886e5c3de9bc8b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_study_site_days__day" ON "study_site_days" ("tenant_id", "site_id", "day")
        `);
        await queryRunner.query(`
            CREATE TABLE "study_site_photos" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "site_id" uuid NOT NULL,
                "file_name" character varying(200) NOT NULL,
                "content_type" character varying(100) NOT NULL,
                "size" integer NOT NULL,
                "storage_key" character varying(300) NOT NULL,
                "uploaded_by_id" uuid NOT NULL,
                CONSTRAINT "PK_5d497bb88a9abec23ee444908ff" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_study_site_photos__site" ON "study_site_photos" ("tenant_id", "site_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "study_site_visits" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "site_id" uuid NOT NULL,
                "booking_id" uuid NOT NULL,
                "people" integer NOT NULL,
                "visited_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "recorded_by_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_909ffd7d655ca7ac05e2e88fbe0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_study_site_visits__site" ON "study_site_visits" ("tenant_id", "site_id", "visited_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_study_site_visits__booking" ON "study_site_visits" ("site_id", "booking_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "study_sites" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" character varying(100) NOT NULL,
                "description" text,
                "address" character varying(300),
                "daily_capacity" integer NOT NULL,
                "position" integer NOT NULL,
                "qr_token" character varying(64) NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                CONSTRAINT "ck_study_sites__daily_capacity" CHECK ("daily_capacity" > 0),
                CONSTRAINT "PK_387c035febcb94e72418ccc2efc" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_study_sites__qr_token" ON "study_sites" ("qr_token")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_study_sites__position" ON "study_sites" ("tenant_id", "position")
        `);
        await queryRunner.query(`
            CREATE TABLE "pairing_pairs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "official_user_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "interval_days" integer NOT NULL DEFAULT '30',
                "active" boolean NOT NULL DEFAULT true,
                "overdue_notified_for" date,
                CONSTRAINT "ck_pairing_pairs__interval_days" CHECK (
                    "interval_days" BETWEEN 1 AND 366
                ),
                CONSTRAINT "PK_d5b641c8cc5ec1255fa9f403738" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_pairing_pairs__organization" ON "pairing_pairs" ("tenant_id", "organization_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_pairing_pairs__organization" ON "pairing_pairs" (
                "tenant_id",
                "official_user_id",
                "organization_id"
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "pairing_visit_problems" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "visit_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "description" text NOT NULL,
                "service_request_id" uuid,
                CONSTRAINT "PK_7890afbe3ede69171896dc705c7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_pairing_visit_problems__request" ON "pairing_visit_problems" ("service_request_id")
            WHERE "service_request_id" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_pairing_visit_problems__position" ON "pairing_visit_problems" ("visit_id", "position")
        `);
        await queryRunner.query(`
            CREATE TABLE "pairing_visits" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "pair_id" uuid NOT NULL,
                "visited_on" date NOT NULL,
                "people_met" character varying(500) NOT NULL,
                "notes" text,
                "recorded_by_id" uuid NOT NULL,
                CONSTRAINT "PK_e87954142c0a6bb3f1ba745e1c6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_pairing_visits__pair" ON "pairing_visits" ("tenant_id", "pair_id", "visited_on")
        `);
        await queryRunner.query(`
            ALTER TABLE "room_reservations"
            ADD "booking_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "venue_zones"
            ADD "description" text
        `);
        await queryRunner.query(`
            ALTER TABLE "venue_zones"
            ADD "opening_hours" jsonb
        `);
        await queryRunner.query(`
            ALTER TABLE "venue_zones"
            ADD "requires_approval" boolean NOT NULL DEFAULT false
        `);
        await queryRunner.query(`
            ALTER TABLE "venues"
            ADD "description" text
        `);
        await queryRunner.query(`
            ALTER TABLE "room_reservations"
            ADD CONSTRAINT "ck_room_reservations__holder" CHECK (("meeting_id" IS NULL) <> ("booking_id" IS NULL))
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_room_reservations__booking" ON "room_reservations" ("booking_id")
            WHERE "booking_id" IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'venue-booking.requested'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'venue-booking.decided'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."notification_type"
            ADD VALUE IF NOT EXISTS 'pairing.visit-overdue'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."uq_room_reservations__booking"
        `);
        await queryRunner.query(`
            ALTER TABLE "room_reservations" DROP CONSTRAINT "ck_room_reservations__holder"
        `);
        // The added notification_type values stay: PostgreSQL cannot drop an enum value.
        await queryRunner.query(`
            ALTER TABLE "venues" DROP COLUMN "description"
        `);
        await queryRunner.query(`
            ALTER TABLE "venue_zones" DROP COLUMN "requires_approval"
        `);
        await queryRunner.query(`
            ALTER TABLE "venue_zones" DROP COLUMN "opening_hours"
        `);
        await queryRunner.query(`
            ALTER TABLE "venue_zones" DROP COLUMN "description"
        `);
        await queryRunner.query(`
            ALTER TABLE "room_reservations" DROP COLUMN "booking_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_pairing_visits__pair"
        `);
        await queryRunner.query(`
            DROP TABLE "pairing_visits"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_pairing_visit_problems__position"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_pairing_visit_problems__request"
        `);
        await queryRunner.query(`
            DROP TABLE "pairing_visit_problems"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_pairing_pairs__organization"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_pairing_pairs__organization"
        `);
        await queryRunner.query(`
            DROP TABLE "pairing_pairs"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_study_sites__position"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_study_sites__qr_token"
        `);
        await queryRunner.query(`
            DROP TABLE "study_sites"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_study_site_visits__booking"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_study_site_visits__site"
        `);
        await queryRunner.query(`
            DROP TABLE "study_site_visits"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_study_site_photos__site"
        `);
        await queryRunner.query(`
            DROP TABLE "study_site_photos"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_study_site_days__day"
        `);
        await queryRunner.query(`
            DROP TABLE "study_site_days"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_study_bookings__day"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_study_bookings__booker"
        `);
        await queryRunner.query(`
            DROP TABLE "study_bookings"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."study_booking_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_venue_photos__venue"
        `);
        await queryRunner.query(`
            DROP TABLE "venue_photos"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_venue_bookings__zone"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_venue_bookings__status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_venue_bookings__booker"
        `);
        await queryRunner.query(`
            DROP TABLE "venue_bookings"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."venue_booking_status"
        `);
    }

}
