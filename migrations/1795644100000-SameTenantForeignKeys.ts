import { MigrationInterface, QueryRunner } from 'typeorm';

type OnDelete = 'CASCADE' | 'RESTRICT';

/**
 * (table, column, parent[, on delete]): the column names a row of the parent in the same township, so
 * the key is (tenant_id, column) → parent (tenant_id, id) and a row can never point into another
 * township, whatever the code above it checks. Parents are never deleted by the product (no DELETE
 * grant, or no code that deletes them), so NO ACTION keeps history from being orphaned; the three
 * keys that existed keep their CASCADE and RESTRICT. A service request's own parts (its events,
 * attachments and follow-up tasks) go with it if it is ever deleted by hand, as the tests' cleanup does.
 */
const SAME_TENANT: [string, string, string, OnDelete?][] = [
  ['action_item_updates', 'action_item_id', 'action_items'],
  ['action_items', 'alliance_id', 'alliances'],
  ['action_items', 'meeting_id', 'meetings'],
  ['action_items', 'owner_organization_id', 'organizations'],
  ['action_items', 'report_id', 'research_reports'],
  ['agenda_items', 'meeting_id', 'meetings'],
  ['agenda_items', 'proposed_by_organization_id', 'organizations'],
  ['agenda_items', 'service_request_id', 'service_requests'],
  ['alliance_memberships', 'alliance_id', 'alliances', 'CASCADE'],
  ['alliance_memberships', 'organization_id', 'organizations', 'RESTRICT'],
  ['alliance_showcases', 'alliance_id', 'alliances'],
  ['expert_declarations', 'expert_id', 'experts'],
  ['expert_declarations', 'organization_id', 'organizations'],
  ['experts', 'affiliation_organization_id', 'organizations'],
  ['follow_up_tasks', 'request_id', 'service_requests', 'CASCADE'],
  ['group_robots', 'alliance_id', 'alliances'],
  ['group_robots', 'organization_id', 'organizations'],
  ['indicator_rounds', 'alliance_id', 'alliances'],
  ['indicator_submissions', 'organization_id', 'organizations'],
  ['indicator_submissions', 'round_id', 'indicator_rounds'],
  ['listing_interest_messages', 'interest_id', 'listing_interests'],
  ['listing_interests', 'listing_id', 'listings'],
  ['listing_interests', 'organization_id', 'organizations'],
  ['listings', 'alliance_id', 'alliances'],
  ['listings', 'organization_id', 'organizations'],
  ['meeting_attendance', 'meeting_id', 'meetings'],
  ['meeting_attendance', 'organization_id', 'organizations'],
  ['meeting_minutes', 'meeting_id', 'meetings'],
  ['meeting_participants', 'meeting_id', 'meetings'],
  ['meeting_participants', 'organization_id', 'organizations'],
  ['meeting_series', 'alliance_id', 'alliances'],
  ['meetings', 'alliance_id', 'alliances'],
  ['meetings', 'series_id', 'meeting_series'],
  ['meetings', 'zone_id', 'venue_zones'],
  ['minutes_comments', 'minutes_id', 'meeting_minutes'],
  ['notification_deliveries', 'event_id', 'notification_events'],
  ['notifications', 'event_id', 'notification_events'],
  ['organizations', 'paired_department_id', 'organizations'],
  ['pairing_pairs', 'organization_id', 'organizations'],
  ['pairing_visit_problems', 'service_request_id', 'service_requests'],
  ['pairing_visit_problems', 'visit_id', 'pairing_visits'],
  ['pairing_visits', 'pair_id', 'pairing_pairs'],
  ['party_organizations', 'organization_id', 'organizations', 'CASCADE'],
  ['project_application_notes', 'application_id', 'project_applications'],
  ['project_applications', 'call_id', 'project_calls'],
  ['project_applications', 'organization_id', 'organizations'],
  ['project_calls', 'alliance_id', 'alliances'],
  ['report_authors', 'organization_id', 'organizations'],
  ['report_authors', 'report_id', 'research_reports'],
  ['report_versions', 'report_id', 'research_reports'],
  ['research_reports', 'alliance_id', 'alliances'],
  ['review_assignments', 'expert_id', 'experts'],
  ['review_assignments', 'report_id', 'research_reports'],
  ['review_assignments', 'round_id', 'review_rounds'],
  ['review_criteria', 'alliance_id', 'alliances'],
  ['review_rounds', 'report_id', 'research_reports'],
  ['review_rounds', 'version_id', 'report_versions'],
  ['room_reservations', 'booking_id', 'venue_bookings'],
  ['room_reservations', 'meeting_id', 'meetings'],
  ['room_reservations', 'zone_id', 'venue_zones'],
  ['routing_rules', 'alliance_id', 'alliances'],
  ['routing_rules', 'category_id', 'service_categories'],
  ['routing_rules', 'target_organization_id', 'organizations'],
  ['service_categories', 'alliance_id', 'alliances'],
  ['service_categories', 'provider_organization_id', 'organizations'],
  ['service_request_attachments', 'request_id', 'service_requests', 'CASCADE'],
  ['service_request_events', 'request_id', 'service_requests', 'CASCADE'],
  ['service_requests', 'alliance_id', 'alliances'],
  ['service_requests', 'assigned_organization_id', 'organizations'],
  ['service_requests', 'category_id', 'service_categories'],
  ['service_requests', 'merged_into_id', 'service_requests'],
  ['service_requests', 'requester_organization_id', 'organizations'],
  ['study_bookings', 'booker_organization_id', 'organizations'],
  ['study_site_photos', 'site_id', 'study_sites'],
  ['study_site_visits', 'booking_id', 'study_bookings'],
  ['study_site_visits', 'site_id', 'study_sites'],
  ['talents', 'organization_id', 'organizations'],
  ['transfer_jobs', 'alliance_id', 'alliances'],
  ['typical_case_photos', 'case_id', 'typical_cases'],
  ['typical_cases', 'alliance_id', 'alliances'],
  ['typical_cases', 'organization_id', 'organizations'],
  ['venue_bookings', 'booker_organization_id', 'organizations'],
  ['venue_bookings', 'venue_id', 'venues'],
  ['venue_bookings', 'zone_id', 'venue_zones'],
  ['venue_photos', 'venue_id', 'venues'],
  ['venue_photos', 'zone_id', 'venue_zones'],
  ['venue_zones', 'venue_id', 'venues'],
];

/**
 * Columns that name a user. users holds platform admins with no tenant_id, and its (tenant_id, id)
 * key would be declared in src/platform/auth; until then these reference users (id) alone. Users are
 * never deleted (the application's role may not).
 */
const USER_COLUMNS = [
  'action_item_updates.author_id', 'action_items.created_by_id', 'action_items.owner_user_id',
  'agenda_items.proposed_by_id', 'calendar_feeds.user_id', 'expert_declarations.user_id', 'experts.user_id',
  'follow_up_tasks.assignee_id', 'indicator_rounds.created_by_id', 'indicator_submissions.submitted_by_id',
  'listing_interest_messages.author_id', 'listing_interests.created_by_id', 'listings.created_by_id',
  'meeting_attendance.user_id', 'meeting_minutes.approved_by_id', 'meeting_participants.attendee_id',
  'meeting_participants.delegated_from_id', 'meetings.chair_id', 'meetings.convener_id',
  'meetings.recorder_id', 'minutes_comments.author_id', 'notification_deliveries.user_id',
  'notification_preferences.user_id', 'notifications.user_id', 'pairing_pairs.official_user_id',
  'pairing_visits.recorded_by_id', 'project_application_notes.author_id',
  'project_applications.created_by_id', 'project_calls.created_by_id', 'report_authors.user_id',
  'report_versions.uploaded_by_id', 'research_reports.submitted_by_id', 'review_rounds.decided_by_id',
  'service_request_attachments.uploaded_by_id', 'service_request_events.actor_user_id',
  'service_requests.handler_id', 'service_requests.requester_user_id', 'study_bookings.booker_user_id',
  'study_site_photos.uploaded_by_id', 'study_site_visits.recorded_by_id', 'talents.created_by_id',
  'transfer_jobs.created_by_id', 'typical_cases.nominated_by_id', 'typical_cases.reviewed_by_id',
  'venue_bookings.booker_user_id', 'venue_bookings.decided_by_id', 'venue_photos.uploaded_by_id',
];

/** Tables whose tenant_id now references tenants (id). */
const TENANT_TABLES = [
  'action_item_updates', 'action_items', 'agenda_items', 'alliance_memberships', 'alliance_showcases',
  'alliances', 'calendar_feeds', 'expert_declarations', 'experts', 'follow_up_tasks', 'group_robots',
  'indicator_rounds', 'indicator_submissions', 'listing_interest_messages', 'listing_interests', 'listings',
  'meeting_attendance', 'meeting_minutes', 'meeting_participants', 'meeting_series', 'meetings',
  'minutes_comments', 'notification_deliveries', 'notification_events', 'notification_preferences',
  'notification_settings', 'notifications', 'organizations', 'outbox_events', 'pairing_pairs',
  'pairing_visit_problems', 'pairing_visits', 'party_organizations', 'project_application_notes',
  'project_applications', 'project_calls', 'report_authors', 'report_versions', 'research_reports',
  'review_assignments', 'review_criteria', 'review_rounds', 'room_reservations', 'routing_rules',
  'service_categories', 'service_request_attachments', 'service_request_events', 'service_requests',
  'study_bookings', 'study_site_photos', 'study_site_visits', 'study_sites', 'talents', 'tenant_counters',
  'transfer_jobs', 'typical_case_photos', 'typical_cases', 'venue_bookings', 'venue_photos', 'venue_zones',
  'venues', 'working_day_overrides',
];

/** The keys InitialSchema made without tenant_id: (table, name, column, parent, on delete). */
const REPLACED: [string, string, string, string, OnDelete][] = [
  ['party_organizations', 'FK_5bc96af994f02f8f86406d2b8d7', 'organization_id', 'organizations', 'CASCADE'],
  ['alliance_memberships', 'FK_b22082fb61bf41c8fbc8d935fe8', 'alliance_id', 'alliances', 'CASCADE'],
  ['alliance_memberships', 'FK_b8fd6d6cd634c1b01a552f42fe1', 'organization_id', 'organizations', 'RESTRICT'],
];

const PARENTS = [...new Set(SAME_TENANT.map(([, , parent]) => parent))];

/**
 * Foreign keys for every uuid column that names a row (test/integration/foreign-keys.test.ts lists
 * the few that do not, and why). Names follow fk_<table>__<column>, which the error filter turns into
 * the request's field (allianceId) when a reference names nothing in the township.
 */
export class SameTenantForeignKeys1795644100000 implements MigrationInterface {
  name = 'SameTenantForeignKeys1795644100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name] of REPLACED) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${name}"`);
    }
    for (const parent of PARENTS) {
      await queryRunner.query(`ALTER TABLE "${parent}" ADD CONSTRAINT "uq_${parent}__tenant_id_id" UNIQUE ("tenant_id", "id")`);
    }
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`
        ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}__tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id")`);
    }
    for (const [table, column, parent, onDelete] of SAME_TENANT) {
      await queryRunner.query(`
        ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}__${column}" FOREIGN KEY ("tenant_id", "${column}")
          REFERENCES "${parent}" ("tenant_id", "id") ON DELETE ${onDelete ?? 'NO ACTION'}`);
    }
    for (const [table, column] of USER_COLUMNS.map((c) => c.split('.'))) {
      await queryRunner.query(`
        ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}__${column}" FOREIGN KEY ("${column}") REFERENCES "users" ("id")`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of USER_COLUMNS.map((c) => c.split('.'))) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "fk_${table}__${column}"`);
    }
    for (const [table, column] of SAME_TENANT) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "fk_${table}__${column}"`);
    }
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "fk_${table}__tenant_id"`);
    }
    for (const parent of PARENTS) {
      await queryRunner.query(`ALTER TABLE "${parent}" DROP CONSTRAINT "uq_${parent}__tenant_id_id"`);
    }
    for (const [table, name, column, parent, onDelete] of REPLACED) {
      await queryRunner.query(`
        ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${parent}" ("id")
          ON DELETE ${onDelete} ON UPDATE NO ACTION`);
    }
  }
}
