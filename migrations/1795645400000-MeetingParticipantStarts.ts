import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "The meetings these people are expected at over a time" (the free-slot search, the conflict
 * check) read every invitation the people ever had (12,000 for three busy people in the
 * benchmark's township) and joined them to the window's meetings: 3–6 ms, growing with history.
 * Each invitation now carries its meeting's start, kept by triggers (set on insert from the
 * meeting, followed when the meeting moves), and an index by person and start reads just the
 * window's (about 150). The audit trigger leaves the copied column out, so moving a meeting logs
 * the meeting's change, not one per invitation.
 */
export class MeetingParticipantStarts1795645400000 implements MigrationInterface {
  name = 'MeetingParticipantStarts1795645400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_participants" ADD "meeting_starts_at" TIMESTAMP WITH TIME ZONE`);
    // Before the backfill, so filling the copy logs nothing.
    await queryRunner.query(`DROP TRIGGER audit_row_change ON meeting_participants`);
    await queryRunner.query(`
      CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON meeting_participants
      FOR EACH ROW EXECUTE FUNCTION audit_row_change('meeting_starts_at')`);
    await queryRunner.query(`
      UPDATE meeting_participants p SET meeting_starts_at = m.starts_at FROM meetings m
       WHERE m.tenant_id = p.tenant_id AND m.id = p.meeting_id`);
    await queryRunner.query(`ALTER TABLE "meeting_participants" ALTER COLUMN "meeting_starts_at" SET NOT NULL`);
    await queryRunner.query(`
      CREATE FUNCTION meeting_participants_meeting_starts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.meeting_starts_at := (SELECT m.starts_at FROM meetings m WHERE m.tenant_id = NEW.tenant_id AND m.id = NEW.meeting_id);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER meeting_participants_meeting_starts BEFORE INSERT OR UPDATE OF meeting_id, meeting_starts_at ON meeting_participants
      FOR EACH ROW EXECUTE FUNCTION meeting_participants_meeting_starts()`);
    await queryRunner.query(`
      CREATE FUNCTION meetings_starts_to_participants() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE meeting_participants SET meeting_starts_at = NEW.starts_at WHERE tenant_id = NEW.tenant_id AND meeting_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER meetings_starts_to_participants AFTER UPDATE OF starts_at ON meetings
      FOR EACH ROW WHEN (OLD.starts_at IS DISTINCT FROM NEW.starts_at) EXECUTE FUNCTION meetings_starts_to_participants()`);
    await queryRunner.query(
      `CREATE INDEX "ix_meeting_participants__attendee_starts" ON "meeting_participants" ("tenant_id", "attendee_id", "meeting_starts_at", "response", "meeting_id") WHERE "attendee_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_meeting_participants__attendee_starts"`);
    await queryRunner.query(`DROP TRIGGER audit_row_change ON meeting_participants`);
    await queryRunner.query(`
      CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON meeting_participants
      FOR EACH ROW EXECUTE FUNCTION audit_row_change()`);
    await queryRunner.query(`DROP TRIGGER meetings_starts_to_participants ON meetings`);
    await queryRunner.query(`DROP FUNCTION meetings_starts_to_participants()`);
    await queryRunner.query(`DROP TRIGGER meeting_participants_meeting_starts ON meeting_participants`);
    await queryRunner.query(`DROP FUNCTION meeting_participants_meeting_starts()`);
    await queryRunner.query(`ALTER TABLE "meeting_participants" DROP COLUMN "meeting_starts_at"`);
  }
}
