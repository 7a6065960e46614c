import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channels as the code lists them: a delivery's channel becomes text with a check constraint (a new
 * channel re-creates the constraint instead of altering an enum type), and SMS arrives: a
 * 'skipped' delivery status, a per-type SMS preference (off), and the township's SMS account.
 */
export class ChannelSenders1795644900000 implements MigrationInterface {
  name = 'ChannelSenders1795644900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ALTER COLUMN "channel" TYPE character varying(20) USING "channel"::text`);
    await queryRunner.query(`DROP TYPE "public"."delivery_channel"`);
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" ADD CONSTRAINT "ck_notification_deliveries__channel" CHECK ("channel" IN ('email', 'wecom', 'dingtalk', 'sms'))`,
    );
    await queryRunner.query(`ALTER TYPE "public"."delivery_status" ADD VALUE IF NOT EXISTS 'skipped'`);
    await queryRunner.query(`ALTER TABLE "notification_preferences" ADD "sms" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      ALTER TABLE "notification_settings"
        ADD "sms_endpoint" character varying(255),
        ADD "sms_access_key_id" character varying(100),
        ADD "sms_access_key_secret_encrypted" text,
        ADD "sms_sign_name" character varying(100),
        ADD "sms_templates" jsonb NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "notification_settings"
        DROP "sms_templates", DROP "sms_sign_name", DROP "sms_access_key_secret_encrypted", DROP "sms_access_key_id", DROP "sms_endpoint"`);
    await queryRunner.query(`ALTER TABLE "notification_preferences" DROP "sms"`);
    await queryRunner.query(`DELETE FROM "notification_deliveries" WHERE "channel" = 'sms'`);
    await queryRunner.query(`UPDATE "notification_deliveries" SET "status" = 'failed' WHERE "status" = 'skipped'`);
    // An enum value cannot be dropped; 'skipped' stays, unused.
    await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP CONSTRAINT "ck_notification_deliveries__channel"`);
    await queryRunner.query(`CREATE TYPE "public"."delivery_channel" AS ENUM('email', 'wecom', 'dingtalk')`);
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" ALTER COLUMN "channel" TYPE "public"."delivery_channel" USING "channel"::"public"."delivery_channel"`,
    );
  }
}
