/**
 * How the audit log names the rows it records: one descriptor per audited table. The web app turns
 * a descriptor's `kind` into a word (会议, 服务请求 ...); the label comes from the row's own columns
 * or, through `via`, from the row another column points at (a participant is named by its user).
 */
export type LabelSource = { column: string } | { via: string; table: string };

export interface ParentColumn {
  column: string;
  table: string;
}

export interface AuditDescriptor {
  /** Stable key of the kind of object, e.g. `meeting_participant`. */
  kind: string;
  /** A short code shown before the label, e.g. a service request's FW- number. */
  code?: string;
  /** Where the label comes from; the first that gives a value wins. */
  label: LabelSource[];
  /** The object this row belongs to: the first of these columns that is set. */
  parents?: ParentColumn[];
  /** Web path of the object; `:column` is filled from the row (`:id` is its own id). */
  link?: string;
  /** A title is quoted in a sentence (会议《…》); a name is not (参会人 张三). */
  quoted?: boolean;
}

const title: LabelSource[] = [{ column: 'title' }];
const name: LabelSource[] = [{ column: 'name' }];
const organization: LabelSource[] = [{ via: 'organization_id', table: 'organizations' }];
const meeting: ParentColumn[] = [{ column: 'meeting_id', table: 'meetings' }];
const alliance: ParentColumn[] = [{ column: 'alliance_id', table: 'alliances' }];
const report: ParentColumn[] = [{ column: 'report_id', table: 'research_reports' }];

export const AUDIT_DESCRIPTORS: Readonly<Record<string, AuditDescriptor>> = {
  tenants: { kind: 'tenant', label: name },
  users: { kind: 'user', label: [{ column: 'display_name' }], link: '/users' },
  organizations: { kind: 'organization', label: name, link: '/organizations/:id/edit' },
  party_organizations: {
    kind: 'party_organization',
    label: name,
    parents: [{ column: 'organization_id', table: 'organizations' }],
    link: '/organizations/:organization_id/edit',
  },
  alliances: { kind: 'alliance', label: name, link: '/alliances/:id', quoted: true },
  alliance_memberships: {
    kind: 'alliance_membership',
    label: organization,
    parents: alliance,
    link: '/alliances/:alliance_id',
  },
  alliance_showcases: { kind: 'alliance_showcase', label: [{ column: 'slug' }], parents: alliance },
  meetings: { kind: 'meeting', label: title, link: '/meetings/:id', quoted: true },
  meeting_series: { kind: 'meeting_series', label: [], parents: alliance },
  meeting_participants: {
    kind: 'meeting_participant',
    label: [{ via: 'attendee_id', table: 'users' }, ...organization],
    parents: meeting,
    link: '/meetings/:meeting_id',
  },
  agenda_items: { kind: 'agenda_item', label: title, parents: meeting, link: '/meetings/:meeting_id', quoted: true },
  meeting_minutes: { kind: 'meeting_minutes', label: [], parents: meeting, link: '/meetings/:meeting_id' },
  action_items: {
    kind: 'action_item',
    label: title,
    parents: [...meeting, ...report],
    link: '/action-items',
    quoted: true,
  },
  service_requests: {
    kind: 'service_request',
    code: 'number',
    label: title,
    link: '/service-requests/:id',
    quoted: true,
  },
  follow_up_tasks: {
    kind: 'follow_up_task',
    label: [{ via: 'assignee_id', table: 'users' }],
    parents: [{ column: 'request_id', table: 'service_requests' }],
    link: '/service-requests/:request_id',
  },
  service_categories: {
    kind: 'service_category',
    label: name,
    parents: alliance,
    link: '/service-catalogue',
    quoted: true,
  },
  routing_rules: {
    kind: 'routing_rule',
    label: [{ via: 'target_organization_id', table: 'organizations' }],
    parents: alliance,
    link: '/service-catalogue',
  },
  venues: { kind: 'venue', label: name, link: '/venue-admin', quoted: true },
  venue_zones: {
    kind: 'venue_zone',
    label: name,
    parents: [{ column: 'venue_id', table: 'venues' }],
    link: '/venue-admin',
    quoted: true,
  },
  venue_photos: {
    kind: 'venue_photo',
    label: [{ column: 'file_name' }],
    parents: [{ column: 'venue_id', table: 'venues' }],
    link: '/venue-admin',
  },
  venue_bookings: {
    kind: 'venue_booking',
    label: [{ column: 'purpose' }],
    parents: [{ column: 'zone_id', table: 'venue_zones' }],
    link: '/venues/bookings',
    quoted: true,
  },
  study_sites: { kind: 'study_site', label: name, link: '/study-sites', quoted: true },
  study_site_photos: {
    kind: 'study_site_photo',
    label: [{ column: 'file_name' }],
    parents: [{ column: 'site_id', table: 'study_sites' }],
    link: '/study-sites',
  },
  study_bookings: { kind: 'study_booking', label: [{ column: 'group_name' }], link: '/study-route' },
  pairing_pairs: { kind: 'pairing_pair', label: organization, link: '/pairing' },
  pairing_visits: {
    kind: 'pairing_visit',
    label: [{ column: 'visited_on' }],
    parents: [{ column: 'pair_id', table: 'pairing_pairs' }],
    link: '/pairing',
  },
  pairing_visit_problems: {
    kind: 'pairing_visit_problem',
    label: [{ column: 'description' }],
    parents: [{ column: 'visit_id', table: 'pairing_visits' }],
    link: '/pairing',
  },
  listings: { kind: 'listing', label: title, parents: alliance, link: '/resources', quoted: true },
  project_calls: { kind: 'project_call', label: name, link: '/project-calls/:id', quoted: true },
  project_applications: {
    kind: 'project_application',
    label: organization,
    parents: [{ column: 'call_id', table: 'project_calls' }],
    link: '/project-calls/:call_id',
  },
  typical_cases: { kind: 'typical_case', label: title, link: '/cases/:id', quoted: true },
  knowledge_articles: {
    kind: 'knowledge_article',
    label: title,
    parents: alliance,
    link: '/knowledge/:id',
    quoted: true,
  },
  typical_case_photos: {
    kind: 'typical_case_photo',
    label: [],
    parents: [{ column: 'case_id', table: 'typical_cases' }],
    link: '/cases/:case_id',
  },
  indicator_rounds: {
    kind: 'indicator_round',
    label: [{ column: 'period' }],
    parents: alliance,
    link: '/indicators/:id',
  },
  indicator_submissions: {
    kind: 'indicator_submission',
    label: organization,
    parents: [{ column: 'round_id', table: 'indicator_rounds' }],
    link: '/indicators/:round_id',
  },
  research_reports: { kind: 'research_report', label: title, link: '/think-tank/reports/:id', quoted: true },
  review_rounds: {
    kind: 'review_round',
    label: [{ column: 'number' }],
    parents: report,
    link: '/think-tank/reports/:report_id',
  },
  review_assignments: {
    kind: 'review_assignment',
    label: [{ via: 'expert_id', table: 'experts' }],
    parents: report,
    link: '/think-tank/reports/:report_id',
  },
  review_criteria: {
    kind: 'review_criterion',
    label: [{ column: 'label' }],
    parents: alliance,
    link: '/think-tank/rubrics',
    quoted: true,
  },
  experts: { kind: 'expert', label: [{ via: 'user_id', table: 'users' }], link: '/think-tank/experts' },
  expert_declarations: {
    kind: 'expert_declaration',
    label: organization,
    parents: [{ column: 'expert_id', table: 'experts' }],
    link: '/think-tank/experts',
  },
  group_robots: {
    kind: 'group_robot',
    label: name,
    parents: alliance,
    link: '/settings/notification-center',
    quoted: true,
  },
};

/** A refused access is about a route, not a row (entity_type `route`). */
export const REFUSED_ROUTE_KIND = 'route';

/** The kind of a table without a descriptor. */
export const GENERIC_KIND = 'record';

/**
 * Columns, wherever they occur, that point at a row worth naming when their value changes
 * (a handler or an assigned organisation), by the table they point at.
 */
export const REFERENCE_COLUMNS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    [
      'user_id',
      'handler_id',
      'requester_user_id',
      'convener_id',
      'chair_id',
      'recorder_id',
      'attendee_id',
      'delegated_from_id',
      'owner_user_id',
      'created_by_id',
      'approved_by_id',
      'decided_by_id',
      'reviewed_by_id',
      'nominated_by_id',
      'submitted_by_id',
      'recorded_by_id',
      'uploaded_by_id',
      'booker_user_id',
      'official_user_id',
      'proposed_by_id',
      'assignee_id',
    ].map((column) => [column, 'users']),
  ),
  ...Object.fromEntries(
    [
      'organization_id',
      'requester_organization_id',
      'assigned_organization_id',
      'owner_organization_id',
      'proposed_by_organization_id',
      'target_organization_id',
      'provider_organization_id',
      'booker_organization_id',
      'affiliation_organization_id',
      'paired_department_id',
    ].map((column) => [column, 'organizations']),
  ),
  alliance_id: 'alliances',
  category_id: 'service_categories',
  venue_id: 'venues',
  zone_id: 'venue_zones',
  meeting_id: 'meetings',
  service_request_id: 'service_requests',
  merged_into_id: 'service_requests',
  request_id: 'service_requests',
  expert_id: 'experts',
  report_id: 'research_reports',
};

/**
 * Columns whose values never leave the server, whatever the table: secrets and codes that grant
 * access (a meeting's check-in code, a study site's QR token), and reviewers' notes for the editor
 * only. A change to one is listed without its values.
 */
export const HIDDEN_COLUMNS: ReadonlySet<string> = new Set([
  'password_hash',
  'invitation_token_hash',
  'webhook_url_encrypted',
  'secret_encrypted',
  'storage_key',
  'check_in_code',
  'qr_token',
  'confidential_comments',
  'idempotency_key',
  'idempotency_request_hash',
]);

/** Bookkeeping that is not worth a line in "what changed". */
export const NOISE_COLUMNS: ReadonlySet<string> = new Set([
  'id',
  'tenant_id',
  'created_at',
  'updated_at',
  'version',
  'search_text',
  'search_vector',
  'next_sla_check_at',
  'last_digest_at',
  'reminders_sent',
  'last_chased_at',
]);

/** `review_assignments` → `Review assignments`: the name of a table without a descriptor. */
export function humanizeTable(table: string): string {
  const words = table.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
