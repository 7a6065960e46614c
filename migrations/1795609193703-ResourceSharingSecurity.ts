import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = [
  'listings',
  'talents',
  'listing_interests',
  'listing_interest_messages',
  'project_calls',
  'project_applications',
  'project_application_notes',
  'typical_cases',
  'typical_case_photos',
  'alliance_showcases',
  'indicator_rounds',
  'indicator_submissions',
];

/** Append-only: a thread's messages and an application's notes are never edited. */
const APPEND_ONLY = ['listing_interest_messages', 'project_application_notes'];

const AUDITED = ['listings', 'project_calls', 'project_applications', 'typical_cases', 'alliance_showcases', 'indicator_rounds', 'indicator_submissions'];

/**
 * Row-level security and audit for resource sharing, project calls, typical cases and indicators,
 * and the one narrow path to the public showcase: a SECURITY DEFINER function that, given an
 * enabled showcase's slug, returns the alliance's name, its published cases and aggregate figures,
 * and nothing else (no people, no contacts, no unpublished cases).
 */
export class ResourceSharingSecurity1795609193703 implements MigrationInterface {
  name = 'ResourceSharingSecurity1795609193703';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY tenant_isolation ON "${table}"
          USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`);
      const privileges = APPEND_ONLY.includes(table) ? 'SELECT, INSERT' : 'SELECT, INSERT, UPDATE, DELETE';
      await queryRunner.query(`GRANT ${privileges} ON "${table}" TO lianmeng_runtime`);
    }
    for (const table of AUDITED) {
      await queryRunner.query(`
        CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION audit_row_change()`);
    }
    await queryRunner.query(`
      CREATE FUNCTION public_alliance_showcase(showcase_slug text, at timestamptz) RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$
        SELECT jsonb_build_object(
          'alliance', jsonb_build_object('name', a.name, 'industry', a.industry, 'description', a.description),
          'figures', jsonb_build_object(
            'members', (SELECT count(*) FROM alliance_memberships m WHERE m.alliance_id = a.id AND m.left_on IS NULL AND m.role IN ('lead', 'member')),
            'departments', (SELECT count(*) FROM alliance_memberships m WHERE m.alliance_id = a.id AND m.left_on IS NULL AND m.role = 'department'),
            'partyMembers', (SELECT coalesce(sum(p.member_count), 0) FROM alliance_memberships m JOIN party_organizations p ON p.organization_id = m.organization_id
                              WHERE m.alliance_id = a.id AND m.left_on IS NULL),
            'meetingsHeld', (SELECT count(*) FROM meetings mt WHERE mt.alliance_id = a.id AND mt.status <> 'cancelled' AND mt.ends_at <= at),
            'serviceRequestsResolved', (SELECT count(*) FROM service_requests r WHERE r.alliance_id = a.id AND r.status IN ('resolved', 'closed')),
            'publishedCases', (SELECT count(*) FROM typical_cases c WHERE c.alliance_id = a.id AND c.status = 'published')
          ),
          'cases', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
                     'id', c.id, 'title', c.title, 'organizationName', o.name, 'summary', c.summary, 'body', c.body,
                     'publishedAt', c.published_at,
                     'photoIds', coalesce((SELECT jsonb_agg(ph.id ORDER BY ph.position, ph.created_at) FROM typical_case_photos ph WHERE ph.case_id = c.id), '[]'::jsonb))
                   ORDER BY c.published_at DESC)
              FROM typical_cases c JOIN organizations o ON o.id = c.organization_id
             WHERE c.alliance_id = a.id AND c.status = 'published'), '[]'::jsonb)
        )
          FROM alliance_showcases s JOIN alliances a ON a.id = s.alliance_id AND a.tenant_id = s.tenant_id
         WHERE s.slug = showcase_slug AND s.enabled
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION public_showcase_photo(showcase_slug text, photo_id uuid)
      RETURNS TABLE (storage_key varchar, content_type varchar)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$
        SELECT ph.storage_key, ph.content_type
          FROM alliance_showcases s
          JOIN typical_cases c ON c.alliance_id = s.alliance_id AND c.status = 'published'
          JOIN typical_case_photos ph ON ph.case_id = c.id
         WHERE s.slug = showcase_slug AND s.enabled AND ph.id = photo_id
      $$`);
    for (const fn of ['public_alliance_showcase(text, timestamptz)', 'public_showcase_photo(text, uuid)']) {
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO lianmeng_runtime`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS public_showcase_photo(text, uuid)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS public_alliance_showcase(text, timestamptz)`);
    for (const table of AUDITED) await queryRunner.query(`DROP TRIGGER IF EXISTS audit_row_change ON "${table}"`);
    for (const table of TABLES) {
      await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON "${table}"`);
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM lianmeng_runtime`);
    }
  }
}
