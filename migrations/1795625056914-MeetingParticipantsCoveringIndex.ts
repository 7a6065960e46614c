import { MigrationInterface, QueryRunner } from "typeorm";

/** The people's participations read from the index alone (see the entity). */
export class MeetingParticipantsCoveringIndex1795625056914 implements MigrationInterface {
    name = 'MeetingParticipantsCoveringIndex1795625056914'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_meeting_participants__attendee"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_meeting_participants__attendee" ON "meeting_participants" (
                "tenant_id",
                "attendee_id",
                "response",
                "meeting_id"
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_meeting_participants__attendee"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_meeting_participants__attendee" ON "meeting_participants" USING btree ("tenant_id", "attendee_id")
        `);
    }

}
