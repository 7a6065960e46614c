import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the action-items, meetings, indicators, organizations, think-tank, service-requests, venues,
 * project-calls and typical-cases modules let other modules read in their own SQL (the dashboard's and the
 * workbench's counts, joins for a title or a name), each owner listing its views in its
 * exported-views.ts. Only the columns those readers need. Plain single-table views, so the planner
 * inlines them and the tables' indexes serve as before. security_invoker: the reader's row-level
 * security applies to the rows under the view, as if it had named the table. Nothing writes through
 * them (the owners' services do the writing).
 */
/** Each view's whole statement, so that a reader of the migrations (and the module-tables spec) finds its name. */
const VIEWS: Record<string, string> = {
  action_item_directory: `CREATE VIEW action_item_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, alliance_id, meeting_id, report_id, title, owner_organization_id, status, due_on, progress, escalation_level,
           created_at
    FROM action_items`,
  meeting_directory: `CREATE VIEW meeting_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, alliance_id, title, status, starts_at, ends_at, chair_id, zone_id, address FROM meetings`,
  meeting_participant_directory: `CREATE VIEW meeting_participant_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, meeting_id, organization_id, attendee_id, response FROM meeting_participants`,
  meeting_attendance_directory: `CREATE VIEW meeting_attendance_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, meeting_id, organization_id FROM meeting_attendance`,
  meeting_minutes_directory: `CREATE VIEW meeting_minutes_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, meeting_id, status, updated_at FROM meeting_minutes`,
  indicator_round_directory: `CREATE VIEW indicator_round_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, alliance_id, period, year, quarter, fields, status, deadline, created_at FROM indicator_rounds`,
  indicator_submission_directory: `CREATE VIEW indicator_submission_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, round_id, organization_id, status, "values" FROM indicator_submissions`,
  party_organization_directory: `CREATE VIEW party_organization_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, organization_id, member_count FROM party_organizations`,
  research_report_directory: `CREATE VIEW research_report_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, alliance_id, title, status FROM research_reports`,
  review_round_directory: `CREATE VIEW review_round_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, report_id, number FROM review_rounds`,
  expert_directory: `CREATE VIEW expert_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, user_id FROM experts`,
  review_assignment_directory: `CREATE VIEW review_assignment_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, expert_id, report_id, round_id, status, respond_by, due_at, created_at FROM review_assignments`,
  service_request_directory: `CREATE VIEW service_request_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, alliance_id, number, title, status, sla_state, escalation_level, requester_organization_id,
           assigned_organization_id, accept_due_at, resolve_due_at, routed_at, accepted_at, returned_at, resolved_at, last_chased_at,
           rating, merged_into_id, created_at
    FROM service_requests`,
  service_category_directory: `CREATE VIEW service_category_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, alliance_id, active FROM service_categories`,
  follow_up_task_directory: `CREATE VIEW follow_up_task_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, request_id, status, assignee_id, created_at FROM follow_up_tasks`,
  venue_zone_directory: `CREATE VIEW venue_zone_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, venue_id, name FROM venue_zones`,
  venue_booking_directory: `CREATE VIEW venue_booking_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, purpose FROM venue_bookings`,
  room_reservation_directory: `CREATE VIEW room_reservation_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, zone_id, starts_at, ends_at, meeting_id, booking_id FROM room_reservations`,
  project_application_directory: `CREATE VIEW project_application_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, call_id, organization_id, step FROM project_applications`,
  project_call_directory: `CREATE VIEW project_call_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, alliance_id, name, issuing_body, status, deadline, eligibility_tags, created_at FROM project_calls`,
  typical_case_directory: `CREATE VIEW typical_case_directory WITH (security_invoker = true) AS
    SELECT id, tenant_id, organization_id, title, status, updated_at FROM typical_cases`,
};

export class ModuleExportedViews1795644800000 implements MigrationInterface {
  name = 'ModuleExportedViews1795644800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const create of Object.values(VIEWS)) await queryRunner.query(create);
    await queryRunner.query(`GRANT SELECT ON ${Object.keys(VIEWS).join(', ')} TO lianmeng_runtime`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const view of Object.keys(VIEWS).reverse()) await queryRunner.query(`DROP VIEW ${view}`);
  }
}
