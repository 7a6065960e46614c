import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The users and organizations modules' directories: what other modules may read of people and
 * organisations, in their own SQL (a join for names on a keyset page costs no extra round trip).
 * security_invoker: the reader's row-level security applies to the rows under the view, as if it had
 * named the table. Secrets (password and invitation hashes, session revocation) stay out.
 */
export class DirectoryViews1795644600000 implements MigrationInterface {
  name = 'DirectoryViews1795644600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW people_directory WITH (security_invoker = true) AS
      SELECT id, tenant_id, display_name, organization_id, role, status, is_leader, email, mobile, locale, created_at
      FROM users`);
    await queryRunner.query(`
      CREATE VIEW organization_directory WITH (security_invoker = true) AS
      SELECT id, tenant_id, name, kind, unified_code, industry, chain_position, product_tags, address, contacts,
             paired_department_id, created_at, updated_at
      FROM organizations`);
    await queryRunner.query(`GRANT SELECT ON people_directory, organization_directory TO lianmeng_runtime`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW organization_directory`);
    await queryRunner.query(`DROP VIEW people_directory`);
  }
}
