import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The alliance dashboard's member figures summed per alliance, role and chain position: current
 * members and their Party organisations' members. The dashboard read about 3,000 memberships, their
 * organisations and Party organisations on every view; now a dozen rows.
 *
 * Each module keeps to its own tables, as the meeting figures do within one module:
 * - alliances: a change of an alliance's memberships records the alliance in
 *   `alliance_member_figure_changes`;
 * - organizations: a change of an organisation's chain position or of its Party organisation
 *   records the organisation in `organization_figure_changes`, which it exports read-only as
 *   `organization_figure_change_directory` and empties only through its own service.
 * Readers count an alliance live while it, or one of its organisations, has a change not folded
 * yet, so the figures are exact at every moment; the alliances worker folds both queues back.
 */
export class AllianceMemberFigures1795645600000 implements MigrationInterface {
  name = 'AllianceMemberFigures1795645600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE alliance_member_figures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        alliance_id uuid NOT NULL,
        role alliance_role NOT NULL,
        chain_position text,
        members integer NOT NULL,
        party_members integer NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_alliance_member_figures__alliance ON alliance_member_figures (tenant_id, alliance_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE alliance_member_figure_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        alliance_id uuid NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_alliance_member_figure_changes__alliance ON alliance_member_figure_changes (tenant_id, alliance_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE organization_figure_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_organization_figure_changes__organization ON organization_figure_changes (tenant_id, organization_id)`,
    );
    for (const table of ['alliance_member_figures', 'alliance_member_figure_changes', 'organization_figure_changes']) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`,
      );
      await queryRunner.query(`GRANT SELECT, INSERT, DELETE ON ${table} TO lianmeng_runtime`);
    }
    await queryRunner.query(`
      CREATE VIEW organization_figure_change_directory WITH (security_invoker = true) AS
      SELECT tenant_id, organization_id FROM organization_figure_changes`);
    await queryRunner.query(`GRANT SELECT ON organization_figure_change_directory TO lianmeng_runtime`);

    // The period's joins are counted live: from the index alone.
    await queryRunner.query(
      `CREATE INDEX ix_alliance_memberships__joined ON alliance_memberships (tenant_id, alliance_id, joined_on)`,
    );

    await queryRunner.query(`
      CREATE FUNCTION alliance_member_figures_changed() RETURNS trigger LANGUAGE plpgsql AS \$\$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO alliance_member_figure_changes (tenant_id, alliance_id) SELECT DISTINCT tenant_id, alliance_id FROM new_rows;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO alliance_member_figure_changes (tenant_id, alliance_id) SELECT DISTINCT tenant_id, alliance_id FROM old_rows;
        ELSE
          INSERT INTO alliance_member_figure_changes (tenant_id, alliance_id)
          SELECT DISTINCT touched.tenant_id, touched.alliance_id
            FROM new_rows n JOIN old_rows o ON o.id = n.id
           CROSS JOIN LATERAL (VALUES (n.tenant_id, n.alliance_id), (o.tenant_id, o.alliance_id)) AS touched (tenant_id, alliance_id)
           WHERE (n.alliance_id, n.organization_id, n.role, n.left_on) IS DISTINCT FROM (o.alliance_id, o.organization_id, o.role, o.left_on);
        END IF;
        RETURN NULL;
      END \$\$`);
    // An organisation's chain position, or its Party organisation's members (inserted, changed, removed).
    await queryRunner.query(`
      CREATE FUNCTION organization_figures_changed() RETURNS trigger LANGUAGE plpgsql AS \$\$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO organization_figure_changes (tenant_id, organization_id) SELECT DISTINCT tenant_id, organization_id FROM new_rows;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO organization_figure_changes (tenant_id, organization_id) SELECT DISTINCT tenant_id, organization_id FROM old_rows;
        ELSIF TG_TABLE_NAME = 'organizations' THEN
          INSERT INTO organization_figure_changes (tenant_id, organization_id)
          SELECT DISTINCT n.tenant_id, n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE n.chain_position IS DISTINCT FROM o.chain_position;
        ELSE
          INSERT INTO organization_figure_changes (tenant_id, organization_id)
          SELECT DISTINCT touched.tenant_id, touched.organization_id
            FROM new_rows n JOIN old_rows o ON o.id = n.id
           CROSS JOIN LATERAL (VALUES (n.tenant_id, n.organization_id), (o.tenant_id, o.organization_id)) AS touched (tenant_id, organization_id)
           WHERE (n.organization_id, n.member_count) IS DISTINCT FROM (o.organization_id, o.member_count);
        END IF;
        RETURN NULL;
      END \$\$`);
    const triggers: [string, string, string[]][] = [
      ['alliance_memberships', 'alliance_member_figures_changed', ['inserted', 'updated', 'deleted']],
      ['party_organizations', 'organization_figures_changed', ['inserted', 'updated', 'deleted']],
      // A new organisation counts once it joins (a membership); a deleted one takes its memberships along.
      ['organizations', 'organization_figures_changed', ['updated']],
    ];
    for (const [table, fn, events] of triggers) {
      if (events.includes('inserted'))
        await queryRunner.query(`
          CREATE TRIGGER ${table}_member_figures_inserted AFTER INSERT ON ${table}
          REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_member_figures_updated AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      if (events.includes('deleted'))
        await queryRunner.query(`
          CREATE TRIGGER ${table}_member_figures_deleted AFTER DELETE ON ${table}
          REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }

    // Every alliance starts out changed: the worker's first pass sums them.
    await queryRunner.query(
      `INSERT INTO alliance_member_figure_changes (tenant_id, alliance_id) SELECT tenant_id, id FROM alliances`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['alliance_memberships', 'party_organizations', 'organizations']) {
      for (const trigger of ['inserted', 'updated', 'deleted'])
        await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_member_figures_${trigger} ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS organization_figures_changed()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS alliance_member_figures_changed()`);
    await queryRunner.query(`DROP INDEX IF EXISTS ix_alliance_memberships__joined`);
    await queryRunner.query(`DROP VIEW IF EXISTS organization_figure_change_directory`);
    await queryRunner.query(`DROP TABLE IF EXISTS organization_figure_changes`);
    await queryRunner.query(`DROP TABLE IF EXISTS alliance_member_figure_changes`);
    await queryRunner.query(`DROP TABLE IF EXISTS alliance_member_figures`);
  }
}
