import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Everyone but an official sees the meetings they or their organisation are invited to
 * (attendee_id = me OR organization_id = mine); nothing indexed organization_id, so every meetings
 * page of an enterprise or department read all of meeting_participants (580,000 rows in the benchmark).
 */
export class MeetingParticipantOrganizationIndex1795623223093 implements MigrationInterface {
    name = 'MeetingParticipantOrganizationIndex1795623223093'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "ix_meeting_participants__organization" ON "meeting_participants" ("tenant_id", "organization_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_meeting_participants__organization"
        `);
    }

}
