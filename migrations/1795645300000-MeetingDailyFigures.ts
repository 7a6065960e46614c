import { MigrationInterface, QueryRunner } from 'typeorm';

const MEETING_DAY = (row: string) => `(${row}.starts_at AT TIME ZONE 'Asia/Shanghai')::date`;

/** The touched days of the meetings named by `meeting_id` in the transition table `rows`. */
const daysOfMeetingsIn = (rows: string) =>
  `SELECT DISTINCT m.tenant_id, m.alliance_id, ${MEETING_DAY('m')} FROM meetings m WHERE m.id IN (SELECT meeting_id FROM ${rows})`;

/**
 * The alliance dashboard's meeting figures summed per alliance and day (Beijing time, when the
 * meeting starts): scheduled meetings, the organisations invited to them (distinct per meeting) and
 * those of them that had someone check in; a year of the dashboard reads a few hundred rows instead
 * of every meeting, invitation and check-in of the year.
 *
 * As the service-request figures do: every statement that adds, changes or removes meetings,
 * invitations or check-ins records the days it touched in `meeting_figure_changes` (plain inserts,
 * nothing two writers wait on); readers count those days live and take the rest from the sums, so
 * the figures are exact at every moment, and the worker folds the changed days back into the sums.
 */
export class MeetingDailyFigures1795645300000 implements MigrationInterface {
  name = 'MeetingDailyFigures1795645300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE meeting_daily_figures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        alliance_id uuid NOT NULL,
        day date NOT NULL,
        held integer NOT NULL,
        invited integer NOT NULL,
        attended integer NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_meeting_daily_figures__day ON meeting_daily_figures (tenant_id, alliance_id, day)`);
    await queryRunner.query(`
      CREATE TABLE meeting_figure_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        alliance_id uuid NOT NULL,
        day date NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_meeting_figure_changes__day ON meeting_figure_changes (tenant_id, alliance_id, day)`);
    for (const table of ['meeting_daily_figures', 'meeting_figure_changes']) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
      await queryRunner.query(`GRANT SELECT, INSERT, DELETE ON ${table} TO lianmeng_runtime`);
    }

    // A meeting's day changes with its status, start or alliance.
    await queryRunner.query(`
      CREATE FUNCTION meeting_figures_changed() RETURNS trigger LANGUAGE plpgsql AS \$\$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO meeting_figure_changes (tenant_id, alliance_id, day)
          SELECT DISTINCT n.tenant_id, n.alliance_id, ${MEETING_DAY('n')} FROM new_rows n;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO meeting_figure_changes (tenant_id, alliance_id, day)
          SELECT DISTINCT o.tenant_id, o.alliance_id, ${MEETING_DAY('o')} FROM old_rows o;
        ELSE
          INSERT INTO meeting_figure_changes (tenant_id, alliance_id, day)
          SELECT DISTINCT touched.tenant_id, touched.alliance_id, touched.day
            FROM new_rows n JOIN old_rows o ON o.id = n.id
           CROSS JOIN LATERAL (VALUES (n.tenant_id, n.alliance_id, ${MEETING_DAY('n')}), (o.tenant_id, o.alliance_id, ${MEETING_DAY('o')}))
                 AS touched (tenant_id, alliance_id, day)
           WHERE (n.status, n.starts_at, n.alliance_id) IS DISTINCT FROM (o.status, o.starts_at, o.alliance_id);
        END IF;
        RETURN NULL;
      END \$\$`);
    // An invitation or a check-in changes its meeting's day (a meeting deleted with them is recorded by the trigger above).
    await queryRunner.query(`
      CREATE FUNCTION meeting_party_figures_changed() RETURNS trigger LANGUAGE plpgsql AS \$\$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO meeting_figure_changes (tenant_id, alliance_id, day) ${daysOfMeetingsIn('new_rows')};
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO meeting_figure_changes (tenant_id, alliance_id, day) ${daysOfMeetingsIn('old_rows')};
        ELSE
          INSERT INTO meeting_figure_changes (tenant_id, alliance_id, day)
          SELECT DISTINCT m.tenant_id, m.alliance_id, ${MEETING_DAY('m')} FROM meetings m
           WHERE m.id IN (SELECT n.meeting_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                           WHERE (n.meeting_id, n.organization_id) IS DISTINCT FROM (o.meeting_id, o.organization_id)
                          UNION ALL
                          SELECT o.meeting_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                           WHERE (n.meeting_id, n.organization_id) IS DISTINCT FROM (o.meeting_id, o.organization_id));
        END IF;
        RETURN NULL;
      END \$\$`);
    for (const [table, fn] of [
      ['meetings', 'meeting_figures_changed'],
      ['meeting_participants', 'meeting_party_figures_changed'],
      ['meeting_attendance', 'meeting_party_figures_changed'],
    ]) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_figures_inserted AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_figures_updated AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_figures_deleted AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }

    // Every day that already has meetings starts out changed: the worker's first pass sums them.
    await queryRunner.query(`
      INSERT INTO meeting_figure_changes (tenant_id, alliance_id, day)
      SELECT DISTINCT m.tenant_id, m.alliance_id, ${MEETING_DAY('m')} FROM meetings m`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['meetings', 'meeting_participants', 'meeting_attendance']) {
      for (const trigger of ['inserted', 'updated', 'deleted'])
        await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_figures_${trigger} ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS meeting_party_figures_changed()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS meeting_figures_changed()`);
    await queryRunner.query(`DROP TABLE IF EXISTS meeting_figure_changes`);
    await queryRunner.query(`DROP TABLE IF EXISTS meeting_daily_figures`);
  }
}
