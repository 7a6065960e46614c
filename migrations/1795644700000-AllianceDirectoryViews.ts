import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The alliances module's directories: alliances and their memberships (current ones have no
 * left_on), for other modules' SQL. security_invoker: the reader's row-level security applies.
 */
export class AllianceDirectoryViews1795644700000 implements MigrationInterface {
  name = 'AllianceDirectoryViews1795644700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW alliance_directory WITH (security_invoker = true) AS
      SELECT id, tenant_id, name, industry, description, created_at, updated_at
      FROM alliances`);
    await queryRunner.query(`
      CREATE VIEW alliance_membership_directory WITH (security_invoker = true) AS
      SELECT id, tenant_id, alliance_id, organization_id, role, joined_on, left_on
      FROM alliance_memberships`);
    await queryRunner.query(`GRANT SELECT ON alliance_directory, alliance_membership_directory TO lianmeng_runtime`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW alliance_membership_directory`);
    await queryRunner.query(`DROP VIEW alliance_directory`);
  }
}
