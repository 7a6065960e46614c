import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge base (政策问答库): resolved requests' questions and answers published, as edited
 * copies, to an alliance's members, searched through their segmented terms (a tsvector of the
 * 'simple' configuration under a GIN index). The intake module's segmented terms of resolved
 * requests, for the similar requests a handler sees, kept by the worker as requests are resolved.
 * The service-requests module's directory gains the request's description and category, its training history the requesting organisation (the intake
 * model weighs it for the department) and the resolution (the latest public resolve step's text).
 */
export class KnowledgeBase1795646500000 implements MigrationInterface {
  name = 'KnowledgeBase1795646500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "knowledge_articles" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "alliance_id" uuid NOT NULL,
        "source_request_id" uuid,
        "category_id" uuid,
        "title" character varying(200) NOT NULL,
        "question" text NOT NULL,
        "answer" text NOT NULL,
        "status" character varying(12) NOT NULL DEFAULT 'published',
        "published_by_id" uuid,
        "published_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "search_terms" tsvector NOT NULL,
        CONSTRAINT "ck_knowledge_articles__status" CHECK ("status" IN ('published', 'unpublished')),
        CONSTRAINT "uq_knowledge_articles__tenant_id_id" UNIQUE ("tenant_id", "id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_knowledge_articles__list" ON "knowledge_articles" ("tenant_id", "alliance_id", "status", "published_at")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_knowledge_articles__source" ON "knowledge_articles" ("tenant_id", "source_request_id") WHERE "source_request_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_knowledge_articles__search" ON "knowledge_articles" USING gin ("search_terms")`,
    );
    for (const [column, parent] of [
      ['alliance_id', 'alliances'],
      ['source_request_id', 'service_requests'],
      ['category_id', 'service_categories'],
    ])
      await queryRunner.query(
        `ALTER TABLE "knowledge_articles" ADD CONSTRAINT "fk_knowledge_articles__${column}" FOREIGN KEY ("tenant_id", "${column}") REFERENCES "${parent}"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
      );
    await queryRunner.query(
      `ALTER TABLE "knowledge_articles" ADD CONSTRAINT "fk_knowledge_articles__tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_articles" ADD CONSTRAINT "fk_knowledge_articles__published_by_id" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );

    await queryRunner.query(`
      CREATE TABLE "resolved_request_terms" (
        "request_id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "resolved_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "terms" tsvector NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_resolved_request_terms__terms" ON "resolved_request_terms" USING gin ("terms")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_resolved_request_terms__tenant" ON "resolved_request_terms" ("tenant_id", "resolved_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "resolved_request_terms" ADD CONSTRAINT "fk_resolved_request_terms__tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "resolved_request_terms" ADD CONSTRAINT "fk_resolved_request_terms__request_id" FOREIGN KEY ("tenant_id", "request_id") REFERENCES "service_requests"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    for (const table of ['knowledge_articles', 'resolved_request_terms']) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`,
      );
    }
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON knowledge_articles TO lianmeng_runtime`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON resolved_request_terms TO lianmeng_runtime`);
    // The article is audited without its terms (derived from the text, which is audited).
    await queryRunner.query(`
      CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON knowledge_articles
      FOR EACH ROW EXECUTE FUNCTION audit_row_change('search_terms')`);

    // New columns go at the end: CREATE OR REPLACE VIEW keeps the existing ones as they are.
    await queryRunner.query(`
      CREATE OR REPLACE VIEW service_request_training_history WITH (security_invoker = true) AS
      SELECT r.id, r.tenant_id, r.alliance_id, c.code::text AS category_code, r.title, r.description,
             r.assigned_organization_id AS department_id, r.resolved_at,
             r.requester_organization_id,
             (SELECT e.body FROM service_request_events e
               WHERE e.tenant_id = r.tenant_id AND e.request_id = r.id AND e.type = 'resolved' AND NOT e.internal
               ORDER BY e.created_at DESC LIMIT 1) AS resolution
        FROM service_requests r
        JOIN service_categories c ON c.tenant_id = r.tenant_id AND c.id = r.category_id
       WHERE r.status IN ('resolved', 'closed') AND r.resolved_at IS NOT NULL
         AND r.assigned_organization_id IS NOT NULL AND r.merged_into_id IS NULL`);
    // The request's text and category for the knowledge base's draft and the similar requests.
    await queryRunner.query(`
      CREATE OR REPLACE VIEW service_request_directory WITH (security_invoker = true) AS
      SELECT id, tenant_id, alliance_id, number, title, status, sla_state, escalation_level,
             requester_organization_id, assigned_organization_id, accept_due_at, resolve_due_at, routed_at,
             accepted_at, returned_at, resolved_at, last_chased_at, rating, merged_into_id, created_at,
             description, category_id
        FROM service_requests`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW service_request_directory`);
    await queryRunner.query(`
      CREATE VIEW service_request_directory WITH (security_invoker = true) AS
      SELECT id, tenant_id, alliance_id, number, title, status, sla_state, escalation_level,
             requester_organization_id, assigned_organization_id, accept_due_at, resolve_due_at, routed_at,
             accepted_at, returned_at, resolved_at, last_chased_at, rating, merged_into_id, created_at
        FROM service_requests`);
    await queryRunner.query(`GRANT SELECT ON service_request_directory TO lianmeng_runtime`);
    await queryRunner.query(`DROP VIEW service_request_training_history`);
    await queryRunner.query(`
      CREATE VIEW service_request_training_history WITH (security_invoker = true) AS
      SELECT r.id, r.tenant_id, r.alliance_id, c.code::text AS category_code, r.title, r.description,
             r.assigned_organization_id AS department_id, r.resolved_at
        FROM service_requests r
        JOIN service_categories c ON c.tenant_id = r.tenant_id AND c.id = r.category_id
       WHERE r.status IN ('resolved', 'closed') AND r.resolved_at IS NOT NULL
         AND r.assigned_organization_id IS NOT NULL AND r.merged_into_id IS NULL`);
    await queryRunner.query(`GRANT SELECT ON service_request_training_history TO lianmeng_runtime`);
    await queryRunner.query(`DROP TABLE resolved_request_terms`);
    await queryRunner.query(`DROP TABLE knowledge_articles`);
  }
}
